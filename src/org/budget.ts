// The run's budgets, watched continuously. Spend accrues while people work, so the watch keeps one
// kernel event at the instant the next threshold will be crossed, and moves it whenever anyone
// starts or stops work. At the crossing it logs the alert or the exhaustion with the exact spend
// and applies the scenario's policy; a daily budget starts again at each midnight.

import type { DeskEmitted } from '../../machines/desk.ts';
import { crossingTime } from '../domain/budget.ts';
import { type Calendar, workingHoursBetween } from '../domain/calendar.ts';
import { Priority, type Scheduled } from '../kernel/kernel.ts';
import { dayOf, type Hours } from '../kernel/time.ts';
import type { BudgetScope } from '../log/records.ts';
import type { CostConfig } from '../scenario/config.ts';
import { workRate } from './cost.ts';
import type { World } from './world.ts';

/** Someone's work under way: accruing at their rate since `since`, on their calendar. */
interface Slice {
  readonly since: Hours;
  readonly usdPerHour: number;
  readonly calendar: Calendar;
}

/** A share of a budget at which something happens: an alert, or (at 1) its exhaustion. */
interface Threshold {
  readonly share: number;
  readonly exhausts: boolean;
}

/** Relative slack for a spend "at" a level: the rounding of the crossing's arithmetic. */
const EPSILON = 1e-9;

/**
 * How far ahead a crossing is looked for. Work starts or stops long before a far-off crossing, so
 * the walk over calendar windows stops here and looks again from this point if nothing did.
 */
const LOOKAHEAD: Hours = 7 * 24;

export class BudgetWatch {
  private readonly active = new Map<string, Slice>();
  private readonly thresholds: readonly Threshold[];
  /** The next threshold of the run's budget and of today's, by index. */
  private runNext = 0;
  private dayNext = 0;
  private day = 0;
  /** Spend at the start of the current day. */
  private dayBase = 0;
  private runSpent = false;
  private daySpent = false;
  private timer: Scheduled | null = null;
  private target = 0;
  private refusals = 0;
  private stopping = false;
  private stopped = false;

  constructor(
    private readonly world: World,
    private readonly cost: CostConfig,
  ) {
    this.thresholds = [
      ...cost.alerts.map((share) => ({ share, exhausts: false })),
      { share: 1, exhausts: true },
    ].sort((a, b) => a.share - b.share || Number(a.exhausts) - Number(b.exhausts));
  }

  /** Whether a budget ended the run (stopRun, or only held work left that cannot resume). */
  get endedRun(): boolean {
    return this.stopping;
  }

  /** Whether the kernel should stop now. */
  get halted(): boolean {
    return this.stopped;
  }

  /** Instructions refused at intake so far. */
  get refused(): number {
    return this.refusals;
  }

  /** The spend by now: finished slices, and slices under way pro rata of their working hours. */
  spent(): number {
    const now = this.world.now;
    let total = this.world.spentUsd;
    for (const s of this.active.values())
      total += s.usdPerHour * workingHoursBetween(s.since, now, s.calendar);
    return total;
  }

  /** Follows the desks: every start or stop of work changes how fast money is spent. */
  observe(event: DeskEmitted): void {
    if (event.type === 'work.started') {
      const person = this.world.roster.person(event.person);
      this.active.set(event.person, {
        since: event.startedAt,
        usdPerHour: workRate(this.world, person, event.activity).usdPerHour,
        calendar: event.calendar,
      });
    } else {
      this.active.delete(event.person);
      this.checkStuck();
    }
    this.reschedule();
  }

  /**
   * Whether the EM refuses an instruction now, and why (counted as a refusal); null: take it.
   * Only under stopIntake, while the run's or the day's budget is spent.
   */
  refuse(): string | null {
    if (this.cost.policy !== 'stopIntake') return null;
    const reason = this.runSpent ? 'budget spent' : this.daySpent ? 'daily budget spent' : null;
    if (reason !== null) this.refusals++;
    return reason;
  }

