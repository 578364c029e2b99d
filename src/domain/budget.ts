// Budgets on a continuous spend: money accrues while people work, at their rate, on their working
// calendar. Spend is then a piecewise-linear function of simulated time, and the instant it reaches
// a threshold can be worked out exactly rather than noticed when a slice of work happens to end.

import type { Hours } from '../kernel/time.ts';
import { type Calendar, isWorking, nextChange } from './calendar.ts';

/**
 * What the org does once a budget is spent (alerts are raised under every policy): nothing more
 * (`alert`); the EM refuses new instructions (`stopIntake`); only P0 work goes on (`p0Only`); the
 * run ends (`stopRun`). A daily budget's effect lasts until the day ends.
 */
export const BUDGET_POLICIES = ['alert', 'stopIntake', 'p0Only', 'stopRun'] as const;

export type BudgetPolicy = (typeof BUDGET_POLICIES)[number];

/** Someone at work: what their hour costs, and when their hours count. */
export interface Accrual {
  readonly usdPerHour: number;
  readonly calendar: Calendar;
}

/**
 * The first instant at or after `now` at which the spend reaches `target`, given `spentNow` and
 * the people at work (who keep working at their rate through their calendars' windows); null if it
 * does not by `until` (never, by default). Between two window edges of the calendars the spend is
 * linear, so the crossing inside a segment is solved exactly.
 */
export function crossingTime(
  now: Hours,
  spentNow: number,
  active: readonly Accrual[],
  target: number,
  until: Hours = Number.POSITIVE_INFINITY,
): Hours | null {
  if (spentNow >= target) return now;
  // People on one calendar share its edges: one rate per calendar keeps the walk short.
  const rates = new Map<Calendar, number>();
  for (const a of active)
    if (a.usdPerHour > 0) rates.set(a.calendar, (rates.get(a.calendar) ?? 0) + a.usdPerHour);
  if (rates.size === 0) return null;
  let t = now;
  let spent = spentNow;
  // Every calendar has a working day, so some rate is positive within a week of any instant.
  while (t < until) {
    let rate = 0;
    let next = Number.POSITIVE_INFINITY;
    for (const [calendar, usdPerHour] of rates) {
      if (isWorking(t, calendar)) rate += usdPerHour;
      next = Math.min(next, nextChange(t, calendar));
    }
    if (rate > 0) {
      const at = t + (target - spent) / rate;
      if (at <= next) return at <= until ? at : null;
      spent += rate * (next - t);
    }
    t = next;
  }
  return null;
}
