// The budget's story on hand-written logs: what was spent against the run's and the day's budget,
// the alerts and exhaustions as logged, the instructions refused, and each day's spend with a slice
// of work split at midnight. Every figure was worked out by hand (below) before the collector ran.

import { describe, expect, it } from 'vitest';
import { budgetStatus, spendByDay } from '../../src/collect/budget.ts';
import type { LogRecord } from '../../src/log/event-log.ts';
import type { BudgetScope } from '../../src/log/records.ts';
import {
  decision,
  exhausted,
  ic,
  OFFICE,
  person,
  received,
  runEnd,
  runStart,
  work,
} from './log-builder.ts';

type Of<T extends LogRecord['type']> = Extract<LogRecord, { type: T }>;

/** A run start with a run budget and a daily budget (null for none), alerting at 30 % and 80 %. */
function start(
  people: Parameters<typeof runStart>[0],
  budget: number | null,
  daily: number | null,
) {
  const base = runStart(people, budget) as Of<'run.start'>;
  return { ...base, dailyBudgetUsd: daily, budgetAlerts: [0.3, 0.8] } satisfies LogRecord;
}

/** The run's end, with the spend it accrued (work under way at the horizon included). */
const endWith = (t: number, spentUsd?: number) =>
  ({
    ...runEnd(t, 'horizon'),
    ...(spentUsd === undefined ? {} : { spentUsd }),
  }) satisfies LogRecord;

function alert(
  t: number,
  scope: BudgetScope,
  threshold: number,
  spentUsd: number,
  budgetUsd: number,
  day?: number,
): LogRecord {
  return {
    t,
    type: 'budget.alert',
    scope,
    ...(day === undefined ? {} : { day }),
    threshold,
    spentUsd,
    budgetUsd,
    share: spentUsd / budgetUsd,
  };
}

/**
 * A run budget of $15 and a daily budget of $10; em and ic-a work 24 h a day.
 *   ic-a executes 20–28 for $8 ($1 an hour): 4 h before midnight, 4 after → day 0 $4, day 1 $4.
 *   em's intake 30–36 for $3 ($0.5 an hour) → day 1.
 *   ic-a executes 44–48 for $6 ($1.5 an hour), ending exactly at midnight → day 1 (and nothing for
 *   day 2). Day 0: $4 (0.4 of the daily budget); day 1: 4 + 3 + 6 = $13 (1.3).
 *   Worked: 8 + 3 + 6 = $17; the run ends at its horizon (48) with em's intake 47–48 ($0.5)
 *   still under way: spent 17.5, 17.5 / 15 = 1.1667 → 1.167 of the run's budget, over it.
 * Alerts (as the run logged them):
 *   day 0 at 30 % ($3): 20 + 3 h = 23.           run at 30 % ($4.5): 4 by 24, + 0.5 h → 24.5.
 *   day 1 at 30 % ($3): 24 + 3 h = 27.
 *   day 1 at 80 % ($8): 7 by 36, + 1/1.5 h → 44.6667; run at 80 % ($12): 11 by 36, same instant.
 * Exhausted: day 1 ($10): 7 + 1.5 × 2 → 46; the run ($15): 11 + 1.5 × 8/3 → 46.6667 (also day 1:
 *   the day's exhaustion, not the run's, is the day's).
 * I1 is taken at 0.5; I2, arriving at 47 after the budget ran out, is refused.
 */
function dailyLog(): LogRecord[] {
  return [
    start([person('em', 'EM'), ic('ic-a', 'backend')], 15, 10),
    received(0, 'I1'),
    decision(0.5, 'I1', true, 'within budget'),
    alert(23, 'day', 0.3, 3, 10, 0),
    alert(24.5, 'run', 0.3, 4.5, 15),
    alert(27, 'day', 0.3, 3, 10, 1),
    work(28, 'ic-a', 'execute', 20, 20, 'T1', { costUsd: 8, instruction: 'I1' }),
    work(36, 'em', 'intake', 30, 30, undefined, { costUsd: 3, instruction: 'I1' }),
    alert(44 + 2 / 3, 'day', 0.8, 8, 10, 1),
    alert(44 + 2 / 3, 'run', 0.8, 12, 15),
    exhausted(46, 'day', 10, 10, 1),
    exhausted(46 + 2 / 3, 'run', 15, 15),
    received(47, 'I2'),
    decision(47, 'I2', false, 'budget exhausted'),
    work(48, 'ic-a', 'execute', 44, 44, 'T2', { costUsd: 6, instruction: 'I1' }),
    endWith(48, 17.5),
  ];
}

