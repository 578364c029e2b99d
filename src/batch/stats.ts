// Replication statistics: mean, standard deviation and a Student-t confidence interval, and the
// same for paired differences (common random numbers make strategy comparisons paired).

/** Two-sided 95 % Student t quantiles by degrees of freedom; large samples use the normal 1.96. */
const T95: readonly number[] = [
  Number.NaN,
  12.706,
  4.303,
  3.182,
  2.776,
  2.571,
  2.447,
  2.365,
  2.306,
  2.262,
  2.228,
  2.201,
  2.179,
  2.16,
  2.145,
  2.131,
  2.12,
  2.11,
  2.101,
  2.093,
  2.086,
  2.08,
  2.074,
  2.069,
  2.064,
  2.06,
  2.056,
  2.052,
  2.048,
  2.045,
  2.042,
];

export function t95(df: number): number {
  if (df < 1) return Number.NaN;
  if (df < T95.length) return T95[df] as number;
  if (df <= 40) return 2.021;
  if (df <= 60) return 2.0;
  if (df <= 120) return 1.98;
  return 1.96;
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
