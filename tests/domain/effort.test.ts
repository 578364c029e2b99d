// Drawing real effort: the parametric distributions keep their draws, and an empirical one
// replays a team's own history of actual ÷ estimate, as given.

import { describe, expect, it } from 'vitest';
import { drawEffort, type EffortModel } from '../../src/domain/effort.ts';
import { RandomStream } from '../../src/kernel/random.ts';

const SEED = 20261201;
const draws = (model: EffortModel, estimate: number, n: number, name = 'effort') => {
  const random = new RandomStream(SEED, name);
  return Array.from({ length: n }, () => drawEffort(model, estimate, random));
};
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('empirical effort from samples', () => {
  const model: EffortModel = { kind: 'empirical', samples: [1, 2] };

  it('draws each sample with equal odds, not rescaled to mean 1', () => {
    // A draw is 1 or 2 with odds ½ each: mean 1.5, standard deviation 0.5. The mean of 10⁵ draws
    // has a standard deviation of 0.5 / √10⁵ ≈ 0.0016, so ± 0.01 is over 6 of them: a correct
    // draw misses it about once in 10⁹ seeds, and a draw rescaled to mean 1 never meets it.
    const xs = draws(model, 1, 100_000);
    expect(Math.abs(mean(xs) - 1.5)).toBeLessThan(0.01);
    expect(new Set(xs)).toEqual(new Set([1, 2]));
  });

  it('uses one float per draw, the sample at floor(u × n), times the estimate', () => {
    const samples = [0.8, 1.1, 1.7];
    const twin = new RandomStream(SEED, 'effort');
    for (const x of draws({ kind: 'empirical', samples }, 4, 50)) {
      expect(x).toBe(4 * (samples[Math.floor(twin.float() * 3)] as number));
    }
  });
});

describe('empirical effort from a histogram', () => {
  it('never draws outside the one bin there is, and covers it', () => {
    const xs = draws({ kind: 'empirical', bins: [{ from: 2, to: 3, weight: 1 }] }, 1, 10_000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...xs)).toBeLessThan(3);
    // 10⁴ uniform draws leave no gap of 0.01 at either end but with odds 0.99¹⁰⁰⁰⁰ ≈ 10⁻⁴⁴.
    expect(Math.min(...xs)).toBeLessThan(2.01);
    expect(Math.max(...xs)).toBeGreaterThan(2.99);
  });

  it('picks a bin by weight with one float and places the ratio in it with a second', () => {
    const bins = [
      { from: 0.5, to: 1, weight: 1 },
      { from: 1, to: 2, weight: 3 },
    ];
    const twin = new RandomStream(SEED, 'effort');
    for (const x of draws({ kind: 'empirical', bins }, 10, 50)) {
      const pick = twin.float() * 4;
      const bin = pick < 1 ? { from: 0.5, to: 1 } : { from: 1, to: 2 };
      expect(x).toBe(10 * (bin.from + twin.float() * (bin.to - bin.from)));
    }
  });

  it('draws a bin as often as its weight says', () => {
    // A share of ¼ over 10⁵ draws has a standard deviation of √(¼·¾ / 10⁵) ≈ 0.0014.
    const bins = [
      { from: 0.5, to: 1, weight: 1 },
      { from: 1, to: 2, weight: 3 },
    ];
    const xs = draws({ kind: 'empirical', bins }, 1, 100_000);
    const low = xs.filter((x) => x < 1).length / xs.length;
    expect(Math.abs(low - 0.25)).toBeLessThan(0.01);
  });
});

describe('seeded effort', () => {
  const models: EffortModel[] = [
    { kind: 'empirical', samples: [0.9, 1.3, 2.2] },
    { kind: 'empirical', bins: [{ from: 1, to: 1.5, weight: 2 }] },
    { kind: 'lognormal', sigma: 0.3 },
  ];
  for (const model of models) {
    it(`gives the same ${model.kind} draws from the same stream twice`, () => {
      expect(draws(model, 6, 100, 'task/T-1')).toEqual(draws(model, 6, 100, 'task/T-1'));
      expect(draws(model, 6, 100, 'task/T-1')).not.toEqual(draws(model, 6, 100, 'task/T-2'));
    });
  }
});
