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

describe('parametric effort, draw by draw', () => {
  it('draws an exponential effort with the estimate as its mean, from one float', () => {
    const twin = new RandomStream(SEED, 'effort');
    for (const x of draws({ kind: 'exponential' }, 3, 50)) {
      expect(x).toBe(-3 * Math.log(1 - twin.float()));
    }
  });

  it('draws a uniform effort on [1 − spread, 1 + spread] × estimate, from one float', () => {
    const twin = new RandomStream(SEED, 'effort');
    for (const x of draws({ kind: 'uniform', spread: 0.5 }, 8, 50)) {
      expect(x).toBe(8 * (1 + 0.5 * (2 * twin.float() - 1)));
    }
  });

  it('draws a triangular effort as the mean of two floats, centred on the estimate', () => {
    const twin = new RandomStream(SEED, 'effort');
    for (const x of draws({ kind: 'triangular', spread: 0.4 }, 5, 50)) {
      const u = (twin.float() + twin.float()) / 2;
      expect(x).toBe(5 * (1 + 0.4 * (2 * u - 1)));
    }
  });

  it('keeps uniform and triangular efforts within their spread and their mean at the estimate', () => {
    for (const kind of ['uniform', 'triangular'] as const) {
      const xs = draws({ kind, spread: 0.5 }, 10, 20_000);
      expect(Math.min(...xs)).toBeGreaterThanOrEqual(5);
      expect(Math.max(...xs)).toBeLessThanOrEqual(15);
      // Standard deviation of a uniform on [5, 15]: 10/√12 ≈ 2.9; of the mean of 2·10⁴: 0.02.
      expect(Math.abs(mean(xs) - 10)).toBeLessThan(0.15);
    }
  });
});

describe('histogram bins at their edges', () => {
  /** A stream whose floats are given: the first picks the bin, the second places the ratio. */
  const fixed = (...floats: number[]) => {
    let i = 0;
    return { float: () => floats[i++] as number } as unknown as RandomStream;
  };
  const bins = [
    { from: 1, to: 2, weight: 1 },
    { from: 2, to: 3, weight: 1 },
    { from: 3, to: 4, weight: 1 },
  ];

  it('puts a draw exactly on the edge between two bins in the upper one', () => {
    // u = 1/3 of a total weight 3 is 1: not below the first bin's weight 1, so the second bin.
    expect(drawEffort({ kind: 'empirical', bins }, 1, fixed(1 / 3, 0))).toBe(2);
  });

  it('walks the bins by taking each weight off what is left', () => {
    // u = 0.5: 1.5 left; past the first bin (0.5 left), inside the second.
    expect(drawEffort({ kind: 'empirical', bins }, 1, fixed(0.5, 0.5))).toBe(2.5);
    // u just below 1: past the first two, inside the third.
    expect(drawEffort({ kind: 'empirical', bins }, 2, fixed(0.99, 0))).toBe(6);
    // u = 0: the first bin.
    expect(drawEffort({ kind: 'empirical', bins }, 1, fixed(0, 0.25))).toBe(1.25);
  });
});
