// The critical-path attribution on a hand-written log: every hour of the instruction's lead time
// goes to one cause at one resource, and the hours were worked out by hand (below) before the
// collector was asked. On the shipped scenarios, the segments tile each lead time exactly.

import { describe, expect, it } from 'vitest';
import { bottleneck } from '../../src/collect/bottleneck.ts';
import { criticalPaths } from '../../src/collect/critical-path.ts';
import { timelines } from '../../src/collect/timeline.ts';
import type { LogRecord } from '../../src/log/event-log.ts';
import { runSimulation } from '../../src/org/run.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { job, oneIc } from '../org/fixtures.ts';
import { SHIPPED } from '../scenario/shipped.ts';
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
 * One instruction, two backend tasks in a chain (T2 after T1), 24 h calendars, no gates but a
 * peer review on T1. What happens, and so what each hour is:
 *   0–1    the EM is in its capacity review (a ritual) while the intake waits     ritual, em
 *   1–1.5  the EM's intake                                                        intake, em
 *   1.5–2  the TL's strategic planning                                            planning, tl
 *   2–2.5  the DL is in its standup while the breakdown waits                     ritual, dl-backend
 *   2.5–3  the DL's tactical breakdown; T1 is released at 3                       planning, dl-backend
 *   3–3.1  the DL assigns T1                                                       planning, dl-backend
 *   3.1–7.1 ic-backend-1 executes T1                                               execution
 *   7.1–8.1 T1's review waits while ic-backend-2 finishes task Z                   queue, ic-backend-2
 *   8.1–8.6 ic-backend-2 reviews T1; T1 completes, T2 is released at 8.6           review
 *   8.6–10 T2 waits in the backlog: both ICs are busy                              backlog
 *   10–10.1 the DL assigns T2                                                      planning
 *   10.1–12.1 ic-backend-1 executes T2; the instruction completes at 12.1          execution
 * Lead time 12.1 h: execution 6, planning 1.2, ritual 1.5, backlog 1.4, queue 1, review 0.5,
 * intake 0.5. The backend ICs' pool holds 6 + 1.4 + 1 + 0.5 = 8.9 h: 74 % of 12.1.
 */
const LOG: LogRecord[] = [
  runStart([...LEADS, ic('ic-backend-1', 'backend'), ic('ic-backend-2', 'backend')]),
  received(0, 'I1'),
  work(1, 'em', 'rebalance', 0, 0),
  work(1.5, 'em', 'intake', 0, 1),
  { t: 1.5, type: 'instruction.decided', instruction: 'I1', go: true, reason: 'P2', by: 'em' },
  work(2, 'tl', 'strategicPlanning', 1.5, 1.5),
  strategic(2, 'I1', ['I1-S1']),
  work(2.5, 'dl-backend', 'standup', 2, 2),
  work(3, 'dl-backend', 'tacticalPlanning', 2, 2.5),
  tactical(3, 'I1', 'I1-S1', [
    { id: 'T1', estimateHours: 4 },
    { id: 'T2', estimateHours: 2, dependsOn: ['T1'] },
  ]),
  move(3, 'T1', null, 'PENDING'),
  ready(3, 'T1', 4),
  move(3, 'T1', 'PENDING', 'IN_PLANNING'),
  work(3.1, 'dl-backend', 'assignment', 3, 3, 'T1'),
  move(3.1, 'T1', 'IN_PLANNING', 'ASSIGNED', 'ic-backend-1'),
  move(3.1, 'T1', 'ASSIGNED', 'IN_PROGRESS'),
  work(7.1, 'ic-backend-1', 'execute', 3.1, 3.1, 'T1'),
  move(7.1, 'T1', 'IN_PROGRESS', 'UNDER_REVIEW'),
  work(8.1, 'ic-backend-2', 'execute', 5, 5, 'Z'),
  work(8.6, 'ic-backend-2', 'peerReview', 7.1, 8.1, 'T1'),
  move(8.6, 'T1', 'UNDER_REVIEW', 'READY_FOR_HANDOFF'),
  move(8.6, 'T1', 'READY_FOR_HANDOFF', 'COMPLETED'),
  move(8.6, 'T2', null, 'PENDING'),
  ready(8.6, 'T2', 2),
  work(10, 'ic-backend-1', 'execute', 8, 8.6, 'Y'),
  move(10, 'T2', 'PENDING', 'IN_PLANNING'),
  work(10.1, 'dl-backend', 'assignment', 10, 10, 'T2'),
  move(10.1, 'T2', 'IN_PLANNING', 'ASSIGNED', 'ic-backend-1'),
  move(10.1, 'T2', 'ASSIGNED', 'IN_PROGRESS'),
  work(12.1, 'ic-backend-1', 'execute', 10.1, 10.1, 'T2'),
  move(12.1, 'T2', 'IN_PROGRESS', 'READY_FOR_HANDOFF'),
  move(12.1, 'T2', 'READY_FOR_HANDOFF', 'COMPLETED'),
  completed(12.1, 'I1', 12.1, 2),
  runEnd(12.1),
];

