import { describe, expect, it } from 'vitest';
import {
  type TokenPricing,
  tokensOf,
  tokensPerHour,
  tokenUse,
  usdPerHour,
} from '../../src/domain/cost.ts';
import { DEFAULT_COST } from '../../src/scenario/defaults.ts';

const split: TokenPricing = {
  ...DEFAULT_COST,
  usdPerMillionInputTokens: 3,
  usdPerMillionOutputTokens: 15,
  outputShare: 0.25,
};

describe('the cost of an hour of work', () => {
  it('follows seed 000: coding light or heavy by complexity, planning is research, the rest review', () => {
    expect(tokenUse('execute', 2)).toBe('lightCoding');
    expect(tokenUse('execute', 3)).toBe('heavyCoding');
    expect(tokenUse('tacticalPlanning', 1)).toBe('research');
    expect(tokenUse('standup', 1)).toBe('review');
    expect(tokensPerHour(DEFAULT_COST, 'execute', 4)).toBe(150_000);
  });

  it('prices input and output tokens apart, and gives a human no tokens at all', () => {
    // 100K tokens/h: 75K input at $3/M + 25K output at $15/M = $0.225 + $0.375 = $0.60, plus $10/h.
    expect(usdPerHour(split, 100_000, 10)).toBeCloseTo(10.6, 12);
    // Two hours of it: 150K input, 50K output.
    expect(tokensOf(split, 2, 100_000)).toEqual({ input: 150_000, output: 50_000, cached: 0 });
    expect(tokensPerHour(null, 'escalation', 1)).toBe(0);
    expect(usdPerHour(split, 0, 40)).toBe(40);
  });

  it('costs exactly what one price per token did when input and output cost the same', () => {
    // 80K tokens/h at $3/M = $0.24/h, bit for bit the old formula.
    expect(usdPerHour(DEFAULT_COST, 80_000, 0)).toBe((80_000 * 3) / 1e6);
  });

  it('prices the input read from the cache at the cache price', () => {
    const cached: TokenPricing = {
      ...split,
      outputShare: 0.2,
      cachedShare: 0.6,
      usdPerMillionCachedInputTokens: 0.3,
    };
    // 100K tokens/h: 80K input, 48K of it from the cache, 32K fresh; 20K output.
    // 32K × $3/M + 48K × $0.30/M + 20K × $15/M = $0.096 + $0.0144 + $0.30 = $0.4104.
    expect(usdPerHour(cached, 100_000, 0)).toBeCloseTo(0.4104, 12);
    expect(tokensOf(cached, 1, 100_000)).toEqual({ input: 80_000, output: 20_000, cached: 48_000 });
  });
});
