// The critical path's walk back through a task's life and what released it, on small logs worked
// out by hand: which dependency released a task last, the Domain Lead's breakdown, the TL's plan and
// the EM's intake, blocked and escalated time, a task taken back from an IC who was out, a P0
// incident holding a backlog's slots, handoffs, reviews, requirement changes and cancelled tasks.
// Every expected segment below was derived from the story written above its log.

import { describe, expect, it } from 'vitest';
import { criticalPaths, type InstructionPath } from '../../src/collect/critical-path.ts';
import { timelines } from '../../src/collect/timeline.ts';
import { ALWAYS } from '../../src/domain/calendar.ts';
import type { Domain } from '../../src/domain/org.ts';
import type { Hours } from '../../src/kernel/time.ts';
import type { LogRecord } from '../../src/log/event-log.ts';
import {
  climbed,
  completed,
  decision,
  ic,
  LEADS,
  move,
  near,
  opened,
  outage,
  person,
  ready,
  received,
  requirementChanged,
  resolved,
  runEnd,
  runStart,
  strategic,
  tactical,
  work,
} from './log-builder.ts';

const DL = 'dl-backend';
const IC1 = 'ic-backend-1';
const IC2 = 'ic-backend-2';
const BACKLOG = 'team-1/backend';

/** The records in time order; records at the same hour keep the order they were written in. */
function log(...records: Array<LogRecord | LogRecord[]>): LogRecord[] {
  return records
    .flat()
    .map((r, i) => [r, i] as const)
    .sort(([a, i], [b, j]) => a.t - b.t || i - j)
    .map(([r]) => r);
}

/**
 * An instruction arriving at `t0`: the EM's intake [t0, t0 + 0.5], the TL's plan of `ids`
 * [t0 + 0.5, t0 + 1], neither waiting.
 */
function front(instruction: string, ids: string[], t0 = 0): LogRecord[] {
  return [
    received(t0, instruction),
    work(t0 + 0.5, 'em', 'intake', t0, t0, undefined, { instruction }),
    decision(t0 + 0.5, instruction),
    work(t0 + 1, 'tl', 'strategicPlanning', t0 + 0.5, t0 + 0.5, undefined, { instruction }),
    strategic(t0 + 1, instruction, ids),
  ];
}

/** The backend DL's breakdown of `strategicId`, queued at `queuedAt` and worked [from, to]. */
function breakdown(
  queuedAt: Hours,
  from: Hours,
  to: Hours,
  instruction: string,
  strategicId: string,
  tasks: Array<{ id: string; estimateHours?: Hours; dependsOn?: string[] }>,
  priority = 2,
): LogRecord[] {
  const plan = tactical(to, instruction, strategicId, tasks);
  if (plan.type !== 'plan.tactical') throw new Error('not a plan');
  return [
    work(to, DL, 'tacticalPlanning', queuedAt, from, undefined, { instruction }),
    { ...plan, tasks: plan.tasks.map((t) => ({ ...t, priority })) },
  ];
}

/** A backend task released at `release`, handed to `who` at `start` and executed until `end`. */
function run(id: string, who: string, release: Hours, start: Hours, end: Hours): LogRecord[] {
  return [
    move(release, id, null, 'PENDING'),
    ready(release, id),
    move(start, id, 'PENDING', 'ASSIGNED', who),
    move(start, id, 'ASSIGNED', 'IN_PROGRESS'),
    work(end, who, 'execute', start, start, id),
    move(end, id, 'IN_PROGRESS', 'COMPLETED'),
  ];
}

type Row = [Hours, Hours, string, string, string | null];
const rows = (p: InstructionPath | undefined): Row[] =>
  (p?.segments ?? []).map((s) => [s.from, s.to, s.cause, s.resource, s.task ?? null]);

/** The segments of `front` and of a breakdown worked [1, 1.5] as soon as the plan was out. */
const FRONT: Row[] = [
  [0, 0.5, 'intake', 'em', null],
  [0.5, 1, 'planning', 'tl', null],
  [1, 1.5, 'planning', DL, null],
];

const paths = (records: LogRecord[]) => criticalPaths(records, timelines(records));