describe('budget status', () => {
  it('reads the run budget, the spend at the end (work under way included) and its share', () => {
    const b = budgetStatus(dailyLog());
    expect(b.budgetUsd).toBe(15);
    expect(b.dailyBudgetUsd).toBe(10);
    expect(b.policy).toBe('stopIntake');
    // The run.end's 17.5, not the 17 the work records add up to.
    expect(b.spentUsd).toBe(17.5);
    expect(b.used).toBe(1.167);
    expect(b.overBudget).toBe(true);
  });

  it('lists the alerts and exhaustions as logged, a day kept only for the daily budget', () => {
    const b = budgetStatus(dailyLog());
    // toStrictEqual: a run-wide alert has no `day` key at all.
    expect(b.alerts).toStrictEqual([
      { scope: 'day', day: 0, threshold: 0.3, t: 23, spentUsd: 3 },
      { scope: 'run', threshold: 0.3, t: 24.5, spentUsd: 4.5 },
      { scope: 'day', day: 1, threshold: 0.3, t: 27, spentUsd: 3 },
      { scope: 'day', day: 1, threshold: 0.8, t: 44.6667, spentUsd: 8 },
      { scope: 'run', threshold: 0.8, t: 44.6667, spentUsd: 12 },
    ]);
    // The first alert on the run's budget (24.5), not the day 0 alert before it (23).
    expect(b.alertAt).toBe(24.5);
    expect(b.exhausted).toStrictEqual([
      { scope: 'day', day: 1, t: 46, spentUsd: 10 },
      { scope: 'run', t: 46.6667, spentUsd: 15 },
    ]);
    expect(b.refused).toStrictEqual([{ instruction: 'I2', t: 47, reason: 'budget exhausted' }]);
  });

  it("gives each day's spend against the daily budget and when the day's budget ran out", () => {
    const b = budgetStatus(dailyLog());
    // Day 1 ran out at 46 (its own exhaustion; the run's at 46.6667 is not the day's). The last
    // slice ends exactly at midnight: no day 2.
    expect(b.days).toStrictEqual([
      { day: 0, spentUsd: 4, used: 0.4, exhaustedAt: null },
      { day: 1, spentUsd: 13, used: 1.3, exhaustedAt: 46 },
    ]);
    expect(spendByDay(dailyLog())).toEqual([4, 13]);
  });

  it('files a day exhaustion logged without its day under the day of its time', () => {
    // Daily budget $5, no run budget: ic-a works 0–10 for $10 ($1 an hour, all day 0); the day's
    // budget ran out at 5 (logged with no day). No run budget: no share, never over it.
    const log: LogRecord[] = [
      start([ic('ic-a', 'backend')], null, 5),
      received(0, 'I1'),
      exhausted(5, 'day', 5, 5),
      work(10, 'ic-a', 'execute', 0, 0, 'T1', { costUsd: 10 }),
      endWith(10),
    ];
    const b = budgetStatus(log);
    expect(b.days).toStrictEqual([{ day: 0, spentUsd: 10, used: 2, exhaustedAt: 5 }]);
    expect(b.exhausted).toStrictEqual([{ scope: 'day', t: 5, spentUsd: 5 }]);
    expect(b.alerts).toStrictEqual([]);
    expect(b.alertAt).toBe(null);
    // No spentUsd on the run.end: the work records' $10.
    expect(b.spentUsd).toBe(10);
    expect(b.used).toBe(null);
    expect(b.overBudget).toBe(false);
  });

  it('takes the work records, not the last exhaustion of a cut log, as the spend', () => {
    // Budget $10. Work logged: 0–6 for $6. The log is cut just after the run budget ran out at 8,
    // with $4 accrued by a slice still under way: the work records say $6 (0.6).
    const log: LogRecord[] = [
      start([ic('ic-a', 'backend')], 10, null),
      received(0, 'I1'),
      work(6, 'ic-a', 'execute', 0, 0, 'T1', { costUsd: 6 }),
      exhausted(8, 'run', 10, 10),
    ];
    const b = budgetStatus(log);
    expect(b.spentUsd).toBe(6);
    expect(b.used).toBe(0.6);
    expect(b.overBudget).toBe(false);
    expect(b.days).toStrictEqual([]);
  });

  it('is over budget only beyond a billionth of it', () => {
    // Budget $15; spent exactly 15, then 15 plus a billionth (float noise), then 15.01.
    const status = (spent: number) =>
      budgetStatus([start([ic('ic-a', 'backend')], 15, null), endWith(10, spent)]);
    expect(status(15).overBudget).toBe(false);
    expect(status(15).used).toBe(1);
    expect(status(15 * (1 + 1e-9)).overBudget).toBe(false);
    expect(status(15.01).overBudget).toBe(true);
    expect(status(15.01).used).toBe(1.001);
  });
});

describe('spend by day', () => {
  it('splits slices at midnight by working hours, and skips people off the roster', () => {
    // ic-o works 09:00–17:00. Its slice from 15 (day 0) to 35 (day 1, 11:00) had 2 working hours
    // each side of midnight (15–17, 33–35): $8 → $4 + $4. ic-a (24 h) works 50–52 for $3 (day 2).
    // A slice of no hours, and one by 'ghost' (not on the roster), add nothing.
    const log: LogRecord[] = [
      start([ic('ic-o', 'backend', OFFICE), ic('ic-a', 'backend')], null, null),
      work(12, 'ghost', 'execute', 10, 10, 'T0', { costUsd: 5 }),
      work(35, 'ic-o', 'execute', 15, 15, 'T1', { costUsd: 8, hours: 4 }),
      work(40, 'ic-a', 'standup', 40, 40, undefined, { costUsd: 1 }),
      work(52, 'ic-a', 'execute', 50, 50, 'T2', { costUsd: 3 }),
      endWith(52),
    ];
    expect(spendByDay(log)).toEqual([4, 4, 3]);
  });

  it('leaves a day with no work at zero', () => {
    // ic-a works 2–4 ($2, day 0) and 50–51 ($1, day 2): day 1 spent nothing.
    const log: LogRecord[] = [
      start([ic('ic-a', 'backend')], null, null),
      work(4, 'ic-a', 'execute', 2, 2, 'T1', { costUsd: 2 }),
      work(51, 'ic-a', 'execute', 50, 50, 'T1', { costUsd: 1 }),
    ];
    expect(spendByDay(log)).toEqual([2, 0, 1]);
  });
});
