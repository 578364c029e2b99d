// The bottleneck report's desk queues, backlogs, flow, SLA breaches and escalations on small
// hand-written logs, each aimed at one rule; every figure was worked out by hand (in the
// comments) before the collector was asked.

import { describe, expect, it } from 'vitest';
import { bottleneck, criticalPathVerdict } from '../../src/collect/bottleneck.ts';
import type { LogRecord } from '../../src/log/event-log.ts';
import {
  breach,
  climbed,
  completed,
  decided,
  hire,
  ic,
  LEADS,
  move,
  opened,
  ready,
  received,
  resolved,
  runEnd,
  runStart,
  strategic,
  tactical,
  work,
} from './log-builder.ts';

/**
 * No instruction arrives (the window starts at 0; ends at 8). ic-1's desk:
 *   execute T1, queued 1, 1–3, paused               first slice: waits 0
 *   execute T2, queued 1 too, 3–5                   another task: a new activity, waits 3 − 1 = 2
 *   execute T1, queued 1, 5–6                       resumes T1's activity: no wait of its own
 *   peerReview T3, queued 4, 6–7                    waits 2
 * → 3 activities, 4 h (execute 2, peerReview 2); busy 2 + 2 + 1 + 1 = 6 of 8 h = 0.75.
 */
const DESK: LogRecord[] = [
  runStart([...LEADS, ic('ic-1', 'backend')]),
  work(3, 'ic-1', 'execute', 1, 1, 'T1', { outcome: 'paused' }),
  work(5, 'ic-1', 'execute', 1, 3, 'T2'),
  work(6, 'ic-1', 'execute', 1, 5, 'T1'),
  work(7, 'ic-1', 'peerReview', 4, 6, 'T3'),
  runEnd(8),
];

describe('desk queues', () => {
  it('tells activities apart by kind, task and arrival: a resumed slice is only its own', () => {
    const desk = bottleneck(DESK).queues.find((q) => q.person === 'ic-1');
    expect(desk).toMatchObject({
      role: 'IC backend',
      activities: 3,
      waitHours: 4,
      byKind: { execute: 2, peerReview: 2 },
      busyHours: 6,
      utilization: 0.75,
    });
    // Waits [0, 2, 2]: mean 4 / 3, p95 at rank 1.9 → 2.
    expect(desk?.wait.n).toBe(3);
    expect(desk?.wait.p95).toBe(2);
    expect(desk?.wait.mean).toBeCloseTo(4 / 3, 9);
  });

  it('lists the idle desks after, by name, and a flow of zeros when nothing completed', () => {
    const b = bottleneck(DESK);
    expect(
      b.queues.map((q) => [q.person, q.role, q.activities, q.waitHours, q.utilization]),
    ).toEqual([
      ['ic-1', 'IC backend', 3, 4, 0.75],
      ['dl-backend', 'DL backend', 0, 0, 0],
      ['em', 'EM', 0, 0, 0],
      ['tl', 'TL', 0, 0, 0],
    ]);
    expect(b.flow).toEqual({ workedHours: 0, leadHours: 0, efficiency: 0, dependencyWaitHours: 0 });
    expect(b.stateHours).toEqual({});
    expect(b.backlogs).toEqual([]);
    expect(b.verdict).toEqual({ where: 'none', evidence: 'no instruction was completed' });
  });
});

/**
 * Five tasks, each in its own domain, planned at 0.5 in the order qa, frontend, backend, devops,
 * security. Each stay in PENDING lasts until an assignment for the task reached a lead's desk (its
 * queuedAt within the stay), else to the stay's end:
 *   TD qa:       PENDING 1–10; assignments queued 6 (logged first) and 4 → the earlier, 4: 3 h.
 *   TB frontend: PENDING 1–2.5 (assignment queued 2): 1 h; back to PENDING 5–9 (assignment
 *                queued 7): 2 h → 2 waits, 3 h, mean 1.5, p95 1 + 0.95 × 1 = 1.95.
 *   TA backend:  PENDING 2–4, taken without an assignment: 2 h; back to PENDING 6–10, assignment
 *                queued 8: 2 h → 2 waits, 4 h. (The assignment at 8 is after the first stay.)
 *   TE devops:   PENDING 1–5; an escalation about it queued 2 (not an assignment), the
 *                assignment queued 4: 3 h.
 *   TS security: never released to a team (no task.ready); PENDING 1–1.5, no assignment: 0.5 h.
 * Largest first, ties by domain: backend 4, devops 3, frontend 3, qa 3, security 0.5.
 */
