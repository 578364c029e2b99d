// A model's window of the last minute, against a brute-force reading of its rule: a request is
// admitted exactly when, with it, no minute ending at its instant holds more requests or tokens
// than the limits; a refused request's `freeAt` is the first instant it would fit.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EDGE,
  MINUTE,
  type Refusal,
  type RequestLimits,
  RequestWindow,
  requestThrough,
} from '../../src/domain/rate-limit.ts';

interface Admitted {
  readonly t: number;
  readonly size: number;
}

/**
 * The requests and tokens admitted in the minute ending at `t`: those at s with s ≤ t and
 * t − s under a minute less EDGE (3.6 µs, so that a minute's rounding is a minute).
 */
function inMinute(admitted: readonly Admitted[], t: number): { count: number; tokens: number } {
  let count = 0;
  let tokens = 0;
  for (const a of admitted)
    if (a.t <= t && a.t + MINUTE - EDGE > t) {
      count += 1;
      tokens += a.size;
    }
  return { count, tokens };
}

function fits(limits: RequestLimits, admitted: readonly Admitted[], t: number, size: number) {
  const { count, tokens } = inMinute(admitted, t);
  return (
    (limits.requestsPerMinute === null || count + 1 <= limits.requestsPerMinute) &&
    (limits.tokensPerMinute === null || tokens + size <= limits.tokensPerMinute)
  );
}

const limitsArb = fc.record({
  requestsPerMinute: fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }),
  tokensPerMinute: fc.option(fc.integer({ min: 100, max: 600 }), { nil: null }),
});

/** Requests as gaps from the one before (often none: several at one instant) and sizes. */
const requestsArb = fc.array(
  fc.record({
    gap: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 2 * MINUTE, noNaN: true })),
    size: fc.integer({ min: 1, max: 100 }),
  }),
  { minLength: 1, maxLength: 80 },
);

/**
 * Sends `requests` through a new window at their times; `each` sees every request, its refusal
 * (null: admitted) and the admissions before it. Returns the admissions.
 */
function sendAll(
  limits: RequestLimits,
  requests: ReadonlyArray<{ gap: number; size: number }>,
  each: (t: number, size: number, refusal: Refusal | null, before: readonly Admitted[]) => void,
): Admitted[] {
  const window = new RequestWindow(limits);
  const admitted: Admitted[] = [];
  let t = 0;
  for (const { gap, size } of requests) {
    t += gap;
    const refusal = window.request(t, size);
    each(t, size, refusal, admitted);
    if (refusal === null) admitted.push({ t, size });
  }
  return admitted;
}

