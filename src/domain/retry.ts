// What an agent does after a 429: waits and tries again, as the providers' SDKs do, up to a
// maximum number of retries; then the request fails, or (policy `wait`) it keeps waiting until
// the model has room. The defaults are the Anthropic and OpenAI SDKs': 2 retries, 0.5 s doubling
// to at most 8 s, shortened by up to a quarter at random, and a retry-after of up to 60 s honoured.

export interface RetryPolicy {
  /** Retries after the first refusal before the request fails (or, `wait`, keeps waiting). */
  readonly maxRetries: number;
  /** The first retry's wait before jitter, doubling with each retry, capped at `maxSeconds`. */
  readonly baseSeconds: number;
  readonly maxSeconds: number;
  /** The share of the wait taken off at random: 0 none, 0.25 the SDKs', 1 "full jitter". */
  readonly jitter: number;
  /** Whether a retry-after of at most 60 s is waited out instead of the backoff. */
  readonly retryAfter: boolean;
  /** After the last retry: `fail` the work, or `wait` for room as long as it takes. */
  readonly onExhausted: 'fail' | 'wait';
}

export const SDK_RETRY: RetryPolicy = {
  maxRetries: 2,
  baseSeconds: 0.5,
  maxSeconds: 8,
  jitter: 0.25,
  retryAfter: true,
  onExhausted: 'fail',
};

/** The longest retry-after the SDKs honour, in seconds; a longer one falls back to the backoff. */
export const MAX_RETRY_AFTER_SECONDS = 60;

/**
 * Seconds to wait before retry number `retry` (1 for the first), given the provider's retry-after
 * (seconds until the model has room) and `u`, a uniform draw in [0, 1).
 */
export function retryDelaySeconds(
  policy: RetryPolicy,
  retry: number,
  retryAfterSeconds: number,
  u: number,
): number {
  if (policy.retryAfter && retryAfterSeconds > 0 && retryAfterSeconds <= MAX_RETRY_AFTER_SECONDS)
    return retryAfterSeconds;
  const backoff = Math.min(policy.maxSeconds, policy.baseSeconds * 2 ** (retry - 1));
  return backoff * (1 - policy.jitter * u);
}

/** Whether retry number `retry` is past the policy's last and the work fails. */
export function exhausted(policy: RetryPolicy, retry: number): boolean {
  return policy.onExhausted === 'fail' && retry > policy.maxRetries;
}
