// Replication statistics: mean, standard deviation and a Student-t confidence interval, and the
// same for paired differences (common random numbers make strategy comparisons paired).

import { tQuantile } from './t-quantile.ts';

/** The two-sided 95 % Student t quantile for `df` degrees of freedom (exact, any df ≥ 1). */
export function t95(df: number): number {
  if (!(df >= 1)) return Number.NaN;
  return tQuantile(0.975, df);
}

export interface Estimate {
  readonly n: number;
  readonly mean: number;
  readonly sd: number;
  /** Half-width of the 95 % confidence interval of the mean. */
  readonly ci95: number;
}

export function estimate(values: readonly number[]): Estimate {
  const n = values.length;
  const mean = n === 0 ? Number.NaN : values.reduce((a, b) => a + b, 0) / n;
  const sd = n < 2 ? 0 : Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  return { n, mean, sd, ci95: n < 2 ? Number.NaN : t95(n - 1) * (sd / Math.sqrt(n)) };
}

/** The paired difference a − b, replication by replication (same seeds on both sides). */
export function pairedDifference(a: readonly number[], b: readonly number[]): Estimate {
  if (a.length !== b.length)
    throw new RangeError(`Paired samples differ in size: ${a.length} and ${b.length}.`);
  return estimate(a.map((x, i) => x - (b[i] as number)));
}

/** Coefficient of variation: how unevenly a quantity is spread (sd ÷ mean, population sd). */
export function coefficientOfVariation(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  if (mean === 0) return 0;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
  return Math.sqrt(variance) / mean;
}
