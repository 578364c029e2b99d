// The critical-path attribution of waits on a desk, on small hand-written logs: while an activity
// of the task sat on someone's desk, each hour is `away` (they were out), `ritual`, `incident` (P0
// work, for a task that is not P0), `budget` (a spent budget held the desk), or `queue`/`blocked`
// (busy with other work); and a task waiting in its backlog while a P0 task held one of the pool's
// WIP slots waits because of the `incident`. Every expected segment is worked out by hand in the
// comments above it, walking back from the completion as docs/reports.md describes.

import { describe, expect, it } from 'vitest';
import { type Cause, criticalPaths, type Segment } from '../../src/collect/critical-path.ts';
import { timelines } from '../../src/collect/timeline.ts';
import type { Hours } from '../../src/kernel/time.ts';
import type { LogRecord } from '../../src/log/event-log.ts';
import {
  completed,
  exhausted,
  ic,
  LEADS,
  move,
  outage,
  person,
  ready,
  received,
  requirementChanged,
  reset,
  runEnd,
  runStart,
  strategic,
  throttle,
  work,
} from './log-builder.ts';

/** A Domain Lead's backend breakdown, with each task's priority (2 unless given). */
function plan(
  t: Hours,
  instruction: string,
  strategic: string,
  tasks: Array<{ id: string; priority?: number }>,
): LogRecord {
  return {
    t,
    type: 'plan.tactical',
    instruction,
    strategic,
    by: 'dl-backend',
    tasks: tasks.map((task) => ({
      id: task.id,
      domain: 'backend',
      estimateHours: 2,
      complexity: 2,
      dependsOn: [],
      priority: task.priority ?? 2,
      architectural: false,
    })),
  };
}

const seg = (from: Hours, to: Hours, cause: Cause, resource: string, task?: string): Segment => ({
  from,
  to,
  cause,
  resource,
  ...(task === undefined ? {} : { task }),
});

/** The critical path of `instruction` in `log`. */
function pathOf(log: LogRecord[], instruction = 'I1') {
  const path = criticalPaths(log, timelines(log)).find((p) => p.instruction === instruction);
  if (path === undefined) throw new Error(`no path for ${instruction}`);
  return path;
}

/** T (P2) released into the backlog at 0 and on ic1's desk, queued, from `assignedAt`. */
function taskOnIc1(assignedAt: Hours): LogRecord[] {
  return [
    runStart([...LEADS, ic('ic1', 'backend'), ic('ic2', 'backend')]),
    received(0, 'I1'),
    plan(0, 'I1', 'S1', [{ id: 'T' }]),
    plan(0, 'I0', 'S0', [{ id: 'P', priority: 0 }, { id: 'Z' }, { id: 'Y' }, { id: 'W' }]),
    move(0, 'T', null, 'PENDING'),
    ready(0, 'T'),
    move(assignedAt, 'T', 'PENDING', 'ASSIGNED', 'ic1'),
  ];
}

/** T worked by ic1 over [from, to] (queued at `queuedAt`), then completed: I1 completes at `to`. */
function finishT(queuedAt: Hours, from: Hours, to: Hours): LogRecord[] {
  return [
    move(from, 'T', 'ASSIGNED', 'IN_PROGRESS'),
    work(to, 'ic1', 'execute', queuedAt, from, 'T'),
    move(to, 'T', 'IN_PROGRESS', 'COMPLETED'),
    completed(to, 'I1', to),
  ];
}

