// The load over time, from the work logged: each day's utilisation of each domain's ICs (hours
// worked ÷ hours available that day) and the money spent by each sample time, each slice's cost
// spread over its working hours as it accrued.

import { dayOf, HOURS_PER_DAY, type Hours } from '../../kernel/time.ts';
import type { LogRecord } from '../../log/event-log.ts';
import { round } from '../stats.ts';
import {
  type Absences,
  availableHours,
  calendarAt,
  hoursWithin,
  type RunStart,
} from '../timeline.ts';
import type { Series } from './flow.ts';

type Work = Extract<LogRecord, { type: 'work' }>;
type Person = RunStart['people'][number];

/**
 * Per domain, each day's utilisation of its ICs: hours worked ÷ hours available, to 3 decimals,
 * the last day up to `end`; null on a day nobody in the domain was available (a weekend, everyone
 * away).
 */
export function utilisationByDay(
  work: readonly Work[],
  people: readonly Person[],
  away: Absences,
  days: number,
  end: Hours,
): Series<number | null>[] {
  const ics = new Map(people.filter((p) => p.role === 'IC').map((p) => [p.id, p]));
  const busy = new Map<string, number[]>();
  const available = new Map<string, number[]>();
  for (const p of ics.values()) {
    const domain = p.domain ?? '';
    if (!available.has(domain)) {
      available.set(domain, new Array<number>(days).fill(0));
      busy.set(domain, new Array<number>(days).fill(0));
    }
    const hours = available.get(domain) as number[];
    // The last day counts up to the end of the run only.
    for (let day = 0; day < days; day++) {
      const to = Math.min(end, (day + 1) * HOURS_PER_DAY);
      hours[day] = (hours[day] ?? 0) + availableHours(away, p, day * HOURS_PER_DAY, to);
    }
  }
  for (const w of work) {
    const p = ics.get(w.person);
    if (p === undefined) continue;
    const hours = busy.get(p.domain ?? '') as number[];
    const calendar = calendarAt(away, p, w.startedAt);
    for (let day = dayOf(w.startedAt); day < days && day * HOURS_PER_DAY < w.t; day++)
      hours[day] =
        (hours[day] ?? 0) +
        hoursWithin(w, day * HOURS_PER_DAY, (day + 1) * HOURS_PER_DAY, calendar);
  }
  return [...available]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, hours]) => ({
      name,
      values: hours.map((h, day) => (h > 0 ? round((busy.get(name)?.[day] ?? 0) / h, 3) : null)),
    }));
}

/** The money spent by each sample time (to the cent), as it accrued over each slice's hours. */
export function spendBySample(
  work: readonly Work[],
  people: ReadonlyMap<string, Person>,
  away: Absences,
  step: Hours,
  samples: number,
): number[] {
  // What accrued in (sample k − 1, sample k], summed into what was spent by sample k.
  const accrued = new Array<number>(samples).fill(0);
  for (const w of work) {
    if (w.costUsd === 0) continue;
    const p = people.get(w.person);
    const calendar = p && calendarAt(away, p, w.startedAt);
    const last = Math.min(samples - 1, Math.ceil(w.t / step));
    if (w.hours === 0 || calendar === undefined) {
      accrued[last] = (accrued[last] ?? 0) + w.costUsd;
      continue;
    }
    for (let k = Math.max(1, Math.ceil(w.startedAt / step)); k <= last; k++) {
      const share = hoursWithin(w, (k - 1) * step, k * step, calendar) / w.hours;
      accrued[k] = (accrued[k] ?? 0) + w.costUsd * share;
    }
  }
  let spent = 0;
  return accrued.map((usd) => {
    spent += usd;
    return round(spent);
  });
}
