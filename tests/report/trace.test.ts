// The run as a Perfetto / Chrome trace: a hand-made log whose every event is worked out by hand,
// the format's rules on every shipped scenario and on random orgs, and the figures of the
// counters against the log they come from.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LogRecord } from '../../src/log/event-log.ts';
import { runSimulation } from '../../src/org/run.ts';
import { traceJsonChunks } from '../../src/report/trace/trace-json.ts';
import { loadScenario, scenarioNames } from '../../src/scenario/load.ts';
import {
  breach,
  ic,
  LEADS,
  message,
  move,
  outage,
  person,
  ready,
  runEnd,
  runStart,
  throttle,
  work,
} from '../collect/log-builder.ts';
import { configOf, org } from '../engine/generated-org.ts';
import { traceProblems } from './trace-rules.ts';

type Json = Record<string, unknown>;

/** The trace of `records` as a viewer reads it: the parsed JSON file. */
function traceOf(records: readonly LogRecord[]): { traceEvents: Json[]; otherData: Json } {
  return JSON.parse([...traceJsonChunks(records)].join(''));
}

const HOUR = 3_600_000_000;

const HAND: LogRecord[] = [
  runStart([...LEADS, ic('ic-1', 'backend'), person('human-1', 'human')]),
  move(1, 'T1', null, 'PENDING'),
  ready(1, 'T1'),
  message(1.5, 'delegation', 'delegate.task', 'dl-backend', 'ic-1', { task: 'T1' }),
  message(1.5, 'delegation', 'ack', 'ic-1', 'dl-backend', { task: 'T1' }),
  move(1.5, 'T1', 'PENDING', 'ASSIGNED', 'ic-1'),
  work(1.5, 'dl-backend', 'assignment', 1, 1, 'T1', { costUsd: 0.25 }),
  move(2, 'T1', 'ASSIGNED', 'IN_PROGRESS'),
  outage(3, 'human-1', 'start'),
  breach(4, 'T1', 'IN_PROGRESS', 2),
  work(6, 'ic-1', 'execute', 1.5, 2, 'T1', { costUsd: 1.5, hours: 4 }),
  move(6, 'T1', 'IN_PROGRESS', 'COMPLETED'),
  runEnd(7),
];

