// Budgets on whole runs: thresholds fire at the exact instant of crossing, each policy does what it
// says, a daily budget starts again at midnight, and the outcome says what happened. A one-IC org
// whose only cost is its backend IC at $10 an hour ($0.15 of tokens + $9.85), with every overhead
// at zero, so each figure is worked out by hand. Every run is checked on both engines.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collect } from '../../src/collect/index.ts';
import type { BudgetPolicy } from '../../src/domain/budget.ts';
import {
  ALWAYS,
  type Calendar,
  OFFICE_HOURS,
  workingHoursBetween,
} from '../../src/domain/calendar.ts';
import type { LogRecord } from '../../src/log/event-log.ts';
import { runSimulation } from '../../src/org/run.ts';
import type { CostConfig, InstructionSpec, SimConfig } from '../../src/scenario/config.ts';
import { DEFAULT_COST, defaultConfig, defaultOrg } from '../../src/scenario/defaults.ts';
import { job, oneIc } from './fixtures.ts';
import { calendarsOf, violations } from './log-checks.ts';

type Of<T extends LogRecord['type']> = Extract<LogRecord, { type: T }>;
const only = <T extends LogRecord['type']>(log: readonly LogRecord[], type: T) =>
  log.filter((r): r is Of<T> => r.type === type);

function run(
  cost: Partial<CostConfig>,
  instructions: InstructionSpec[],
  calendar: Calendar = ALWAYS,
): readonly LogRecord[] {
  return checked(oneIc(cost, instructions, calendar));
}

/** Runs on both engines, which must write the same log, and checks the run's invariants. */
function checked(config: SimConfig): readonly LogRecord[] {
  const fast = runSimulation(config).log;
  expect(runSimulation({ ...config, engine: 'xstate' }).log.toJsonLines()).toBe(fast.toJsonLines());
  expect(violations(config, fast.records)).toEqual([]);
  return fast.records;
}

/** Each execution slice of a task: when it ended, its hours and how. */
const slices = (records: readonly LogRecord[], task: string) =>
  only(records, 'work')
    .filter((w) => w.task === task && w.kind === 'execute')
    .map((w) => [w.t, w.hours, w.outcome]);

const close = (value: number | undefined, expected: number) =>
  expect(value).toBeCloseTo(expected, 9);

describe('budget thresholds', () => {
  it('alert at the exact moment spending crosses 80 %, in the middle of a slice of work', () => {
    // $50 budget; 10 h of work from t = 1 at $10/h: $40 (80 %) at t = 5, $50 at t = 6. Intake only
    // refuses new work, so the task goes on to $100 and the run ends over budget.
    const records = run({ budgetUsd: 50 }, [job('A', 1, 10)]);
    const [alert] = only(records, 'budget.alert');
    close(alert?.t, 5);
    close(alert?.spentUsd, 40);
    close(alert?.share, 0.8);
    expect(alert).toMatchObject({ scope: 'run', threshold: 0.8, budgetUsd: 50 });
    const [spent] = only(records, 'budget.exhausted');
    close(spent?.t, 6);
    close(spent?.spentUsd, 50);
    expect(slices(records, 'A-T')).toEqual([[11, 10, 'finished']]);
    const end = records.at(-1) as Of<'run.end'>;
    expect(end.reason).toBe('overBudget');
    close(end.spentUsd, 100);
  });

  it('alert at the exact moment on office hours, nights not counted', () => {
    // 09:00–17:00: $80 by 17:00 on day 0; 80 % of $112.50 is $90, one working hour into day 1,
    // t = 24 + 10 = 34, while the one slice of work runs 9 → 35.
    const records = run({ budgetUsd: 112.5 }, [job('A', 0, 10)], OFFICE_HOURS);
    expect(only(records, 'budget.alert')).toHaveLength(1);
    close(only(records, 'budget.alert')[0]?.t, 34);
    close(only(records, 'budget.alert')[0]?.spentUsd, 90);
    expect(slices(records, 'A-T')).toEqual([[35, 10, 'finished']]);
    expect(records.at(-1)).toMatchObject({ type: 'run.end', reason: 'done' });
  });

  it('fire every threshold the scenario lists, in order', () => {
    // 50 % and 90 % of $50: $25 at t = 3.5 and $45 at t = 5.5.
    const records = run({ budgetUsd: 50, alerts: [0.5, 0.9], policy: 'alert' }, [job('A', 1, 10)]);
    const alerts = only(records, 'budget.alert');
    expect(alerts.map((a) => a.threshold)).toEqual([0.5, 0.9]);
    close(alerts[0]?.t, 3.5);
    close(alerts[1]?.t, 5.5);
  });
});