describe('waiting on a desk while its person is out', () => {
  it('is away for the outage, queue before and after it, and backlog before the assignment', () => {
    // ic1 is out 0–0.5, before T reaches the desk at 1; works Z 1.5–2, is out 3–4, works W
    // 4.5–5, and works T 6–8. Walking back from 8: execution 6–8; the desk is idle 5–6 after W
    // (queue), W 4.5–5 (queue), idle 4–4.5 after the outage (queue, not back past its end);
    // out 3–4 (away); idle 2–3 after Z, Z 1.5–2 and nothing before Z back to the arrival at 1
    // (queue; the earlier outage ended before 1 and does not move it); T was PENDING 0–1.
    const log = [
      ...taskOnIc1(1),
      outage(0, 'ic1', 'start'),
      outage(0.5, 'ic1', 'end'),
      work(2, 'ic1', 'execute', 1.5, 1.5, 'Z'),
      outage(3, 'ic1', 'start'),
      outage(4, 'ic1', 'end'),
      work(5, 'ic1', 'execute', 4.5, 4.5, 'W'),
      ...finishT(1, 6, 8),
      runEnd(8),
    ];
    const path = pathOf(log);
    expect(path.segments).toStrictEqual([
      seg(0, 1, 'backlog', 'team-1/backend', 'T'),
      seg(1, 3, 'queue', 'ic1', 'T'),
      seg(3, 4, 'away', 'ic1', 'T'),
      seg(4, 6, 'queue', 'ic1', 'T'),
      seg(6, 8, 'execution', 'ic1', 'T'),
    ]);
    expect(path.byCause).toStrictEqual({ backlog: 1, queue: 4, away: 1, execution: 2 });
  });

  it('is away until the person comes back and starts the task', () => {
    // T on ic1's desk from 0, ic1 out 1–3 and then working T 3–5: queue 0–1, away 1–3.
    const log = [
      ...taskOnIc1(0),
      outage(1, 'ic1', 'start'),
      outage(3, 'ic1', 'end'),
      ...finishT(0, 3, 5),
      runEnd(5),
    ];
    expect(pathOf(log).segments).toStrictEqual([
      seg(0, 1, 'queue', 'ic1', 'T'),
      seg(1, 3, 'away', 'ic1', 'T'),
      seg(3, 5, 'execution', 'ic1', 'T'),
    ]);
  });

  it('takes no hours for an outage that starts and ends at the same instant', () => {
    // T on ic1's desk from 0; ic1 is out 1–3 and for no time at 4, then works T 5–7. Back from
    // 7: idle 3–5 queue (the empty outage at 4 splits nothing); away 1–3; queue 0–1.
    const log = [
      ...taskOnIc1(0),
      outage(1, 'ic1', 'start'),
      outage(3, 'ic1', 'end'),
      outage(4, 'ic1', 'start'),
      outage(4, 'ic1', 'end'),
      ...finishT(0, 5, 7),
      runEnd(7),
    ];
    expect(pathOf(log).segments).toStrictEqual([
      seg(0, 1, 'queue', 'ic1', 'T'),
      seg(1, 3, 'away', 'ic1', 'T'),
      seg(3, 5, 'queue', 'ic1', 'T'),
      seg(5, 7, 'execution', 'ic1', 'T'),
    ]);
  });
});

/**
 * ic1's desk while T (P2) waits on it from 0: a standup 0.5–1, Z (P2) 1–1.5, P (P0) 1.5–3, Y (P2)
 * 3.5–4, then T 4–6.
 */
function busyDesk(): LogRecord[] {
  return [
    ...taskOnIc1(0),
    work(1, 'ic1', 'standup', 0.5, 0.5),
    work(1.5, 'ic1', 'execute', 1, 1, 'Z'),
    work(3, 'ic1', 'execute', 1.5, 1.5, 'P'),
    work(4, 'ic1', 'execute', 3.5, 3.5, 'Y'),
    ...finishT(0, 4, 6),
    runEnd(6),
  ];
}

// Walking back from 6: execution 4–6; Y 3.5–4 and the idle 3–3.5 are queue; P0 work 1.5–3 is
// incident (T is not P0); Z 1–1.5 is queue; the standup 0.5–1 is ritual; nothing 0–0.5 is queue.
const BUSY: Segment[] = [
  seg(0, 0.5, 'queue', 'ic1', 'T'),
  seg(0.5, 1, 'ritual', 'ic1', 'T'),
  seg(1, 1.5, 'queue', 'ic1', 'T'),
  seg(1.5, 3, 'incident', 'ic1', 'T'),
  seg(3, 4, 'queue', 'ic1', 'T'),
  seg(4, 6, 'execution', 'ic1', 'T'),
];