describe('the trace of a hand-made log', () => {
  const { traceEvents: events, otherData } = traceOf(HAND);
  const named = (name: string) => events.filter((e) => e.name === name);
  const threadOf = (title: string) =>
    named('thread_name').find((e) => (e.args as Json).name === title);

  it('says where it comes from and how its time reads', () => {
    expect(otherData).toMatchObject({ scenario: 'hand', seed: '1', strategy: 'weighted' });
    expect(otherData.time).toContain('1 hour of trace = 1 simulated hour');
  });

  it('gives the run, and each team, a process; each person a track in their team', () => {
    const processes = named('process_name').map((e) => [e.pid, (e.args as Json).name]);
    expect(processes).toEqual([
      [1, 'run'],
      [2, 'team org'],
      [3, 'team team-1'],
    ]);
    // Thread ids after the last process id, in roster order.
    expect(named('thread_name').map((e) => [e.pid, e.tid, (e.args as Json).name])).toEqual([
      [2, 4, 'em · EM'],
      [3, 5, 'tl · TL'],
      [3, 6, 'dl-backend · DL backend'],
      [3, 7, 'ic-1 · IC backend'],
      [2, 8, 'human-1 · human'],
    ]);
  });

  it('draws each piece of work as a slice from its start to its end, in microseconds', () => {
    const slices = events.filter((e) => e.ph === 'X' && e.bind_id === undefined);
    expect(slices).toEqual([
      {
        name: 'assignment T1',
        cat: 'assignment',
        ph: 'X',
        ts: 1 * HOUR,
        dur: 0.5 * HOUR,
        pid: 3,
        tid: 6,
        args: {
          task: 'T1',
          queuedAt: 1,
          workingHours: 0.5,
          outcome: 'finished',
          tokensIn: 0,
          tokensOut: 0,
          costUsd: 0.25,
        },
      },
      expect.objectContaining({ name: 'execute T1', ts: 2 * HOUR, dur: 4 * HOUR, tid: 7 }),
    ]);
    expect(threadOf('ic-1 · IC backend')?.tid).toBe(7);
  });

  it('draws a delegation as an arrow from the sender to the recipient, and no arrow for its ack', () => {
    const ends = events.filter((e) => e.bind_id !== undefined);
    expect(ends).toEqual([
      expect.objectContaining({
        name: 'delegate.task → ic-1',
        tid: 6,
        ts: 1.5 * HOUR,
        dur: 0,
        bind_id: 1,
        flow_out: true,
      }),
      expect.objectContaining({
        name: 'delegate.task ← dl-backend',
        tid: 7,
        ts: 1.5 * HOUR,
        dur: 0,
        bind_id: 1,
        flow_in: true,
      }),
    ]);
  });

  it('marks a breach on the track of whoever holds the task', () => {
    const marks = events.filter((e) => e.ph === 'i');
    expect(marks).toEqual([
      expect.objectContaining({
        name: 'SLA breach: T1 in IN_PROGRESS',
        s: 't',
        ts: 4 * HOUR,
        tid: 7,
        args: { task: 'T1', state: 'IN_PROGRESS', breach: 1, slaHours: 2 },
      }),
    ]);
  });

  it('spans an outage still running at the end of the run up to that end', () => {
    const spans = events.filter((e) => e.ph === 'b' || e.ph === 'e');
    expect(spans.map((e) => [e.ph, e.name, e.ts, e.pid, e.id])).toEqual([
      ['b', 'human-1 away', 3 * HOUR, 2, 'outage:human-1'],
      ['e', 'human-1 away', 7 * HOUR, 2, 'outage:human-1'],
    ]);
  });

  it('spans an agent’s wait on a rate limit, and marks work that ran out of retries', () => {
    const records: LogRecord[] = [
      runStart([...LEADS, { ...ic('ic-1', 'backend'), model: 'fast' }]),
      throttle(2, 'ic-1', 'start', { limit: 'tokens', attempt: 1, until: 2.5 }),
      throttle(2.5, 'ic-1', 'end'),
      throttle(3, 'ic-1', 'failed', { limit: 'tokens', attempt: 3 }),
      runEnd(4),
    ];
    const traced = traceOf(records).traceEvents;
    const tid = traced.find(
      (e) => e.name === 'thread_name' && (e.args as Json).name === 'ic-1 · IC backend',
    )?.tid;
    expect(tid).toBeDefined();
    expect(
      traced
        .filter((e) => e.ph === 'b' || e.ph === 'e' || e.ph === 'i')
        .map((e) => [e.ph, e.name, (e.ts as number) / HOUR, e.tid === tid]),
    ).toEqual([
      ['b', 'ic-1 waiting on a rate limit', 2, true],
      ['e', 'ic-1 waiting on a rate limit', 2.5, true],
      ['i', 'out of retries on fast: work failed', 3, true],
    ]);
    expect(traceProblems(traceOf(records))).toEqual([]);
  });

  it('marks a merge on its merger’s track, a conflict on its resolver’s, and the resolution', () => {
    const records: LogRecord[] = [
      runStart([...LEADS, ic('ic-1', 'backend')]),
      {
        t: 2,
        type: 'git.conflict',
        conflict: 'K1',
        task: 'T1',
        team: 'team-1',
        by: 'ic-1',
        components: ['api', 'db'],
        with: ['T0'],
        overlap: 2,
        baseAt: 0,
        ageHours: 2,
        chance: 0.5,
        resolution: 'integrator',
        to: 'tl',
      },
      {
        t: 3,
        type: 'git.resolved',
        conflict: 'K1',
        task: 'T1',
        by: 'tl',
        resolution: 'integrator',
      },
      {
        t: 3,
        type: 'git.merge',
        task: 'T1',
        instruction: 'I1',
        team: 'team-1',
        by: 'tl',
        into: 'team/team-1',
        components: ['api', 'db'],
        baseAt: 3,
        ageHours: 0,
        overlap: 0,
      },
      runEnd(4),
    ];
    const traced = traceOf(records).traceEvents;
    const tl = traced.find(
      (e) => e.name === 'thread_name' && String((e.args as Json).name).startsWith('tl '),
    )?.tid;
    expect(tl).toBeDefined();
    expect(
      traced
        .filter((e) => e.ph === 'i')
        .map((e) => [e.name, (e.ts as number) / HOUR, e.tid === tl]),
    ).toEqual([
      ['merge conflict: T1 in api, db', 2, true],
      ['conflict resolved: T1', 3, true],
      ['merged: T1 into team/team-1', 3, true],
    ]);
    expect(traceProblems(traceOf(records))).toEqual([]);
  });

  it('counts the backlog and the work in progress of the team by domain, and the spend', () => {
    const counters = events
      .filter((e) => e.ph === 'C')
      .map((e) => [e.name, (e.ts as number) / HOUR, e.pid, e.args]);
    expect(counters).toEqual([
      // Released at 1 into the backlog; taken up at 1.5; done at 6.
      ['backlog', 1, 3, { backend: 1 }],
      ['backlog', 1.5, 3, { backend: 0 }],
      ['WIP', 1.5, 3, { backend: 1 }],
      ['spend (USD)', 1.5, 1, { spent: 0.25 }],
      ['spend (USD)', 6, 1, { spent: 1.75 }],
      ['WIP', 6, 3, { backend: 0 }],
    ]);
  });

  it('keeps every rule of the format', () => {
    expect(traceProblems({ traceEvents: events, displayTimeUnit: 'ms' })).toEqual([]);
  });

  it('is written the same, byte for byte, every time', () => {
    expect([...traceJsonChunks(HAND)].join('')).toBe([...traceJsonChunks(HAND)].join(''));
  });
});