describe('critical path: instructions without a path', () => {
  it('an empty log has no critical path', () => {
    expect(criticalPaths([], new Map())).toEqual([]);
  });

  it('an instruction that never finished has none', () => {
    // I1 is planned and T1 is under way when the run ends at 5: no instruction.completed.
    const records = log(
      runStart([...LEADS, ic(IC1, 'backend')]),
      front('I1', ['I1-S1']),
      breakdown(1, 1, 1.5, 'I1', 'I1-S1', [{ id: 'T1' }]),
      move(1.5, 'T1', null, 'PENDING'),
      ready(1.5, 'T1'),
      move(1.5, 'T1', 'PENDING', 'ASSIGNED', IC1),
      move(1.5, 'T1', 'ASSIGNED', 'IN_PROGRESS'),
      runEnd(5, 'horizon', 1),
    );
    expect(paths(records)).toEqual([]);
  });

  it('without its arrival in the log, an instruction arrived its lead time before completing', () => {
    // Only the completion is logged: at 5, 5 h after arriving, so it arrived at 0; no task, so
    // the whole 5 h are unexplained, back to the arrival.
    const records = log(runStart([...LEADS]), completed(5, 'I1', 5, 0), runEnd(5));
    const [p] = paths(records);
    expect(p?.receivedAt).toBe(0);
    expect(p?.leadTimeHours).toBe(5);
    expect(p?.tasks).toEqual([]);
    expect(rows(p)).toEqual([[0, 5, 'unexplained', 'arrival', null]]);
  });
});