describe('waiting on a desk behind other work', () => {
  it('is ritual in a standup, incident behind P0 work, queue behind other work', () => {
    const path = pathOf(busyDesk());
    expect(path.segments).toStrictEqual(BUSY);
    expect(path.byCause).toStrictEqual({ queue: 2, ritual: 0.5, incident: 1.5, execution: 2 });
  });

  it('reads a desk by the start of its slices, whatever their order in the log', () => {
    // The same log with ic1's work records listed last-first: the same attribution.
    const log = busyDesk();
    const at = log.flatMap((r, i) => (r.type === 'work' ? [i] : []));
    const slices = at.map((i) => log[i] as LogRecord).reverse();
    const shuffled = log.map((r, i) => (r.type === 'work' ? (slices[at.indexOf(i)] ?? r) : r));
    expect(shuffled.filter((r) => r.type === 'work').map((r) => r.t)).toEqual([6, 4, 3, 1.5, 1]);
    expect(pathOf(shuffled).segments).toStrictEqual(BUSY);
  });

  it('is queue, not incident, behind P0 work when the desk has an outage too', () => {
    // With an outage (ic1 out 0–0.5, long before) the walk steps slice by slice. T (P2) on the desk
    // from 1; ic1 works Z (P2) 1–1.5, then P (P0) 1.5–2.5, then T 3–4. Back from 4: execution
    // 3–4; idle 2.5–3 queue; P 1.5–2.5 incident; Z 1–1.5 queue; PENDING 0–1 backlog.
    const log = [
      ...taskOnIc1(1),
      outage(0, 'ic1', 'start'),
      outage(0.5, 'ic1', 'end'),
      work(1.5, 'ic1', 'execute', 1, 1, 'Z'),
      work(2.5, 'ic1', 'execute', 1.5, 1.5, 'P'),
      ...finishT(1, 3, 4),
      runEnd(4),
    ];
    expect(pathOf(log).segments).toStrictEqual([
      seg(0, 1, 'backlog', 'team-1/backend', 'T'),
      seg(1, 1.5, 'queue', 'ic1', 'T'),
      seg(1.5, 2.5, 'incident', 'ic1', 'T'),
      seg(2.5, 3, 'queue', 'ic1', 'T'),
      seg(3, 4, 'execution', 'ic1', 'T'),
    ]);
  });
});

/** T0, a P0 task, released at 0 and on ic1's desk from `assignedAt`. */
function p0OnIc1(assignedAt: Hours): LogRecord[] {
  return [
    runStart([...LEADS, ic('ic1', 'backend')]),
    received(0, 'I1', 0),
    plan(0, 'I1', 'S1', [{ id: 'T0', priority: 0 }]),
    plan(0, 'I0', 'S0', [{ id: 'P', priority: 0 }]),
    move(0, 'T0', null, 'PENDING'),
    ready(0, 'T0'),
    move(assignedAt, 'T0', 'PENDING', 'ASSIGNED', 'ic1'),
  ];
}

function finishT0(queuedAt: Hours, from: Hours, to: Hours): LogRecord[] {
  return [
    move(from, 'T0', 'ASSIGNED', 'IN_PROGRESS'),
    work(to, 'ic1', 'execute', queuedAt, from, 'T0'),
    move(to, 'T0', 'IN_PROGRESS', 'COMPLETED'),
    completed(to, 'I1', to),
  ];
}

describe('a P0 task waiting on a desk', () => {
  it('waits in the queue of a desk that had nothing else', () => {
    // T0 on ic1's desk from 0, its only slice 2–4: queue 0–2, execution 2–4.
    const log = [...p0OnIc1(0), ...finishT0(0, 2, 4), runEnd(4)];
    expect(pathOf(log).segments).toStrictEqual([
      seg(0, 2, 'queue', 'ic1', 'T0'),
      seg(2, 4, 'execution', 'ic1', 'T0'),
    ]);
  });

  it('is not held by a spent budget: P0 work goes on', () => {
    // A daily budget spent at 1.5 under p0Only, reset at 3. T0 on the desk from 0; ic1 in a
    // standup 0.5–1, idle until T0 2–4. Back from 4: execution; idle 1–2 is queue (the hold does
    // not apply to P0 work); the standup is ritual; 0–0.5 queue.
    const log = [
      ...p0OnIc1(0),
      work(1, 'ic1', 'standup', 0.5, 0.5),
      exhausted(1.5, 'day', 50, 50, 1, 'p0Only'),
      ...finishT0(0, 2, 4).slice(0, 1),
      reset(3, 2),
      ...finishT0(0, 2, 4).slice(1),
      runEnd(4),
    ];
    expect(pathOf(log).segments).toStrictEqual([
      seg(0, 0.5, 'queue', 'ic1', 'T0'),
      seg(0.5, 1, 'ritual', 'ic1', 'T0'),
      seg(1, 2, 'queue', 'ic1', 'T0'),
      seg(2, 4, 'execution', 'ic1', 'T0'),
    ]);
  });

  it('waits behind other P0 work as queue, not incident', () => {
    // ic1 out 0–0.5 (so the walk goes slice by slice); T0 on its desk from 1; ic1 works P (P0)
    // 1.5–2.5, then T0 3–4. Back from 4: execution; 1–3 queue (P0 behind P0 is no incident);
    // PENDING 0–1 backlog (no P0 task held a slot).
    const log = [
      ...p0OnIc1(1),
      outage(0, 'ic1', 'start'),
      outage(0.5, 'ic1', 'end'),
      work(2.5, 'ic1', 'execute', 1.5, 1.5, 'P'),
      ...finishT0(1, 3, 4),
      runEnd(4),
    ];
    expect(pathOf(log).segments).toStrictEqual([
      seg(0, 1, 'backlog', 'team-1/backend', 'T0'),
      seg(1, 3, 'queue', 'ic1', 'T0'),
      seg(3, 4, 'execution', 'ic1', 'T0'),
    ]);
  });
});

