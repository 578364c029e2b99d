// The git model's odds and draws (src/domain/git.ts): conflicts grow with the overlap and the
// branch's age and never come from components that did not change on both sides; a task's touches
// stay in its domain's components and the shared ones, in their bounds.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  componentConflictChance,
  conflicting,
  drawTouches,
  generatedComponents,
  mergeConflictChance,
  nextCadence,
} from '../../src/domain/git.ts';
import { DOMAINS } from '../../src/domain/org.ts';
import { RandomStream } from '../../src/kernel/random.ts';

const odds = fc.record({
  perComponent: fc.double({ min: 0, max: 0.95, noNaN: true }),
  growthPerDay: fc.double({ min: 0, max: 5, noNaN: true }),
});
const age = fc.double({ min: 0, max: 2000, noNaN: true });

describe('conflict odds', () => {
  it('are the per-component chance for a new branch, and grow by growthPerDay a day, to 0.95', () => {
    const c = { perComponent: 0.2, growthPerDay: 0.5 };
    expect(componentConflictChance(c, 0)).toBe(0.2);
    // Two days old: 0.2 × (1 + 0.5 × 2) = 0.4.
    expect(componentConflictChance(c, 48)).toBeCloseTo(0.4, 12);
    // Thirty days: 0.2 × 16 = 3.2, held at 0.95.
    expect(componentConflictChance(c, 720)).toBe(0.95);
    // Two overlapping components two days old: 1 − 0.6² = 0.64.
    expect(mergeConflictChance(c, 2, 48)).toBeCloseTo(0.64, 12);
  });

  it('are zero with no overlap, whatever the age', () => {
    fc.assert(
      fc.property(odds, age, (c, a) => {
        expect(mergeConflictChance(c, 0, a)).toBe(0);
        expect(conflicting(c, [], a, new RandomStream(1, 'x'))).toEqual([]);
      }),
    );
  });

  it('never fall as the overlap or the age grows', () => {
    fc.assert(
      fc.property(odds, fc.nat(6), fc.nat(6), age, age, (c, k1, dk, a1, da) => {
        const lower = mergeConflictChance(c, k1, a1);
        expect(mergeConflictChance(c, k1 + dk, a1)).toBeGreaterThanOrEqual(lower);
        expect(mergeConflictChance(c, k1, a1 + da)).toBeGreaterThanOrEqual(lower);
      }),
    );
  });

  it('draw each overlapping component with its chance, and only those', () => {
    const c = { perComponent: 0.3, growthPerDay: 0 };
    const random = new RandomStream(7, 'conflicts');
    let hits = 0;
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      const hit = conflicting(c, ['a', 'b'], 10, random);
      for (const h of hit) expect(['a', 'b']).toContain(h);
      hits += hit.length;
    }
    // 2n Bernoulli(0.3) draws: mean 0.3, standard error √(0.21 / 40,000) ≈ 0.0023.
    expect(hits / (2 * n)).toBeGreaterThan(0.3 - 4 * 0.0023);
    expect(hits / (2 * n)).toBeLessThan(0.3 + 4 * 0.0023);
  });
});

describe('touches', () => {
  const components = generatedComponents(DOMAINS, 4, ['api', 'schema']);

  it('generates perDomain components per domain, named by domain, then the shared', () => {
    expect(components.slice(0, 5)).toEqual([
      { id: 'frontend-1', domain: 'frontend' },
      { id: 'frontend-2', domain: 'frontend' },
      { id: 'frontend-3', domain: 'frontend' },
      { id: 'frontend-4', domain: 'frontend' },
      { id: 'backend-1', domain: 'backend' },
    ]);
    expect(components.slice(-2)).toEqual([
      { id: 'api', domain: null },
      { id: 'schema', domain: null },
    ]);
    expect(components).toHaveLength(6 * 4 + 2);
  });

  it('stay in the domain’s components and one shared, within their bounds, in the list’s order', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DOMAINS),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 3 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.nat(),
        (domain, min, extra, sharedChance, seed) => {
          const git = { components, touches: { min, max: min + extra }, sharedChance };
          const touched = drawTouches(git, domain, new RandomStream(seed, 'touches'));
          const own = touched.filter((id) => id.startsWith(`${domain}-`));
          const shared = touched.filter((id) => id === 'api' || id === 'schema');
          expect(own.length + shared.length).toBe(touched.length);
          expect(own.length).toBeGreaterThanOrEqual(Math.min(4, min));
          expect(own.length).toBeLessThanOrEqual(Math.min(4, min + extra));
          expect(shared.length).toBeLessThanOrEqual(1);
          if (sharedChance === 0) expect(shared).toEqual([]);
          if (sharedChance === 1) expect(shared).toHaveLength(1);
          const order = components.map((c) => c.id).filter((id) => touched.includes(id));
          expect(touched).toEqual(order);
          // The same stream gives the same touches.
          expect(drawTouches(git, domain, new RandomStream(seed, 'touches'))).toEqual(touched);
        },
      ),
    );
  });

  it('fall on a shared component for a domain with none of its own', () => {
    const git = {
      components: [
        { id: 'web', domain: 'frontend' as const },
        { id: 'api', domain: null },
      ],
      touches: { min: 1, max: 2 },
      sharedChance: 0,
    };
    expect(drawTouches(git, 'data', new RandomStream(3, 't'))).toEqual(['api']);
  });
});

describe('cadences', () => {
  const daily = { cadence: 'daily' as const, hour: 17, weekday: 4 };
  const weekly = { cadence: 'weekly' as const, hour: 17, weekday: 4 };

  it('fall due at the next hour of the day, or of the week (day 0 a Monday), after now', () => {
    expect(nextCadence(10, daily)).toBe(17);
    expect(nextCadence(17, daily)).toBe(41);
    expect(nextCadence(20, daily)).toBe(41);
    // Monday 10:00 → Friday 17:00 (day 4); Friday 17:00 → a week later; Saturday → next Friday.
    expect(nextCadence(10, weekly)).toBe(4 * 24 + 17);
    expect(nextCadence(4 * 24 + 17, weekly)).toBe(11 * 24 + 17);
    expect(nextCadence(5 * 24, weekly)).toBe(11 * 24 + 17);
    expect(nextCadence(33.5, { ...daily, cadence: 'endOfTask' })).toBe(33.5);
  });

  it('are always later than now, within a day or a week, on their hour and weekday', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e5, noNaN: true }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 6 }),
        (now, hour, weekday) => {
          const d = nextCadence(now, { cadence: 'daily', hour, weekday });
          expect(d).toBeGreaterThan(now);
          expect(d - now).toBeLessThanOrEqual(24);
          expect(d % 24).toBe(hour);
          const w = nextCadence(now, { cadence: 'weekly', hour, weekday });
          expect(w).toBeGreaterThan(now);
          expect(w - now).toBeLessThanOrEqual(168);
          expect(w % 24).toBe(hour);
          expect(Math.floor(w / 24) % 7).toBe(weekday);
        },
      ),
    );
  });
});
