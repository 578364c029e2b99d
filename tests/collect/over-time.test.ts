// The run over time, on a two-task log worked out by hand: the flow through the lifecycle, the
// backlog and WIP, throughput, utilisation by day, spend as it accrued, lead times, escalations
// and the timeline's rows.

import { describe, expect, it } from 'vitest';
import type { InstructionPath } from '../../src/collect/critical-path.ts';
import { reportsOf } from '../../src/collect/index.ts';
import { overTime } from '../../src/collect/over-time/index.ts';
import { MAX_SAMPLES, sampleTimes, stepFor } from '../../src/collect/over-time/samples.ts';
import { runSimulation } from '../../src/org/run.ts';
import { loadScenario, scenarioNames } from '../../src/scenario/load.ts';
import { LOG } from './two-tasks-log.ts';

/** 41 hourly samples (0–40), with `value` at the hours in [from, to) and 0 elsewhere. */
function hourly(...spans: Array<[number, number, number?]>): number[] {
  const values = new Array<number>(41).fill(0);
  for (const [from, to, value = 1] of spans) for (let k = from; k < to; k++) values[k] = value;
  return values;
}

const PATH: InstructionPath = {
  instruction: 'I1',
  receivedAt: 0,
  completedAt: 34,
  leadTimeHours: 34,
  tasks: ['T1', 'T2'],
  segments: [
    { from: 1, to: 2, cause: 'backlog', resource: 'team-1/backend', task: 'T1' },
    { from: 3, to: 13, cause: 'execution', resource: 'ic-1', task: 'T1' },
  ],
  byCause: {},
};

describe('the run over time', () => {
  const o = overTime(LOG, [PATH]);
  const state = (name: string) => o.flow.states.find((s) => s.name === name)?.values;

  it('samples a 40-hour run every hour, over two days', () => {
    expect(o.step).toBe(1);
    expect(o.times).toEqual(hourly().map((_, k) => k));
    expect(o.days).toBe(2);
  });

  it('counts the tasks in each state at each hour: the cumulative flow', () => {
    expect(o.flow.states.map((s) => s.name)).toEqual([
      'PENDING',
      'IN_PLANNING',
      'ASSIGNED',
      'IN_PROGRESS',
      'BLOCKED',
      'ESCALATED',
      'UNDER_REVIEW',
      'DOMAIN_REVIEW',
      'READY_FOR_HANDOFF',
      'COMPLETED',
      'CANCELLED',
    ]);
    expect(state('PENDING')).toEqual(hourly([0, 2, 2], [2, 20, 1]));
    // T2 went through ASSIGNED in no time: no sample saw it there.
    expect(state('ASSIGNED')).toEqual(hourly([2, 3]));
    expect(state('IN_PROGRESS')).toEqual(hourly([3, 13], [20, 34]));
    expect(state('COMPLETED')).toEqual(hourly([13, 34, 1], [34, 41, 2]));
    expect(state('CANCELLED')).toEqual(hourly());
  });

  it('counts a task in its backlog only once released, and in WIP once taken up', () => {
    expect(o.flow.backlog).toEqual([{ name: 'backend', values: hourly([1, 2], [5, 20]) }]);
    expect(o.flow.wip).toEqual([{ name: 'backend', values: hourly([2, 13], [20, 34]) }]);
  });

  it('counts the tasks done each day, and each day’s mean backlog', () => {
    expect(o.flow.throughput).toEqual([1, 1]);
    // 1 + 15 task-hours in the backlog on day 0: 16 / 24.
    expect(o.flow.backlogByDay).toEqual([{ name: 'backend', values: [0.67, 0] }]);
  });

  it('divides the hours the ICs worked each day by the hours they had, the last day to the end', () => {
    // Day 0: 10 h worked of 14 (ic-1, away from 14) + 8 (ic-2). Day 1 to hour 40: 1 h of
    // 10 (ic-1, back at 30) + 7 (ic-2, 09:00–16:00).
    expect(o.utilisationByDay).toEqual([{ name: 'backend', values: [0.455, 0.059] }]);
  });

  it('adds up the spend as it accrued: an hour’s share of each slice at a time', () => {
    const expected = hourly([4, 14], [14, 34, 10], [34, 41, 14]);
    for (let k = 4; k < 14; k++) expected[k] = k - 3;
    expect(o.budget.spentUsd).toEqual(expected);
    expect(o.budget.budgetUsd).toBe(12);
    expect(o.budget.alerts).toEqual([{ t: 10, scope: 'run', threshold: 0.8, day: null }]);
  });

  it('gives each completed task’s lead time, and the percentiles of them', () => {
    expect(o.leadTimes).toEqual({
      domains: ['backend'],
      // T1 done at 13, released at 1; T2 done at 34, released at 5.
      points: { task: [0, 1], domain: [0, 0], doneAt: [13, 34], hours: [12, 29] },
      // Between 12 and 29, by linear interpolation: halfway, 85 % and 95 % of the way.
      p50: 20.5,
      p85: 26.45,
      p95: 28.15,
    });
  });

  it('lists the escalations by rung', () => {
    expect(o.escalations).toEqual([
      { t: 6, escalation: 'E1', task: 'T2', event: 'opened', level: 1, role: 'DL' },
      { t: 8, escalation: 'E1', task: 'T2', event: 'resolved', level: 1, role: null },
    ]);
  });

  it('lays out who did what when, the outages, and the critical path on people’s desks', () => {
    const s = o.schedule;
    expect(s.people.map((p) => p.id)).toEqual(['em', 'tl', 'dl-backend', 'ic-1', 'ic-2']);
    expect(s.kinds).toEqual(['execute']);
    expect(o.tasks).toEqual(['T1', 'T2']);
    expect(s.slices).toEqual({
      person: [3, 4],
      kind: [0, 0],
      task: [0, 1],
      queued: [3, 20],
      start: [3, 20],
      end: [13, 34],
    });
    expect(s.outages).toEqual([{ person: 3, from: 14, to: 30 }]);
    expect(s.criticalPaths).toEqual([
      {
        instruction: 'I1',
        steps: [{ person: 3, from: 3, to: 13, cause: 'execution', task: 'T1' }],
      },
    ]);
  });
});