describe('budget policies', () => {
  it('p0Only pauses work not for a P0 at the crossing and lets a P0 through', () => {
    // $50 spent at t = 6: A's task stops after 5 h. The P0 incident at t = 8 runs its 2 h to 10;
    // then nothing but held work is left and every instruction has arrived: the run ends there.
    const records = run({ budgetUsd: 50, policy: 'p0Only' }, [job('A', 1, 10), job('P', 8, 2, 0)]);
    close(only(records, 'budget.exhausted')[0]?.t, 6);
    expect(slices(records, 'A-T')).toEqual([[6, 5, 'held']]);
    expect(slices(records, 'P-T')).toEqual([[10, 2, 'finished']]);
    expect(only(records, 'instruction.completed').map((c) => c.instruction)).toEqual(['P']);
    expect(records.at(-1)).toMatchObject({ type: 'run.end', t: 10, reason: 'budgetStop' });
  });

  it('stopRun ends the run at the crossing, the slice under way logged up to it', () => {
    const records = run({ budgetUsd: 50, policy: 'stopRun' }, [job('A', 1, 10)]);
    const [slice] = only(records, 'work').filter((w) => w.task === 'A-T' && w.kind === 'execute');
    expect(slice).toMatchObject({ hours: 5, outcome: 'held' });
    close(slice?.t, 6);
    close(slice?.costUsd, 50);
    const end = records.at(-1) as Of<'run.end'>;
    expect(end).toMatchObject({ type: 'run.end', reason: 'budgetStop', openTasks: 1 });
    close(end.t, 6);
    close(end.spentUsd, 50);
  });

  it('p0Only on a daily budget holds work until midnight, then resumes it', () => {
    // $100 a day, 25 h of work from t = 1: 10 h to t = 11 (80 % at t = 9), held to midnight;
    // 10 h from 24 to 34 (80 % at 32), held; the last 5 h from 48 to 53.
    const records = run({ dailyBudgetUsd: 100, policy: 'p0Only' }, [job('A', 1, 25)]);
    expect(slices(records, 'A-T')).toEqual([
      [11, 10, 'held'],
      [34, 10, 'held'],
      [53, 5, 'finished'],
    ]);
    const exhausted = only(records, 'budget.exhausted');
    expect(exhausted.map((e) => [e.scope, e.day])).toEqual([
      ['day', 0],
      ['day', 1],
    ]);
    close(exhausted[1]?.t, 34);
    close(exhausted[1]?.spentUsd, 100);
    expect(only(records, 'budget.reset').map((r) => [r.t, r.day])).toEqual([
      [24, 1],
      [48, 2],
    ]);
    const alerts = only(records, 'budget.alert');
    expect(alerts.map((a) => [a.day, a.threshold])).toEqual([
      [0, 0.8],
      [1, 0.8],
    ]);
    close(alerts[1]?.t, 32);
    expect(records.at(-1)).toMatchObject({ type: 'run.end', t: 53, reason: 'done' });
    const days = collect(records, '').summary.budget.days;
    expect(days.map((d) => [d.day, d.spentUsd, d.exhaustedAt])).toEqual([
      [0, 100, 11],
      [1, 100, 34],
      [2, 50, null],
    ]);
  });

  it('stopIntake refuses instructions once the day’s budget is spent, and the run says so', () => {
    // $50 a day is spent at t = 6; B arrives at 8 and is refused. A still finishes ($100 on the
    // day, but there is no run budget to overspend): the outcome is `refused`.
    const records = run({ dailyBudgetUsd: 50 }, [job('A', 1, 10), job('B', 8, 1)]);
    expect(
      only(records, 'instruction.decided').map((d) => [d.instruction, d.go, d.reason]),
    ).toEqual([
      ['A', true, 'P2 to team-1'],
      ['B', false, 'daily budget spent'],
    ]);
    const s = collect(records, '').summary;
    expect(s.outcome).toBe('refused');
    expect(s.instructions.map((i) => [i.id, i.status, i.reason])).toEqual([
      ['A', 'done', null],
      ['B', 'refused', 'daily budget spent'],
    ]);
    expect(s.budget.refused).toEqual([{ instruction: 'B', t: 8, reason: 'daily budget spent' }]);
  });

  it('leaves a run without a budget exactly as it was: no budget events, no accrual', () => {
    const records = run({}, [job('A', 1, 10)]);
    expect(records.filter((r) => r.type.startsWith('budget.'))).toEqual([]);
    expect(records.at(-1)).toEqual({ t: 11, type: 'run.end', reason: 'done', openTasks: 0 });
  });
});