describe('critical path: dependencies and breakdowns', () => {
  it('walks into the dependency that finished last, not the first one listed', () => {
    // T3 needs T1 (done at 5.5) and T2 (done at 7.5): T2 released it. T3 runs 7.5–9.5.
    // T2 ran 1.5–7.5 from its release by the breakdown at 1.5; before that the front.
    const records = log(
      runStart([...LEADS, ic(IC1, 'backend'), ic(IC2, 'backend')]),
      front('I1', ['I1-S1']),
      breakdown(1, 1, 1.5, 'I1', 'I1-S1', [
        { id: 'T1' },
        { id: 'T2' },
        { id: 'T3', dependsOn: ['T1', 'T2'] },
      ]),
      run('T1', IC1, 1.5, 1.5, 5.5),
      run('T2', IC2, 1.5, 1.5, 7.5),
      run('T3', IC1, 7.5, 7.5, 9.5),
      completed(9.5, 'I1', 9.5, 3),
      runEnd(9.5),
    );
    const [p] = paths(records);
    expect(p?.tasks).toEqual(['T2', 'T3']);
    expect(rows(p)).toEqual([
      ...FRONT,
      [1.5, 7.5, 'execution', IC2, 'T2'],
      [7.5, 9.5, 'execution', IC1, 'T3'],
    ]);
    expect(p?.byCause).toEqual({ intake: 0.5, planning: 1, execution: 8 });
  });

  it('of two dependencies that finished at the same hour, follows the first one listed', () => {
    // T1 and T2 both complete at 5.5 and release T3: the walk goes into T1 (listed first).
    const records = log(
      runStart([...LEADS, ic(IC1, 'backend'), ic(IC2, 'backend')]),
      front('I1', ['I1-S1']),
      breakdown(1, 1, 1.5, 'I1', 'I1-S1', [
        { id: 'T1' },
        { id: 'T2' },
        { id: 'T3', dependsOn: ['T1', 'T2'] },
      ]),
      run('T1', IC1, 1.5, 1.5, 5.5),
      run('T2', IC2, 1.5, 1.5, 5.5),
      run('T3', IC1, 5.5, 5.5, 7.5),
      completed(7.5, 'I1', 7.5, 3),
      runEnd(7.5),
    );
    const [p] = paths(records);
    expect(p?.tasks).toEqual(['T1', 'T3']);
    expect(rows(p)).toEqual([
      ...FRONT,
      [1.5, 5.5, 'execution', IC1, 'T1'],
      [5.5, 7.5, 'execution', IC1, 'T3'],
    ]);
  });

  it('of two tasks that complete at the same hour, starts from the one planned last', () => {
    // T1 and T2 run side by side and both complete at 5.5, with the instruction: T2 is taken.
    const records = log(
      runStart([...LEADS, ic(IC1, 'backend'), ic(IC2, 'backend')]),
      front('I1', ['I1-S1']),
      breakdown(1, 1, 1.5, 'I1', 'I1-S1', [{ id: 'T1' }, { id: 'T2' }]),
      run('T1', IC1, 1.5, 1.5, 5.5),
      run('T2', IC2, 1.5, 1.5, 5.5),
      completed(5.5, 'I1', 5.5, 2),
      runEnd(5.5),
    );
    const [p] = paths(records);
    expect(p?.tasks).toEqual(['T2']);
    expect(rows(p)).toEqual([...FRONT, [1.5, 5.5, 'execution', IC2, 'T2']]);
  });

  it('with several strategic tasks, follows a breakdown that came after the dependency', () => {
    // The plan (at 1) has S1 and S2, both on the DL's desk from 1. The DL breaks S1 down 1–1.5
    // (T1, run 1.5–5.5), reviews X 1.5–5.5, and breaks S2 down only 5.5–6: T2, which needs T1,
    // is released by that breakdown at 6 (T1 had finished at 5.5) and runs 6–8. So the path is
    // T2 alone: before 6 the DL's breakdown of S2, 5.5–6, and its wait on the DL's desk since
    // the plan, 1–5.5, behind S1 and X (queue); then the TL's plan and the EM's intake.
    const records = log(
      runStart([...LEADS, ic(IC1, 'backend'), ic(IC2, 'backend')]),
      front('I1', ['I1-S1', 'I1-S2']),
      breakdown(1, 1, 1.5, 'I1', 'I1-S1', [{ id: 'T1' }]),
      run('T1', IC1, 1.5, 1.5, 5.5),
      work(5.5, DL, 'architectureReview', 1.5, 1.5, 'X'),
      breakdown(1, 5.5, 6, 'I1', 'I1-S2', [{ id: 'T2', dependsOn: ['T1'] }]),
      run('T2', IC2, 6, 6, 8),
      completed(8, 'I1', 8, 2),
      runEnd(8),
    );
    const [p] = paths(records);
    expect(p?.tasks).toEqual(['T2']);
    expect(rows(p)).toEqual([
      [0, 0.5, 'intake', 'em', null],
      [0.5, 1, 'planning', 'tl', null],
      [1, 5.5, 'queue', DL, null],
      [5.5, 6, 'planning', DL, null],
      [6, 8, 'execution', IC2, 'T2'],
    ]);
    expect(p?.byCause).toEqual({ intake: 0.5, planning: 1, queue: 4.5, execution: 2 });
  });

  it('when the dependency and the breakdown come at the same hour, follows the dependency', () => {
    // As above, but the DL's review of X ends at 5 and S2's breakdown is 5–5.5: T2's inputs,
    // T1's completion and its breakdown, both come at 5.5. The walk goes into T1.
    const records = log(
      runStart([...LEADS, ic(IC1, 'backend'), ic(IC2, 'backend')]),
      front('I1', ['I1-S1', 'I1-S2']),
      breakdown(1, 1, 1.5, 'I1', 'I1-S1', [{ id: 'T1' }]),
      run('T1', IC1, 1.5, 1.5, 5.5),
      work(5, DL, 'architectureReview', 1.5, 1.5, 'X'),
      breakdown(1, 5, 5.5, 'I1', 'I1-S2', [{ id: 'T2', dependsOn: ['T1'] }]),
      run('T2', IC2, 5.5, 5.5, 7.5),
      completed(7.5, 'I1', 7.5, 2),
      runEnd(7.5),
    );
    const [p] = paths(records);
    expect(p?.tasks).toEqual(['T1', 'T2']);
    expect(rows(p)).toEqual([
      ...FRONT,
      [1.5, 5.5, 'execution', IC1, 'T1'],
      [5.5, 7.5, 'execution', IC2, 'T2'],
    ]);
  });

  it('walks a planning step resumed after a ritual and an outage as one activity', () => {
    // The TL plans 0.5–0.75, pauses for its standup 0.75–1, plans 1–1.25, is out 1.25–2 and
    // finishes the plan 2–2.25. Its hours: planning, ritual, planning, away, planning. The DL's
    // breakdown follows at once (2.25–2.75) and T1 runs 2.75–4.75.
    const records = log(
      runStart([...LEADS, ic(IC1, 'backend')]),
      received(0, 'I1'),
      work(0.5, 'em', 'intake', 0, 0, undefined, { instruction: 'I1' }),
      decision(0.5, 'I1'),
      work(0.75, 'tl', 'strategicPlanning', 0.5, 0.5, undefined, {
        instruction: 'I1',
        outcome: 'paused',
      }),
      work(1, 'tl', 'standup', 0.75, 0.75),
      work(1.25, 'tl', 'strategicPlanning', 0.5, 1, undefined, {
        instruction: 'I1',
        outcome: 'outage',
      }),
      outage(1.25, 'tl', 'start'),
      outage(2, 'tl', 'end'),
      work(2.25, 'tl', 'strategicPlanning', 0.5, 2, undefined, { instruction: 'I1' }),
      strategic(2.25, 'I1', ['I1-S1']),
      breakdown(2.25, 2.25, 2.75, 'I1', 'I1-S1', [{ id: 'T1' }]),
      run('T1', IC1, 2.75, 2.75, 4.75),
      completed(4.75, 'I1', 4.75),
      runEnd(4.75),
    );
    const [p] = paths(records);
    expect(rows(p)).toEqual([
      [0, 0.5, 'intake', 'em', null],
      [0.5, 0.75, 'planning', 'tl', null],
      [0.75, 1, 'ritual', 'tl', null],
      [1, 1.25, 'planning', 'tl', null],
      [1.25, 2, 'away', 'tl', null],
      [2, 2.25, 'planning', 'tl', null],
      [2.25, 2.75, 'planning', DL, null],
      [2.75, 4.75, 'execution', IC1, 'T1'],
    ]);
  });

  it("finds each instruction's own intake when two intakes end at the same hour", () => {
    // The EM is in a rebalance 0–1; I1 arrives at 0, I2 at 0.5, and both (0-hour) intakes are
    // done at 1. I1 waited 0–1 and I2 0.5–1, both for the ritual. The TL plans I1 1–1.5, then
    // I2 1.5–2 (so I2 waits 1–1.5 behind I1); the DL breaks I1 down 1.5–2 and I2 2–2.5; T1 runs
    // 2–4 and U1 2.5–4.5.
    const records = log(
      runStart([...LEADS, ic(IC1, 'backend'), ic(IC2, 'backend')]),
      received(0, 'I1'),
      received(0.5, 'I2'),
      work(1, 'em', 'rebalance', 0, 0),
      work(1, 'em', 'intake', 0, 1, undefined, { instruction: 'I1' }),
      work(1, 'em', 'intake', 0.5, 1, undefined, { instruction: 'I2' }),
      decision(1, 'I1'),
      decision(1, 'I2'),
      work(1.5, 'tl', 'strategicPlanning', 1, 1, undefined, { instruction: 'I1' }),
      strategic(1.5, 'I1', ['I1-S1']),
      work(2, 'tl', 'strategicPlanning', 1, 1.5, undefined, { instruction: 'I2' }),
      strategic(2, 'I2', ['I2-S1']),
      breakdown(1.5, 1.5, 2, 'I1', 'I1-S1', [{ id: 'T1' }]),
      breakdown(2, 2, 2.5, 'I2', 'I2-S1', [{ id: 'U1' }]),
      run('T1', IC1, 2, 2, 4),
      run('U1', IC2, 2.5, 2.5, 4.5),
      completed(4, 'I1', 4),
      completed(4.5, 'I2', 4),
      runEnd(4.5),
    );
    const [p1, p2] = paths(records);
    expect(rows(p1)).toEqual([
      [0, 1, 'ritual', 'em', null],
      [1, 1.5, 'planning', 'tl', null],
      [1.5, 2, 'planning', DL, null],
      [2, 4, 'execution', IC1, 'T1'],
    ]);
    expect(rows(p2)).toEqual([
      [0.5, 1, 'ritual', 'em', null],
      [1, 1.5, 'queue', 'tl', null],
      [1.5, 2, 'planning', 'tl', null],
      [2, 2.5, 'planning', DL, null],
      [2.5, 4.5, 'execution', IC2, 'U1'],
    ]);
  });
});

