// A sample of replications as the figures a forecast quotes: mean ± 95 % CI (Student t), the
// P50/P85/P95 delivery teams quote, min and max; and counts of categorical results.

import { estimate } from '../batch/stats.ts';
import { percentile, round } from '../collect/stats.ts';

/** Decision reports give figures to 4 decimals: JSON without float noise. */
export const round4 = (v: number) => round(v, 4);

/** A figure over the runs: mean, sd, 95 % CI half-width, P50/P85/P95, min, max. */
export interface SampleSummary {
  readonly n: number;
  readonly mean: number;
  readonly sd: number;
  /** Half-width of the 95 % confidence interval of the mean; null with fewer than 2 runs. */
  readonly ci95: number | null;
  readonly p50: number;
  readonly p85: number;
  readonly p95: number;
  readonly min: number;
  readonly max: number;
}

/** Percentiles interpolate linearly between order statistics (Hyndman & Fan type 7). */
export function summarize(values: readonly number[]): SampleSummary {
  const sorted = [...values].sort((a, b) => a - b);
  const e = estimate(sorted);
  const n = sorted.length;
  const at = (p: number) => (n === 0 ? Number.NaN : round4(percentile(sorted, p)));
  return {
    n,
    mean: round4(e.mean),
    sd: round4(e.sd),
    ci95: Number.isFinite(e.ci95) ? round4(e.ci95) : null,
    p50: at(50),
    p85: at(85),
    p95: at(95),
    min: n === 0 ? Number.NaN : round4(sorted[0] as number),
    max: n === 0 ? Number.NaN : round4(sorted[n - 1] as number),
  };
}

/** How often each value occurs, most frequent first (ties by name). */
export function frequencies(
  values: readonly string[],
): Array<{ value: string; runs: number; share: number }> {
  const count = new Map<string, number>();
  for (const v of values) count.set(v, (count.get(v) ?? 0) + 1);
  return [...count.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([value, runs]) => ({ value, runs, share: round4(runs / values.length) }));
}
