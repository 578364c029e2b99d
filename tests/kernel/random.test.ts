import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RandomSource, RandomStream } from '../../src/kernel/random.ts';

function draws(stream: RandomStream, n: number): number[] {
  return Array.from({ length: n }, () => stream.nextUint32());
}

describe('RandomStream', () => {
  it('is xoshiro128**: matches the reference output for the state (1, 2, 3, 4)', () => {
    // First outputs of the reference C implementation (prng.di.unimi.it/xoshiro128starstar.c)
    // seeded with s = {1, 2, 3, 4}.
    expect(draws(RandomStream.fromState(1, 2, 3, 4), 6)).toEqual([
      11520, 0, 5927040, 70819200, 2031721883, 1637235492,
    ]);
  });

  it('gives the same numbers for the same seed and name', () => {
    expect(draws(new RandomSource(42).stream('arrivals'), 50)).toEqual(
      draws(new RandomSource(42).stream('arrivals'), 50),
    );
  });

  it('gives different numbers for another seed or another name', () => {
    const base = draws(new RandomSource(42).stream('arrivals'), 8);
    expect(draws(new RandomSource(43).stream('arrivals'), 8)).not.toEqual(base);
    expect(draws(new RandomSource(42).stream('effort'), 8)).not.toEqual(base);
    expect(draws(new RandomSource(2 ** 40 + 42).stream('arrivals'), 8)).not.toEqual(base);
  });

  it('keeps streams independent: drawing from one never shifts another (common random numbers)', () => {
    const quiet = new RandomSource(9);
    const busy = new RandomSource(9);
    for (let i = 0; i < 1000; i++) busy.stream('assignment').nextUint32();
    expect(draws(busy.stream('arrivals'), 20)).toEqual(draws(quiet.stream('arrivals'), 20));
  });

  it('returns one stream per name within a run', () => {
    const random = new RandomSource(1);
    expect(random.stream('a')).toBe(random.stream('a'));
  });

  it('draws floats in [0, 1) and integers within their bounds', () => {
    fc.assert(
      fc.property(
        fc.nat(),
        fc.integer({ min: -50, max: 50 }),
        fc.nat({ max: 100 }),
        (seed, min, span) => {
          const stream = new RandomSource(seed).stream('check');
          for (let i = 0; i < 20; i++) {
            const f = stream.float();
            expect(f).toBeGreaterThanOrEqual(0);
            expect(f).toBeLessThan(1);
            const n = stream.int(min, min + span);
            expect(Number.isInteger(n) && n >= min && n <= min + span).toBe(true);
          }
        },
      ),
    );
  });

  it('has the right mean for uniform and exponential draws over many samples', () => {
    const stream = new RandomSource(123).stream('moments');
    const n = 200_000;
    let uniform = 0;
    let exponential = 0;
    for (let i = 0; i < n; i++) {
      uniform += stream.float();
      exponential += stream.exponential(3);
    }
    // Standard errors: 0.29/√n ≈ 0.00065 and 3/√n ≈ 0.0067; allow about 5 of them.
    expect(uniform / n).toBeCloseTo(0.5, 2);
    expect(Math.abs(exponential / n - 3)).toBeLessThan(0.035);
  });

  it('rejects seeds that are not whole non-negative numbers, and says what a seed must be', () => {
    expect(() => new RandomSource(-1)).toThrow(/A seed must be a whole number from 0/);
    expect(() => new RandomSource(1.5)).toThrow(/got 1.5/);
  });
});
