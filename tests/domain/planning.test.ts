import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TIERS } from '../../src/domain/gates.ts';
import { DOMAINS } from '../../src/domain/org.ts';
import { generatePlan } from '../../src/domain/planning/generate.ts';
import {
  consumers,
  handoffDomains,
  planProblems,
  remainingPath,
} from '../../src/domain/planning/plan.ts';
import { RandomSource } from '../../src/kernel/random.ts';

const plan = (tier: 1 | 2 | 3 | 4, seed: number) =>
  generatePlan('I1', tier, new RandomSource(seed).stream('plan/I1'));

describe('generatePlan', () => {
  it('makes tier 1 a single task', () => {
    for (let seed = 0; seed < 20; seed++) {
      const p = plan(1, seed);
      expect(p.strategic).toHaveLength(1);
      expect(p.tactical).toHaveLength(1);
      expect(p.tactical[0]?.dependsOn).toEqual([]);
    }
  });

  it('gives tier 4 at least 30 strategic and 100 tactical tasks across all six domains, with cross-domain handoffs', () => {
    fc.assert(
      fc.property(fc.nat(), (seed) => {
        const p = plan(4, seed);
        expect(p.strategic.length).toBeGreaterThanOrEqual(30);
        expect(p.tactical.length).toBeGreaterThanOrEqual(100);
        expect(new Set(p.strategic.map((s) => s.domain))).toEqual(new Set(DOMAINS));
        const c = consumers(p);
        expect(p.tactical.some((t) => handoffDomains(t, c).length > 0)).toBe(true);
      }),
      { numRuns: 30 },
    );
  });

  it('always produces a valid DAG whose dependencies point to earlier milestones', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TIERS), fc.nat(), (tier, seed) => {
        const p = plan(tier, seed);
        expect(planProblems(p)).toEqual([]);
        const milestone = new Map(p.strategic.map((s) => [s.id, s.milestone]));
        for (const s of p.strategic) {
          for (const d of s.dependsOn) expect(milestone.get(d)).toBeLessThanOrEqual(s.milestone);
        }
        for (const t of p.tactical) {
          expect(t.estimateHours).toBeGreaterThan(0);
          expect(t.architectural && tier < 3).toBe(false);
        }
      }),
    );
  });

  it('works in exactly the domains an instruction names, and takes one of them at tier 1', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(2, 3, 4),
        fc.nat(),
        fc.subarray([...DOMAINS], { minLength: 1 }),
        (tier, seed, domains) => {
          const p = generatePlan('I1', tier as 2 | 3 | 4, new RandomSource(seed).stream('p'), {
            domains,
          });
          expect(new Set(p.strategic.map((s) => s.domain))).toEqual(new Set(domains));
          expect(planProblems(p)).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
    for (let seed = 0; seed < 20; seed++) {
      const p = generatePlan('I1', 1, new RandomSource(seed).stream('p'), {
        domains: ['qa', 'data'],
      });
      expect(['qa', 'data']).toContain(p.tactical[0]?.domain);
    }
  });

  it('follows a shape override: counts and estimates within the ranges given', () => {
    const p = generatePlan('I1', 3, new RandomSource(4).stream('p'), {
      shape: { strategic: [2, 2], tactical: [1, 1], estimate: [5, 5], complexity: [4, 4] },
    });
    // Tier 3 draws 3 or 4 domains and gives each a strategic task, so at least 3 of them.
    expect(p.strategic.length).toBeGreaterThanOrEqual(3);
    expect(p.strategic.length).toBeLessThanOrEqual(4);
    expect(p.tactical).toHaveLength(p.strategic.length);
    expect(p.tactical.every((t) => t.estimateHours === 5 && t.complexity === 4)).toBe(true);
  });

  it('is a function of the seed', () => {
    expect(plan(4, 7)).toEqual(plan(4, 7));
    expect(plan(4, 7)).not.toEqual(plan(4, 8));
  });
});

describe('plan analysis', () => {
  it('finds the longest remaining path and reports cycles and unknown dependencies', () => {
    const base = { instruction: 'I', tier: 2 as const, strategic: [] };
    const task = (id: string, estimateHours: number, dependsOn: string[]) => ({
      id,
      strategic: 'S',
      instruction: 'I',
      domain: 'backend' as const,
      title: id,
      estimateHours,
      complexity: 2 as const,
      dependsOn,
      architectural: false,
    });
    const p = {
      ...base,
      tactical: [
        task('a', 2, []),
        task('b', 5, ['a']),
        task('c', 1, ['a']),
        task('d', 3, ['b', 'c']),
      ],
    };
    expect(Object.fromEntries(remainingPath(p))).toEqual({ a: 10, b: 8, c: 4, d: 3 });
    expect(
      planProblems({
        ...base,
        tactical: [task('x', 1, ['y']), task('y', 1, ['x']), task('z', 1, ['q'])],
      }),
    ).toEqual(['z depends on unknown task q', 'dependency cycle: x → y → x']);
  });
});
