// Small statistics used by every collector: means and percentiles of samples.

export interface Distribution {
  readonly n: number;
  readonly mean: number;
  readonly p50: number;
  readonly p85: number;
  readonly p95: number;
  readonly max: number;
}

/** The p-th percentile (0–100) by linear interpolation between closest ranks; 0 for no samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (rank - lo);
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) return 0;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

export function distribution(values: readonly number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    mean: mean(sorted),
    p50: percentile(sorted, 50),
    p85: percentile(sorted, 85),
    p95: percentile(sorted, 95),
    max: sorted.at(-1) ?? 0,
  };
}

/** Rounds for reports: figures keep 2 decimals, so JSON stays readable and stable. */
export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
