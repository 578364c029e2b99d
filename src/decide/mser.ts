// MSER-m warm-up truncation (White 1997; White, Cobb & Spratt 2000; Hoad, Robinson & Davies 2010):
// how many early observations of a run to discard so the kept ones describe the settled org, and
// whether that answer can be trusted.

export interface MserResult {
  /** The truncation point in original observations: deletedBatches × batchSize. */
  readonly observations: number;
  /** Complete batches formed; an incomplete last batch is dropped. */
  readonly batches: number;
  /** d, the number of leading batches to delete. */
  readonly deletedBatches: number;
  /**
   * False when the minimum falls on the largest allowed d (⌊k/2⌋) or there are fewer than 2
   * batches: the series is too short or has not settled, so the truncation is not to be trusted.
   */
  readonly reliable: boolean;
}

/**
 * MSER-m: batch the series into means of m (drop the incomplete last batch), then choose d, the
 * number of batches to delete (0 ≤ d ≤ ⌊k/2⌋), minimising
 * MSER(d) = Σ_{j>d} (Z_j − Z̄_d)² / (k − d)², Z̄_d the mean of the remaining batches.
 * Ties go to the smallest d. Fewer than 2 batches: nothing deleted, not reliable.
 */
export function mserTruncation(series: readonly number[], batchSize = 5): MserResult {
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`MSER needs a positive whole batch size, not ${batchSize}.`);
  }
  for (const v of series) {
    if (!Number.isFinite(v)) throw new RangeError(`MSER needs finite observations, not ${v}.`);
  }
  const k = Math.floor(series.length / batchSize);
  if (k < 2) return { observations: 0, batches: k, deletedBatches: 0, reliable: false };
  const maxDeleted = Math.floor(k / 2);

  // One pass from the last batch back, keeping suffix sums, so every MSER(d) costs O(1).
  // The sums are of batch SUMS B_j rather than means, shifted by the last batch's sum: with
  // S1 = Σ (B_j − B_k) and S2 = Σ (B_j − B_k)² over the n batches left after deleting d,
  // m²·MSER(d) = (n·S2 − S1²)/n³, and comparing that picks the same d. Not dividing by m keeps whole-number data exact (so ties stay ties), and the shift
  // keeps n·S2 − S1² from cancelling catastrophically when the values are large but settled.
  const shift = batchSum(series, k - 1, batchSize);
  let s1 = 0;
  let s2 = 0;
  let best = Number.POSITIVE_INFINITY;
  let bestD = 0;
  for (let j = k - 1; j >= 0; j--) {
    const b = batchSum(series, j, batchSize) - shift;
    s1 += b;
    s2 += b * b;
    if (j > maxDeleted) continue;
    const n = k - j;
    // Rounding can push a tiny spread below zero; it is zero.
    const value = Math.max(0, n * s2 - s1 * s1) / (n * n * n);
    // Walking d downwards, `<=` lets the smaller d win a tie.
    if (value <= best) {
      best = value;
      bestD = j;
    }
  }
  return {
    observations: bestD * batchSize,
    batches: k,
    deletedBatches: bestD,
    reliable: bestD < maxDeleted,
  };
}

function batchSum(series: readonly number[], batch: number, batchSize: number): number {
  let sum = 0;
  const start = batch * batchSize;
  for (let i = start; i < start + batchSize; i++) sum += series[i] as number;
  return sum;
}

/**
 * The warm-up to discard, in simulated hours: MSER-m over the values of points in time order
 * (t = the hour an observation started, e.g. a task's arrival; value = e.g. its wait). The answer
 * is the t of the first kept observation, or 0 when nothing is deleted.
 */
export function suggestedWarmupHours(
  points: ReadonlyArray<{ readonly t: number; readonly value: number }>,
  batchSize = 5,
): { hours: number; reliable: boolean } {
  let previous = Number.NEGATIVE_INFINITY;
  for (const [i, p] of points.entries()) {
    // Out of order, "the first kept observation" would not mark where the warm-up ends.
    if (p.t < previous) {
      throw new RangeError(`Warm-up points must be in time order; point ${i} goes back in time.`);
    }
    previous = p.t;
  }
  const { observations, reliable } = mserTruncation(
    points.map((p) => p.value),
    batchSize,
  );
  // observations ≤ ⌊k/2⌋·m < the number of points, so the first kept point exists.
  const hours = observations === 0 ? 0 : (points[observations]?.t ?? 0);
  return { hours, reliable };
}
