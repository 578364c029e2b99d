import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { productivity } from '../../src/domain/ramp-up.ts';

describe('a hire’s ramp-up', () => {
  const ramp = { from: 24, days: 5, startProductivity: 0.5 };

  it('starts at the starting share, rises linearly, and is full after the ramp', () => {
    expect(productivity(ramp, 24)).toBe(0.5);
    // Half-way (2.5 days = 60 h in): 0.5 + 0.5 × 0.5.
    expect(productivity(ramp, 24 + 60)).toBe(0.75);
    expect(productivity(ramp, 24 + 120)).toBe(1);
    expect(productivity(ramp, 1000)).toBe(1);
  });

  it('is 1 with no ramp-up at all, as for an agent', () => {
    expect(productivity(null, 3)).toBe(1);
    expect(productivity({ from: 0, days: 0, startProductivity: 0.2 }, 0)).toBe(1);
  });

  it('never falls as time passes and stays between the starting share and 1', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 30, noNaN: true }),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (start, days, t, dt) => {
          const r = { from: 10, days, startProductivity: start };
          const p = productivity(r, t);
          expect(p).toBeGreaterThanOrEqual(Math.min(start, 1) - 1e-12);
          expect(p).toBeLessThanOrEqual(1);
          expect(productivity(r, t + dt)).toBeGreaterThanOrEqual(p - 1e-12);
        },
      ),
    );
  });
});