describe('a model’s window of the last minute', () => {
  it('admits a request exactly when it fits the minute before it, and never more than the limits in any minute', () => {
    fc.assert(
      fc.property(limitsArb, requestsArb, (limits, requests) => {
        const admitted = sendAll(limits, requests, (t, size, refusal, before) =>
          expect(refusal === null).toBe(fits(limits, before, t, size)),
        );
        // Any minute's worst moment is an admission: check the minute ending at each.
        for (const a of admitted) {
          const { count, tokens } = inMinute(admitted, a.t);
          if (limits.requestsPerMinute !== null)
            expect(count).toBeLessThanOrEqual(limits.requestsPerMinute);
          if (limits.tokensPerMinute !== null)
            expect(tokens).toBeLessThanOrEqual(limits.tokensPerMinute);
        }
      }),
    );
  });

  it('tells a refused request the first instant it fits, and which limit refused it', () => {
    fc.assert(
      fc.property(limitsArb, requestsArb, (limits, requests) => {
        sendAll(limits, requests, (t, size, refusal, admitted) => {
          if (refusal === null) return;
          expect(refusal.freeAt).toBeGreaterThan(t);
          // It fits at freeAt; it fits at no instant between now and then.
          expect(fits(limits, admitted, refusal.freeAt, size)).toBe(true);
          const before = [t, ...admitted.map((a) => a.t + MINUTE - EDGE)].filter(
            (s) => s >= t && s < refusal.freeAt,
          );
          for (const s of before) expect(fits(limits, admitted, s, size)).toBe(false);
          const { count } = inMinute(admitted, t);
          const overRequests =
            limits.requestsPerMinute !== null && count + 1 > limits.requestsPerMinute;
          expect(refusal.limit).toBe(overRequests ? 'requests' : 'tokens');
        });
      }),
    );
  });

  it('works two small cases by hand', () => {
    // Two requests a minute: a third in the first minute waits for the first to leave.
    const requests = new RequestWindow({ requestsPerMinute: 2, tokensPerMinute: null });
    expect(requests.request(0, 30)).toBeNull();
    expect(requests.request(0.5 * MINUTE, 30)).toBeNull();
    const third = requests.request(0.75 * MINUTE, 10);
    expect(third?.limit).toBe('requests');
    expect(third?.freeAt).toBeCloseTo(MINUTE, 8);
    expect(requests.request(MINUTE, 10)).toBeNull();
    // 100 tokens a minute: 60 then 50 is 110; 40 still fits; at one minute the 60 has left.
    const tokens = new RequestWindow({ requestsPerMinute: null, tokensPerMinute: 100 });
    expect(tokens.request(0, 60)).toBeNull();
    const second = tokens.request(0.5 * MINUTE, 50);
    expect(second?.limit).toBe('tokens');
    expect(second?.freeAt).toBeCloseTo(MINUTE, 8);
    expect(tokens.request(0.5 * MINUTE, 40)).toBeNull();
    expect(tokens.request(MINUTE, 50)).toBeNull();
    // 40 + 50 in the window: 20 more waits for the 40 to leave, half a minute on.
    const fourth = tokens.request(MINUTE, 20);
    expect(fourth?.limit).toBe('tokens');
    expect(fourth?.freeAt).toBeCloseTo(1.5 * MINUTE, 8);
    expect(tokens.request(1.5 * MINUTE, 20)).toBeNull();
  });

  it('keeps no more than the last minute of a long run', () => {
    const window = new RequestWindow({ requestsPerMinute: 1, tokensPerMinute: null });
    // A request every minute for a week: each is admitted, the one before having just left.
    for (let i = 0; i < 7 * 24 * 60; i++) expect(window.request(i * MINUTE, 1)).toBeNull();
    const entries = (window as unknown as { times: number[]; head: number }).times.length;
    expect(entries).toBeLessThan(3000);
  });
});

describe('a provider’s window, shared by its models', () => {
  it('admits a request exactly when it fits its model’s minute and the provider’s, and counts it in both', () => {
    fc.assert(
      fc.property(
        fc.array(limitsArb, { minLength: 2, maxLength: 3 }),
        limitsArb,
        fc.array(
          fc.record({
            model: fc.nat(2),
            gap: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 2 * MINUTE, noNaN: true })),
            size: fc.integer({ min: 1, max: 100 }),
          }),
          { minLength: 1, maxLength: 80 },
        ),
        (models, provider, requests) => {
          const own = models.map((l) => new RequestWindow(l));
          const shared = new RequestWindow(provider);
          const admitted: Array<Admitted & { model: number }> = [];
          let t = 0;
          for (const r of requests) {
            t += r.gap;
            const m = r.model % models.length;
            const refusal = requestThrough([own[m] as RequestWindow, shared], t, r.size);
            const mine = admitted.filter((a) => a.model === m);
            const fitsBoth =
              fits(models[m] as RequestLimits, mine, t, r.size) &&
              fits(provider, admitted, t, r.size);
            expect(refusal === null).toBe(fitsBoth);
            if (refusal !== null) {
              // The window that refused is one the request does not fit.
              const refuser = refusal.window === 0 ? (models[m] as RequestLimits) : provider;
              expect(fits(refuser, refusal.window === 0 ? mine : admitted, t, r.size)).toBe(false);
            } else admitted.push({ t, size: r.size, model: m });
          }
          for (const a of admitted) {
            const all = inMinute(admitted, a.t);
            if (provider.requestsPerMinute !== null)
              expect(all.count).toBeLessThanOrEqual(provider.requestsPerMinute);
            if (provider.tokensPerMinute !== null)
              expect(all.tokens).toBeLessThanOrEqual(provider.tokensPerMinute);
            const l = models[a.model] as RequestLimits;
            const one = inMinute(
              admitted.filter((x) => x.model === a.model),
              a.t,
            );
            if (l.requestsPerMinute !== null)
              expect(one.count).toBeLessThanOrEqual(l.requestsPerMinute);
            if (l.tokensPerMinute !== null)
              expect(one.tokens).toBeLessThanOrEqual(l.tokensPerMinute);
          }
        },
      ),
    );
  });
});
