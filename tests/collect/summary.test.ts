// The run summary on two hand-written logs, every figure worked out by hand (below) before the
// collector was asked: one log for the flow of work (lead times, waits, states, throughput, task
// counts, rework), one for people (utilisation, escalations, SLA breaches, messages, cost).

import { describe, expect, it } from 'vitest';
import { summary } from '../../src/collect/summary.ts';
import type { LogRecord } from '../../src/log/event-log.ts';
import {
  breach,
  climbed,
  completed,
  decided,
  gate,
  ic,
  LEADS,
  message,
  move,
  OFFICE,
  opened,
  outage,
  received,
  resolved,
  runEnd,
  runStart,
  strategic,
  tactical,
  work,
} from './log-builder.ts';

/**
 * Four instructions, six backend tasks, 24 h calendars. Each task's life (release = its first
 * transition, into PENDING; D is planned with D0 at 10 but released only when D0 completes):
 *   A (I1, arrived 8):  PENDING 8.5–8.75, ASSIGNED –9, IN_PROGRESS –13, UNDER_REVIEW –14, COMPLETED
 *   B (I2, arrived 9):  PENDING 9.5–10, ASSIGNED –11, IN_PROGRESS –16, UNDER_REVIEW –16.5 (rejected),
 *                       IN_PROGRESS –33.5, UNDER_REVIEW –35, COMPLETED
 *   C (I2):             PENDING 9.5–13.5, CANCELLED by a requirement change (never started)
 *   D0 (I3, arr. 10):   PENDING 10–10.25, ASSIGNED –10.5, IN_PROGRESS –11, COMPLETED
 *   D (I3, after D0):   PENDING 11–11.75, ASSIGNED –12, IN_PROGRESS –13, BLOCKED –14, IN_PROGRESS
 *                       –17, UNDER_REVIEW –18.5, COMPLETED
 *   E (I4, arrived 20): PENDING 20–23, ASSIGNED –24, IN_PROGRESS –25, BLOCKED –27, ESCALATED until
 *                       the horizon at 40
 * I1 completes at 14, I3 at 18.5, I2 at 35 (its last task); I4 is open at the horizon.
 *
 * Instruction lead times (arrival → completion): I1 14 − 8 = 6, I2 35 − 9 = 26, I3 18.5 − 10 = 8.5.
 *   Sorted [6, 8.5, 26]: mean 40.5 / 3 = 13.5; p50 8.5; p85 at rank 0.85 × 2 = 1.7:
 *   8.5 + 0.7 × 17.5 = 20.75; p95 at rank 1.9: 8.5 + 0.9 × 17.5 = 24.25.
 * Task lead times (release → COMPLETED): A 14 − 8.5 = 5.5, B 35 − 9.5 = 25.5, D0 11 − 10 = 1,
 *   D 18.5 − 11 = 7.5 (not 8.5: it counts from release, not from the plan).
 *   Sorted [1, 5.5, 7.5, 25.5]: mean 39.5 / 4 = 9.875 → 9.88; p50 at rank 1.5: 5.5 + 0.5 × 2 = 6.5;
 *   p85 at rank 2.55: 7.5 + 0.55 × 18 = 17.4; p95 at rank 2.85: 7.5 + 0.85 × 18 = 22.8.
 * Waits (release → first IN_PROGRESS, started tasks only): A 0.5, B 1.5, D0 0.5, D 1, E 4.
 *   Sorted [0.5, 0.5, 1, 1.5, 4]: mean 7.5 / 5 = 1.5; p50 1; p95 at rank 3.8: 1.5 + 0.8 × 2.5 = 3.5.
 * Makespan: first arrival 8 → last completion 35 = 27 h. Throughput 4 tasks / 27 h × 24 = 3.56 a day.
 * Hours per state visit (mean, p95):
 *   PENDING      [0.25, 0.25, 0.5, 0.75, 3, 4]: mean 8.75 / 6 = 1.46; p95 rank 4.75: 3 + 0.75 × 1
 *                = 3.75
 *   ASSIGNED     [0.25, 0.25, 0.25, 1, 1]: mean 2.75 / 5 = 0.55; p95 rank 3.8: 1
 *   IN_PROGRESS  [0.5, 1, 1, 3, 4, 5, 17]: mean 31.5 / 7 = 4.5; p95 rank 5.7: 5 + 0.7 × 12 = 13.4
 *   UNDER_REVIEW [0.5, 1, 1.5, 1.5]: mean 4.5 / 4 = 1.125 → 1.13; p95 1.5
 *   BLOCKED      [1, 2]: mean 1.5; p95 rank 0.95: 1 + 0.95 × 1 = 1.95
 *   ESCALATED    [13] (27 → the end at 40): 13, 13
 * Tasks: 6 in all, 4 completed, 1 cancelled, 1 open. Rework: B of the 4 completed was rejected once:
 * 1 / 4 = 0.25. Strategic tasks: I2's plan has 2.
 */
