// The bottleneck report's desk queues, hours per state, flow efficiency and backlogs on a
// hand-written log, every figure worked out by hand (below) before the collector was asked. The
// critical path and the verdict have their own test (critical-path.test.ts).

import { describe, expect, it } from 'vitest';
import { bottleneck } from '../../src/collect/bottleneck.ts';
import type { LogRecord } from '../../src/log/event-log.ts';
import {
  completed,
  ic,
  LEADS,
  move,
  near,
  ready,
  received,
  runEnd,
  runStart,
  strategic,
  tactical,
  work,
} from './log-builder.ts';

/**
 * One instruction, two backend strategic tasks: S1 breaks down into T1 then T2 (after T1), S2 into
 * T3. 24 h calendars; the window is [arrival 1, end 15.5] = 14.5 h for everyone.
 *   em:  capacity review (a ritual) 1–1.5; its standup, queued at 1.25 behind it, 1.5–1.75 (a
 *        ritual: its 0.25 h wait is not work waiting); the intake, queued at 1, 1.75–2.25.
 *   tl:  strategic planning 2.25–3.
 *   dl-backend: breaks S1 down 3–3.5 (T1 released at 3.5) and S2 3.5–4 (T3 released at 4); assigns
 *        T1 4–4.5 (queued at 3.5), T3 4.5–5 (queued at 4), T2 13–13.5 (queued at 13).
 *   ic-1: executes T1 4.5–9, paused for the standup 9–9.5, resumes 9.5–10 (the same activity,
 *        queued at 4.5: no second wait); reviews T3 11–12; executes T2 13.5–15.
 *   ic-2: executes T3 5–9, standup 9–9.5, resumes 9.5–11; reviews T1 11–12 (queued at 10, behind T3);
 *        reviews T2 15–15.5.
 *   T1 and T3 complete at 12, which releases T2 (planned at 3.5); T2 completes at 15.5.
 *
 * Desk waits (rituals never count; a resumed slice carries none):
 *   em: intake 1.75 − 1 = 0.75 → 1 activity, 0.75 h.  tl: strategicPlanning 0 → 1 activity, 0 h.
 *   ic-1: execute T1 0, peerReview T3 0, execute T2 0 → 3 activities, 0 h.
 *   ic-2: execute T3 0, peerReview T1 11 − 10 = 1, peerReview T2 0 → 3 activities, 1 h.
 *   dl-backend: S1 breakdown 0, S2 breakdown 3.5 − 3 = 0.5, assignments 0.5, 0.5, 0 → 5 activities,
 *     1.5 h (tacticalPlanning 0.5, assignment 1). The two breakdowns both arrived at 3 and carry no
 *     task: only a slice after an interrupted one resumes an activity, so they are two.
 * Busy (rituals included) and utilisation over 14.5 h:
 *   em 0.5 + 0.25 + 0.5 = 1.25 → 0.086; tl 0.75 → 0.052; dl-backend 5 × 0.5 = 2.5 → 0.172;
 *   ic-1 4.5 + 0.5 + 0.5 + 1 + 1.5 = 8 → 0.552; ic-2 4 + 0.5 + 1.5 + 1 + 0.5 = 7.5 → 0.517.
 * Hours per state visit (visits, mean, p95 at rank 0.95 × 2 = 1.9, total):
 *   PENDING      T1 3.5–4.5, T3 4–5, T2 12–13.5: [1, 1, 1.5] → 3, 1.17, 1 + 0.9 × 0.5 = 1.45, 3.5
 *   ASSIGNED     [0, 0, 0] → 3, 0, 0, 0
 *   IN_PROGRESS  T1 4.5–10, T3 5–11, T2 13.5–15: [1.5, 5.5, 6] → 3, 13 / 3 = 4.33, 5.5 + 0.9 × 0.5
 *                = 5.95, 13
 *   UNDER_REVIEW T1 10–12, T3 11–12, T2 15–15.5: [0.5, 1, 2] → 3, 1.17, 1 + 0.9 × 1 = 1.9, 3.5
 * Flow: executed T1 4.5 + 0.5, T3 4 + 1.5, T2 1.5 = 12 h, of release → completion T1 12 − 3.5 = 8.5,
 *   T3 12 − 4 = 8, T2 15.5 − 12 = 3.5 = 20 h: efficiency 0.6. Waiting on dependencies before
 *   release: T2 12 − 3.5 = 8.5 h (T1 and T3 were released as planned).
 * Backlog (each PENDING stay until its assignment reached the DL's desk): T1 3.5 → 3.5 = 0,
 *   T3 4 → 4 = 0, T2 12 → 13 = 1: 3 waits, 1 h, mean 0.33, p95 0 + 0.9 × 1 = 0.9.
 */
