// The size estimate that guards the limits is an upper bound of what the loader really builds:
// for random orgs and work, the people (leads, hires and humans included) and the tactical tasks
// of the resolved scenario never exceed the estimate made from the file alone.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { allPeople, DOMAINS } from '../../src/domain/org.ts';
import { estimateOf } from '../../src/scenario/estimate.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { scenarioSchema } from '../../src/scenario/schema.ts';

const dir = mkdtempSync(join(tmpdir(), 'orgsim-estimate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ics = fc.record(
  Object.fromEntries(DOMAINS.map((d) => [d, fc.integer({ min: 0, max: 3 })])) as Record<
    (typeof DOMAINS)[number],
    fc.Arbitrary<number>
  >,
);
const range = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }))
  .map(([a, b]) => [Math.min(a, b), Math.max(a, b)]);
const work = fc.record(
  {
    tier: fc.constantFrom(1, 2, 3, 4),
    shape: fc.record({ strategic: range, tacticalPerStrategic: range }, { requiredKeys: [] }),
  },
  { requiredKeys: ['tier'] },
);
const scenario = fc.record({
  seed: fc.nat(1000),
  org: fc.oneof(
    fc.record({
      teams: fc.integer({ min: 1, max: 3 }),
      ics,
      people: fc.array(fc.constantFrom(...DOMAINS), { maxLength: 3 }),
      unstaffedWork: fc.constantFrom('error', 'borrow'),
    }),
    fc.record({
      teams: fc.array(
        fc.record({ ics, people: fc.array(fc.constantFrom(...DOMAINS), { maxLength: 2 }) }),
        { minLength: 1, maxLength: 3 },
      ),
      humans: fc.array(fc.constant(null), { minLength: 1, maxLength: 3 }),
      unstaffedWork: fc.constantFrom('error', 'borrow'),
    }),
  ),
  instructions: fc.array(work, { minLength: 1, maxLength: 4 }),
  arrivals: fc.array(fc.array(fc.nat(500), { minLength: 1, maxLength: 3 }), { maxLength: 2 }),
  hires: fc.array(fc.constantFrom(...DOMAINS), { maxLength: 3 }),
  poisson: fc.option(
    fc.record({
      ratePerDay: fc.integer({ min: 1, max: 40 }),
      until: fc.integer({ min: 24, max: 240 }),
    }),
  ),
});

type Drawn = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function fileOf(s: Drawn): Record<string, unknown> {
  const person = (prefix: string) => (domain: string, i: number) => ({
    id: `${prefix}${i}`,
    domain,
  });
  const org =
    typeof s.org.teams === 'number'
      ? { ...s.org, people: ('people' in s.org ? s.org.people : []).map(person('p')) }
      : {
          ...s.org,
          teams: s.org.teams.map((t, i) => ({
            id: `t${i}`,
            ics: t.ics,
            people: t.people.map(person(`t${i}p`)),
          })),
          humans: ('humans' in s.org ? s.org.humans : []).map((_, i) => ({ id: `h${i}` })),
        };
  return {
    seed: s.seed,
    org,
    instructions: s.instructions.map((x, i) => ({ ...x, at: i })),
    arrivals: [
      ...s.arrivals.map((at, k) => ({
        process: 'schedule',
        at,
        template: s.instructions[k % s.instructions.length],
      })),
      // A poisson count is drawn: the estimate must hold for the draw, not only the mean.
      ...(s.poisson === null ? [] : [{ process: 'poisson', ...s.poisson, template: { tier: 1 } }]),
    ],
    events: s.hires.map((domain, i) => ({ type: 'hire', at: 10 + i, id: `new-${i}`, domain })),
  };
}

describe('the size estimate', () => {
  it('is never below the people and tasks the loader builds', () => {
    let checked = 0;
    fc.assert(
      fc.property(scenario, (s) => {
        const file = join(dir, `s-${checked}.yaml`);
        const raw = fileOf(s);
        writeFileSync(file, stringify(raw));
        let loaded: ReturnType<typeof loadScenario>;
        try {
          loaded = loadScenario(file);
        } catch {
          // An org that cannot staff its plans is refused; the estimate is not in question then.
          fc.pre(false);
          return;
        }
        checked++;
        const estimate = estimateOf(scenarioSchema.parse(raw));
        const { config } = loaded;
        const people = allPeople(config.org).length + config.hires.length;
        const tasks = config.instructions.reduce((n, x) => n + (x.plan?.tactical.length ?? 0), 0);
        expect(people).toBeLessThanOrEqual(estimate.people);
        expect(tasks).toBeLessThanOrEqual(estimate.tasks);
        expect(config.instructions.length).toBeLessThanOrEqual(estimate.instructions);
      }),
      { numRuns: 150, seed: 21 },
    );
    expect(checked).toBeGreaterThan(50);
  }, 120_000);
});