const FLOW: LogRecord[] = [
  runStart([ic('ic-1', 'backend'), ic('ic-2', 'backend'), ic('ic-3', 'backend')]),
  received(8, 'I1', 2, 1),
  tactical(8.5, 'I1', 'I1-S1', [{ id: 'A' }]),
  move(8.5, 'A', null, 'PENDING'),
  move(8.75, 'A', 'PENDING', 'ASSIGNED', 'ic-1'),
  move(9, 'A', 'ASSIGNED', 'IN_PROGRESS'),
  received(9, 'I2', 1, 2),
  strategic(9.5, 'I2', ['I2-S1', 'I2-S2']),
  tactical(9.5, 'I2', 'I2-S1', [{ id: 'B' }, { id: 'C' }]),
  move(9.5, 'B', null, 'PENDING'),
  move(9.5, 'C', null, 'PENDING'),
  received(10, 'I3', 3, 1),
  tactical(10, 'I3', 'I3-S1', [{ id: 'D0' }, { id: 'D', dependsOn: ['D0'] }]),
  move(10, 'D0', null, 'PENDING'),
  move(10, 'B', 'PENDING', 'ASSIGNED', 'ic-2'),
  move(10.25, 'D0', 'PENDING', 'ASSIGNED', 'ic-3'),
  move(10.5, 'D0', 'ASSIGNED', 'IN_PROGRESS'),
  move(11, 'B', 'ASSIGNED', 'IN_PROGRESS'),
  move(11, 'D0', 'IN_PROGRESS', 'COMPLETED'),
  move(11, 'D', null, 'PENDING'),
  move(11.75, 'D', 'PENDING', 'ASSIGNED', 'ic-3'),
  move(12, 'D', 'ASSIGNED', 'IN_PROGRESS'),
  move(13, 'A', 'IN_PROGRESS', 'UNDER_REVIEW'),
  move(13, 'D', 'IN_PROGRESS', 'BLOCKED'),
  { t: 13.5, type: 'requirement.changed', instruction: 'I2', cancelled: ['C'] },
  move(13.5, 'C', 'PENDING', 'CANCELLED'),
  gate(14, 'A', 'passed', 'ic-3'),
  move(14, 'A', 'UNDER_REVIEW', 'COMPLETED'),
  completed(14, 'I1', 6),
  move(14, 'D', 'BLOCKED', 'IN_PROGRESS'),
  move(16, 'B', 'IN_PROGRESS', 'UNDER_REVIEW'),
  gate(16.5, 'B', 'rejected', 'ic-1'),
  move(16.5, 'B', 'UNDER_REVIEW', 'IN_PROGRESS'),
  move(17, 'D', 'IN_PROGRESS', 'UNDER_REVIEW'),
  gate(18.5, 'D', 'passed', 'ic-1'),
  move(18.5, 'D', 'UNDER_REVIEW', 'COMPLETED'),
  completed(18.5, 'I3', 8.5, 2),
  received(20, 'I4', 2, 1),
  tactical(20, 'I4', 'I4-S1', [{ id: 'E' }]),
  move(20, 'E', null, 'PENDING'),
  move(23, 'E', 'PENDING', 'ASSIGNED', 'ic-1'),
  move(24, 'E', 'ASSIGNED', 'IN_PROGRESS'),
  move(25, 'E', 'IN_PROGRESS', 'BLOCKED'),
  move(27, 'E', 'BLOCKED', 'ESCALATED'),
  move(33.5, 'B', 'IN_PROGRESS', 'UNDER_REVIEW'),
  gate(35, 'B', 'passed', 'ic-1'),
  move(35, 'B', 'UNDER_REVIEW', 'COMPLETED'),
  completed(35, 'I2', 26, 2, 1),
  runEnd(40, 'horizon', 1),
];

