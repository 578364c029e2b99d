// The budget's story, from the log: what was spent against each budget, when the alerts fired and
// a budget ran out, which instructions were refused, and the spend of each day of the org's clock.

import type { BudgetPolicy } from '../domain/budget.ts';
import { workingHoursBetween } from '../domain/calendar.ts';
import { dayOf, HOURS_PER_DAY, type Hours } from '../kernel/time.ts';
import type { BudgetScope } from '../log/records.ts';
import { round } from './stats.ts';
import { absences, calendarAt, type LogInput, ofType, runStart, viewOf } from './timeline.ts';

export interface BudgetStatus {
  readonly budgetUsd: number | null;
  readonly dailyBudgetUsd: number | null;
  readonly policy: BudgetPolicy;
  /** Spent by the end of the run, work under way at a horizon included. */
  readonly spentUsd: number;
  /** spentUsd ÷ budgetUsd; null without a run budget. */
  readonly used: number | null;
  /** When the first alert on the run's budget fired. */
  readonly alertAt: Hours | null;
  readonly alerts: Array<{
    scope: BudgetScope;
    day?: number;
    threshold: number;
    t: Hours;
    spentUsd: number;
  }>;
  readonly exhausted: Array<{ scope: BudgetScope; day?: number; t: Hours; spentUsd: number }>;
  /** More was spent than the run's budget. */
  readonly overBudget: boolean;
  readonly refused: Array<{ instruction: string; t: Hours; reason: string }>;
  /** With a daily budget: each day's spend, its share of the budget, and when it ran out. */
  readonly days: Array<{ day: number; spentUsd: number; used: number; exhaustedAt: Hours | null }>;
}

/**
 * The spend of each day of the org's clock: each slice of work split at midnight in proportion to
 * the working hours it had on either side.
 */
export function spendByDay(input: LogInput): number[] {
  const log = viewOf(input);
  const people = new Map(runStart(log).people.map((p) => [p.id, p]));
  const away = absences(log);
  const days: number[] = [];
  for (const w of ofType(log, 'work')) {
    const person = people.get(w.person);
    if (w.hours <= 0 || person === undefined) continue;
    // A slice is worked on one calendar: an overtime starting or ending splits it.
    const calendar = calendarAt(away, person, w.startedAt);
    for (let day = dayOf(w.startedAt); day * HOURS_PER_DAY < w.t; day++) {
      const from = Math.max(w.startedAt, day * HOURS_PER_DAY);
      const to = Math.min(w.t, (day + 1) * HOURS_PER_DAY);
      const share = workingHoursBetween(from, to, calendar) / w.hours;
      days[day] = (days[day] ?? 0) + w.costUsd * share;
    }
  }
  return Array.from(days, (usd) => usd ?? 0);
}

export function budgetStatus(input: LogInput): BudgetStatus {
  const log = viewOf(input);
  const start = runStart(log);
  const end = log.records.at(-1);
  const worked = ofType(log, 'work').reduce((s, w) => s + w.costUsd, 0);
  const spent = end?.type === 'run.end' && end.spentUsd !== undefined ? end.spentUsd : worked;
  const budget = start.budgetUsd;
  const daily = start.dailyBudgetUsd;
  const alerts = ofType(log, 'budget.alert').map((a) => ({
    scope: a.scope,
    ...(a.day === undefined ? {} : { day: a.day }),
    threshold: a.threshold,
    t: round(a.t, 4),
    spentUsd: round(a.spentUsd),
  }));
  const exhausted = ofType(log, 'budget.exhausted');
  const dayExhausted = new Map(
    exhausted.filter((e) => e.scope === 'day').map((e) => [e.day ?? dayOf(e.t), e.t]),
  );
  return {
    budgetUsd: budget,
    dailyBudgetUsd: daily,
    policy: start.budgetPolicy,
    spentUsd: round(spent),
    used: budget ? round(spent / budget, 3) : null,
    alertAt: alerts.find((a) => a.scope === 'run')?.t ?? null,
    alerts,
    exhausted: exhausted.map((e) => ({
      scope: e.scope,
      ...(e.day === undefined ? {} : { day: e.day }),
      t: round(e.t, 4),
      spentUsd: round(e.spentUsd),
    })),
    overBudget: budget !== null && spent > budget * (1 + 1e-9),
    refused: ofType(log, 'instruction.decided')
      .filter((d) => !d.go)
      .map((d) => ({ instruction: d.instruction, t: round(d.t), reason: d.reason })),
    days:
      daily === null
        ? []
        : spendByDay(log).map((usd, day) => ({
            day,
            spentUsd: round(usd),
            used: round(usd / daily, 3),
            exhaustedAt: dayExhausted.has(day) ? round(dayExhausted.get(day) ?? 0, 4) : null,
          })),
  };
}
