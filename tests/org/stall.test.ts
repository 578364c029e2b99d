// A run nothing can move ends as stalled, even while a lead keeps deciding escalations. Here a
// $7 daily budget under p0Only is spent every morning before anyone can start the P1 and P2
// work; each day the waiting task breaches its SLA and its lead moves it to another IC, who
// cannot start it either. Before escalation decisions stopped counting as progress, this org
// ran to its two million simulated hours (found by the engines' property test, seed 42).

import { describe, expect, it } from 'vitest';
import { runSimulation } from '../../src/org/run.ts';
import { configOf, type Org } from '../engine/generated-org.ts';

const LIVELOCK = {
  seed: 1,
  teams: 1,
  strategy: 'round-robin',
  headcount: [1, 1, 2, 1, 2, 2],
  wipLimit: 1,
  calendar: 'office',
  instructions: [
    { at: 27, tier: 2, priority: 2 },
    { at: 27, tier: 1, priority: 1 },
  ],
  preemptUpTo: -1,
  overtime: true,
  blockerOdds: 0.3,
  shortSlas: false,
  horizon: Number.POSITIVE_INFINITY,
  outage: { role: 'EM', who: 17, from: 0, hours: 73, cover: 1779098555 },
  budget: { policy: 'p0Only', budgetUsd: null, dailyBudgetUsd: 7, alerts: [0.5, 0.9] },
  agents: {
    tokensPerMinute: 200000,
    concurrency: 1,
    onExhausted: 'fail',
    loop: 0.2,
    stopEarly: 0.2,
    passBadWork: 0.3,
    rejectGoodWork: 0,
    maxTurns: 120,
    onCap: 'fail',
  },
} as unknown as Org;

describe('a run nothing can move', () => {
  it('stalls after 14 days of escalation decisions alone, on both engines', () => {
    for (const engine of ['fast', 'xstate'] as const) {
      const records = runSimulation({ ...configOf(LIVELOCK), engine }, 'livelock').log.records;
      const end = records.at(-1);
      expect(end).toMatchObject({ type: 'run.end', reason: 'stalled', openTasks: 2 });
      // The last work that moved anything, then 14 days and the next ritual at most.
      const moved = records.filter(
        (r) =>
          r.type === 'work' &&
          r.outcome === 'finished' &&
          !['standup', 'rebalance', 'escalation'].includes(r.kind),
      );
      const last = moved.at(-1)?.t ?? 0;
      expect((end?.t ?? 0) - last).toBeGreaterThan(14 * 24);
      expect((end?.t ?? 0) - last).toBeLessThanOrEqual(15 * 24);
      expect(records.some((r) => r.type === 'escalation.decided' && r.t > last)).toBe(true);
    }
  });
});
