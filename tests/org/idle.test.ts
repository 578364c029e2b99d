// Idle time costs nothing: with no work in flight the daily rituals stop and the kernel jumps to
// the next instruction, so an instruction a million hours in gives the run one at hour 0 gives,
// shifted. Day-indexed state (a daily budget, standup reports) comes back right after a gap.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collect } from '../../src/collect/index.ts';
import { OFFICE_WEEKDAYS } from '../../src/domain/calendar.ts';
import type { Tier } from '../../src/domain/gates.ts';
import { runSimulation } from '../../src/org/run.ts';
import type { SimConfig } from '../../src/scenario/config.ts';
import { defaultConfig, defaultOrg } from '../../src/scenario/defaults.ts';
import { job, oneIc, only } from './fixtures.ts';

const instruction = (at: number, tier: Tier) => ({
  id: 'I1',
  at,
  tier,
  priority: 2 as const,
  title: `tier ${tier}`,
});

function run(config: SimConfig) {
  const { log, world } = runSimulation(config);
  return {
    records: log.records,
    events: world.kernel.eventsFired,
    reports: collect(log.records, log.sha256()),
  };
}

/** Keys holding an instant (shifted by the offset) and a day number (shifted by its days). */
const INSTANTS = new Set([
  't',
  'queuedAt',
  'startedAt',
  'until',
  'receivedAt',
  'finishedAt',
  'from',
  'to',
  'completedAt',
]);
const DAYS = new Set(['day']);

/**
 * Where `late`, read as if its run had started `shift` hours earlier, differs from `early`: its
 * instants and day numbers are moved back, and numbers agree to a millionth (far from 0 a float
 * keeps fewer bits of a fraction), or to `rounding` where they were rounded for a report. The run
 * starts at 0 either way, and the log's hash differs.
 */
function differences(
  late: unknown,
  early: unknown,
  shift: number,
  rounding = 0,
  path = '',
): string[] {
  const key = path.slice(path.lastIndexOf('.') + 1);
  if (typeof late === 'number' && typeof early === 'number') {
    const moved = INSTANTS.has(key) ? late - shift : DAYS.has(key) ? late - shift / 24 : late;
    return Math.abs(moved - early) <= 1e-6 * Math.max(1, Math.abs(early)) + rounding
      ? []
      : [`${path}: ${late} shifted is ${moved}, not ${early}`];
  }
  if (late !== null && early !== null && typeof late === 'object' && typeof early === 'object') {
    const keys = new Set([...Object.keys(late), ...Object.keys(early)]);
    const start = (late as { type?: string }).type === 'run.start';
    return [...keys]
      .filter((k) => k !== 'eventLogSha256' && !(start && k === 't'))
      .flatMap((k) =>
        differences(
          (late as Record<string, unknown>)[k],
          (early as Record<string, unknown>)[k],
          shift,
          rounding,
          `${path}.${k}`,
        ),
      );
  }
  return Object.is(late, early) ? [] : [`${path}: ${String(late)}, not ${String(early)}`];
}

