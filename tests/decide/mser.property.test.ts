// MSER-m against a brute-force O(k²) reference in exact arithmetic, and the property that makes
// it a warm-up rule: a long block far from the rest at the start is always cut off.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mserTruncation } from '../../src/decide/mser.ts';

/**
 * MSER-m straight from the definition, every d recomputed from scratch, in exact rationals.
 * With B_j the sum of batch j, T the sum of the n batches left after deleting d:
 * Z_j − Z̄_d = B_j/m − T/(n·m) = (n·B_j − T)/(n·m), so
 * MSER(d) = Σ (Z_j − Z̄_d)² / n² = P_d / (n⁴·m²), P_d = Σ (n·B_j − T)².
 * m² is common to all d, so d is compared on P_d / n⁴ by cross-multiplying. Whole numbers only.
 */
function referenceDeleted(series: readonly number[], m: number): { d: number; k: number } {
  const k = Math.floor(series.length / m);
  if (k < 2) return { d: 0, k };
  const sums: bigint[] = [];
  for (let j = 0; j < k; j++) {
    sums.push(series.slice(j * m, (j + 1) * m).reduce((a, v) => a + BigInt(v), 0n));
  }
  let bestD = -1;
  let bestP = 0n;
  let bestN4 = 1n;
  for (let d = 0; d <= Math.floor(k / 2); d++) {
    const rest = sums.slice(d);
    const n = BigInt(rest.length);
    const total = rest.reduce((a, b) => a + b, 0n);
    const p = rest.reduce((a, b) => a + (n * b - total) ** 2n, 0n);
    const n4 = n ** 4n;
    // Strictly smaller only: an equal later d does not replace an earlier one.
    if (bestD < 0 || p * bestN4 < bestP * n4) {
      bestD = d;
      bestP = p;
      bestN4 = n4;
    }
  }
  return { d: bestD, k };
}

// Small whole numbers make exact ties common (the tie rule gets exercised) and keep every
// MSER(d) a ratio of small integers, so distinct values stay distinct as doubles and the code's
// floating-point comparison has to agree with the exact one.
const smallSeries = fc
  .constantFrom(1, 3, 9)
  .chain((max) => fc.array(fc.integer({ min: 0, max }), { maxLength: 120 }));

describe('MSER-m', () => {
  it('equals the brute-force reference', () => {
    fc.assert(
      fc.property(smallSeries, fc.integer({ min: 1, max: 5 }), (series, m) => {
        const { d, k } = referenceDeleted(series, m);
        const got = mserTruncation(series, m);
        expect(got.batches).toBe(k);
        expect(got.deletedBatches).toBe(d);
        expect(got.observations).toBe(d * m);
        expect(got.reliable).toBe(k >= 2 && d < Math.floor(k / 2));
      }),
      { numRuns: 500, seed: 5 },
    );
  });

  // Why the block is always cut: let the tail be whole numbers in [0, R], R = 9, the block P
  // values of V (far above, or far below: x ↦ R − x maps that case onto this one), and
  // c = ⌈P/m⌉ the first batch free of the block. With at least P + 2m tail values, k ≥ 2c, so
  // d = c is allowed and leaves n ≥ k/2 tail batches: MSER(c) ≤ (R²/4)/n ≤ R²/(2k).
  // Any d < c keeps batch c − 1, whose mean is ≥ V/m, beside ≥ 1 tail batch ≤ R; the spread
  // between those two groups alone gives SSE ≥ (V/m − R)²/2, so MSER(d) ≥ (V/m − R)²/(2k²).
  // That beats R²/(2k) once V/m − R > R·√k: with m ≤ 5 and k ≤ 100 (at most 100 values),
  // V > 5·9·(1 + √100) = 495 is enough, and V = ±10 000 is far beyond it.
  it('cuts off a long block far from the rest', () => {
    const far = 10_000;
    const drawn = fc
      .record({
        m: fc.integer({ min: 1, max: 5 }),
        block: fc.integer({ min: 1, max: 40 }),
        above: fc.boolean(),
        tail: fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 60 }),
        pad: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 90, maxLength: 90 }),
      })
      // The tail needs at least block + 2m values; `pad` tops it up so every draw is usable.
      .map(({ m, block, above, tail, pad }) => ({
        m,
        block,
        value: above ? far : -far,
        tail: [...tail, ...pad.slice(0, Math.max(0, block + 2 * m - tail.length))],
      }));
    fc.assert(
      fc.property(drawn, ({ m, block, value, tail }) => {
        const series = [...Array<number>(block).fill(value), ...tail];
        const got = mserTruncation(series, m);
        expect(got.observations).toBeGreaterThanOrEqual(block);
        expect(got.deletedBatches).toBe(referenceDeleted(series, m).d);
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});
