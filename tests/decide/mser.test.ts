// MSER-5 warm-up truncation on series small enough to work out by hand: every expected number
// below comes from the arithmetic in the comments, not from running the code under test.

import { describe, expect, it } from 'vitest';
import { mserTruncation, suggestedWarmupHours } from '../../src/decide/mser.ts';

/** 10 observations at 100, then 40 alternating 1, 2, 1, 2, … (50 in all). */
function highThenSettled(): number[] {
  return [...Array<number>(10).fill(100), ...Array.from({ length: 40 }, (_, i) => 1 + (i % 2))];
}

describe('mserTruncation', () => {
  it('deletes nothing from a constant series', () => {
    // Every batch mean is 7, so MSER(d) = 0 for every d; the tie goes to d = 0.
    // 20 values / 5 = 4 batches; d may go up to ⌊4/2⌋ = 2, and 0 < 2, so the answer is reliable.
    expect(mserTruncation(Array<number>(20).fill(7))).toEqual({
      observations: 0,
      batches: 4,
      deletedBatches: 0,
      reliable: true,
    });
    // The same with batch size 1: 20 batches, d ≤ 10.
    expect(mserTruncation(Array<number>(20).fill(7), 1)).toEqual({
      observations: 0,
      batches: 20,
      deletedBatches: 0,
      reliable: true,
    });
  });

  it('cuts a single high first value with batch size 1', () => {
    // Z = 10, 0, 0, 0, 0, 0: k = 6, d ≤ 3.
    // d = 0: n = 6, mean 10/6 = 5/3, SSE = 100 − 6·(5/3)² = 100 − 50/3 = 250/3,
    //        MSER = (250/3)/36 ≈ 2.31.
    // d = 1, 2, 3: all zeros left, MSER = 0. Minimum 0, smallest d = 1 → 1 observation.
    expect(mserTruncation([10, 0, 0, 0, 0, 0], 1)).toEqual({
      observations: 1,
      batches: 6,
      deletedBatches: 1,
      reliable: true,
    });
  });

  it('cuts 10 high observations off 40 settled ones with batch size 5', () => {
    // Batches of 5: Z1 = Z2 = 100; then 1,2,1,2,1 → 7/5 = 1.4 and 2,1,2,1,2 → 8/5 = 1.6,
    // alternating: Z3..Z10 = 1.4, 1.6, 1.4, 1.6, 1.4, 1.6, 1.4, 1.6. k = 10, d ≤ 5.
    // d = 0: ΣZ = 200 + 12 = 212, ΣZ² = 20000 + 4·1.96 + 4·2.56 = 20018.08,
    //        SSE = 20018.08 − 212²/10 = 15523.68, MSER = 15523.68/10² ≈ 155.24.
    // d = 1: ΣZ = 112, ΣZ² = 10018.08, SSE = 10018.08 − 112²/9 ≈ 8624.30, MSER ≈ 8624.30/81 ≈ 106.5.
    // From d = 2 on only 1.4s and 1.6s are left; with n1 and n2 of each,
    // SSE = (n1·n2/n)·0.2² = 0.04·n1·n2/n:
    // d = 2: n = 8 (4 + 4): SSE = 0.04·16/8 = 0.08,   MSER = 0.08/64 = 0.00125.
    // d = 3: n = 7 (4 + 3): SSE = 0.04·12/7 ≈ 0.0686, MSER ≈ 0.0686/49 ≈ 0.00140.
    // d = 4: n = 6 (3 + 3): SSE = 0.04·9/6 = 0.06,   MSER = 0.06/36 ≈ 0.00167.
    // d = 5: n = 5 (3 + 2): SSE = 0.04·6/5 = 0.048,  MSER = 0.048/25 = 0.00192.
    // Minimum at d = 2 → 2·5 = 10 observations; 2 < 5, so reliable.
    expect(mserTruncation(highThenSettled())).toEqual({
      observations: 10,
      batches: 10,
      deletedBatches: 2,
      reliable: true,
    });
  });

  it('flags a minimum on the boundary ⌊k/2⌋ as unreliable', () => {
    // Z = 1..6, batch size 1: k = 6, d ≤ 3. n consecutive integers have SSE = n(n² − 1)/12,
    // so MSER = (n² − 1)/(12n): n = 6 → 35/72 ≈ 0.486, 5 → 24/60 = 0.4, 4 → 15/48 ≈ 0.3125,
    // 3 → 8/36 ≈ 0.222. Still falling at d = 3, the largest allowed: the series never settles.
    expect(mserTruncation([1, 2, 3, 4, 5, 6], 1)).toEqual({
      observations: 3,
      batches: 6,
      deletedBatches: 3,
      reliable: false,
    });
  });

  it('gives the same answers when every value is lifted by 1e12', () => {
    // MSER(d) is unchanged by adding a constant, and 1e12 + a small whole number is still exact
    // as a double. Summed naively, the squares (~1e24 and up) would keep no units at all and
    // every spread would read as noise; the answers must be those worked out above.
    const lift = (series: number[]) => series.map((v) => v + 1e12);
    expect(mserTruncation(lift(highThenSettled())).deletedBatches).toBe(2);
    expect(mserTruncation(lift([10, 0, 0, 0, 0, 0]), 1).deletedBatches).toBe(1);
    expect(mserTruncation(lift([1, 2, 3, 4, 5, 6]), 1).deletedBatches).toBe(3);
    expect(mserTruncation(lift([1, 2, 1, 0]), 1).deletedBatches).toBe(0);
  });

  it('refuses to judge fewer than 2 batches', () => {
    // 9 values / 5 = 1 complete batch (the other 4 are dropped).
    expect(mserTruncation([9, 8, 7, 6, 5, 4, 3, 2, 1])).toEqual({
      observations: 0,
      batches: 1,
      deletedBatches: 0,
      reliable: false,
    });
    expect(mserTruncation([])).toEqual({
      observations: 0,
      batches: 0,
      deletedBatches: 0,
      reliable: false,
    });
  });

  it('breaks a tie towards the smallest d', () => {
    // Z = 1, 2, 1, 0, batch size 1: k = 4, d ≤ 2.
    // d = 0: mean 1, SSE = 0 + 1 + 0 + 1 = 2, MSER = 2/16 = 0.125.
    // d = 1: 2, 1, 0, mean 1, SSE = 2, MSER = 2/9 ≈ 0.222.
    // d = 2: 1, 0, mean 0.5, SSE = 0.5, MSER = 0.5/4 = 0.125.
    // d = 0 and d = 2 tie at 0.125: take d = 0, which is also off the boundary, so reliable.
    expect(mserTruncation([1, 2, 1, 0], 1)).toEqual({
      observations: 0,
      batches: 4,
      deletedBatches: 0,
      reliable: true,
    });
  });

  it('drops the incomplete last batch', () => {
    // 23 values / 5 = 4 batches of 4s; the last 3 values (1000s) are no batch's and so unseen.
    // All batch means are 4 → MSER = 0 everywhere → d = 0. Had the 1000s formed a 5th batch,
    // the spread would not be zero.
    const series = [...Array<number>(20).fill(4), 1000, 1000, 1000];
    expect(mserTruncation(series)).toEqual({
      observations: 0,
      batches: 4,
      deletedBatches: 0,
      reliable: true,
    });
    // highThenSettled() is 50 values, 10 batches; 4 more make 54, still ⌊54/5⌋ = 10 batches, so
    // the 500s are dropped and the answer is the one worked out above for the 50.
    expect(mserTruncation([...highThenSettled(), 500, 500, 500, 500])).toEqual({
      observations: 10,
      batches: 10,
      deletedBatches: 2,
      reliable: true,
    });
  });

  it('rejects a batch size that is not a positive whole number, and non-finite values', () => {
    expect(() => mserTruncation([1, 2, 3], 0)).toThrow(RangeError);
    expect(() => mserTruncation([1, 2, 3], 2.5)).toThrow(RangeError);
    expect(() => mserTruncation([1, Number.NaN, 3], 1)).toThrow(RangeError);
    expect(() => mserTruncation([1, Number.POSITIVE_INFINITY, 3], 1)).toThrow(RangeError);
  });
});