describe('summary of the flow of work, by hand', () => {
  const s = () => summary(FLOW, 'sha');

  it('names how the run ended, when, and how many records it has', () => {
    expect(s().outcome).toBe('horizon');
    expect(s().simulatedHours).toBe(40);
    expect(s().events).toBe(49);
    expect(s().makespanHours).toBe(27);
  });

  it('lists each instruction with its arrival, completion and lead time', () => {
    expect(s().instructions).toEqual(
      [
        { id: 'I1', tier: 1, priority: 'P2', receivedAt: 8, finishedAt: 14, leadTimeHours: 6 },
        { id: 'I2', tier: 2, priority: 'P1', receivedAt: 9, finishedAt: 35, leadTimeHours: 26 },
        { id: 'I3', tier: 1, priority: 'P3', receivedAt: 10, finishedAt: 18.5, leadTimeHours: 8.5 },
        {
          id: 'I4',
          tier: 1,
          priority: 'P2',
          receivedAt: 20,
          finishedAt: null,
          leadTimeHours: null,
        },
      ].map((i) => ({ ...i, status: i.finishedAt === null ? 'open' : 'done', reason: null })),
    );
  });

  it('gives instruction lead times from arrival, and task lead times from release', () => {
    expect(s().leadTimeHours).toEqual({ mean: 13.5, p50: 8.5, p85: 20.75, p95: 24.25 });
    expect(s().taskLeadTimeHours).toEqual({ mean: 9.88, p50: 6.5, p85: 17.4, p95: 22.8 });
  });

  it('waits from release to first work, over the tasks that started', () => {
    expect(s().waitHours).toEqual({ mean: 1.5, p50: 1, p95: 3.5 });
  });

  it('gives hours per state visit, the open visit lasting to the end of the run', () => {
    expect(s().stateHours).toEqual({
      PENDING: { mean: 1.46, p95: 3.75 },
      ASSIGNED: { mean: 0.55, p95: 1 },
      IN_PROGRESS: { mean: 4.5, p95: 13.4 },
      BLOCKED: { mean: 1.5, p95: 1.95 },
      ESCALATED: { mean: 13, p95: 13 },
      UNDER_REVIEW: { mean: 1.13, p95: 1.5 },
    });
  });

  it('counts tasks by how they ended, throughput over the makespan, and rework', () => {
    expect(s().tasks).toEqual({ total: 6, completed: 4, cancelled: 1, open: 1 });
    expect(s().tacticalTasks).toBe(6);
    expect(s().strategicTasks).toBe(2);
    expect(s().throughputPerDay).toBe(3.56);
    expect(s().reworkRate).toBe(0.25);
  });
});

