// Rate limits in a run: agents on a limited model fanning out over parallel tasks. The log must
// show 429s whose waits follow the retry policy, no agent at work while it waits, execution that
// fails once its retries run out blocked on a `resource` blocker, a concurrency cap never passed,
// and limits that never bind changing nothing.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rowOf } from '../../src/batch/row.ts';
import { rateLimits } from '../../src/collect/rate-limits.ts';
import type { LogRecord } from '../../src/log/event-log.ts';
import { runSimulation } from '../../src/org/run.ts';
import { ScenarioError } from '../../src/scenario/errors.ts';
import { loadScenarioObject } from '../../src/scenario/load.ts';

type Of<T extends LogRecord['type']> = Extract<LogRecord, { type: T }>;

const SECOND = 1 / 3600;

interface FanOut {
  readonly seed: number;
  readonly agents: number;
  readonly limits?: Record<string, number>;
  readonly retry?: Record<string, unknown>;
}

/**
 * `agents` backend ICs on the model `fast` — 1.2M tokens an hour of any work, 10,000 a request:
 * a request every 30 s of work, 20,000 tokens a minute — with a task of 2 h each, all ready at
 * once.
 * Everyone else is on the default model, which has no limits. No rituals, gates or blockers.
 */
function fanOut({ seed, agents, limits, retry }: FanOut) {
  const rate = 1_200_000;
  return loadScenarioObject({
    name: 'fan-out',
    seed,
    models: {
      fast: {
        tokensPerHour: { lightCoding: rate, heavyCoding: rate, research: rate, review: rate },
        tokensPerRequest: 10_000,
        ...(limits === undefined ? {} : { limits }),
        ...(retry === undefined ? {} : { retry }),
      },
    },
    org: { teams: [{ id: 't', ics: { backend: { count: agents, model: 'fast' } } }] },
    rituals: { standupHour: null, capacityReviewHour: null },
    gates: Object.fromEntries(
      ['peerReview', 'qaValidation', 'domainApproval', 'architectureReview'].map((g) => [
        g,
        { enabled: false },
      ]),
    ),
    blockers: { technical: 0, dependency: 0, requirements: 0, resource: 0, priority: 0 },
    instructions: [
      {
        id: 'F',
        at: 0,
        tier: 2,
        plan: {
          strategic: [
            {
              id: 's',
              domain: 'backend',
              tasks: Array.from({ length: agents }, (_, i) => ({
                id: `t${i + 1}`,
                estimateHours: 2,
              })),
            },
          ],
        },
      },
    ],
  });
}

function run(options: FanOut): readonly LogRecord[] {
  const s = fanOut(options);
  return runSimulation(s.config, s.name).log.records;
}

const ofType = <T extends LogRecord['type']>(records: readonly LogRecord[], type: T) =>
  records.filter((r): r is Of<T> => r.type === type);

/** Each person's waits: a `start` and the `end` that closes it (or none, if the run ended). */
function waits(records: readonly LogRecord[]) {
  const out: Array<{ start: Of<'throttle'>; end: Of<'throttle'> | undefined }> = [];
  const open = new Map<string, Of<'throttle'>>();
  for (const r of ofType(records, 'throttle')) {
    if (r.phase === 'start') {
      expect(open.has(r.person), `${r.person} waits twice at ${r.t}`).toBe(false);
      open.set(r.person, r);
    } else if (r.phase === 'end') {
      const start = open.get(r.person);
      expect(start, `${r.person} ends a wait it never started at ${r.t}`).toBeDefined();
      out.push({ start: start as Of<'throttle'>, end: r });
      open.delete(r.person);
    }
  }
  for (const start of open.values()) out.push({ start, end: undefined });
  return out;
}

/** The most agents with a slice under way at one instant (one ending as one starts: not both). */
function peakAtWork(records: readonly LogRecord[], agents: ReadonlySet<string>): number {
  const edges: Array<[number, number]> = [];
  for (const w of ofType(records, 'work'))
    if (agents.has(w.person) && w.t > w.startedAt) edges.push([w.startedAt, 1], [w.t, -1]);
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let now = 0;
  let peak = 0;
  for (const [, d] of edges) {
    now += d;
    peak = Math.max(peak, now);
  }
  return peak;
}

const agentsOf = (records: readonly LogRecord[]) =>
  new Set(
    (records[0] as Of<'run.start'>).people.filter((p) => p.model === 'fast').map((p) => p.id),
  );