describe('the sample times', () => {
  it('are an hour apart up to 400 hours, then the next round step that fits', () => {
    expect(MAX_SAMPLES).toBe(400);
    expect(stepFor(400)).toBe(1);
    expect(stepFor(401)).toBe(2);
    expect(stepFor(2400)).toBe(6);
    expect(stepFor(9000)).toBe(24);
    expect(stepFor(24 * 365)).toBe(24);
    expect(stepFor(9601)).toBe(48);
    // Past 400 steps of 30 days: whole multiples of 30 days.
    expect(stepFor(1_000_000)).toBe(2880);
  });

  it('run from 0 to the first sample at or after the end', () => {
    expect(sampleTimes(5, 2)).toEqual([0, 2, 4, 6]);
    expect(sampleTimes(6, 2)).toEqual([0, 2, 4, 6]);
    expect(sampleTimes(0, 1)).toEqual([0]);
  });
});

describe('the run over time of every shipped scenario', () => {
  for (const name of scenarioNames())
    it(`agrees with the summary and the log for ${name}`, () => {
      const { config, limits, warnings } = loadScenario(name);
      const { log } = runSimulation(config, name, { limits, warnings });
      const reports = reportsOf(log);
      const o = overTime(log.records, reports.bottleneck.criticalPaths);
      const s = reports.summary;
      // Every task created by a sample time is in exactly one state at it.
      const created = log.records.flatMap((r) =>
        r.type === 'task.transition' && r.from === null ? [r.t] : [],
      );
      o.times.forEach((t, k) => {
        const inStates = o.flow.states.reduce((sum, st) => sum + (st.values[k] ?? 0), 0);
        expect(inStates).toBe(created.filter((at) => at <= t).length);
      });
      expect(o.flow.throughput.reduce((a, b) => a + b, 0)).toBe(s.tasks.completed);
      expect(o.leadTimes.points.hours).toHaveLength(s.tasks.completed);
      const { p50, p85, p95 } = s.taskLeadTimeHours;
      expect({ p50: o.leadTimes.p50, p85: o.leadTimes.p85, p95: o.leadTimes.p95 }).toEqual({
        p50,
        p85,
        p95,
      });
      expect(o.budget.spentUsd.at(-1)).toBeCloseTo(s.costUsd, 1);
      const work = log.records.filter((r) => r.type === 'work');
      expect(o.schedule.slices.start).toHaveLength(work.length);
      for (const u of o.utilisationByDay)
        for (const v of u.values) if (v !== null) expect(v).toBeGreaterThanOrEqual(0);
    });
});

describe('the pools over time', () => {
  it('gives each pool its size at the start and after each change the log records', () => {
    const { log } = runSimulation(loadScenario('agent-fleet-100').config, 'agent-fleet-100');
    const o = overTime(log.records, []);
    const scaled = log.records.filter(
      (r): r is Extract<typeof r, { type: 'pool.scaled' }> => r.type === 'pool.scaled',
    );
    expect(o.pools.map((p) => p.name)).toEqual([
      'feature-backend',
      'feature-frontend',
      'bugfix-backend',
      'testing (features)',
      'testing (bugfix)',
      'maintenance',
      'audit',
    ]);
    const features = o.pools[0]?.sizes ?? [];
    // 26 agents at hour 0, four of them left once the rest are parked at the start.
    expect(features[0]).toEqual({ t: 0, size: 4 });
    const changes = scaled.filter((r) => r.pool === 'feature-backend' && r.t > 0);
    expect(features.slice(1).map((x) => x.size)).toEqual(changes.map((r) => r.sizeAfter));
  });
});