/**
 * People over the window [first arrival 8, end 40] = 32 h. em, tl and dl-backend, ic-1 and ic-3
 * work 24 h a day; ic-2 09:00–17:00 every day; ic-3 is out 20–26.
 *   hours available: 32 each, but ic-2 8 (9–17) + 7 (33–40) = 15, ic-3 32 − 6 = 26.
 *   busy (working hours inside the window):
 *     em: its capacity review 7.5–8.5 has 0.5 h inside the window, + escalation 25–27 = 2.5
 *     tl: escalation 13.5–14 = 0.5;  dl-backend: escalation 26.5–27.5 = 1
 *     ic-1: execute 9–13 (4), reviews 16–16.5 (0.5), 17–18 (1), 34–35 (1), execute 24–25 (1) = 7.5
 *     ic-2: execute 11–16 (5), then 16.5–17 and 33–34 (1.5 working hours, 17.5 elapsed) = 6.5
 *     ic-3: execute 12–13 (1), review 13–14 (1), execute 14–17 (3) = 5
 *   utilisation: em 2.5/32 = 0.078, tl 0.5/32 = 0.016, dl-backend 1/32 = 0.031,
 *     ic-1 7.5/32 = 0.234, ic-2 6.5/15 = 0.433, ic-3 5/26 = 0.192.
 * Escalations: E1 (technical) opened at the DL, climbed to the TL, who acted; E2 (requirements)
 *   opened at the EM, referred to a human, still open; E3 (an SLA breach) declined by the DL;
 *   E4 (technical) opened at the DL at 36, climbed to the TL at 38, still open there.
 *   byOutcome: acted 1, declined 1, open 2; byRung (who closed it, or holds it): TL acted 1 + open 1,
 *   human open 1, DL declined 1;
 *   byRoute: technical 2, requirements 1, sla 1.
 * SLA breaches: B late IN_PROGRESS, E late BLOCKED, then late ESCALATED: one per state.
 * Messages: 2 delegation; broadcasts to 5 and to 3 recipients = 8; 1 handoff; 1 standup.
 * Cost: every slice counted whole, window or not: em 0.5 + 1, tl 0.25, dl-backend 0.5,
 *   ic-1 1 + 0.125 + 0.25 + 0.25 + 0.25, ic-2 1.25 + 0.375, ic-3 0.25 + 0.25 + 0.75 = 7;
 *   of a 20 budget: 0.35 used.
 */