describe('an escalation waiting on a lead', () => {
  it('is blocked while the lead does P0 work, not incident', () => {
    // ic1 works T 0–1 and T blocks; the escalation reaches dl-backend at 1 (out 0–0.5 earlier),
    // who does P0 task P's assignment 1–2, then the escalation 2–3; ic1 finishes T 3–4.
    // Back from 4: execution 3–4; escalation work 2–3 and its wait 1–2 are both blocked on the
    // DL (merged); execution 0–1.
    const log = [
      ...taskOnIc1(0),
      move(0, 'T', 'ASSIGNED', 'IN_PROGRESS'),
      outage(0, 'dl-backend', 'start'),
      outage(0.5, 'dl-backend', 'end'),
      work(1, 'ic1', 'execute', 0, 0, 'T'),
      move(1, 'T', 'IN_PROGRESS', 'BLOCKED'),
      work(2, 'dl-backend', 'assignment', 1, 1, 'P'),
      work(3, 'dl-backend', 'escalation', 1, 2, 'T'),
      move(3, 'T', 'BLOCKED', 'IN_PROGRESS'),
      work(4, 'ic1', 'execute', 3, 3, 'T'),
      move(4, 'T', 'IN_PROGRESS', 'COMPLETED'),
      completed(4, 'I1', 4),
      runEnd(4),
    ];
    expect(pathOf(log).segments).toStrictEqual([
      seg(0, 1, 'execution', 'ic1', 'T'),
      seg(1, 3, 'blocked', 'dl-backend', 'T'),
      seg(3, 4, 'execution', 'ic1', 'T'),
    ]);
  });
});

/**
 * T (P2) on ic1's desk from 0. ic1 works Z 0–1; a budget is spent at 2; ic1 works W 4–5 and T
 * 6–8. `between` is what the log says between 2 and 4 (a reset, or not).
 */
function heldDesk(spent: LogRecord, between: LogRecord[], after: LogRecord[] = []): LogRecord[] {
  return [
    ...taskOnIc1(0),
    work(1, 'ic1', 'execute', 0, 0, 'Z'),
    spent,
    ...between,
    work(5, 'ic1', 'execute', 4, 4, 'W'),
    ...after,
    ...finishT(0, 6, 8),
  ];
}

