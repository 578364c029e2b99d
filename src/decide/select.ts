// Which variants cannot be told from the best: the screening procedure of Nelson, Swann, Goldsman
// and Song (2001, "Simple procedures for selecting the best simulated system when the number of
// alternatives is large", Operations Research 49(6)), valid under common random numbers. Lower is
// better. Variant i stays in the subset when, against every other j, its mean is at most j's plus
// W_ij = t(1 − α/(k−1), n−1) · S_ij / √n, with S_ij the standard deviation of the paired
// differences i − j; the subset holds the best with probability at least 1 − α.

import { estimate } from '../batch/stats.ts';
import { tQuantile } from '../batch/t-quantile.ts';

/** Indexes of the variants in the subset; `samples[i][r]` is variant i's replication r. */
export function subsetOfBest(samples: readonly (readonly number[])[], alpha = 0.05): number[] {
  const k = samples.length;
  const n = samples[0]?.length ?? 0;
  if (k <= 1 || n < 2) return samples.map((_, i) => i);
  const t = tQuantile(1 - alpha / (k - 1), n - 1);
  const means = samples.map((s) => estimate(s).mean);
  const kept: number[] = [];
  for (let i = 0; i < k; i++) {
    let stays = true;
    for (let j = 0; j < k && stays; j++) {
      if (i === j) continue;
      const a = samples[i] as readonly number[];
      const b = samples[j] as readonly number[];
      const sd = estimate(a.map((x, r) => x - (b[r] as number))).sd;
      const w = (t * sd) / Math.sqrt(n);
      stays = (means[i] as number) <= (means[j] as number) + w;
    }
    if (stays) kept.push(i);
  }
  return kept;
}