const BACKLOGS: LogRecord[] = [
  runStart([...LEADS, ic('ic-1', 'backend')]),
  tactical(0.5, 'I1', 'S-qa', [{ id: 'TD' }], 'qa'),
  tactical(0.5, 'I1', 'S-frontend', [{ id: 'TB' }], 'frontend'),
  tactical(0.5, 'I1', 'S-backend', [{ id: 'TA' }], 'backend'),
  tactical(0.5, 'I1', 'S-devops', [{ id: 'TE' }], 'devops'),
  tactical(0.5, 'I1', 'S-security', [{ id: 'TS' }], 'security'),
  move(1, 'TD', null, 'PENDING'),
  ready(1, 'TD', 4, 'qa'),
  move(1, 'TB', null, 'PENDING'),
  ready(1, 'TB', 4, 'frontend'),
  move(1, 'TE', null, 'PENDING'),
  ready(1, 'TE', 4, 'devops'),
  move(1, 'TS', null, 'PENDING'),
  move(1.5, 'TS', 'PENDING', 'ASSIGNED', 'ic-1'),
  move(2, 'TA', null, 'PENDING'),
  ready(2, 'TA', 4, 'backend'),
  work(2.5, 'dl-frontend', 'assignment', 2, 2, 'TB'),
  move(2.5, 'TB', 'PENDING', 'ASSIGNED', 'ic-1'),
  move(2.5, 'TB', 'ASSIGNED', 'IN_PROGRESS'),
  work(3, 'dl-devops', 'escalation', 2, 2, 'TE'),
  move(4, 'TA', 'PENDING', 'ASSIGNED', 'ic-1'),
  move(4, 'TA', 'ASSIGNED', 'IN_PROGRESS'),
  work(4.5, 'dl-devops', 'assignment', 4, 4, 'TE'),
  move(5, 'TE', 'PENDING', 'ASSIGNED', 'ic-1'),
  move(5, 'TB', 'IN_PROGRESS', 'PENDING'),
  move(6, 'TA', 'IN_PROGRESS', 'PENDING'),
  work(7, 'dl-qa', 'assignment', 6, 6.5, 'TD'),
  work(7.5, 'dl-frontend', 'assignment', 7, 7, 'TB'),
  work(8, 'dl-qa', 'assignment', 4, 7.5, 'TD'),
  work(8.5, 'dl-backend', 'assignment', 8, 8, 'TA'),
  move(9, 'TB', 'PENDING', 'ASSIGNED', 'ic-1'),
  move(10, 'TD', 'PENDING', 'ASSIGNED', 'ic-1'),
  move(10, 'TA', 'PENDING', 'ASSIGNED', 'ic-1'),
  runEnd(12),
];

describe('backlogs', () => {
  it('measures each stay in PENDING until its own assignment, and sorts the backlogs', () => {
    expect(bottleneck(BACKLOGS).backlogs).toEqual([
      { team: 'team-1', domain: 'backend', waits: 2, waitHours: 4, mean: 2, p95: 2 },
      { team: 'team-1', domain: 'devops', waits: 1, waitHours: 3, mean: 3, p95: 3 },
      { team: 'team-1', domain: 'frontend', waits: 2, waitHours: 3, mean: 1.5, p95: 1.95 },
      { team: 'team-1', domain: 'qa', waits: 1, waitHours: 3, mean: 3, p95: 3 },
      { team: '', domain: 'security', waits: 1, waitHours: 0.5, mean: 0.5, p95: 0.5 },
    ]);
  });
});

/**
 * Three backend tasks planned at 1: TC completes (released 2, done 6, executed 3 h), TX is
 * cancelled (released 1, ended 5, executed 1 h), TO is still in progress at the end (released 3).
 * Only TC counts: worked 3 of lead 6 − 2 = 4 → 0.75; it waited 2 − 1 = 1 h before release.
 */
const FLOW: LogRecord[] = [
  runStart([...LEADS, ic('ic-1', 'backend')]),
  tactical(1, 'I1', 'S1', [{ id: 'TC' }, { id: 'TX' }, { id: 'TO' }]),
  move(1, 'TX', null, 'IN_PROGRESS', 'ic-1'),
  move(2, 'TC', null, 'IN_PROGRESS', 'ic-1'),
  work(2, 'ic-1', 'execute', 1, 1, 'TX'),
  move(3, 'TO', null, 'IN_PROGRESS', 'ic-1'),
  work(5, 'ic-1', 'execute', 2, 2, 'TC'),
  move(5, 'TX', 'IN_PROGRESS', 'CANCELLED'),
  move(6, 'TC', 'IN_PROGRESS', 'COMPLETED'),
  work(7, 'ic-1', 'execute', 3, 6, 'TO'),
  runEnd(8),
];

describe('flow', () => {
  it('counts only completed tasks, not cancelled or open ones', () => {
    expect(bottleneck(FLOW).flow).toEqual({
      workedHours: 3,
      leadHours: 4,
      efficiency: 0.75,
      dependencyWaitHours: 1,
    });
  });
});