describe('a spent budget holding the desks', () => {
  it('holds a daily budget until the reset, and no longer', () => {
    // p0Only, day scope, spent at 2 and reset at 4. Back from 8: execution 6–8; the desk idle
    // 5–6 after the reset and W 4–5 are queue; 2–4 the desk is held (budget, from the
    // exhaustion, not from Z's end); idle 1–2 and Z 0–1 queue.
    const log = [...heldDesk(exhausted(2, 'day', 50, 50, 1, 'p0Only'), [reset(4, 2)]), runEnd(8)];
    const path = pathOf(log);
    expect(path.segments).toStrictEqual([
      seg(0, 2, 'queue', 'ic1', 'T'),
      seg(2, 4, 'budget', 'ic1', 'T'),
      seg(4, 6, 'queue', 'ic1', 'T'),
      seg(6, 8, 'execution', 'ic1', 'T'),
    ]);
    expect(path.byCause).toStrictEqual({ queue: 4, budget: 2, execution: 2 });
  });

  for (const policy of ['alert', 'stopIntake'] as const) {
    it(`holds nothing under ${policy}: the wait is all queue`, () => {
      const log = [...heldDesk(exhausted(2, 'day', 50, 50, 1, policy), [reset(4, 2)]), runEnd(8)];
      expect(pathOf(log).segments).toStrictEqual([
        seg(0, 6, 'queue', 'ic1', 'T'),
        seg(6, 8, 'execution', 'ic1', 'T'),
      ]);
    });
  }

  for (const policy of ['p0Only', 'stopRun'] as const) {
    it(`holds a spent run budget under ${policy} to the end of the log, past a daily reset`, () => {
      // The run's budget is spent at 2; the reset at 4 is the daily budget's and does not lift it;
      // the log ends at 10. Back from 8: execution 6–8; idle 5–6 budget (held); W 4–5 queue;
      // idle 2–4 budget; idle 1–2 and Z 0–1 queue.
      const log = [
        ...heldDesk(exhausted(2, 'run', 50, 50, undefined, policy), [reset(4, 2)]),
        runEnd(10),
      ];
      expect(pathOf(log).segments).toStrictEqual([
        seg(0, 2, 'queue', 'ic1', 'T'),
        seg(2, 4, 'budget', 'ic1', 'T'),
        seg(4, 5, 'queue', 'ic1', 'T'),
        seg(5, 6, 'budget', 'ic1', 'T'),
        seg(6, 8, 'execution', 'ic1', 'T'),
      ]);
    });
  }

  it('holds each day from its own exhaustion to its own reset', () => {
    // Day 1 spent at 2, reset at 4; ic1 works W 4–5 and day 2 is spent at 5, reset at 8; T is
    // worked 8–10. Back from 10: execution; idle 5–8 budget (day 2's hold); W 4–5 queue; 2–4
    // budget (day 1's); idle 1–2 and Z 0–1 queue.
    const log = [
      ...taskOnIc1(0),
      work(1, 'ic1', 'execute', 0, 0, 'Z'),
      exhausted(2, 'day', 50, 50, 1, 'p0Only'),
      reset(4, 2),
      work(5, 'ic1', 'execute', 4, 4, 'W'),
      exhausted(5, 'day', 50, 50, 2, 'p0Only'),
      reset(8, 3),
      ...finishT(0, 8, 10),
      runEnd(10),
    ];
    expect(pathOf(log).segments).toStrictEqual([
      seg(0, 2, 'queue', 'ic1', 'T'),
      seg(2, 4, 'budget', 'ic1', 'T'),
      seg(4, 5, 'queue', 'ic1', 'T'),
      seg(5, 8, 'budget', 'ic1', 'T'),
      seg(8, 10, 'execution', 'ic1', 'T'),
    ]);
  });
  it('holds a day spent at the instant of its reset until the next reset', () => {
    // Day 1 spent at 2 and reset at 4; day 2 is spent at 4, the instant it starts (its budget
    // was already gone), and reset at 8; T is worked 8–10. Back from 10: execution; 4–8 day 2's
    // hold and 2–4 day 1's, one budget segment 2–8; idle 1–2 and Z 0–1 queue.
    const log = [
      ...taskOnIc1(0),
      work(1, 'ic1', 'execute', 0, 0, 'Z'),
      exhausted(2, 'day', 50, 50, 1, 'p0Only'),
      reset(4, 2),
      exhausted(4, 'day', 50, 50, 2, 'p0Only'),
      reset(8, 3),
      ...finishT(0, 8, 10),
      runEnd(10),
    ];
    expect(pathOf(log).segments).toStrictEqual([
      seg(0, 2, 'queue', 'ic1', 'T'),
      seg(2, 8, 'budget', 'ic1', 'T'),
      seg(8, 10, 'execution', 'ic1', 'T'),
    ]);
  });
});