const LOG: LogRecord[] = [
  runStart([...LEADS, ic('ic-1', 'backend'), ic('ic-2', 'backend')]),
  received(1, 'I1'),
  work(1.5, 'em', 'rebalance', 1, 1),
  work(1.75, 'em', 'standup', 1.25, 1.5),
  work(2.25, 'em', 'intake', 1, 1.75),
  work(3, 'tl', 'strategicPlanning', 2.25, 2.25),
  strategic(3, 'I1', ['S1', 'S2']),
  work(3.5, 'dl-backend', 'tacticalPlanning', 3, 3),
  tactical(3.5, 'I1', 'S1', [{ id: 'T1' }, { id: 'T2', dependsOn: ['T1'] }]),
  move(3.5, 'T1', null, 'PENDING'),
  ready(3.5, 'T1'),
  work(4, 'dl-backend', 'tacticalPlanning', 3, 3.5),
  tactical(4, 'I1', 'S2', [{ id: 'T3' }]),
  move(4, 'T3', null, 'PENDING'),
  ready(4, 'T3'),
  work(4.5, 'dl-backend', 'assignment', 3.5, 4, 'T1'),
  move(4.5, 'T1', 'PENDING', 'ASSIGNED', 'ic-1'),
  move(4.5, 'T1', 'ASSIGNED', 'IN_PROGRESS'),
  work(5, 'dl-backend', 'assignment', 4, 4.5, 'T3'),
  move(5, 'T3', 'PENDING', 'ASSIGNED', 'ic-2'),
  move(5, 'T3', 'ASSIGNED', 'IN_PROGRESS'),
  work(9, 'ic-1', 'execute', 4.5, 4.5, 'T1', { outcome: 'paused' }),
  work(9, 'ic-2', 'execute', 5, 5, 'T3', { outcome: 'paused' }),
  work(9.5, 'ic-1', 'standup', 9, 9),
  work(9.5, 'ic-2', 'standup', 9, 9),
  work(10, 'ic-1', 'execute', 4.5, 9.5, 'T1'),
  move(10, 'T1', 'IN_PROGRESS', 'UNDER_REVIEW'),
  work(11, 'ic-2', 'execute', 5, 9.5, 'T3'),
  move(11, 'T3', 'IN_PROGRESS', 'UNDER_REVIEW'),
  work(12, 'ic-2', 'peerReview', 10, 11, 'T1'),
  work(12, 'ic-1', 'peerReview', 11, 11, 'T3'),
  move(12, 'T1', 'UNDER_REVIEW', 'COMPLETED'),
  move(12, 'T3', 'UNDER_REVIEW', 'COMPLETED'),
  move(12, 'T2', null, 'PENDING'),
  ready(12, 'T2'),
  work(13.5, 'dl-backend', 'assignment', 13, 13, 'T2'),
  move(13.5, 'T2', 'PENDING', 'ASSIGNED', 'ic-1'),
  move(13.5, 'T2', 'ASSIGNED', 'IN_PROGRESS'),
  work(15, 'ic-1', 'execute', 13.5, 13.5, 'T2'),
  move(15, 'T2', 'IN_PROGRESS', 'UNDER_REVIEW'),
  work(15.5, 'ic-2', 'peerReview', 15, 15, 'T2'),
  move(15.5, 'T2', 'UNDER_REVIEW', 'COMPLETED'),
  completed(15.5, 'I1', 14.5, 3),
  runEnd(15.5),
];

describe('bottleneck desk queues, states, flow and backlogs, by hand', () => {
  const b = () => bottleneck(LOG);
  const desk = (id: string) => b().queues.find((q) => q.person === id);

  it('gives the first slice of an activity its wait, and a resumed slice none', () => {
    expect(desk('ic-1')).toMatchObject({
      activities: 3,
      waitHours: 0,
      byKind: { execute: 0, peerReview: 0 },
    });
    expect(desk('ic-2')).toMatchObject({
      activities: 3,
      waitHours: 1,
      byKind: { execute: 0, peerReview: 1 },
    });
    const wait = desk('ic-2')?.wait;
    expect([wait?.n, wait?.max]).toEqual([3, 1]);
    near(wait?.mean, 1 / 3);
    near(wait?.p95, 0.9);
  });

  it('never counts a ritual as work waiting, though it is busy time', () => {
    expect(desk('em')).toMatchObject({
      activities: 1,
      waitHours: 0.75,
      byKind: { intake: 0.75 },
      busyHours: 1.25,
    });
    expect(desk('tl')).toMatchObject({
      activities: 1,
      waitHours: 0,
      byKind: { strategicPlanning: 0 },
    });
  });

  it("counts a lead's breakdowns and assignments as activities that wait, two arriving at once as two", () => {
    expect(desk('dl-backend')).toMatchObject({
      role: 'DL backend',
      activities: 5,
      waitHours: 1.5,
      byKind: { tacticalPlanning: 0.5, assignment: 1 },
    });
  });

  it('gives each desk busy hours over the hours available, rituals included', () => {
    expect(b().queues.map((q) => [q.person, q.busyHours, q.utilization])).toEqual([
      ['dl-backend', 2.5, 0.172],
      ['ic-2', 7.5, 0.517],
      ['em', 1.25, 0.086],
      ['ic-1', 8, 0.552],
      ['tl', 0.75, 0.052],
    ]);
  });

  it('gives visits, mean, p95 and total hours per state', () => {
    expect(b().stateHours).toEqual({
      PENDING: { visits: 3, mean: 1.17, p95: 1.45, totalHours: 3.5 },
      ASSIGNED: { visits: 3, mean: 0, p95: 0, totalHours: 0 },
      IN_PROGRESS: { visits: 3, mean: 4.33, p95: 5.95, totalHours: 13 },
      UNDER_REVIEW: { visits: 3, mean: 1.17, p95: 1.9, totalHours: 3.5 },
    });
  });

  it('gives flow efficiency, and the hours spent waiting on dependencies before release', () => {
    expect(b().flow).toEqual({
      workedHours: 12,
      leadHours: 20,
      efficiency: 0.6,
      dependencyWaitHours: 8.5,
    });
  });

  it('measures each backlog stay until the assignment reached the lead', () => {
    expect(b().backlogs).toEqual([
      { team: 'team-1', domain: 'backend', waits: 3, waitHours: 1, mean: 0.33, p95: 0.9 },
    ]);
  });
});