describe('rate limits in a run', () => {
  it('waits out each retry-after in whole seconds of at most a minute, or backs off as the policy says', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 4, max: 12 }),
        fc.boolean(),
        (seed, agents, retryAfter) => {
          const retry = { maxRetries: 3, baseSeconds: 1, maxSeconds: 20, jitter: 0.5, retryAfter };
          const records = run({ seed, agents, limits: { tokensPerMinute: 50_000 }, retry });
          const all = waits(records);
          expect(all.length).toBeGreaterThan(0);
          for (const { start, end } of all) {
            expect(start.limit).toBe('tokens');
            const attempt = start.attempt as number;
            expect(attempt).toBeGreaterThanOrEqual(1);
            expect(attempt).toBeLessThanOrEqual(3);
            const until = start.until as number;
            if (end !== undefined) expect(end.t).toBe(until);
            const seconds = (until - start.t) / SECOND;
            if (retryAfter) {
              expect(Math.abs(seconds - Math.round(seconds))).toBeLessThan(1e-6);
              expect(seconds).toBeGreaterThan(0.5);
              expect(seconds).toBeLessThan(60 + 1e-6);
            } else {
              const ceiling = Math.min(20, 2 ** (attempt - 1));
              expect(seconds).toBeLessThanOrEqual(ceiling * (1 + 1e-9));
              expect(seconds).toBeGreaterThanOrEqual(ceiling * 0.5 * (1 - 1e-9));
            }
          }
          for (const f of ofType(records, 'throttle').filter((r) => r.phase === 'failed'))
            expect(f.attempt).toBe(4);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('never has an agent at work while it waits', () => {
    for (const seed of [1, 2, 3]) {
      // Five agents fit 100,000 tokens a minute: a slice starting as another ends can still get a 429.
      const records = run({
        seed,
        agents: 12,
        limits: { tokensPerMinute: 100_000, concurrency: 5 },
      });
      const work = ofType(records, 'work').filter((w) => w.t > w.startedAt);
      const all = waits(records);
      expect(all.some((w) => w.start.limit === 'concurrency')).toBe(true);
      expect(all.some((w) => w.start.limit === 'tokens')).toBe(true);
      for (const { start, end } of all) {
        const to = end?.t ?? Number.POSITIVE_INFINITY;
        const during = work.filter(
          (w) => w.person === start.person && w.startedAt < to && w.t > start.t,
        );
        expect(during, `${start.person} worked while waiting from ${start.t}`).toEqual([]);
      }
    }
  });

  it('blocks execution whose retries ran out on a resource blocker, which goes to the EM', () => {
    const records = run({
      seed: 5,
      agents: 12,
      limits: { tokensPerMinute: 40_000 },
      retry: { maxRetries: 1, retryAfter: false },
    });
    const failed = ofType(records, 'throttle').filter((r) => r.phase === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    const opened = ofType(records, 'escalation.opened');
    const assigned = new Map<string, string>();
    for (const r of ofType(records, 'task.transition'))
      if (r.to === 'ASSIGNED' && r.assignee !== undefined) assigned.set(r.task, r.assignee);
    for (const f of failed) {
      expect(f.attempt).toBe(2);
      const escalation = opened.find((e) => e.t === f.t && assigned.get(e.task) === f.person);
      expect(escalation, `no escalation for ${f.person}'s failure at ${f.t}`).toMatchObject({
        route: 'resource',
        role: 'EM',
      });
    }
    // Every task still finishes: the EM unblocks them.
    const end = records.at(-1) as Of<'run.end'>;
    expect(end).toMatchObject({ type: 'run.end', openTasks: 0 });
  });

  it('never has more agents of a model at work than its concurrency cap', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 2, max: 14 }),
        fc.integer({ min: 1, max: 6 }),
        (seed, agents, cap) => {
          const records = run({ seed, agents, limits: { concurrency: cap } });
          const peak = peakAtWork(records, agentsOf(records));
          expect(peak).toBeLessThanOrEqual(cap);
          // And the cap is used: with more agents than places, some wait and all places fill.
          if (agents > cap) expect(peak).toBe(cap);
          expect(records.at(-1)).toMatchObject({ type: 'run.end', openTasks: 0 });
          expect(rateLimits(records)?.byModel[0]?.peakWorking).toBe(peak);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('shows a fan-out collapse without a cap, and a cap that fits the limit as its fix', () => {
    // 12 agents at 20,000 tokens a minute each against 100,000 a minute: 5 fit.
    for (const seed of [11, 12, 13]) {
      const limits = { tokensPerMinute: 100_000 };
      const open = rateLimits(run({ seed, agents: 12, limits }))?.byModel[0];
      const capped = rateLimits(run({ seed, agents: 12, limits: { ...limits, concurrency: 5 } }))
        ?.byModel[0];
      expect(open?.failed).toBeGreaterThan(0);
      expect(capped?.failed).toBe(0);
      expect(capped?.refused).toBeLessThan(open?.refused ?? 0);
      expect(capped?.peakWorking).toBe(5);
      expect(open?.peakWorking).toBeGreaterThan(5);
    }
  });

  it('gives a run’s row its 429s and its hours waiting on the limits', () => {
    const records = run({
      seed: 4,
      agents: 12,
      limits: { tokensPerMinute: 100_000, concurrency: 5 },
    });
    const end = (records.at(-1) as Of<'run.end'>).t;
    const all = waits(records);
    const refused = all.filter((w) => w.start.limit !== 'concurrency').length;
    const hours = all.reduce((h, w) => h + (w.end?.t ?? end) - w.start.t, 0);
    const row = rowOf(records);
    expect(refused).toBeGreaterThan(0);
    expect(row.requestsRefused).toBe(refused);
    expect(row.rateLimitWaitHours).toBeCloseTo(hours, 2);
    expect(rowOf(run({ seed: 4, agents: 3 }))).toMatchObject({
      requestsRefused: 0,
      rateLimitWaitHours: 0,
    });
  });

  it('changes nothing when its limits never bind, but for run.start naming them', () => {
    for (const seed of [1, 2]) {
      const free = run({ seed, agents: 6 });
      const roomy = run({
        seed,
        agents: 6,
        limits: { tokensPerMinute: 10_000_000, concurrency: 100 },
      });
      expect(ofType(roomy, 'throttle')).toEqual([]);
      expect(roomy.slice(1)).toEqual(free.slice(1));
      expect((roomy[0] as Of<'run.start'>).rateLimits).toEqual({
        fast: { tokensPerMinute: 10_000_000, concurrency: 100, tokensPerRequest: 10_000 },
      });
      expect((free[0] as Of<'run.start'>).rateLimits).toBeUndefined();
    }
  });

  it('binds a provider’s models together: their agents share its minute', () => {
    // Four agents on each of two models, a request every 30 s of work each: 8 a minute per model,
    // under each model's 20, but 16 a minute against the provider's 10.
    const rate = 1_200_000;
    const shared = (provider: boolean) => {
      const model = {
        tokensPerHour: { lightCoding: rate, heavyCoding: rate, research: rate, review: rate },
        tokensPerRequest: 10_000,
        limits: { requestsPerMinute: 20 },
        ...(provider ? { provider: 'acme' } : {}),
      };
      const s = loadScenarioObject({
        name: 'shared',
        seed: 4,
        providers: { acme: { limits: { requestsPerMinute: 10 } } },
        models: { a: model, b: model },
        org: {
          teams: [
            {
              id: 't',
              ics: { backend: { count: 4, model: 'a' }, frontend: { count: 4, model: 'b' } },
            },
          ],
        },
        rituals: { standupHour: null, capacityReviewHour: null },
        blockers: { technical: 0, dependency: 0, requirements: 0, resource: 0, priority: 0 },
        instructions: [
          {
            id: 'F',
            at: 0,
            tier: 1,
            plan: {
              strategic: [
                {
                  id: 'b',
                  domain: 'backend',
                  tasks: [1, 2, 3, 4].map((i) => ({ id: `b${i}`, estimateHours: 1 })),
                },
                {
                  id: 'f',
                  domain: 'frontend',
                  tasks: [1, 2, 3, 4].map((i) => ({ id: `f${i}`, estimateHours: 1 })),
                },
              ],
            },
          },
        ],
      });
      return runSimulation(s.config, s.name).log.records;
    };
    const alone = ofType(shared(false), 'throttle').filter((r) => r.phase === 'start');
    expect(alone).toEqual([]);
    const records = shared(true);
    const refused = ofType(records, 'throttle').filter((r) => r.phase === 'start');
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) expect(r).toMatchObject({ provider: 'acme', limit: 'requests' });
    expect(new Set(refused.map((r) => r.model))).toEqual(new Set(['a', 'b']));
    const report = rateLimits(records);
    const byProvider = (report?.byModel ?? []).map((m) => [
      m.model,
      m.provider,
      m.refusedByProvider === m.refused,
    ]);
    expect(byProvider).toEqual([
      ['a', 'acme', true],
      ['b', 'acme', true],
    ]);
    expect((records[0] as Of<'run.start'>).providerLimits).toEqual({
      acme: { requestsPerMinute: 10 },
    });
  });

  it('refuses a model naming a provider the scenario lacks', () => {
    const load = () =>
      loadScenarioObject({
        models: { a: { provider: 'acme' } },
        org: { model: 'a', ics: { backend: 1 } },
        instructions: [{ at: 0, tier: 1, domains: ['backend'] }],
      });
    expect(load).toThrow(ScenarioError);
    expect(load).toThrow(
      /models\.a\.provider.*names no provider: "acme" \(the scenario has no providers section\)/,
    );
  });

  it('refuses at load a request larger than its model’s token limit, naming the field', () => {
    const load = () =>
      loadScenarioObject({
        name: 'too-big',
        models: { fast: { tokensPerRequest: 50_000, limits: { tokensPerMinute: 40_000 } } },
        org: { model: 'fast' },
        instructions: [{ id: 'I', at: 0, tier: 1 }],
      });
    expect(load).toThrow(ScenarioError);
    expect(load).toThrow(/models\.fast\.tokensPerRequest.*50000 tokens.*40000 tokens a minute/s);
  });
});