describe('waiting in the backlog while a P0 task holds a WIP slot', () => {
  it('is incident from the P0 task’s assignment until it leaves review, backlog otherwise', () => {
    // N (P2) waits PENDING 0–11. P (P0) is PENDING 1–2, then ASSIGNED 2, IN_PROGRESS 3, BLOCKED
    // 4, ESCALATED 5, IN_PROGRESS 6, UNDER_REVIEW 7, DOMAIN_REVIEW 8: it holds a slot 2–9, and
    // no longer once READY_FOR_HANDOFF at 9. N is assigned and worked 11–13. Back from 13:
    // execution; 9–11 backlog; 2–9 incident; 0–2 backlog.
    const log = [
      runStart([...LEADS, ic('ic1', 'backend'), ic('ic2', 'backend')]),
      received(0, 'I1'),
      plan(0, 'I1', 'S1', [{ id: 'N' }]),
      move(0, 'N', null, 'PENDING'),
      ready(0, 'N'),
      received(1, 'I0', 0),
      plan(1, 'I0', 'S0', [{ id: 'P', priority: 0 }]),
      move(1, 'P', null, 'PENDING'),
      ready(1, 'P'),
      move(2, 'P', 'PENDING', 'ASSIGNED', 'ic1'),
      move(3, 'P', 'ASSIGNED', 'IN_PROGRESS'),
      move(4, 'P', 'IN_PROGRESS', 'BLOCKED'),
      move(5, 'P', 'BLOCKED', 'ESCALATED'),
      move(6, 'P', 'ESCALATED', 'IN_PROGRESS'),
      move(7, 'P', 'IN_PROGRESS', 'UNDER_REVIEW'),
      move(8, 'P', 'UNDER_REVIEW', 'DOMAIN_REVIEW'),
      move(9, 'P', 'DOMAIN_REVIEW', 'READY_FOR_HANDOFF'),
      move(10, 'P', 'READY_FOR_HANDOFF', 'COMPLETED'),
      completed(10, 'I0', 9),
      move(11, 'N', 'PENDING', 'ASSIGNED', 'ic2'),
      move(11, 'N', 'ASSIGNED', 'IN_PROGRESS'),
      work(13, 'ic2', 'execute', 11, 11, 'N'),
      move(13, 'N', 'IN_PROGRESS', 'COMPLETED'),
      completed(13, 'I1', 13),
      runEnd(13),
    ];
    const path = pathOf(log);
    expect(path.segments).toStrictEqual([
      seg(0, 2, 'backlog', 'team-1/backend', 'N'),
      seg(2, 9, 'incident', 'team-1/backend', 'N'),
      seg(9, 11, 'backlog', 'team-1/backend', 'N'),
      seg(11, 13, 'execution', 'ic2', 'N'),
    ]);
    expect(path.byCause).toStrictEqual({ backlog: 4, incident: 7, execution: 2 });
  });

  it('counts a P0 task still in progress at the end of the run as holding its slot', () => {
    // P (P0) is PENDING 1–2, ASSIGNED 2, IN_PROGRESS from 3 to the end of the run at 8: it
    // holds a slot 2–8. N waits PENDING 0–5 and is worked 5–7: backlog 0–2, incident 2–5.
    const log = [
      runStart([...LEADS, ic('ic1', 'backend'), ic('ic2', 'backend')]),
      received(0, 'I1'),
      plan(0, 'I1', 'S1', [{ id: 'N' }]),
      move(0, 'N', null, 'PENDING'),
      ready(0, 'N'),
      received(1, 'I0', 0),
      plan(1, 'I0', 'S0', [{ id: 'P', priority: 0 }]),
      move(1, 'P', null, 'PENDING'),
      ready(1, 'P'),
      move(2, 'P', 'PENDING', 'ASSIGNED', 'ic1'),
      move(3, 'P', 'ASSIGNED', 'IN_PROGRESS'),
      move(5, 'N', 'PENDING', 'ASSIGNED', 'ic2'),
      move(5, 'N', 'ASSIGNED', 'IN_PROGRESS'),
      work(7, 'ic2', 'execute', 5, 5, 'N'),
      move(7, 'N', 'IN_PROGRESS', 'COMPLETED'),
      completed(7, 'I1', 7),
      runEnd(8, 'horizon', 1),
    ];
    expect(pathOf(log).segments).toStrictEqual([
      seg(0, 2, 'backlog', 'team-1/backend', 'N'),
      seg(2, 5, 'incident', 'team-1/backend', 'N'),
      seg(5, 7, 'execution', 'ic2', 'N'),
    ]);
  });
});

describe('work on a task, by kind', () => {
  it('counts approvals and architecture reviews as review, a handoff fix as handoff', () => {
    // ic1 executes T 0–2; dl-backend approves it 2–3; the TL reviews its architecture 3–4; ic2
    // verifies the handoff 4–5 and ic1 fixes it 5–6. Each activity starts as the last ends.
    const log = [
      ...taskOnIc1(0),
      move(0, 'T', 'ASSIGNED', 'IN_PROGRESS'),
      work(2, 'ic1', 'execute', 0, 0, 'T'),
      move(2, 'T', 'IN_PROGRESS', 'DOMAIN_REVIEW'),
      work(3, 'dl-backend', 'domainApproval', 2, 2, 'T'),
      work(4, 'tl', 'architectureReview', 3, 3, 'T'),
      move(4, 'T', 'DOMAIN_REVIEW', 'READY_FOR_HANDOFF'),
      work(5, 'ic2', 'handoffVerification', 4, 4, 'T'),
      work(6, 'ic1', 'handoffFix', 5, 5, 'T'),
      move(6, 'T', 'READY_FOR_HANDOFF', 'COMPLETED'),
      completed(6, 'I1', 6),
      runEnd(6),
    ];
    expect(pathOf(log).segments).toStrictEqual([
      seg(0, 2, 'execution', 'ic1', 'T'),
      seg(2, 3, 'review', 'dl-backend', 'T'),
      seg(3, 4, 'review', 'tl', 'T'),
      seg(4, 5, 'handoff', 'ic2', 'T'),
      seg(5, 6, 'handoff', 'ic1', 'T'),
    ]);
  });
});

