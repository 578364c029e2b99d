// Injected events on random small orgs: requirement changes that cancel, rescale and add, outages
// of anyone with or without a cover, hires that ramp up. Every invariant holds, every task ends,
// and the fast engine writes the same log as XState.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STRATEGY_NAMES } from '../../src/domain/assignment/index.ts';
import type { Tier } from '../../src/domain/gates.ts';
import { DOMAINS, type IcSpec } from '../../src/domain/org.ts';
import type { Outage, RequirementChange, SimConfig } from '../../src/scenario/config.ts';
import { defaultConfig, defaultOrg } from '../../src/scenario/defaults.ts';
import { sameLogOnBothEngines, soundRun } from './log-checks.ts';

/** Who is out, and who may cover for them in a one-team org. */
const ABSENT: ReadonlyArray<readonly [string, string]> = [
  ['dl-backend', 'tl'],
  ['dl-qa', 'dl-frontend'],
  ['tl', 'dl-backend'],
  ['em', 'tl'],
  ['human-1', ''],
  ['ic-backend-1', 'ic-frontend-1'],
];

const events = fc.record({
  seed: fc.nat(),
  strategy: fc.constantFrom(...STRATEGY_NAMES),
  headcount: fc.tuple(...DOMAINS.map(() => fc.integer({ min: 1, max: 2 }))),
  tier: fc.constantFrom<Tier>(2, 3),
  change: fc.record({
    at: fc.integer({ min: 0, max: 120 }),
    rescale: fc.option(fc.constantFrom(0.5, 1.5, 2), { nil: undefined }),
    cancel: fc.option(fc.constantFrom(0.2, 0.5), { nil: undefined }),
    add: fc.option(
      fc.record({ domain: fc.constantFrom(...DOMAINS), tasks: fc.integer({ min: 1, max: 3 }) }),
      { nil: undefined },
    ),
  }),
  outage: fc.record({
    who: fc.integer({ min: 0, max: ABSENT.length - 1 }),
    from: fc.integer({ min: 0, max: 60 }),
    hours: fc.integer({ min: 1, max: 72 }),
    covered: fc.boolean(),
  }),
  hire: fc.record({
    at: fc.integer({ min: 0, max: 48 }),
    rampUpDays: fc.integer({ min: 0, max: 5 }),
    startProductivity: fc.constantFrom(0.25, 0.5, 1),
  }),
});

type Events = typeof events extends fc.Arbitrary<infer T> ? T : never;

function configOf(e: Events): SimConfig {
  const org = defaultOrg({
    headcount: Object.fromEntries(DOMAINS.map((d, i) => [d, e.headcount[i] ?? 1])),
  });
  const [person, cover] = ABSENT[e.outage.who] as readonly [string, string];
  const outage: Outage = {
    person,
    from: e.outage.from,
    to: e.outage.from + e.outage.hours,
    ...(e.outage.covered && cover !== '' ? { cover } : {}),
  };
  const change: RequirementChange = {
    at: e.change.at,
    instruction: 'I1',
    ...(e.change.cancel === undefined ? {} : { share: e.change.cancel }),
    ...(e.change.rescale === undefined ? {} : { rescale: e.change.rescale }),
    ...(e.change.add === undefined ? {} : { add: { ...e.change.add, dependsOn: [] } }),
  };
  const ic = org.teams[0]?.ics.find((x) => x.domain === 'backend') as IcSpec;
  return defaultConfig({
    seed: e.seed,
    strategy: e.strategy,
    org,
    instructions: [{ id: 'I1', at: 0, tier: e.tier, priority: 2, title: 'I1' }],
    changes: [change],
    outages: [outage],
    hires: [{ ic: { ...ic, id: 'hire-1' }, ...e.hire }],
  });
}

describe('runs with injected events, properties', () => {
  it('hold every invariant and finish every task, added ones included', () => {
    fc.assert(
      fc.property(events, (e) => {
        const records = soundRun(configOf(e));
        // Work a change added is planned, and (the run being done) finished like the rest.
        for (const r of records)
          if (r.type === 'requirement.changed' && r.added !== undefined)
            expect(
              records.some((p) => p.type === 'plan.tactical' && p.strategic === r.added?.strategic),
            ).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('give the same log on the fast engine as on XState itself', () => {
    fc.assert(
      fc.property(events, (e) => sameLogOnBothEngines(configOf(e))),
      { numRuns: 15 },
    );
  });
});