/** The spend by `t` read off the log: whole slices that ended, pro rata of those spanning it. */
function spentBy(
  records: readonly LogRecord[],
  t: number,
  calendars: (person: string, t: number) => Calendar | undefined,
): number {
  let spent = 0;
  for (const w of only(records, 'work')) {
    if (w.startedAt >= t || w.hours === 0) continue;
    const calendar = calendars(w.person, w.startedAt) ?? ALWAYS;
    spent += (w.costUsd * workingHoursBetween(w.startedAt, Math.min(t, w.t), calendar)) / w.hours;
  }
  return spent;
}

/** Every alert and exhaustion was logged at its level, which is also what the log had accrued. */
function expectExactCrossings(records: readonly LogRecord[]): void {
  const calendars = calendarsOf(records);
  for (const r of [...only(records, 'budget.alert'), ...only(records, 'budget.exhausted')]) {
    const level = r.type === 'budget.alert' ? r.threshold * r.budgetUsd : r.budgetUsd;
    const base = r.scope === 'day' ? spentBy(records, (r.day ?? 0) * 24, calendars) : 0;
    expect(r.spentUsd).toBeCloseTo(level, 6);
    expect(spentBy(records, r.t, calendars) - base).toBeCloseTo(level, 6);
  }
}

/** Budgets of up to `max` dollars for the run and `max / 2` a day, under any policy. */
const budgets = (max: number) =>
  fc.record({
    policy: fc.constantFrom<BudgetPolicy>('alert', 'stopIntake', 'p0Only', 'stopRun'),
    budgetUsd: fc.option(fc.integer({ min: 1, max }), { nil: null }),
    dailyBudgetUsd: fc.option(fc.integer({ min: 1, max: max / 2 }), { nil: null }),
    alerts: fc.constantFrom([0.8], [0.5, 0.8], [0.3, 0.9, 1.2]),
  });

describe('budgets on random runs', () => {
  it('log every crossing at the spend the log accrues by then, on one IC', () => {
    const jobs = fc.array(
      fc.record({
        at: fc.integer({ min: 0, max: 60 }),
        hours: fc.integer({ min: 1, max: 30 }),
        priority: fc.constantFrom<0 | 1 | 2 | 3>(0, 2, 3),
      }),
      { minLength: 1, maxLength: 4 },
    );
    fc.assert(
      fc.property(budgets(150), jobs, fc.boolean(), (cost, list, office) => {
        const records = run(
          cost,
          list.map((j, i) => job(`J${i}`, j.at, j.hours, j.priority)),
          office ? OFFICE_HOURS : ALWAYS,
        );
        expectExactCrossings(records);
        const end = records.at(-1) as Of<'run.end'>;
        if (cost.policy === 'stopRun' && only(records, 'budget.exhausted').length > 0)
          expect(end.reason).toBe('budgetStop');
      }),
      { numRuns: 40 },
    );
  });

  it('log every crossing exactly in whole orgs, the same on both engines, invariants kept', () => {
    const instructions = fc.array(
      fc.record({
        at: fc.integer({ min: 0, max: 48 }),
        tier: fc.constantFrom<1 | 2>(1, 1, 2),
        priority: fc.constantFrom<0 | 1 | 2 | 3>(0, 1, 2, 3),
      }),
      { minLength: 1, maxLength: 3 },
    );
    fc.assert(
      fc.property(budgets(20), instructions, fc.nat(), fc.boolean(), (cost, list, seed, office) => {
        const records = checked(
          defaultConfig({
            seed,
            org: defaultOrg({ calendar: office ? OFFICE_HOURS : ALWAYS }),
            instructions: list.map((x, i) => ({ id: `I${i + 1}`, title: `#${i + 1}`, ...x })),
            cost: { ...DEFAULT_COST, ...cost },
          }),
        );
        expectExactCrossings(records);
      }),
      { numRuns: 20 },
    );
  });
});
