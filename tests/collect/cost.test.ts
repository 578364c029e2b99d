// The cost report read off the work log: worked by hand on a small log, and checked to add up on
// random runs — per person = per role = per kind = per instruction = the total.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CostFigures, type Costs, costs, OVERHEAD } from '../../src/collect/cost.ts';
import { ALWAYS, OFFICE_HOURS } from '../../src/domain/calendar.ts';
import type { LogRecord } from '../../src/log/event-log.ts';
import { runSimulation } from '../../src/org/run.ts';
import { defaultConfig, defaultOrg } from '../../src/scenario/defaults.ts';
import { person, received, runStart, work } from './log-builder.ts';

/** A finished slice of `hours` ending at `t`, with its tokens, cost and instruction served. */
const slice = (
  t: number,
  who: string,
  kind: 'intake' | 'execute' | 'standup' | 'escalation' | 'peerReview',
  hours: number,
  tokensIn: number,
  tokensOut: number,
  costUsd: number,
  instruction?: string,
): LogRecord =>
  work(t, who, kind, t - hours, t - hours, undefined, {
    tokensIn,
    tokensOut,
    costUsd,
    ...(instruction === undefined ? {} : { instruction }),
  });

const LOG: LogRecord[] = [
  runStart([person('em', 'EM'), person('ic-a', 'IC'), person('human-1', 'human')]),
  received(0, 'I1', 2, 1),
  received(0, 'I2', 2, 1),
  slice(0.25, 'em', 'intake', 0.25, 15_000, 5_000, 0.06, 'I1'),
  slice(2.25, 'ic-a', 'execute', 2, 75_000, 25_000, 0.3, 'I1'),
  slice(2.5, 'ic-a', 'standup', 0.25, 15_000, 5_000, 0.06),
  slice(3.5, 'human-1', 'escalation', 1, 0, 0, 40, 'I2'),
  slice(4, 'ic-a', 'peerReview', 0.5, 30_000, 10_000, 0.12, 'I2'),
];

const f = (hours: number, tokensIn: number, tokensOut: number, usd: number): CostFigures => ({
  hours,
  tokensIn,
  tokensOut,
  tokensCached: 0,
  usd,
});

/** The sum of a breakdown's rows. */
function sum(rows: Record<string, CostFigures>): CostFigures {
  const out = { hours: 0, tokensIn: 0, tokensOut: 0, tokensCached: 0, usd: 0 };
  for (const r of Object.values(rows)) {
    out.hours += r.hours;
    out.tokensIn += r.tokensIn;
    out.tokensOut += r.tokensOut;
    out.tokensCached += r.tokensCached;
    out.usd += r.usd;
  }
  return out;
}

function expectAddsUp(c: Costs): void {
  for (const rows of [c.byPerson, c.byRole, c.byModel, c.byKind, c.byInstruction]) {
    const s = sum(rows);
    const n = Object.keys(rows).length;
    // Each row is rounded (hours to 0.01, tokens to 1, USD to 0.0001): n rows drift by n half-units.
    expect(Math.abs(s.hours - c.total.hours)).toBeLessThanOrEqual(0.005 * (n + 1) + 1e-9);
    expect(Math.abs(s.tokensIn - c.total.tokensIn)).toBeLessThanOrEqual(0.5 * (n + 1));
    expect(Math.abs(s.tokensOut - c.total.tokensOut)).toBeLessThanOrEqual(0.5 * (n + 1));
    expect(Math.abs(s.usd - c.total.usd)).toBeLessThanOrEqual(0.00005 * (n + 1) + 1e-9);
  }
}

describe('cost report', () => {
  it('breaks a hand-made log down by role, person, kind and instruction', () => {
    const c = costs(LOG);
    // 0.25 + 2 + 0.25 + 1 + 0.5 = 4 h; tokens in 15K + 75K + 15K + 0 + 30K = 135K, out 45K;
    // USD 0.06 + 0.3 + 0.06 + 40 + 0.12 = 40.54.
    expect(c.total).toEqual(f(4, 135_000, 45_000, 40.54));
    expect(c.byRole).toEqual({
      EM: f(0.25, 15_000, 5_000, 0.06),
      // execute + standup + peer review: 2.75 h, 120K in, 40K out, 0.3 + 0.06 + 0.12 = 0.48.
      IC: f(2.75, 120_000, 40_000, 0.48),
      human: f(1, 0, 0, 40),
    });
    expect(c.byPerson).toEqual({
      em: f(0.25, 15_000, 5_000, 0.06),
      'ic-a': f(2.75, 120_000, 40_000, 0.48),
      'human-1': f(1, 0, 0, 40),
    });
    expect(c.byKind).toEqual({
      standup: f(0.25, 15_000, 5_000, 0.06),
      escalation: f(1, 0, 0, 40),
      intake: f(0.25, 15_000, 5_000, 0.06),
      peerReview: f(0.5, 30_000, 10_000, 0.12),
      execute: f(2, 75_000, 25_000, 0.3),
    });
    // I1: intake + execution = 0.06 + 0.3; I2: the human's decision + the review = 40.12; the
    // standup served no instruction.
    expect(c.byInstruction).toEqual({
      I1: f(2.25, 90_000, 30_000, 0.36),
      I2: f(1.5, 30_000, 10_000, 40.12),
      [OVERHEAD]: f(0.25, 15_000, 5_000, 0.06),
    });
    expectAddsUp(c);
  });

  it('adds up on random runs: per person = per role = per kind = per instruction = total', () => {
    const scenario = fc.record({
      seed: fc.nat(),
      tiers: fc.array(fc.constantFrom<1 | 2 | 3>(1, 2, 3), { minLength: 1, maxLength: 3 }),
      office: fc.boolean(),
      requirements: fc.constantFrom(0, 0.5),
      costPerHour: fc.constantFrom(0, 12.5),
    });
    fc.assert(
      fc.property(scenario, (s) => {
        const org = defaultOrg({ calendar: s.office ? OFFICE_HOURS : ALWAYS });
        const config = defaultConfig({
          seed: s.seed,
          org: {
            ...org,
            humans: org.humans.map((h) => ({ ...h, costPerHour: s.costPerHour })),
          },
          instructions: s.tiers.map((tier, i) => ({
            id: `I${i + 1}`,
            at: i * 5,
            tier,
            priority: 2,
            title: `#${i + 1}`,
          })),
          blockers: { ...defaultConfig().blockers, requirements: s.requirements },
        });
        const records = runSimulation(config).log.records;
        const c = costs(records);
        expectAddsUp(c);
        const usd = records.reduce((t, r) => t + (r.type === 'work' ? r.costUsd : 0), 0);
        expect(c.total.usd).toBeCloseTo(usd, 4);
        for (const id of Object.keys(c.byInstruction))
          expect([...s.tiers.map((_, i) => `I${i + 1}`), OVERHEAD]).toContain(id);
        // Humans spend no tokens, only their hours.
        for (const r of records) {
          if (r.type !== 'work' || !r.person.startsWith('human')) continue;
          expect([r.tokensIn, r.tokensOut]).toEqual([0, 0]);
          expect(r.costUsd).toBe(r.hours * s.costPerHour);
        }
      }),
      { numRuns: 12 },
    );
  });
});