describe('a planning step resumed', () => {
  it('joins the slices of the step, and not another step set aside on the same desk', () => {
    // I0 arrives at 0, I1 at 0.5. dl-backend plans I0 0–1 and sets it aside (preempted) for
    // I1's breakdown (queued 0.5): 1–1.5, paused for a standup 1.5–2, resumed 2–2.5; I0's
    // resumes 2.5–3. T (I1's) is released at 2.5 and executed 2.5–4.5. Back from 4.5:
    // execution; I1's breakdown 2–2.5 planning, the standup ritual, 1–1.5 planning; 0.5–1 it
    // waited behind I0's step (queue), which is not part of it. Steps carry no task.
    const log: LogRecord[] = [
      runStart([...LEADS, ic('ic1', 'backend')]),
      received(0, 'I0'),
      received(0.5, 'I1'),
      work(1, 'dl-backend', 'tacticalPlanning', 0, 0, undefined, { outcome: 'preempted' }),
      work(1.5, 'dl-backend', 'tacticalPlanning', 0.5, 1, undefined, { outcome: 'paused' }),
      work(2, 'dl-backend', 'standup', 1.5, 1.5),
      work(2.5, 'dl-backend', 'tacticalPlanning', 0.5, 2),
      plan(2.5, 'I1', 'S1', [{ id: 'T' }]),
      move(2.5, 'T', null, 'PENDING'),
      ready(2.5, 'T'),
      move(2.5, 'T', 'PENDING', 'ASSIGNED', 'ic1'),
      move(2.5, 'T', 'ASSIGNED', 'IN_PROGRESS'),
      work(3, 'dl-backend', 'tacticalPlanning', 0, 2.5),
      work(4.5, 'ic1', 'execute', 2.5, 2.5, 'T'),
      move(4.5, 'T', 'IN_PROGRESS', 'COMPLETED'),
      completed(4.5, 'I1', 4),
      runEnd(4.5),
    ];
    const path = pathOf(log);
    expect(path.segments).toStrictEqual([
      seg(0.5, 1, 'queue', 'dl-backend'),
      seg(1, 1.5, 'planning', 'dl-backend'),
      seg(1.5, 2, 'ritual', 'dl-backend'),
      seg(2, 2.5, 'planning', 'dl-backend'),
      seg(2.5, 4.5, 'execution', 'ic1', 'T'),
    ]);
    expect(path.byCause).toStrictEqual({ queue: 0.5, planning: 1, ritual: 0.5, execution: 2 });
  });
});

describe('work a requirement change added', () => {
  it('waits for the change, not for the plan made before it', () => {
    // I1 arrives at 0 and is planned by the TL at 1; a requirement change at 3 adds S1, which
    // dl-backend breaks down 3–4 into T; ic1 works T 4–6. Back from 6: execution 4–6; the
    // breakdown 3–4 planning; before it, the work could not start until the change: change 0–3.
    const log: LogRecord[] = [
      runStart([...LEADS, ic('ic1', 'backend')]),
      received(0, 'I1'),
      strategic(1, 'I1', ['S0']),
      requirementChanged(3, 'I1'),
      work(4, 'dl-backend', 'tacticalPlanning', 3, 3),
      plan(4, 'I1', 'S1', [{ id: 'T' }]),
      move(4, 'T', null, 'PENDING'),
      ready(4, 'T'),
      move(4, 'T', 'PENDING', 'ASSIGNED', 'ic1'),
      ...finishT(4, 4, 6),
      runEnd(6),
    ];
    expect(pathOf(log).segments).toStrictEqual([
      seg(0, 3, 'change', 'requirement change'),
      seg(3, 4, 'planning', 'dl-backend'),
      seg(4, 6, 'execution', 'ic1', 'T'),
    ]);
  });
});