describe('critical-path attribution, by hand', () => {
  const path = () => criticalPaths(LOG, timelines(LOG))[0];

  it('walks back from the last task through its dependency and its breakdown', () => {
    expect(path()?.tasks).toEqual(['T1', 'T2']);
    expect(path()?.leadTimeHours).toBeCloseTo(12.1, 9);
  });

  it('gives every hour one cause, the ones worked out above', () => {
    const c = path()?.byCause ?? {};
    near(c.execution, 6);
    near(c.planning, 1.2);
    near(c.ritual, 1.5);
    near(c.backlog, 1.4);
    near(c.queue, 1);
    near(c.review, 0.5);
    near(c.intake, 0.5);
    expect(Object.keys(c).sort()).toEqual(
      ['backlog', 'execution', 'intake', 'planning', 'queue', 'review', 'ritual'].sort(),
    );
  });

  it('puts each segment at the right resource, end to end', () => {
    const s = (path()?.segments ?? []).map((x) => [x.from, x.to, x.cause, x.resource]);
    expect(s).toEqual([
      [0, 1, 'ritual', 'em'],
      [1, 1.5, 'intake', 'em'],
      [1.5, 2, 'planning', 'tl'],
      [2, 2.5, 'ritual', 'dl-backend'],
      [2.5, 3, 'planning', 'dl-backend'],
      [3, 3.1, 'planning', 'dl-backend'],
      [3.1, 7.1, 'execution', 'ic-backend-1'],
      [7.1, 8.1, 'queue', 'ic-backend-2'],
      [8.1, 8.6, 'review', 'ic-backend-2'],
      [8.6, 10, 'backlog', 'team-1/backend'],
      [10, 10.1, 'planning', 'dl-backend'],
      [10.1, 12.1, 'execution', 'ic-backend-1'],
    ]);
  });

  it('names the backend ICs as the bottleneck, with their share', () => {
    const b = bottleneck(LOG);
    expect(b.verdict.where).toBe('backend ICs');
    expect(b.verdict.evidence).toMatch(
      /^74 % of the critical path \(9 h of 12 h\): 6 h executing, 1 h waiting in the backlog/,
    );
    expect(b.resources[0]?.hours).toBeCloseTo(8.9, 9);
    expect(b.backlogs).toEqual([
      { team: 'team-1', domain: 'backend', waits: 2, waitHours: 1.4, mean: 0.7, p95: 1.33 },
    ]);
  });
});

describe('critical-path attribution on the shipped scenarios', () => {
  for (const name of SHIPPED) {
    it(`${name}: the segments tile every instruction's lead time, each hour explained`, () => {
      const scenario = loadScenario(name);
      const { log } = runSimulation(scenario.config, scenario.name);
      const paths = criticalPaths(log.records, timelines(log.records));
      expect(paths.length).toBeGreaterThan(0);
      for (const p of paths) {
        let at = p.receivedAt;
        for (const s of p.segments) {
          expect(s.from).toBeCloseTo(at, 9);
          expect(s.to).toBeGreaterThan(s.from);
          at = s.to;
        }
        expect(at).toBeCloseTo(p.completedAt, 9);
        const sum = Object.values(p.byCause).reduce((a, b) => a + (b ?? 0), 0);
        expect(Math.abs(sum - p.leadTimeHours)).toBeLessThan(0.01);
        expect(p.byCause.unexplained ?? 0, `${p.instruction}`).toBe(0);
      }
    });
  }
});

describe('critical-path attribution under a spent budget', () => {
  it('attributes the hours a spent daily budget held the work to the budget', () => {
    // One backend IC at $10 an hour, an 8 h task from t = 0 and a $50 daily budget under p0Only:
    // $50 is spent at 5 h, the work is held until the day's budget resets at 24 h, then its last
    // 3 h are done by 27 h. Lead time 27 h: 8 h executing, 24 − 5 = 19 h held by the budget.
    const config = oneIc({ dailyBudgetUsd: 50, policy: 'p0Only' }, [job('A', 0, 8)]);
    const { log } = runSimulation(config);
    const [path] = criticalPaths(log.records, timelines(log.records));
    expect(path?.leadTimeHours).toBeCloseTo(27, 9);
    expect(path?.byCause.execution).toBeCloseTo(8, 9);
    expect(path?.byCause.budget).toBeCloseTo(19, 9);
  });
});