/**
 * Breaches: two of IN_PROGRESS, one of BLOCKED. Escalations:
 *   E1 sla, opened at the DL (1); the DL declines ('none'); still open → held by the DL.
 *   E2 technical, at the DL, climbs to the TL, who asks the EM for capacity (referred) → EM, open.
 *   E3 sla, at the TL (2), referred to a human → human, open.
 *   E4 technical, at the DL, resolved by the TL (level 2) acting, after 3 h → closed at the TL.
 * Two of the four were opened for a late task (sla): escalated 2; on blockers: the BLOCKED one.
 */
const ESCALATIONS: LogRecord[] = [
  runStart([...LEADS, ic('ic-1', 'backend')]),
  breach(1, 'X', 'IN_PROGRESS', 4),
  opened(1, 'E1', 'X', 'sla', 1, 'dl-backend', 'IN_PROGRESS'),
  breach(1, 'Y', 'IN_PROGRESS', 4),
  opened(1, 'E3', 'Y', 'sla', 2, 'tl', 'IN_PROGRESS'),
  breach(1, 'Z', 'BLOCKED', 2),
  opened(1, 'E2', 'Z', 'technical', 1, 'dl-backend'),
  opened(1, 'E4', 'W', 'technical', 1, 'dl-backend'),
  decided(2, 'E1', 'X', 'dl-backend', 1, 'none', 'declined'),
  climbed(2, 'E2', 'Z', 2, 'tl'),
  decided(3, 'E2', 'Z', 'tl', 2, 'askCapacity', 'referred', 'em'),
  decided(3, 'E3', 'Y', 'tl', 2, 'referToHuman', 'referred', 'human'),
  resolved(4, 'E4', 'W', 'tl', 2, 'acted', 3),
  runEnd(6),
];

describe('SLA breaches and escalations', () => {
  it('counts breaches per state, those escalated as late tasks, and those on blockers', () => {
    expect(bottleneck(ESCALATIONS).slaBreaches).toEqual({
      byState: { IN_PROGRESS: 2, BLOCKED: 1 },
      total: 3,
      escalated: 2,
      onBlockers: 1,
    });
  });

  it('puts an open escalation at its last holder, a closed one at the rung that closed it', () => {
    const e = bottleneck(ESCALATIONS).escalations;
    const ends = (x: Partial<Record<string, number>>) => ({
      acted: 0,
      declined: 0,
      unresolved: 0,
      open: 0,
      ...x,
    });
    expect(e.total).toBe(4);
    expect(e.byRoute).toEqual({ sla: 2, technical: 2 });
    expect(e.byOutcome).toEqual(ends({ open: 3, acted: 1 }));
    expect(e.byRung).toEqual({
      DL: ends({ open: 1 }),
      EM: ends({ open: 1 }),
      human: ends({ open: 1 }),
      TL: ends({ acted: 1 }),
    });
    expect(e.byAction).toEqual({ none: 1, askCapacity: 1, referToHuman: 1 });
    expect([e.resolveHours.n, e.resolveHours.max]).toEqual([1, 3]);
  });
});

/**
 * Nobody is an IC at the start: ic-new is hired into backend at 0. The EM's intake 0–1, the TL's
 * plan 1–2, the DL's breakdown 2–3 and assignment 3–3.5, then ic-new executes T1 3.5–11.5: the
 * instruction's 11.5 h lead time is 8 h at the backend ICs (ic-new's desk) → 8 / 11.5 = 70 %.
 */
const HIRED: LogRecord[] = [
  runStart([...LEADS]),
  hire(0, 'ic-new', 'backend'),
  received(0, 'I1'),
  work(1, 'em', 'intake', 0, 0),
  { t: 1, type: 'instruction.decided', instruction: 'I1', go: true, reason: 'P2', by: 'em' },
  work(2, 'tl', 'strategicPlanning', 1, 1),
  strategic(2, 'I1', ['S1']),
  work(3, 'dl-backend', 'tacticalPlanning', 2, 2),
  tactical(3, 'I1', 'S1', [{ id: 'T1', estimateHours: 8 }]),
  move(3, 'T1', null, 'PENDING'),
  ready(3, 'T1', 8),
  work(3.5, 'dl-backend', 'assignment', 3, 3, 'T1'),
  move(3.5, 'T1', 'PENDING', 'ASSIGNED', 'ic-new'),
  move(3.5, 'T1', 'ASSIGNED', 'IN_PROGRESS'),
  work(11.5, 'ic-new', 'execute', 3.5, 3.5, 'T1'),
  move(11.5, 'T1', 'IN_PROGRESS', 'COMPLETED'),
  completed(11.5, 'I1', 11.5, 1),
  runEnd(11.5),
];

describe('the verdict on a log', () => {
  it("pools an IC hired during the run with the domain's ICs", () => {
    const { resources, verdict } = criticalPathVerdict(HIRED);
    expect(resources[0]?.resource).toBe('team-1/backend');
    expect(resources[0]?.hours).toBeCloseTo(8, 9);
    expect(verdict).toEqual({
      where: 'backend ICs',
      evidence: "70 % of the critical path (8 h of 12 h): 8 h executing (ic-new's desk 8 h)",
    });
  });
});