describe('critical path: waits within a task', () => {
  it('attributes a blocker and its escalation to blocked time', () => {
    // T1 runs 1.5–3.5, when ic-1 hits a blocker: BLOCKED, escalated to the DL, who is on review
    // X 3–6 and never takes it up. At 5.5 the SLA breach makes it ESCALATED; at 6.5 it climbs
    // to the TL, who is on review Y 6–7 and works the escalation 7–8. T1 is back IN_PROGRESS at
    // 8 and ic-1 finishes it 8–10. With no escalation work on T1 3.5–6.5, its state says it:
    // blocked (BLOCKED 3.5–5.5, ESCALATED 5.5–6.5). Then the TL's escalation 6.5–8: waiting on
    // its desk is blocked too, and so is the work.
    const records = log(
      runStart([...LEADS, ic(IC1, 'backend')]),
      front('I1', ['I1-S1']),
      breakdown(1, 1, 1.5, 'I1', 'I1-S1', [{ id: 'T1' }]),
      move(1.5, 'T1', null, 'PENDING'),
      ready(1.5, 'T1'),
      move(1.5, 'T1', 'PENDING', 'ASSIGNED', IC1),
      move(1.5, 'T1', 'ASSIGNED', 'IN_PROGRESS'),
      work(6, DL, 'architectureReview', 3, 3, 'X'),
      work(3.5, IC1, 'execute', 1.5, 1.5, 'T1', { outcome: 'dropped' }),
      move(3.5, 'T1', 'IN_PROGRESS', 'BLOCKED'),
      opened(3.5, 'E-1', 'T1', 'technical', 1, DL),
      move(5.5, 'T1', 'BLOCKED', 'ESCALATED'),
      climbed(6.5, 'E-1', 'T1', 2, 'tl'),
      work(7, 'tl', 'architectureReview', 6, 6, 'Y'),
      work(8, 'tl', 'escalation', 6.5, 7, 'T1'),
      resolved(8, 'E-1', 'T1', 'tl', 2, 'acted', 4.5),
      move(8, 'T1', 'ESCALATED', 'IN_PROGRESS'),
      work(10, IC1, 'execute', 8, 8, 'T1'),
      move(10, 'T1', 'IN_PROGRESS', 'COMPLETED'),
      completed(10, 'I1', 10),
      runEnd(10),
    );
    const [p] = paths(records);
    expect(p?.tasks).toEqual(['T1']);
    expect(rows(p)).toEqual([
      ...FRONT,
      [1.5, 3.5, 'execution', IC1, 'T1'],
      [3.5, 6.5, 'blocked', 'escalation', 'T1'],
      [6.5, 8, 'blocked', 'tl', 'T1'],
      [8, 10, 'execution', IC1, 'T1'],
    ]);
    expect(p?.byCause).toEqual({ intake: 0.5, planning: 1, execution: 4, blocked: 4.5 });
  });

  it('puts a task taken back from an IC who was out on that IC, then in the backlog', () => {
    // T1 is handed to ic-1 at 1.5, who is on Z until 4 and out from 4 (to the end of the run).
    // At 6 the DL takes T1 back into the backlog; ic-2 is on W until 7. The DL assigns it 7–7.25
    // to ic-2, who runs it 7.25–9.25. No slice of T1 on ic-1's desk: 1.5–4 it waited behind Z
    // (queue), 4–6 ic-1 was out (away); 6–7 it waited in the backlog.
    const records = log(
      runStart([...LEADS, ic(IC1, 'backend'), ic(IC2, 'backend')]),
      front('I1', ['I1-S1']),
      breakdown(1, 1, 1.5, 'I1', 'I1-S1', [{ id: 'T1' }]),
      work(4, IC1, 'execute', 1, 1, 'Z'),
      move(1.5, 'T1', null, 'PENDING'),
      ready(1.5, 'T1'),
      move(1.5, 'T1', 'PENDING', 'ASSIGNED', IC1),
      outage(4, IC1, 'start'),
      move(6, 'T1', 'ASSIGNED', 'PENDING'),
      { t: 6, type: 'task.preempted', task: 'T1', person: IC1, by: DL, kind: 'outage' },
      work(7, IC2, 'execute', 3, 3, 'W'),
      move(7, 'T1', 'PENDING', 'IN_PLANNING'),
      work(7.25, DL, 'assignment', 7, 7, 'T1'),
      move(7.25, 'T1', 'IN_PLANNING', 'ASSIGNED', IC2),
      move(7.25, 'T1', 'ASSIGNED', 'IN_PROGRESS'),
      work(9.25, IC2, 'execute', 7.25, 7.25, 'T1'),
      move(9.25, 'T1', 'IN_PROGRESS', 'COMPLETED'),
      completed(9.25, 'I1', 9.25),
      runEnd(9.25),
    );
    const [p] = paths(records);
    expect(rows(p)).toEqual([
      ...FRONT,
      [1.5, 4, 'queue', IC1, 'T1'],
      [4, 6, 'away', IC1, 'T1'],
      [6, 7, 'backlog', BACKLOG, 'T1'],
      [7, 7.25, 'planning', DL, 'T1'],
      [7.25, 9.25, 'execution', IC2, 'T1'],
    ]);
    expect(p?.byCause).toEqual({
      intake: 0.5,
      planning: 1.25,
      queue: 2.5,
      away: 2,
      backlog: 1,
      execution: 2,
    });
  });

  it('puts a task moved to another IC on the desk of the IC who held it until then', () => {
    // As above, but at 6 T1 is reassigned straight to ic-2, who runs it 6–8: until 6 it sat on
    // ic-1's desk (queue behind Z 1.5–4, away 4–6), not on ic-2's.
    const records = log(
      runStart([...LEADS, ic(IC1, 'backend'), ic(IC2, 'backend')]),
      front('I1', ['I1-S1']),
      breakdown(1, 1, 1.5, 'I1', 'I1-S1', [{ id: 'T1' }]),
      work(4, IC1, 'execute', 1, 1, 'Z'),
      move(1.5, 'T1', null, 'PENDING'),
      ready(1.5, 'T1'),
      move(1.5, 'T1', 'PENDING', 'ASSIGNED', IC1),
      outage(4, IC1, 'start'),
      move(6, 'T1', 'ASSIGNED', 'ASSIGNED', IC2),
      move(6, 'T1', 'ASSIGNED', 'IN_PROGRESS'),
      work(8, IC2, 'execute', 6, 6, 'T1'),
      move(8, 'T1', 'IN_PROGRESS', 'COMPLETED'),
      completed(8, 'I1', 8),
      runEnd(8),
    );
    const [p] = paths(records);
    expect(rows(p)).toEqual([
      ...FRONT,
      [1.5, 4, 'queue', IC1, 'T1'],
      [4, 6, 'away', IC1, 'T1'],
      [6, 8, 'execution', IC2, 'T1'],
    ]);
  });

  it('splits a backlog wait into slot waits and the hours a P0 task held a slot', () => {
    // I1 (P2): T waits in the backlog from 1.5 until it is handed to ic-1 at 8, and runs 8–10.
    // I0 (P0) arrives at 2 (intake 2–2.5, plan 2.5–3, breakdown 3–3.5) with P and Q: P holds a
    // slot 4–6 (ic-2), Q waits in the backlog 3.5–6.5 and holds a slot 6.5–7.5.
    // T's wait: backlog 1.5–4, incident 4–6 (P), backlog 6–6.5, incident 6.5–7.5 (Q), backlog
    // 7.5–8: 2.5 + 0.5 + 0.5 = 3.5 h backlog, 2 + 1 = 3 h incident. Q is P0 itself: its whole
    // wait 3.5–6.5 is backlog, P's slot notwithstanding.
    const records = log(
      runStart([...LEADS, ic(IC1, 'backend'), ic(IC2, 'backend')]),
      front('I1', ['I1-S1']),
      breakdown(1, 1, 1.5, 'I1', 'I1-S1', [{ id: 'T' }]),
      move(1.5, 'T', null, 'PENDING'),
      ready(1.5, 'T'),
      received(2, 'I0', 0),
      work(2.5, 'em', 'intake', 2, 2, undefined, { instruction: 'I0' }),
      decision(2.5, 'I0'),
      work(3, 'tl', 'strategicPlanning', 2.5, 2.5, undefined, { instruction: 'I0' }),
      strategic(3, 'I0', ['I0-S1']),
      breakdown(3, 3, 3.5, 'I0', 'I0-S1', [{ id: 'P' }, { id: 'Q' }], 0),
      run('P', IC2, 3.5, 4, 6),
      run('Q', IC2, 3.5, 6.5, 7.5),
      completed(7.5, 'I0', 5.5, 2),
      move(8, 'T', 'PENDING', 'ASSIGNED', IC1),
      move(8, 'T', 'ASSIGNED', 'IN_PROGRESS'),
      work(10, IC1, 'execute', 8, 8, 'T'),
      move(10, 'T', 'IN_PROGRESS', 'COMPLETED'),
      completed(10, 'I1', 10),
      runEnd(10),
    );
    const [p0, p1] = paths(records);
    expect(p0?.instruction).toBe('I0');
    expect(rows(p0)).toEqual([
      [2, 2.5, 'intake', 'em', null],
      [2.5, 3, 'planning', 'tl', null],
      [3, 3.5, 'planning', DL, null],
      [3.5, 6.5, 'backlog', BACKLOG, 'Q'],
      [6.5, 7.5, 'execution', IC2, 'Q'],
    ]);
    expect(p1?.instruction).toBe('I1');
    expect(rows(p1)).toEqual([
      ...FRONT,
      [1.5, 4, 'backlog', BACKLOG, 'T'],
      [4, 6, 'incident', BACKLOG, 'T'],
      [6, 6.5, 'backlog', BACKLOG, 'T'],
      [6.5, 7.5, 'incident', BACKLOG, 'T'],
      [7.5, 8, 'backlog', BACKLOG, 'T'],
      [8, 10, 'execution', IC1, 'T'],
    ]);
    expect(p1?.byCause).toEqual({
      intake: 0.5,
      planning: 1,
      backlog: 3.5,
      incident: 3,
      execution: 2,
    });
  });

  it('follows a review that sent the work back, through the rework and the second review', () => {
    // T1 runs 1.5–3.5; ic-2 is on W 3–4 and reviews 4–4.5: rejected. ic-1 reworks it 4.5–5.5
    // and ic-2 reviews it again 5.5–6: passed, and T1 completes at 6.
    const records = log(
      runStart([...LEADS, ic(IC1, 'backend'), ic(IC2, 'backend')]),
      front('I1', ['I1-S1']),
      breakdown(1, 1, 1.5, 'I1', 'I1-S1', [{ id: 'T1' }]),
      move(1.5, 'T1', null, 'PENDING'),
      ready(1.5, 'T1'),
      move(1.5, 'T1', 'PENDING', 'ASSIGNED', IC1),
      move(1.5, 'T1', 'ASSIGNED', 'IN_PROGRESS'),
      work(3.5, IC1, 'execute', 1.5, 1.5, 'T1'),
      move(3.5, 'T1', 'IN_PROGRESS', 'UNDER_REVIEW'),
      work(4, IC2, 'execute', 3, 3, 'W'),
      work(4.5, IC2, 'peerReview', 3.5, 4, 'T1'),
      move(4.5, 'T1', 'UNDER_REVIEW', 'IN_PROGRESS'),
      work(5.5, IC1, 'execute', 4.5, 4.5, 'T1'),
      move(5.5, 'T1', 'IN_PROGRESS', 'UNDER_REVIEW'),
      work(6, IC2, 'peerReview', 5.5, 5.5, 'T1'),
      move(6, 'T1', 'UNDER_REVIEW', 'COMPLETED'),
      completed(6, 'I1', 6),
      runEnd(6),
    );
    const [p] = paths(records);
    expect(rows(p)).toEqual([
      ...FRONT,
      [1.5, 3.5, 'execution', IC1, 'T1'],
      [3.5, 4, 'queue', IC2, 'T1'],
      [4, 4.5, 'review', IC2, 'T1'],
      [4.5, 5.5, 'execution', IC1, 'T1'],
      [5.5, 6, 'review', IC2, 'T1'],
    ]);
  });

  it('of two handoff checks accepted at the same hour, follows the first one logged', () => {
    // T1 runs 1.5–4.5 and is offered at 4.5 to frontend and qa. dl-frontend is on U 4–9.5 and
    // checks it 9.5–10; dl-qa is on V 5–8 and checks it 9.75–10 (logged second). The walk takes
    // frontend's check: waiting on dl-frontend 4.5–9.5, the check 9.5–10.
    const dlFrontend = 'dl-frontend';
    const dlQa = 'dl-qa';
    const records = log(
      runStart([
        ...LEADS,
        person(dlFrontend, 'DL', ALWAYS, 'frontend' as Domain),
        person(dlQa, 'DL', ALWAYS, 'qa' as Domain),
        ic(IC1, 'backend'),
      ]),
      front('I1', ['I1-S1']),
      breakdown(1, 1, 1.5, 'I1', 'I1-S1', [{ id: 'T1' }]),
      move(1.5, 'T1', null, 'PENDING'),
      ready(1.5, 'T1'),
      move(1.5, 'T1', 'PENDING', 'ASSIGNED', IC1),
      move(1.5, 'T1', 'ASSIGNED', 'IN_PROGRESS'),
      work(4.5, IC1, 'execute', 1.5, 1.5, 'T1'),
      move(4.5, 'T1', 'IN_PROGRESS', 'READY_FOR_HANDOFF'),
      work(8, dlQa, 'architectureReview', 5, 5, 'V'),
      work(9.5, dlFrontend, 'architectureReview', 4, 4, 'U'),
      work(10, dlFrontend, 'handoffVerification', 4.5, 9.5, 'T1'),
      work(10, dlQa, 'handoffVerification', 4.5, 9.75, 'T1'),
      move(10, 'T1', 'READY_FOR_HANDOFF', 'COMPLETED'),
      completed(10, 'I1', 10),
      runEnd(10),
    );
    const [p] = paths(records);
    expect(rows(p)).toEqual([
      ...FRONT,
      [1.5, 4.5, 'execution', IC1, 'T1'],
      [4.5, 9.5, 'queue', dlFrontend, 'T1'],
      [9.5, 10, 'handoff', dlFrontend, 'T1'],
    ]);
  });
});