describe('suggestedWarmupHours', () => {
  it('is the start of the first kept observation', () => {
    // Observations start every 2 hours: point i at t = 2i. MSER-5 deletes 10 (see above), so
    // the first kept one is point 10, at t = 20.
    const points = highThenSettled().map((value, i) => ({ t: 2 * i, value }));
    expect(suggestedWarmupHours(points)).toEqual({ hours: 20, reliable: true });
  });

  it('is 0 when nothing is deleted', () => {
    // Constant values: d = 0, even though the first observation starts at hour 3.
    const points = Array.from({ length: 20 }, (_, i) => ({ t: 3 + i, value: 5 }));
    expect(suggestedWarmupHours(points)).toEqual({ hours: 0, reliable: true });
  });

  it('passes on an unreliable answer', () => {
    // Values 1..6, batch size 1: d = 3 on the boundary (see above); point 3 starts at 3.5.
    const points = [1, 2, 3, 4, 5, 6].map((value, i) => ({ t: i + 0.5, value }));
    expect(suggestedWarmupHours(points, 1)).toEqual({ hours: 3.5, reliable: false });
    expect(suggestedWarmupHours([])).toEqual({ hours: 0, reliable: false });
  });

  it('rejects points out of time order', () => {
    const points = [
      { t: 0, value: 1 },
      { t: 2, value: 1 },
      { t: 1, value: 1 },
    ];
    expect(() => suggestedWarmupHours(points, 1)).toThrow(RangeError);
  });
});
