import { describe, expect, it } from 'vitest';
import { erlangC, mmcMeanWait } from '../../src/domain/queueing.ts';

describe('Erlang C', () => {
  it('reduces to M/M/1: P(wait) = ρ and Wq = ρ / (μ − λ)', () => {
    expect(erlangC(1, 0.7)).toBeCloseTo(0.7, 12);
    expect(mmcMeanWait(1, 0.5, 1)).toBeCloseTo(1, 12);
  });

  it('matches published values', () => {
    // c = 2, a = 1: C = 1/3; c = 3, a = 2.4 (ρ = 0.8): C ≈ 0.6472.
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 12);
    expect(erlangC(3, 2.4)).toBeCloseTo(0.64719, 4);
    expect(mmcMeanWait(3, 2.4, 1)).toBeCloseTo(1.0787, 3);
  });

  it('refuses an unstable queue', () => {
    expect(() => erlangC(2, 2)).toThrow(/load below the server count/);
  });
});