describe('critical path: requirement changes and cancelled tasks', () => {
  it('attributes the wait for a requirement change that added the last task to the change', () => {
    // I1's plan is out at 1 (S1: T1, run 1.5–5.5). At 3 a change adds S2; the DL breaks it down
    // 3–3.5 (T9), assigns T9 3.5–3.75, and ic-2 runs it 3.75–8.75: the last task. T9 could not
    // start before the change: 0–3 is `change`, at no task.
    const records = log(
      runStart([...LEADS, ic(IC1, 'backend'), ic(IC2, 'backend')]),
      front('I1', ['I1-S1']),
      breakdown(1, 1, 1.5, 'I1', 'I1-S1', [{ id: 'T1' }]),
      run('T1', IC1, 1.5, 1.5, 5.5),
      {
        ...requirementChanged(3, 'I1'),
        added: {
          strategic: 'I1-S2',
          domain: 'backend',
          milestone: 1,
          dependsOn: [],
          tasks: ['T9'],
        },
      } as LogRecord,
      breakdown(3, 3, 3.5, 'I1', 'I1-S2', [{ id: 'T9' }]),
      move(3.5, 'T9', null, 'PENDING'),
      ready(3.5, 'T9'),
      move(3.5, 'T9', 'PENDING', 'IN_PLANNING'),
      work(3.75, DL, 'assignment', 3.5, 3.5, 'T9'),
      move(3.75, 'T9', 'IN_PLANNING', 'ASSIGNED', IC2),
      move(3.75, 'T9', 'ASSIGNED', 'IN_PROGRESS'),
      work(8.75, IC2, 'execute', 3.75, 3.75, 'T9'),
      move(8.75, 'T9', 'IN_PROGRESS', 'COMPLETED'),
      completed(8.75, 'I1', 8.75, 2),
      runEnd(8.75),
    );
    const [p] = paths(records);
    expect(p?.tasks).toEqual(['T9']);
    expect(rows(p)).toEqual([
      [0, 3, 'change', 'requirement change', null],
      [3, 3.5, 'planning', DL, null],
      [3.5, 3.75, 'planning', DL, 'T9'],
      [3.75, 8.75, 'execution', IC2, 'T9'],
    ]);
    expect(p?.byCause).toEqual({ change: 3, planning: 0.75, execution: 5 });
  });

  it('a change held until the plan and applied with it adds no change time', () => {
    // A change that doubles the estimates waited for the plan and is applied with it at 1; it
    // added no work, so the tasks still came from the plan: T1 runs 1.5–9.5 after the front.
    const records = log(
      runStart([...LEADS, ic(IC1, 'backend')]),
      front('I1', ['I1-S1']),
      requirementChanged(1, 'I1', { factor: 2, tasks: [{ id: 'T1', estimateHours: 8 }] }),
      breakdown(1, 1, 1.5, 'I1', 'I1-S1', [{ id: 'T1', estimateHours: 8 }]),
      run('T1', IC1, 1.5, 1.5, 9.5),
      completed(9.5, 'I1', 9.5),
      runEnd(9.5),
    );
    const [p] = paths(records);
    expect(rows(p)).toEqual([...FRONT, [1.5, 9.5, 'execution', IC1, 'T1']]);
    expect(p?.byCause).toEqual({ intake: 0.5, planning: 1, execution: 8 });
  });

  it('starts from the last completed task, not a cancelled one; all cancelled: no chain', () => {
    // I1: T1 completes at 5.5; T2 is cancelled at 7 by a change, and I1 completes then. The path
    // starts at T1 (5.5–7 is unexplained, before the completion). I2 (arrived at 2, planned
    // 2–2.75) has one task, U1, cancelled at 4 while it waited: no chain, its 2 h unexplained.
    const records = log(
      runStart([...LEADS, ic(IC1, 'backend'), ic(IC2, 'backend')]),
      front('I1', ['I1-S1']),
      breakdown(1, 1, 1.5, 'I1', 'I1-S1', [{ id: 'T1' }, { id: 'T2' }]),
      run('T1', IC1, 1.5, 1.5, 5.5),
      move(1.5, 'T2', null, 'PENDING'),
      ready(1.5, 'T2'),
      move(1.5, 'T2', 'PENDING', 'ASSIGNED', IC2),
      move(1.5, 'T2', 'ASSIGNED', 'IN_PROGRESS'),
      received(2, 'I2'),
      work(2.25, 'em', 'intake', 2, 2, undefined, { instruction: 'I2' }),
      decision(2.25, 'I2'),
      work(2.5, 'tl', 'strategicPlanning', 2.25, 2.25, undefined, { instruction: 'I2' }),
      strategic(2.5, 'I2', ['I2-S1']),
      breakdown(2.5, 2.5, 2.75, 'I2', 'I2-S1', [{ id: 'U1' }]),
      move(2.75, 'U1', null, 'PENDING'),
      ready(2.75, 'U1'),
      { ...requirementChanged(4, 'I2'), cancelled: ['U1'] } as LogRecord,
      move(4, 'U1', 'PENDING', 'CANCELLED'),
      completed(4, 'I2', 2, 1, 1),
      work(7, IC2, 'execute', 1.5, 1.5, 'T2', { outcome: 'dropped' }),
      { ...requirementChanged(7, 'I1'), cancelled: ['T2'] } as LogRecord,
      move(7, 'T2', 'IN_PROGRESS', 'CANCELLED'),
      completed(7, 'I1', 7, 2, 1),
      runEnd(7),
    );
    const [p2, p1] = paths(records);
    expect(p2?.instruction).toBe('I2');
    expect(p2?.tasks).toEqual([]);
    expect(rows(p2)).toEqual([[2, 4, 'unexplained', 'arrival', null]]);
    expect(p2?.byCause).toEqual({ unexplained: 2 });
    expect(p1?.instruction).toBe('I1');
    expect(p1?.tasks).toEqual(['T1']);
    expect(rows(p1)).toEqual([
      ...FRONT,
      [1.5, 5.5, 'execution', IC1, 'T1'],
      [5.5, 7, 'unexplained', 'completion', null],
    ]);
    near(p1?.byCause.unexplained, 1.5);
  });
});
