import { describe, expect, it } from 'vitest';
import { grouped } from '../../src/text/number.ts';

describe('grouped numbers', () => {
  it('separates thousands with commas and keeps at most three decimals by default', () => {
    expect(grouped(1234567.891234)).toBe('1,234,567.891');
    expect(grouped(12)).toBe('12');
  });

  it('rounds to the decimals asked for, each with its own cached format', () => {
    expect(grouped(1234.56, 1)).toBe('1,234.6');
    expect(grouped(1234.56, 0)).toBe('1,235');
    expect(grouped(0.125, 2)).toBe('0.13');
    // The same digits again, after another count was used, still round the same way.
    expect(grouped(9.99, 1)).toBe('10');
  });

  it('writes what toLocaleString wrote before it, for every digit count reports use', () => {
    for (const digits of [0, 1, 2, 3])
      for (const v of [0, -3.5, 1e6 + 0.05, 42.4242, 999.95])
        expect(grouped(v, digits)).toBe(
          v.toLocaleString('en-US', { maximumFractionDigits: digits }),
        );
  });
});