describe('an instruction after a long idle stretch', () => {
  // 5,952 weeks: the same hour of the same weekday as hour 0 (the humans work office hours,
  // Monday to Friday), so every ritual and every working window falls at the same offset.
  const DAYS_LATER = 5_952 * 7 * 24;

  for (const tier of [1, 2, 3] as const) {
    it(`costs at hour ${DAYS_LATER} what it costs at hour 0 (tier ${tier}): the same events and records`, () => {
      const early = run(defaultConfig({ seed: 5, instructions: [instruction(0, tier)] }));
      const late = run(defaultConfig({ seed: 5, instructions: [instruction(DAYS_LATER, tier)] }));
      expect(late.events).toBe(early.events);
      expect(late.records).toHaveLength(early.records.length);
      expect(differences(late.records, early.records, DAYS_LATER)).toEqual([]);
      // The reports too, to their last rounded digit; the simulated hours are the end's instant.
      // Not the run over time nor its replay: their samples run from hour 0, so a million idle
      // hours stretch them.
      const { summary, overTime: _late, replay: _lateReplay, ...reports } = late.reports;
      const moved = { ...summary, simulatedHours: summary.simulatedHours - DAYS_LATER };
      const {
        summary: earlySummary,
        overTime: _early,
        replay: _earlyReplay,
        ...earlyReports
      } = early.reports;
      expect(differences(moved, earlySummary, DAYS_LATER, 0.01)).toEqual([]);
      expect(differences(reports, earlyReports, DAYS_LATER, 0.01)).toEqual([]);
      // The run ends when the work does: the idle stretch is all it adds to the simulated time.
      expect(late.records.at(-1)?.t).toBeCloseTo(DAYS_LATER + (early.records.at(-1)?.t ?? 0), 6);
    });
  }

  it('costs at hour 1,000,000 (a Wednesday, 16:00) what it costs at hour 64 (Wednesday of week 0, 16:00)', () => {
    const early = run(defaultConfig({ seed: 2, instructions: [instruction(64, 2)] }));
    const late = run(defaultConfig({ seed: 2, instructions: [instruction(1_000_000, 2)] }));
    expect(late.events).toBe(early.events);
    expect(differences(late.records, early.records, 1_000_000 - 64)).toEqual([]);
  });

  it('costs on office hours, Monday to Friday, what it costs a whole number of weeks earlier', () => {
    const org = defaultOrg({ calendar: OFFICE_WEEKDAYS });
    const early = run(defaultConfig({ seed: 4, org, instructions: [instruction(10, 2)] }));
    const late = run(
      defaultConfig({ seed: 4, org, instructions: [instruction(10 + DAYS_LATER, 2)] }),
    );
    expect(late.events).toBe(early.events);
    expect(differences(late.records, early.records, DAYS_LATER)).toEqual([]);
  });

  it('holds no ritual between two instructions when nothing is in flight', () => {
    // The first 4 h job is done by 04:00 on day 0; the second arrives on day 10 at 02:00.
    const config = oneIc({}, [job('A', 0, 4), job('B', 242, 4)]);
    const { records } = run({ ...config, standupHour: 9, capacityReviewHour: 8 });
    const rituals = only(records, 'work').filter(
      (w) => w.kind === 'standup' || w.kind === 'rebalance',
    );
    // None on days 0 to 9; the second job ends at 06:00 on day 10, before that day's rituals.
    expect(rituals).toEqual([]);
    expect(records.at(-1)).toMatchObject({ type: 'run.end', t: 246, reason: 'done' });
  });

  it('holds the rituals again from their next hour once work arrives', () => {
    // A 30 h job arriving on day 10 at 08:30 runs until past 14:30 on day 11: the standups of
    // days 10 and 11 (09:00) and the capacity review of day 11 (08:00) fall inside it, none before.
    const config = oneIc({}, [job('A', 0, 1), job('B', 248.5, 30)]);
    const { records } = run({ ...config, standupHour: 9, capacityReviewHour: 8 });
    const calls = only(records, 'work')
      .filter(
        (w) => (w.kind === 'standup' && w.person === 'ic-backend-1') || w.kind === 'rebalance',
      )
      .map((w) => [w.person, w.kind, w.queuedAt]);
    expect(calls).toEqual([
      ['ic-backend-1', 'standup', 249],
      ['em', 'rebalance', 272],
      ['ic-backend-1', 'standup', 273],
    ]);
  });

  it('does not call a run stalled for the idle days before its last instruction', () => {
    // 20 idle days (more than the 14 that make a stall), then a 60 h job: the standups of its
    // three days are held, each pausing it for the IC's 0.25 h.
    const config = oneIc({}, [job('A', 0, 1), job('B', 480, 60)]);
    const { records } = run({ ...config, standupHour: 9 });
    expect(records.at(-1)).toMatchObject({ type: 'run.end', t: 540.75, reason: 'done' });
    const standups = only(records, 'work').filter(
      (w) => w.kind === 'standup' && w.person === 'ic-backend-1',
    );
    expect(standups.map((w) => w.queuedAt)).toEqual([489, 513, 537]);
  });
});

describe('day-indexed state after an idle stretch', () => {
  it('starts a fresh daily budget on the day work resumes', () => {
    // $10 an hour, $50 a day: the 8 h job A spends the day's budget at 05:00 on day 0. Job B
    // arrives on day 30 at 02:00: its day starts fresh, so intake takes it, and it spends that
    // day's budget at 07:00 (5 h in), logged under day 30.
    const config = oneIc({ dailyBudgetUsd: 50, policy: 'stopIntake' }, [
      job('A', 0, 8),
      job('B', 722, 8),
    ]);
    const { records } = run(config);
    expect(only(records, 'budget.exhausted').map((r) => [r.t, r.day])).toEqual([
      [5, 0],
      [727, 30],
    ]);
    expect(only(records, 'budget.reset').map((r) => [r.t, r.day])).toEqual([[722, 30]]);
    expect(only(records, 'instruction.decided').map((r) => r.go)).toEqual([true, true]);
  });

  it("has the first standup after a gap report as yesterday's only what was finished since the last standup held or skipped", () => {
    const yesterdays = (config: SimConfig) =>
      only(run({ ...config, standupHour: 9 }).records, 'message')
        .filter((m) => m.kind === 'standup.report')
        .map((m) => [m.t, (m.content as { yesterday: string[] }).yesterday]);
    // A finishes at 12:00 on day 0. B arrives on day 5 at 08:00: the org skipped the standups of
    // days 1 to 4, the first of which would have reported A, so day 5's (09:00, 0.25 h) does not.
    expect(yesterdays(oneIc({}, [job('A', 10, 2), job('B', 128, 5)]))).toEqual([[129.25, []]]);
    // C arrives the same evening: no standup was skipped, and day 1's reports A.
    expect(yesterdays(oneIc({}, [job('A', 10, 2), job('C', 20, 20)]))).toEqual([[33.25, ['A-T']]]);
  });
});

describe('a property: idle days before an instruction', () => {
  it('never add records: a tier-1 or tier-2 instruction k weeks later gives as many as at the same hour of week 0', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3_000 }),
        fc.integer({ min: 0, max: 7 * 96 - 1 }),
        fc.constantFrom<Tier>(1, 2),
        fc.integer({ min: 1, max: 1000 }),
        (weeks, quarter, tier, seed) => {
          const hour = quarter / 4;
          const early = run(defaultConfig({ seed, instructions: [instruction(hour, tier)] }));
          const late = run(
            defaultConfig({ seed, instructions: [instruction(hour + weeks * 7 * 24, tier)] }),
          );
          expect(late.records.length).toBe(early.records.length);
          expect(late.events).toBe(early.events);
        },
      ),
      { numRuns: 12, seed: 10 },
    );
  });
});
