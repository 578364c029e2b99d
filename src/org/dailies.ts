// The daily rituals' clock: each ritual fires at its hour every day while the org has work in
// flight, and not at all while it has none, so an idle stretch costs no events however long it is.
// When work arrives again each ritual resumes at its next hour, and learns which of its days it
// missed, so day-indexed state (a daily budget, standup reports) comes back right.

import type { Kernel, Scheduled } from '../kernel/kernel.ts';
import { dayOf, HOURS_PER_DAY, type Hours } from '../kernel/time.ts';

export interface DailyRitual {
  /** Hour of the day it is held at, 0 ≤ hour < 24. */
  readonly hour: Hours;
  /** Holds the ritual of `day`; false ends it for the rest of the run (a stalled run). */
  hold(day: number): boolean;
  /**
   * Work arrives after the org skipped the ritual on some days (the last one at `lastSkipped`):
   * called at that moment, before the work is taken in.
   */
  skipped?(lastSkipped: Hours): void;
}

interface Entry {
  readonly ritual: DailyRitual;
  /** The next day's timer; null while the org is idle or once the ritual has ended. */
  timer: Scheduled | null;
  /** The first day whose ritual has been neither held nor known to be skipped. */
  nextDay: number;
  ended: boolean;
}

export class DailyRituals {
  private readonly entries: Entry[] = [];

  constructor(
    private readonly kernel: Kernel,
    /** Whether the org has work in flight now: rituals run only then. */
    private readonly busy: () => boolean,
  ) {}

  /** Adds a ritual; it first runs when work arrives (`wake`). */
  add(ritual: DailyRitual): void {
    this.entries.push({ ritual, timer: null, nextDay: 0, ended: false });
  }

  /**
   * Work arrived: every ritual not already running is scheduled at its next hour (now included),
   * after telling it about the days it skipped.
   */
  wake(): void {
    const now = this.kernel.now;
    for (const entry of this.entries) {
      if (entry.timer !== null || entry.ended) continue;
      const { hour } = entry.ritual;
      let day = dayOf(now);
      if (day * HOURS_PER_DAY + hour < now) day++;
      if (day > entry.nextDay) entry.ritual.skipped?.((day - 1) * HOURS_PER_DAY + hour);
      entry.nextDay = day;
      entry.timer = this.kernel.scheduleAt(day * HOURS_PER_DAY + hour, () => this.fire(entry));
    }
  }

  /** Nothing is in flight any more: every ritual stops until work arrives again. */
  sleep(): void {
    for (const entry of this.entries) {
      if (entry.timer !== null) this.kernel.cancel(entry.timer);
      entry.timer = null;
    }
  }

  private fire(entry: Entry): void {
    entry.timer = null;
    if (!this.busy()) return;
    entry.nextDay++;
    if (!entry.ritual.hold(dayOf(this.kernel.now))) {
      entry.ended = true;
      return;
    }
    // From one day's hour to the next: the same arithmetic whatever the gap before it.
    entry.timer = this.kernel.schedule(HOURS_PER_DAY, () => this.fire(entry));
  }
}
