// What the models' rate limits did to the run, from the log alone: per model with limits, the
// 429s (by the limit that refused, and those its provider's shared window gave), the hours agents waited on retries, the work that failed once
// its retries ran out, the waits for a place under the concurrency cap, and the most of its agents
// at work at once. Null for a run whose models have no limits.

import type { Hours } from '../kernel/time.ts';
import type { LogRecord } from '../log/event-log.ts';
import { type LogInput, ofType, runEnd, runStart, viewOf } from './timeline.ts';

type Of<T extends LogRecord['type']> = Extract<LogRecord, { type: T }>;

export interface ModelThrottling {
  readonly model: string;
  /** The limits the run had: a limit the scenario left out is null. */
  readonly requestsPerMinute: number | null;
  readonly tokensPerMinute: number | null;
  readonly concurrency: number | null;
  readonly tokensPerRequest: number;
  /** Agents on the model, and those a limit stopped at least once. */
  readonly agents: number;
  readonly agentsThrottled: number;
  /** Requests refused (429s), in all and by the limit that refused them. */
  readonly refused: number;
  readonly refusedBy: { readonly requests: number; readonly tokens: number };
  /** The provider whose limits the model shares, if any, and of the 429s those its window gave. */
  readonly provider?: string;
  readonly refusedByProvider?: number;
  /** Hours agents spent waiting to retry (summed over agents). */
  readonly retryWaitHours: Hours;
  /** Work that failed once its retries ran out. */
  readonly failed: number;
  /** Waits for a place under the concurrency cap, and their hours (summed over agents). */
  readonly concurrencyWaits: number;
  readonly concurrencyWaitHours: Hours;
  /** The most of the model's agents working at the same instant. */
  readonly peakWorking: number;
}

export interface RateLimitReport {
  readonly byModel: readonly ModelThrottling[];
  readonly refused: number;
  readonly retryWaitHours: Hours;
  readonly failed: number;
  readonly concurrencyWaitHours: Hours;
}

interface Tally {
  agentsThrottled: Set<string>;
  requests: number;
  tokens: number;
  byProvider: number;
  retryWaitHours: Hours;
  failed: number;
  concurrencyWaits: number;
  concurrencyWaitHours: Hours;
}

export function rateLimits(input: LogInput): RateLimitReport | null {
  const log = viewOf(input);
  const start = runStart(log);
  const limits = start.rateLimits;
  if (limits === undefined) return null;
  const endAt = runEnd(log);
  const tallies = new Map<string, Tally>();
  for (const model of Object.keys(limits))
    tallies.set(model, {
      agentsThrottled: new Set(),
      requests: 0,
      tokens: 0,
      byProvider: 0,
      retryWaitHours: 0,
      failed: 0,
      concurrencyWaits: 0,
      concurrencyWaitHours: 0,
    });
  // Each agent's wait under way: a start is closed by its end (or by the end of the run).
  const open = new Map<string, Of<'throttle'>>();
  const close = (from: Of<'throttle'>, at: Hours) => {
    const tally = tallies.get(from.model);
    if (tally === undefined) return;
    if (from.limit === 'concurrency') tally.concurrencyWaitHours += at - from.t;
    else tally.retryWaitHours += at - from.t;
  };
  for (const r of ofType(log, 'throttle')) {
    const tally = tallies.get(r.model);
    if (tally === undefined) continue;
    tally.agentsThrottled.add(r.person);
    if (r.phase === 'failed') {
      tally.failed += 1;
      continue;
    }
    if (r.phase === 'end') {
      const from = open.get(r.person);
      if (from !== undefined) close(from, r.t);
      open.delete(r.person);
      continue;
    }
    open.set(r.person, r);
    if (r.limit === 'concurrency') tally.concurrencyWaits += 1;
    else if (r.limit === 'requests') tally.requests += 1;
    else if (r.limit === 'tokens') tally.tokens += 1;
    if (r.limit !== 'concurrency' && r.provider !== undefined) tally.byProvider += 1;
  }
  for (const from of open.values()) close(from, endAt);

  const modelOf = new Map<string, string>();
  const agents = new Map<string, number>();
  for (const p of start.people)
    if (p.model !== undefined && limits[p.model] !== undefined) {
      modelOf.set(p.id, p.model);
      agents.set(p.model, (agents.get(p.model) ?? 0) + 1);
    }
  const peaks = peakWorking(ofType(log, 'work'), modelOf);

  const byModel = [...tallies].map(([model, t]): ModelThrottling => {
    const l = limits[model] as NonNullable<typeof limits>[string];
    return {
      model,
      requestsPerMinute: l.requestsPerMinute ?? null,
      tokensPerMinute: l.tokensPerMinute ?? null,
      concurrency: l.concurrency ?? null,
      tokensPerRequest: l.tokensPerRequest,
      agents: agents.get(model) ?? 0,
      agentsThrottled: t.agentsThrottled.size,
      refused: t.requests + t.tokens,
      refusedBy: { requests: t.requests, tokens: t.tokens },
      ...(l.provider === undefined
        ? {}
        : { provider: l.provider, refusedByProvider: t.byProvider }),
      retryWaitHours: t.retryWaitHours,
      failed: t.failed,
      concurrencyWaits: t.concurrencyWaits,
      concurrencyWaitHours: t.concurrencyWaitHours,
      peakWorking: peaks.get(model) ?? 0,
    };
  });
  const sum = (f: (m: ModelThrottling) => number) => byModel.reduce((a, m) => a + f(m), 0);
  return {
    byModel,
    refused: sum((m) => m.refused),
    retryWaitHours: sum((m) => m.retryWaitHours),
    failed: sum((m) => m.failed),
    concurrencyWaitHours: sum((m) => m.concurrencyWaitHours),
  };
}

/**
 * Per model, the most of its agents with a slice of work under way at one instant. A slice that
 * ends as another starts does not overlap it; a slice of no length is no work.
 */
function peakWorking(
  work: readonly Of<'work'>[],
  modelOf: ReadonlyMap<string, string>,
): Map<string, number> {
  const edges = new Map<string, Array<[Hours, number]>>();
  for (const w of work) {
    const model = modelOf.get(w.person);
    if (model === undefined || !(w.t > w.startedAt)) continue;
    const list = edges.get(model) ?? [];
    if (list.length === 0) edges.set(model, list);
    list.push([w.startedAt, 1], [w.t, -1]);
  }
  const peaks = new Map<string, number>();
  for (const [model, list] of edges) {
    list.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let now = 0;
    let peak = 0;
    for (const [, step] of list) {
      now += step;
      if (now > peak) peak = now;
    }
    peaks.set(model, peak);
  }
  return peaks;
}