  /** A new day of the org's clock: the daily budget starts again, and its policy is lifted. */
  midnight(): void {
    this.day = dayOf(this.world.now);
    this.dayBase = this.spent();
    this.dayNext = 0;
    if (this.daySpent) {
      this.daySpent = false;
      this.world.record({ type: 'budget.reset', scope: 'day', day: this.day });
      if (this.cost.policy === 'p0Only' && !this.runSpent) this.world.holdDesks(null);
    }
    this.reschedule();
  }

  /**
   * Under p0Only with the run's budget spent, the run is over once every instruction has arrived
   * and no P0 work is left: everything else is held for good.
   */
  checkStuck(): void {
    if (this.stopping || !this.runSpent || this.cost.policy !== 'p0Only') return;
    const w = this.world.workload;
    if (w.received < w.expected || (w.openByPriority[0] ?? 0) > 0) return;
    for (const spec of w.pending.values()) if (spec.priority === 0) return;
    this.stop();
  }

  /** The spend at which the next threshold of either budget falls, or null if none is left. */
  private nextLevel(): number | null {
    let level = Number.POSITIVE_INFINITY;
    const run = this.cost.budgetUsd;
    const daily = this.cost.dailyBudgetUsd;
    const t = this.thresholds;
    if (run !== null && this.runNext < t.length) level = (t[this.runNext] as Threshold).share * run;
    if (daily !== null && this.dayNext < t.length)
      level = Math.min(level, this.dayBase + (t[this.dayNext] as Threshold).share * daily);
    return Number.isFinite(level) ? level : null;
  }

  private reschedule(): void {
    const kernel = this.world.kernel;
    if (this.timer !== null) kernel.cancel(this.timer);
    this.timer = null;
    const target = this.nextLevel();
    if (target === null || this.stopping) return;
    const active = [...this.active.values()];
    if (!active.some((s) => s.usdPerHour > 0)) return;
    const until = this.world.now + LOOKAHEAD;
    const at = crossingTime(this.world.now, this.spent(), active, target, until);
    this.target = target;
    this.timer = kernel.scheduleAt(
      at ?? until,
      () => {
        this.timer = null;
        if (at === null) this.reschedule();
        else this.cross();
      },
      Priority.event,
    );
  }

  /** At the predicted crossing: every threshold now reached, in order, then the next one. */
  private cross(): void {
    const spent = this.spent();
    // The crossing was solved for `target`: it counts as reached whatever the last bit says.
    const reached = Math.max(spent, this.target) + EPSILON * Math.max(1, this.target);
    const t = this.thresholds;
    const run = this.cost.budgetUsd;
    const daily = this.cost.dailyBudgetUsd;
    while (run !== null && this.runNext < t.length) {
      const threshold = t[this.runNext] as Threshold;
      if (threshold.share * run > reached || this.stopping) break;
      this.runNext++;
      this.reach('run', threshold, spent, run);
    }
    while (daily !== null && this.dayNext < t.length) {
      const threshold = t[this.dayNext] as Threshold;
      if (this.dayBase + threshold.share * daily > reached || this.stopping) break;
      this.dayNext++;
      this.reach('day', threshold, spent - this.dayBase, daily);
    }
    this.reschedule();
    this.checkStuck();
  }

  private reach(scope: BudgetScope, threshold: Threshold, spent: number, budget: number): void {
    const day = scope === 'day' ? { day: this.day } : {};
    if (!threshold.exhausts) {
      this.world.record({
        type: 'budget.alert',
        scope,
        ...day,
        threshold: threshold.share,
        spentUsd: spent,
        budgetUsd: budget,
        share: spent / budget,
      });
      return;
    }
    const policy = this.cost.policy;
    this.world.record({
      type: 'budget.exhausted',
      scope,
      ...day,
      spentUsd: spent,
      budgetUsd: budget,
      policy,
    });
    if (scope === 'run') this.runSpent = true;
    else this.daySpent = true;
    if (policy === 'p0Only') this.world.holdDesks(0);
    if (policy === 'stopRun') this.stop();
  }

  /** Ends the run now: every desk stops (its slice logged), then the kernel halts. */
  private stop(): void {
    this.stopping = true;
    this.world.holdDesks(-1);
    // After the holds, which are delivered at this same instant.
    this.world.kernel.schedule(0, () => {
      this.stopped = true;
    });
  }
}