const PEOPLE: LogRecord[] = [
  runStart(
    [...LEADS, ic('ic-1', 'backend'), ic('ic-2', 'backend', OFFICE), ic('ic-3', 'backend')],
    20,
  ),
  received(8, 'I1'),
  work(8.5, 'em', 'rebalance', 7.5, 7.5, undefined, { costUsd: 0.5 }),
  message(8.5, 'delegation', 'delegate.instruction', 'em', 'tl'),
  message(8.5, 'delegation', 'ack', 'tl', 'em'),
  message(9, 'broadcast', 'plan.published', 'tl', 'team/team-1', { recipients: 5 }),
  work(13, 'ic-1', 'execute', 9, 9, 'T1', { costUsd: 1 }),
  work(13, 'ic-3', 'execute', 12, 12, 'T4', { outcome: 'dropped', costUsd: 0.25 }),
  opened(13, 'E1', 'T4', 'technical', 1, 'dl-backend'),
  climbed(13.5, 'E1', 'T4', 2, 'tl'),
  work(14, 'ic-3', 'peerReview', 13, 13, 'T1', { costUsd: 0.25 }),
  work(14, 'tl', 'escalation', 13.5, 13.5, 'T4', { costUsd: 0.25 }),
  decided(14, 'E1', 'T4', 'tl', 2, 'unblock', 'acted'),
  resolved(14, 'E1', 'T4', 'tl', 2, 'acted', 1),
  work(16, 'ic-2', 'execute', 11, 11, 'T2', { costUsd: 1.25 }),
  work(16.5, 'ic-1', 'peerReview', 16, 16, 'T2', { costUsd: 0.125 }),
  work(17, 'ic-3', 'execute', 14, 14, 'T4', { costUsd: 0.75 }),
  work(18, 'ic-1', 'peerReview', 17, 17, 'T4', { costUsd: 0.25 }),
  message(18, 'handoff', 'handoff.request', 'dl-backend', 'dl-frontend', { task: 'T4' }),
  outage(20, 'ic-3', 'start'),
  work(25, 'ic-1', 'execute', 24, 24, 'T5', { outcome: 'dropped', costUsd: 0.25 }),
  message(25, 'broadcast', 'blocker.raised', 'ic-1', 'team/team-1/backend', { recipients: 3 }),
  opened(25, 'E2', 'T5', 'requirements', 3, 'em'),
  outage(26, 'ic-3', 'end'),
  breach(26.5, 'T2', 'IN_PROGRESS', 10),
  opened(26.5, 'E3', 'T2', 'sla', 1, 'dl-backend', 'IN_PROGRESS'),
  work(27, 'em', 'escalation', 25, 25, 'T5', { costUsd: 1 }),
  decided(27, 'E2', 'T5', 'em', 3, 'referToHuman', 'referred', 'human-1'),
  breach(27, 'T5', 'BLOCKED', 2),
  work(27.5, 'dl-backend', 'escalation', 26.5, 26.5, 'T2', { costUsd: 0.5 }),
  decided(27.5, 'E3', 'T2', 'dl-backend', 1, 'none', 'declined'),
  resolved(27.5, 'E3', 'T2', 'dl-backend', 1, 'declined', 1),
  message(33.25, 'standup', 'standup.report', 'ic-2', 'dl-backend'),
  work(34, 'ic-2', 'execute', 16.5, 16.5, 'T2', { hours: 1.5, costUsd: 0.375 }),
  work(35, 'ic-1', 'peerReview', 34, 34, 'T2', { costUsd: 0.25 }),
  breach(35, 'T5', 'ESCALATED', 8),
  opened(36, 'E4', 'T6', 'technical', 1, 'dl-backend'),
  climbed(38, 'E4', 'T6', 2, 'tl'),
  runEnd(40, 'horizon', 2),
];

describe('summary of people, escalations, messages and cost, by hand', () => {
  const s = () => summary(PEOPLE, 'sha');

  it('gives each person busy working hours over the hours they were there to work', () => {
    expect(s().utilization).toEqual({
      'dl-backend': 0.031,
      em: 0.078,
      'ic-1': 0.234,
      'ic-2': 0.433,
      'ic-3': 0.192,
      tl: 0.016,
    });
  });

  it('counts escalations by how they ended, at which rung, and by route', () => {
    expect(s().escalations).toEqual({
      total: 4,
      byOutcome: { acted: 1, declined: 1, unresolved: 0, open: 2 },
      byRung: {
        TL: { acted: 1, declined: 0, unresolved: 0, open: 1 },
        human: { acted: 0, declined: 0, unresolved: 0, open: 1 },
        DL: { acted: 0, declined: 1, unresolved: 0, open: 0 },
      },
      byRoute: { technical: 2, requirements: 1, sla: 1 },
    });
  });

  it('counts SLA breaches per state', () => {
    expect(s().slaBreaches).toEqual({ IN_PROGRESS: 1, BLOCKED: 1, ESCALATED: 1 });
  });

  it('counts messages, a broadcast once per recipient', () => {
    expect(s().messages).toEqual({ delegation: 2, broadcast: 8, handoff: 1, standup: 1 });
  });

  it('sums the cost of every slice, and the share of the budget used', () => {
    expect(s().costUsd).toBe(7);
    // $7 of $20 spent (0.35), under the 80 % alert: no alert, nothing refused or exhausted.
    expect(s().budget).toMatchObject({
      budgetUsd: 20,
      spentUsd: 7,
      used: 0.35,
      alertAt: null,
      alerts: [],
      exhausted: [],
      overBudget: false,
      refused: [],
    });
  });
});
