// Properties of whole runs over random small orgs, random instruction mixes and every assignment
// strategy: no task lost or duplicated, every task finished, WIP limits and calendars respected,
// no self-review, every gate passed, every handoff answered, makespan above its lower bounds.
// Common random numbers: the strategy never changes arrivals, plans or estimates.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STRATEGY_NAMES } from '../../src/domain/assignment/index.ts';
import { ALWAYS, OFFICE_HOURS } from '../../src/domain/calendar.ts';
import type { Tier } from '../../src/domain/gates.ts';
import { DOMAINS } from '../../src/domain/org.ts';
import { runSimulation } from '../../src/org/run.ts';
import type { InstructionSpec, Priority, SimConfig } from '../../src/scenario/config.ts';
import { defaultConfig, defaultOrg } from '../../src/scenario/defaults.ts';
import { sameLogOnBothEngines, soundRun } from './log-checks.ts';

const instruction = fc.record({
  at: fc.integer({ min: 0, max: 96 }),
  tier: fc.constantFrom<Tier>(1, 1, 2, 2, 3),
  priority: fc.constantFrom<Priority>(0, 1, 2, 3),
});

const scenario = fc.record({
  seed: fc.nat(),
  teams: fc.integer({ min: 1, max: 2 }),
  strategy: fc.constantFrom(...STRATEGY_NAMES),
  headcount: fc.tuple(...DOMAINS.map(() => fc.integer({ min: 1, max: 2 }))),
  wipLimit: fc.integer({ min: 1, max: 3 }),
  office: fc.boolean(),
  instructions: fc.array(instruction, { minLength: 1, maxLength: 3 }),
  blockerOdds: fc.constantFrom(0, 0.1, 0.3),
  zeroOverheads: fc.boolean(),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function configOf(s: Scenario): SimConfig {
  const base = defaultConfig();
  const headcount = Object.fromEntries(DOMAINS.map((d, i) => [d, s.headcount[i] ?? 1]));
  const instructions: InstructionSpec[] = s.instructions.map((x, i) => ({
    id: `I${i + 1}`,
    title: `#${i + 1}`,
    ...x,
  }));
  return defaultConfig({
    seed: s.seed,
    strategy: s.strategy,
    org: defaultOrg({
      headcount,
      wipLimit: s.wipLimit,
      calendar: s.office ? OFFICE_HOURS : ALWAYS,
    }),
    instructions,
    blockers: {
      technical: s.blockerOdds,
      dependency: s.blockerOdds / 2,
      requirements: s.blockerOdds / 3,
      resource: s.blockerOdds / 4,
      priority: 0,
    },
    ...(s.zeroOverheads
      ? {
          overheads: {
            ...base.overheads,
            intakeHours: 0,
            strategicPlanningHours: { 1: 0, 2: 0, 3: 0, 4: 0 },
            tacticalPlanningHoursPerTask: 0,
            assignmentHours: 0,
            domainApprovalHours: 0,
            architectureReviewHours: 0,
          },
        }
      : {}),
  });
}

describe('org runs, properties', () => {
  it('hold every invariant for random small orgs, instruction mixes and strategies', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        soundRun(configOf(s));
      }),
      { numRuns: 40 },
    );
  });

  it('are deterministic: the same configuration gives a byte-identical log', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const config = configOf(s);
        expect(runSimulation(config).log.sha256()).toBe(runSimulation(config).log.sha256());
      }),
      { numRuns: 8 },
    );
  });

  it('use common random numbers: another strategy sees the same arrivals, plans and estimates', () => {
    fc.assert(
      fc.property(scenario, fc.constantFrom(...STRATEGY_NAMES), (s, other) => {
        const a = runSimulation(configOf(s)).log.records;
        const b = runSimulation(configOf({ ...s, strategy: other })).log.records;
        const fixed = (records: typeof a) =>
          records
            .filter(
              (r) =>
                r.type === 'instruction.received' ||
                r.type === 'plan.strategic' ||
                r.type === 'plan.tactical',
            )
            .map(({ t, ...rest }) =>
              rest.type === 'instruction.received' ? { t, ...rest } : rest,
            );
        const byId = (records: ReturnType<typeof fixed>) =>
          records.map((r) => JSON.stringify(r)).sort();
        expect(byId(fixed(b))).toEqual(byId(fixed(a)));
      }),
      { numRuns: 8 },
    );
  });

  it('give the same log on the fast engine as on XState itself', () => {
    fc.assert(
      fc.property(scenario, (s) => sameLogOnBothEngines(configOf(s))),
      { numRuns: 25 },
    );
  });
});