describe('the rules the trace is checked against', () => {
  const base = traceOf(HAND).traceEvents;
  const problems = (events: Json[]) => traceProblems({ traceEvents: events });

  it('catch a slice that overlaps another on its track', () => {
    const slice = base.find((e) => e.name === 'execute T1') as Json;
    const overlapping = { ...slice, name: 'late', ts: (slice.ts as number) + HOUR };
    expect(problems([...base, overlapping]).join()).toContain('starts inside "execute T1"');
  });

  it('catch a flow with no end, and a span that never ends', () => {
    const withoutEnd = base.filter((e) => e.flow_in !== true && !(e.ph === 'e'));
    const found = problems(withoutEnd).join('\n');
    expect(found).toContain('flow 1 never ends');
    expect(found).toContain('span outage/outage:human-1/2 never ends');
  });

  it('catch a track nobody named, and a track in two processes', () => {
    const slice = base.find((e) => e.name === 'execute T1') as Json;
    expect(problems([...base, { ...slice, tid: 99 }]).join()).toContain('track 99 has no name');
    expect(problems([...base, { ...slice, pid: 2, ts: 0, dur: 0 }]).join()).toContain(
      'track 7 is in processes 3 and 2',
    );
  });
});

/** Tasks in each state at the end of a log, by team and domain: what the last counters must say. */
function finalCounts(records: readonly LogRecord[]) {
  const state = new Map<string, string>();
  const where = new Map<string, string>();
  for (const r of records) {
    if (r.type === 'task.transition') state.set(r.task, r.to);
    if (r.type === 'task.ready') where.set(r.task, `${r.team}/${r.domain}`);
  }
  const backlog = new Map<string, number>();
  const wip = new Map<string, number>();
  for (const [task, at] of where) {
    const s = state.get(task) as string;
    const into =
      s === 'PENDING' || s === 'IN_PLANNING'
        ? backlog
        : s === 'COMPLETED' || s === 'CANCELLED'
          ? null
          : wip;
    if (into !== null) into.set(at, (into.get(at) ?? 0) + 1);
  }
  return { backlog, wip };
}

/** The last value of each counter series, by `team/domain`. */
function lastCounts(events: readonly Json[], name: string): Map<string, number> {
  const teams = new Map<number, string>();
  for (const e of events)
    if (e.name === 'process_name')
      teams.set(e.pid as number, String((e.args as Json).name).replace(/^team /, ''));
  const out = new Map<string, number>();
  for (const e of events)
    if (e.ph === 'C' && e.name === name)
      for (const [domain, v] of Object.entries(e.args as Json))
        out.set(`${teams.get(e.pid as number)}/${domain}`, v as number);
  for (const [key, v] of out) if (v === 0) out.delete(key);
  return out;
}

/** Checks a run's trace against its log: the rules, one slice per work, one arrow per message. */
function expectFaithful(records: readonly LogRecord[]): void {
  const { traceEvents: events } = traceOf(records);
  expect(traceProblems({ traceEvents: events })).toEqual([]);
  const work = records.filter((r) => r.type === 'work');
  const slices = events.filter((e) => e.ph === 'X' && e.bind_id === undefined);
  expect(slices).toHaveLength(work.length);
  const hours = slices.reduce((sum, e) => sum + (e.dur as number), 0) / HOUR;
  const expected = work.reduce((sum, r) => sum + (r.t - r.startedAt), 0);
  expect(hours).toBeCloseTo(expected, 3);
  const people = new Set(
    (records[0] as Extract<LogRecord, { type: 'run.start' }>).people.map((p) => p.id),
  );
  const arrows = records.filter(
    (r) =>
      r.type === 'message' &&
      (r.protocol === 'delegation' || r.protocol === 'handoff') &&
      r.kind !== 'ack' &&
      people.has(r.from) &&
      people.has(r.to),
  );
  expect(events.filter((e) => e.flow_out === true)).toHaveLength(arrows.length);
  const { backlog, wip } = finalCounts(records);
  expect(lastCounts(events, 'backlog')).toEqual(backlog);
  expect(lastCounts(events, 'WIP')).toEqual(wip);
  const spent = work.reduce((sum, r) => sum + (r.type === 'work' ? r.costUsd : 0), 0);
  const spend = events.filter((e) => e.name === 'spend (USD)').at(-1)?.args as Json | undefined;
  // To the cent: within half a cent, a float's width more where the rounding fell on a half.
  expect(Math.abs(((spend?.spent as number | undefined) ?? 0) - spent)).toBeLessThanOrEqual(
    0.005 + 1e-9,
  );
}

describe('the trace of a run', () => {
  for (const name of scenarioNames())
    it(`keeps the format's rules and shows the log as it is, for ${name}`, () => {
      const { config, limits, warnings } = loadScenario(name);
      expectFaithful(runSimulation(config, name, { limits, warnings }).log.records);
    });

  it('keeps them for random small orgs: outages, hires, overtime, preemption, budgets', () => {
    fc.assert(
      fc.property(org, (s) => expectFaithful(runSimulation(configOf(s), 'generated').log.records)),
      { numRuns: 60 },
    );
  }, 120_000);
});
