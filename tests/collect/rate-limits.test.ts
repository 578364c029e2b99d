// The rate limits' toll, read from a log written by hand: two agents on `fast` (a token limit and a
// cap of one), one on `slow` (no wait at all), and a person with no model.
//
// a1 works 0–1 h. a2's slice starts at 0.5 with no place free: it waits under the cap until a1's
// slice ends at 1 (0.5 h), works 1–2, gets a 429 on tokens at 1.5 (attempt 1, until 1.5 + 20 s),
// goes on, gets two more at 1.8 (attempts 1 and 2: 10 s and 30 s) and then fails. a1 gets a 429 on
// requests at 2.5 that the run's end at 3 closes (0.5 h). So on `fast`: 429s 4 (tokens 3,
// requests 1); retry waits 20 s + 10 s + 30 s + 0.5 h = 1/60 h + 0.5 h; 1 failure; 1 wait under
// the cap of 0.5 h; at most 1 of its 2 agents at work at once (a1's and a2's slices touch at 1).

import { describe, expect, it } from 'vitest';
import { rateLimits } from '../../src/collect/rate-limits.ts';
import { summary } from '../../src/collect/summary.ts';
import type { LogRecord } from '../../src/log/records.ts';
import { rateLimitLine } from '../../src/report/fleet-lines.ts';
import { ic, LEADS, runEnd, runStart, throttle, work } from './log-builder.ts';

const S = 1 / 3600;

function log(): LogRecord[] {
  const start = runStart([
    ...LEADS,
    { ...ic('a1', 'backend'), model: 'fast' },
    { ...ic('a2', 'backend'), model: 'fast' },
    { ...ic('s1', 'backend'), model: 'slow' },
    { ...ic('pat', 'backend'), person: true },
  ]) as Extract<LogRecord, { type: 'run.start' }>;
  return [
    {
      ...start,
      rateLimits: {
        fast: { tokensPerMinute: 1000, concurrency: 1, tokensPerRequest: 100 },
        slow: { requestsPerMinute: 5, tokensPerRequest: 100 },
      },
    },
    work(0.5, 'a2', 'execute', 0.5, 0.5, 'T2', { outcome: 'throttled' }),
    throttle(0.5, 'a2', 'start', { limit: 'concurrency' }),
    work(1, 'a1', 'execute', 0, 0, 'T1'),
    throttle(1, 'a2', 'end'),
    throttle(1.5, 'a2', 'start', { limit: 'tokens', attempt: 1, until: 1.5 + 20 * S }),
    throttle(1.5 + 20 * S, 'a2', 'end'),
    throttle(1.8, 'a2', 'start', { limit: 'tokens', attempt: 1, until: 1.8 + 10 * S }),
    throttle(1.8 + 10 * S, 'a2', 'end'),
    throttle(1.8 + 10 * S, 'a2', 'start', { limit: 'tokens', attempt: 2, until: 1.8 + 40 * S }),
    throttle(1.8 + 40 * S, 'a2', 'end'),
    throttle(1.8 + 40 * S, 'a2', 'failed', { limit: 'tokens', attempt: 3 }),
    work(2, 'a2', 'execute', 0.5, 1, 'T2', { outcome: 'dropped', hours: 1 }),
    work(2.5, 'a1', 'execute', 2, 2, 'T3', { outcome: 'throttled' }),
    throttle(2.5, 'a1', 'start', { limit: 'requests', attempt: 1, until: 3.5 }),
    work(2.5, 's1', 'execute', 0, 0, 'T4'),
    runEnd(3, 'horizon', 2),
  ];
}

describe('the rate limits’ toll', () => {
  it('counts the 429s, the waits, the failures and the most agents at work, per model', () => {
    const report = rateLimits(log());
    expect(report?.byModel.map((m) => m.model)).toEqual(['fast', 'slow']);
    const fast = report?.byModel[0];
    expect(fast).toMatchObject({
      requestsPerMinute: null,
      tokensPerMinute: 1000,
      concurrency: 1,
      tokensPerRequest: 100,
      agents: 2,
      agentsThrottled: 2,
      refused: 4,
      refusedBy: { requests: 1, tokens: 3 },
      failed: 1,
      concurrencyWaits: 1,
      peakWorking: 1,
    });
    expect(fast?.retryWaitHours).toBeCloseTo(60 * S + 0.5, 12);
    expect(fast?.concurrencyWaitHours).toBeCloseTo(0.5, 12);
    expect(report?.byModel[1]).toMatchObject({
      model: 'slow',
      requestsPerMinute: 5,
      tokensPerMinute: null,
      concurrency: null,
      agents: 1,
      agentsThrottled: 0,
      refused: 0,
      failed: 0,
      peakWorking: 1,
    });
    expect(report).toMatchObject({ refused: 4, failed: 1 });
    expect(report?.retryWaitHours).toBeCloseTo(60 * S + 0.5, 12);
    expect(report?.concurrencyWaitHours).toBeCloseTo(0.5, 12);
  });

  it('is absent for a run whose models have no limits, and says so nowhere', () => {
    const [start, ...rest] = log();
    const { rateLimits: _, ...plain } = start as Extract<LogRecord, { type: 'run.start' }>;
    const records = [plain, ...rest.filter((r) => r.type !== 'throttle')];
    expect(rateLimits(records)).toBeNull();
    const s = summary(records, 'sha');
    expect('rateLimits' in s).toBe(false);
    expect(rateLimitLine(s)).toBeNull();
  });

  it('puts it in the summary, hours to the hundredth, and in one line per model', () => {
    // 0.5 h + 60 s = 31 min of retries.
    const s = summary(log(), 'sha');
    expect(s.rateLimits?.byModel[0]).toMatchObject({
      retryWaitHours: 0.52,
      concurrencyWaitHours: 0.5,
    });
    expect(rateLimitLine(s)).toBe(
      'Rate limits: fast 4 429s (requests 1, tokens 3), 31 min waiting to retry, 1 failed activity, cap 1: 1 wait, 30 min, at most 1 of 2 agents at work at once · slow 0 429s, 0 s waiting to retry, 0 failed activities, at most 1 of 1 agents at work at once',
    );
  });
});
