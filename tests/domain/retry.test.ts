// What an agent waits after a 429: the SDKs' backoff (0.5 s doubling to 8 s, a quarter off at
// random), a retry-after of up to a minute waited out instead, and the end of the retries.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  exhausted,
  type RetryPolicy,
  retryDelaySeconds,
  SDK_RETRY,
} from '../../src/domain/retry.ts';

const noHeader = 0;

describe('the retry policy', () => {
  it('doubles from half a second to at most 8, a quarter off at random (the SDKs’)', () => {
    const none = [1, 2, 3, 4, 5, 6].map((k) => retryDelaySeconds(SDK_RETRY, k, noHeader, 0));
    expect(none).toEqual([0.5, 1, 2, 4, 8, 8]);
    // u = 0.5 takes an eighth off: 0.4375, 0.875, …
    const half = [1, 2, 5].map((k) => retryDelaySeconds(SDK_RETRY, k, noHeader, 0.5));
    expect(half).toEqual([0.4375, 0.875, 7]);
  });

  it('waits out a retry-after of up to 60 s, and falls back to the backoff past it or when told to', () => {
    expect(retryDelaySeconds(SDK_RETRY, 1, 37, 0.9)).toBe(37);
    expect(retryDelaySeconds(SDK_RETRY, 1, 60, 0.9)).toBe(60);
    expect(retryDelaySeconds(SDK_RETRY, 2, 61, 0)).toBe(1);
    const ignoring: RetryPolicy = { ...SDK_RETRY, retryAfter: false };
    expect(retryDelaySeconds(ignoring, 3, 37, 0)).toBe(2);
  });

  it('gives up after maxRetries retries when the policy fails, never when it waits', () => {
    expect([1, 2, 3].map((k) => exhausted(SDK_RETRY, k))).toEqual([false, false, true]);
    const waiting: RetryPolicy = { ...SDK_RETRY, onExhausted: 'wait' };
    expect(exhausted(waiting, 1000)).toBe(false);
    expect(exhausted({ ...SDK_RETRY, maxRetries: 0 }, 1)).toBe(true);
  });

  it('keeps every backoff between (1 − jitter) and 1 times the capped doubling', () => {
    fc.assert(
      fc.property(
        fc.record({
          maxRetries: fc.integer({ min: 0, max: 20 }),
          baseSeconds: fc.double({ min: 0.01, max: 10, noNaN: true }),
          maxSeconds: fc.double({ min: 0.01, max: 120, noNaN: true }),
          jitter: fc.double({ min: 0, max: 1, noNaN: true }),
          retryAfter: fc.constant(false),
          onExhausted: fc.constantFrom('fail' as const, 'wait' as const),
        }),
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (policy, retry, u) => {
          const ceiling = Math.min(policy.maxSeconds, policy.baseSeconds * 2 ** (retry - 1));
          const wait = retryDelaySeconds(policy, retry, 5, u);
          expect(wait).toBeLessThanOrEqual(ceiling);
          expect(wait).toBeGreaterThanOrEqual(ceiling * (1 - policy.jitter) * (1 - 1e-12));
          expect(wait).toBeGreaterThan(0);
        },
      ),
    );
  });
});