describe('waiting on a rate limit, and looping', () => {
  it('is rateLimit while a 429 holds the agent, and loop for the execution after its loop began', () => {
    // T on ic1's desk from 0. ic1 works T 0–1, is refused at 1 and waits to 1.5 (a 429's retry),
    // works 1.5–2, loops from 2 (the slice pauses at 2 and goes on 2–3), a cap stops it at 3,
    // and a restart works it 3–4. Back from 4: execution 3–4 (queued at 3); loop 2–3; execution
    // 1.5–2; rateLimit 1–1.5; execution 0–1.
    const log = [
      ...taskOnIc1(0),
      move(0, 'T', 'ASSIGNED', 'IN_PROGRESS'),
      work(1, 'ic1', 'execute', 0, 0, 'T', { outcome: 'throttled' }),
      throttle(1, 'ic1', 'start', { limit: 'tokens', attempt: 1, until: 1.5 }),
      throttle(1.5, 'ic1', 'end'),
      { t: 2, type: 'loop', person: 'ic1', model: 'fast', task: 'T', afterHours: 1.5 },
      work(2, 'ic1', 'execute', 0, 1.5, 'T', { outcome: 'paused' }),
      work(3, 'ic1', 'execute', 0, 2, 'T', { outcome: 'dropped' }),
      work(4, 'ic1', 'execute', 3, 3, 'T'),
      move(4, 'T', 'IN_PROGRESS', 'COMPLETED'),
      completed(4, 'I1', 4),
      runEnd(4),
    ] satisfies LogRecord[];
    const path = pathOf(log);
    expect(path.segments).toStrictEqual([
      seg(0, 1, 'execution', 'ic1', 'T'),
      seg(1, 1.5, 'rateLimit', 'ic1', 'T'),
      seg(1.5, 2, 'execution', 'ic1', 'T'),
      seg(2, 3, 'loop', 'ic1', 'T'),
      seg(3, 4, 'execution', 'ic1', 'T'),
    ]);
    expect(path.byCause).toStrictEqual({ execution: 2.5, rateLimit: 0.5, loop: 1 });
  });
});

describe('waiting for a human’s approval of the finished instruction', () => {
  /** T worked 0–4 and done at 4, when the release policy asks the CTO. */
  const doneAt4AskingCto: LogRecord[] = [
    move(0, 'T', 'ASSIGNED', 'IN_PROGRESS'),
    work(4, 'ic1', 'execute', 0, 0, 'T'),
    move(4, 'T', 'IN_PROGRESS', 'COMPLETED'),
    { t: 4, type: 'approval.requested', instruction: 'I1', policy: 'release', approvers: ['cto'] },
  ];

  it('is queue on the approver’s desk, then approval while they work it', () => {
    // T on ic1's desk from 0, worked 0–4: the last task is done at 4, and the release policy asks
    // the CTO. The CTO is busy with an escalation 4.5–6 and works the approval 6–6.5, when I1
    // completes. Back from 6.5: approval 6–6.5; queue 4–6 on the CTO's desk (the escalation and
    // the idle half hour before it); execution 0–4.
    const log = [
      ...taskOnIc1(0).map((r) =>
        r.type === 'run.start' ? { ...r, people: [...r.people, person('cto', 'human')] } : r,
      ),
      ...doneAt4AskingCto,
      work(6, 'cto', 'escalation', 4.5, 4.5, 'Z'),
      work(6.5, 'cto', 'approval', 4, 6, undefined, { instruction: 'I1' }),
      {
        t: 6.5,
        type: 'approval.decided',
        instruction: 'I1',
        policy: 'release',
        approver: 'cto',
        by: 'cto',
        outcome: 'approved',
        waitHours: 2.5,
      },
      completed(6.5, 'I1', 6.5),
      runEnd(7),
    ] satisfies LogRecord[];
    const path = pathOf(log);
    expect(path.segments).toStrictEqual([
      seg(0, 4, 'execution', 'ic1', 'T'),
      seg(4, 6, 'queue', 'cto'),
      seg(6, 6.5, 'approval', 'cto'),
    ]);
    expect(path.byCause).toStrictEqual({ execution: 4, queue: 2, approval: 0.5 });
  });

  it('is approval on the first human asked for a wait no approval explains: a timeout’s', () => {
    // T done at 4; nobody approves, and the timeout approves at 6, when I1 completes.
    const log = [
      ...taskOnIc1(0),
      ...doneAt4AskingCto,
      completed(6, 'I1', 6),
      runEnd(7),
    ] satisfies LogRecord[];
    expect(pathOf(log).segments).toStrictEqual([
      seg(0, 4, 'execution', 'ic1', 'T'),
      seg(4, 6, 'approval', 'cto'),
    ]);
  });
});
