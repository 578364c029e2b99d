// A model's rate limits: requests and tokens a minute, shared by every agent on the model, kept as
// a sliding window of the requests admitted in the last minute (a minute short by EDGE). A
// request is admitted only if, with it, the minute before it holds no more requests and tokens
// than the limits allow; refused, it learns when it could go (the provider's retry-after).
// Sliding, not a refilling bucket: a refilling bucket may admit up to twice its limit within one
// minute, and users read "50 requests a minute" as "never more than 50 in any minute".

import type { Hours } from '../kernel/time.ts';

/** One minute, in the simulation's hours. */
export const MINUTE: Hours = 1 / 60;

export interface RequestLimits {
  /** Requests admitted in any minute, at most; null: no limit. */
  readonly requestsPerMinute: number | null;
  /** Tokens (input and output) admitted in any minute, at most; null: no limit. */
  readonly tokensPerMinute: number | null;
}

/** Why a request was refused (a 429), and the first instant it would be admitted. */
export interface Refusal {
  readonly limit: 'requests' | 'tokens';
  readonly freeAt: Hours;
}

/**
 * How much short of a minute an entry leaves the window: 3.6 µs, far below anything a provider
 * measures, so that a request one minute after another (to a rounding of the clock's arithmetic)
 * finds it gone.
 */
export const EDGE: Hours = 1e-9;

/** When an entry admitted at `at` leaves the window: one expression, used for both checks. */
export function leavesAt(at: Hours): Hours {
  return at + MINUTE - EDGE;
}

export class RequestWindow {
  private times: Hours[] = [];
  private sizes: number[] = [];
  private head = 0;
  /** Tokens admitted in the window; whole numbers, so the sum is exact. */
  private tokens = 0;

  constructor(readonly limits: RequestLimits) {
    const tpm = limits.tokensPerMinute;
    if (tpm !== null && !(tpm >= 0))
      throw new RangeError(`tokensPerMinute must be ≥ 0, got ${tpm}`);
  }

  /**
   * A request of `size` tokens at `now` (never earlier than the last one): admitted (null), or
   * refused with the limit it would break and when it could go. A request larger than the token
   * limit could never go: the caller refuses such a model at load.
   */
  request(now: Hours, size: number): Refusal | null {
    const refusal = this.check(now, size);
    if (refusal === null) this.admit(now, size);
    return refusal;
  }

  /** Whether a request of `size` at `now` would go (null), without sending it. */
  check(now: Hours, size: number): Refusal | null {
    this.expire(now);
    const { requestsPerMinute: rpm, tokensPerMinute: tpm } = this.limits;
    const count = this.times.length - this.head;
    const overRequests = rpm !== null && count + 1 > rpm;
    const overTokens = tpm !== null && this.tokens + size > tpm;
    if (!overRequests && !overTokens) return null;
    return { limit: overRequests ? 'requests' : 'tokens', freeAt: this.freeAt(size) };
  }

  /** Counts a request `check` let through. */
  admit(now: Hours, size: number): void {
    this.times.push(now);
    this.sizes.push(size);
    this.tokens += size;
  }

  /** The first instant a request of `size` fits: when enough of the window's entries expire. */
  private freeAt(size: number): Hours {
    const { requestsPerMinute: rpm, tokensPerMinute: tpm } = this.limits;
    let count = this.times.length - this.head;
    let tokens = this.tokens;
    for (let i = this.head; i < this.times.length; i++) {
      count -= 1;
      tokens -= this.sizes[i] as number;
      if ((rpm === null || count + 1 <= rpm) && (tpm === null || tokens + size <= tpm))
        return leavesAt(this.times[i] as number);
    }
    throw new RangeError(`a request of ${size} tokens exceeds the limit of ${tpm} a minute`);
  }

  private expire(now: Hours): void {
    while (this.head < this.times.length && leavesAt(this.times[this.head] as number) <= now) {
      this.tokens -= this.sizes[this.head] as number;
      this.head += 1;
    }
    // Drop what has left, now and then, so a long run keeps one minute of entries.
    if (this.head > 1024 && this.head * 2 > this.times.length) {
      this.times = this.times.slice(this.head);
      this.sizes = this.sizes.slice(this.head);
      this.head = 0;
    }
  }
}

/**
 * A request through several windows at once (a model's and its provider's): admitted by all of
 * them, and counted in all, or refused by the one that has room last. A request no window counts
 * is one no limit sees.
 */
export function requestThrough(
  windows: readonly RequestWindow[],
  now: Hours,
  size: number,
): (Refusal & { readonly window: number }) | null {
  let worst: (Refusal & { readonly window: number }) | null = null;
  windows.forEach((w, i) => {
    const refusal = w.check(now, size);
    if (refusal !== null && (worst === null || refusal.freeAt > worst.freeAt))
      worst = { ...refusal, window: i };
  });
  if (worst === null) for (const w of windows) w.admit(now, size);
  return worst;
}
