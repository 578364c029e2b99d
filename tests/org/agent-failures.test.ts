// How agents fail in a run: loops that only a cap stops, caps that bound every execution, reviews
// that err only the way the gate's finding allows, models that never fail changing nothing, and a
// loop without a cap refused at load.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agentFailures } from '../../src/collect/agent-failures.ts';
import type { LogRecord } from '../../src/log/event-log.ts';
import { runSimulation } from '../../src/org/run.ts';
import { ScenarioError } from '../../src/scenario/errors.ts';
import { loadScenarioObject } from '../../src/scenario/load.ts';

type Of<T extends LogRecord['type']> = Extract<LogRecord, { type: T }>;

const TOKENS_PER_REQUEST = 20_000;

interface Options {
  readonly seed: number;
  readonly failures?: Record<string, number>;
  readonly caps?: Record<string, unknown>;
}

/**
 * A team of agents on `fast` — 1.2M tokens an hour of coding, 20,000 a turn: a turn every minute
 * of work, at $3 per million tokens, $3.60 an hour — on two tier-3 instructions. Reviews by QA
 * agents and leads on the same model.
 */
function scenario({ seed, failures, caps }: Options) {
  const rate = 1_200_000;
  return loadScenarioObject({
    name: 'failures',
    seed,
    models: {
      fast: {
        usdPerMillionTokens: 3,
        tokensPerHour: { lightCoding: rate, heavyCoding: rate, research: rate, review: rate },
        tokensPerRequest: TOKENS_PER_REQUEST,
        ...(failures === undefined ? {} : { failures }),
        ...(caps === undefined ? {} : { caps }),
      },
    },
    org: { model: 'fast', teams: [{ id: 't', ics: { backend: 3, frontend: 2, qa: 2 } }] },
    instructions: [
      { id: 'A', at: 0, tier: 3, domains: ['backend', 'frontend', 'qa'] },
      { id: 'B', at: 12, tier: 3, domains: ['backend', 'frontend', 'qa'] },
    ],
  });
}

function run(options: Options): readonly LogRecord[] {
  const s = scenario(options);
  return runSimulation(s.config, s.name).log.records;
}

const ofType = <T extends LogRecord['type']>(records: readonly LogRecord[], type: T) =>
  records.filter((r): r is Of<T> => r.type === type);

/** The slices of one execution: a person's work on a task queued at one instant. */
const sliceKey = (w: { person: string; task?: string; queuedAt: number }) =>
  `${w.person} ${w.task} ${w.queuedAt}`;

function executions(records: readonly LogRecord[]): Map<string, Of<'work'>[]> {
  const out = new Map<string, Of<'work'>[]>();
  for (const w of ofType(records, 'work')) {
    if (w.kind !== 'execute') continue;
    const list = out.get(sliceKey(w)) ?? [];
    if (list.length === 0) out.set(sliceKey(w), list);
    list.push(w);
  }
  return out;
}

const tokensOf = (slices: readonly Of<'work'>[]) =>
  slices.reduce((t, w) => t + w.tokensIn + w.tokensOut, 0);

describe('agents that fail', () => {
  it('stops every loop at its cap, with the turns, tokens and dollars its slices add up to', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 60, max: 400 }),
        fc.constantFrom('escalate', 'retry', 'fail'),
        (seed, maxTurns, onCap) => {
          const records = run({ seed, failures: { loop: 0.4 }, caps: { maxTurns, onCap } });
          const caps = ofType(records, 'cap');
          const work = ofType(records, 'work');
          const byExecution = executions(records);
          const endOf = (slices: readonly Of<'work'>[]) => slices.at(-1) as Of<'work'>;
          // Each cap closes one execution: its last slice, dropped at the cap, whose tokens it gives.
          for (const cap of caps) {
            const slices = [...byExecution.values()].find((list) => {
              const last = endOf(list);
              return last.person === cap.person && last.task === cap.task && last.t === cap.t;
            });
            expect(slices, `no execution ends at the cap at ${cap.t}`).toBeDefined();
            expect(endOf(slices ?? [])).toMatchObject({ outcome: 'dropped' });
            expect(tokensOf(slices ?? [])).toBeCloseTo(cap.tokens, 3);
            expect(cap).toMatchObject({ cap: 'turns', action: onCap });
            expect(cap.turns).toBeCloseTo(maxTurns, 6);
            expect(cap.tokens).toBeCloseTo(maxTurns * TOKENS_PER_REQUEST, 3);
          }
          // A looping execution never finishes: a cap stops it, or something else drops it.
          for (const loop of ofType(records, 'loop')) {
            const before = work.find(
              (w) => w.person === loop.person && w.task === loop.task && w.t === loop.t,
            );
            expect(before?.outcome).toBe('paused');
            const last = endOf(byExecution.get(sliceKey(before as Of<'work'>)) ?? []);
            expect(last.outcome).not.toBe('finished');
            const cap = caps.find((c) => c.t === last.t && c.person === loop.person);
            if (cap !== undefined) expect(cap.looped).toBe(true);
          }
          // No execution passes its cap.
          for (const slices of byExecution.values())
            expect(tokensOf(slices)).toBeLessThanOrEqual(
              maxTurns * TOKENS_PER_REQUEST * (1 + 1e-9),
            );
          expect(records.at(-1)).toMatchObject({ type: 'run.end', openTasks: 0 });
        },
      ),
      // 9730 once stranded a task: its cap tripped at the instant of a standup, which paused the
      // execution before the drop reached it.
      { numRuns: 12, examples: [[9730, 219, 'retry']] },
    );
  });

  it('escalates a tripped cap to the EM, or starts the agent over, as the model says', () => {
    const escalated = run({ seed: 2, caps: { maxTurns: 120 } });
    const caps = ofType(escalated, 'cap');
    expect(caps.length).toBeGreaterThan(0);
    const opened = ofType(escalated, 'escalation.opened');
    for (const c of caps)
      expect(opened.find((o) => o.t === c.t && o.task === c.task)).toMatchObject({
        route: 'resource',
        role: 'EM',
      });
    const retried = run({ seed: 2, caps: { maxTurns: 120, onCap: 'retry' } });
    const again = ofType(retried, 'cap');
    expect(again.length).toBeGreaterThan(0);
    const openedAgain = ofType(retried, 'escalation.opened');
    for (const c of again)
      expect(openedAgain.filter((o) => o.t === c.t && o.task === c.task)).toEqual([]);
    // Started over: the same agent takes the task up again at once.
    const work = ofType(retried, 'work');
    for (const c of again) {
      const next = work.find((w) => w.person === c.person && w.task === c.task && w.t > c.t);
      if (next !== undefined) expect(next.queuedAt).toBe(c.t);
    }
  });

  it('lets a review err only as the gate’s finding allows: bad work passed, good work rejected', () => {
    for (const seed of [1, 2, 3]) {
      const records = run({ seed, failures: { passBadWork: 0.5, rejectGoodWork: 0.2 } });
      const gates = ofType(records, 'task.gate');
      const errors = ofType(records, 'verification');
      expect(errors.some((v) => v.error === 'passedBadWork')).toBe(true);
      expect(errors.some((v) => v.error === 'rejectedGoodWork')).toBe(true);
      for (const v of errors) {
        const gate = gates.find((g) => g.t === v.t && g.task === v.task && g.gate === v.gate);
        expect(gate?.outcome).toBe(v.error === 'passedBadWork' ? 'passed' : 'rejected');
      }
      // A defect passed is found by every later review until one rejects the task, unless that
      // reviewer passes bad work too.
      const passes = errors.filter((x) => x.error === 'passedBadWork');
      const rejectedIn = (task: string, from: number, to: number) =>
        gates.some((g) => g.task === task && g.outcome === 'rejected' && g.t >= from && g.t <= to);
      for (const v of passes) {
        const after = gates.filter((g) => g.task === v.task && g.t > v.t);
        const until = after.findIndex((g) => g.outcome === 'rejected');
        for (const g of until < 0 ? after : after.slice(0, until))
          expect(
            passes.some((x) => x.task === g.task && x.t === g.t),
            `${g.task} passed ${g.gate} at ${g.t} with a known defect`,
          ).toBe(true);
      }
      // Each defect once (a pass with no rejection since the task's last one is the same defect):
      // caught if a review rejected the task later, escaped if it completed first.
      const completed = new Set(
        ofType(records, 'task.transition')
          .filter((r) => r.to === 'COMPLETED')
          .map((r) => r.task),
      );
      const firsts = passes.filter(
        (v, i) =>
          !passes.slice(0, i).some((u) => u.task === v.task && !rejectedIn(v.task, u.t, v.t)),
      );
      const caught = firsts.filter((v) => rejectedIn(v.task, v.t, Number.POSITIVE_INFINITY));
      const escaped = firsts.filter((v) => !caught.includes(v) && completed.has(v.task));
      const report = agentFailures(records);
      expect(report?.escapedDefects).toBe(escaped.length);
      expect(report?.byModel[0]?.defectsCaughtLater).toBe(caught.length);
      expect(caught.length).toBeGreaterThan(0);
    }
  });

  it('hands in an early stop as done, and a review finds it unless the reviewer errs', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.boolean(), (seed, erring) => {
        const records = run({
          seed,
          failures: { stopEarly: 0.5, ...(erring ? { passBadWork: 0.5 } : {}) },
        });
        const stops = ofType(records, 'stop.early');
        expect(stops.length).toBeGreaterThan(0);
        const work = ofType(records, 'work');
        const gates = ofType(records, 'task.gate');
        const errors = ofType(records, 'verification');
        for (const s of stops) {
          // The execution stops where the record says: its last slice dropped at the stop.
          const last = work.find((w) => w.person === s.person && w.task === s.task && w.t === s.t);
          expect(last).toMatchObject({ kind: 'execute', outcome: 'dropped' });
          expect(s.leftHours).toBeGreaterThan(0);
          // Handed in: the task goes to review at once.
          const submitted = ofType(records, 'task.transition').find(
            (r) => r.task === s.task && r.t === s.t && r.from === 'IN_PROGRESS',
          );
          expect(submitted?.to).toMatch(/UNDER_REVIEW|DOMAIN_REVIEW|READY_FOR_HANDOFF/);
          // Every review until one rejects it finds it, unless that reviewer erred.
          for (const g of gates.filter((x) => x.task === s.task && x.t >= s.t)) {
            if (g.outcome === 'rejected') {
              // The rework is at least what was left: its slices, when it ran to its end.
              const rework = work.filter(
                (w) => w.task === s.task && w.kind === 'execute' && w.queuedAt === g.t,
              );
              if (rework.at(-1)?.outcome === 'finished')
                expect(rework.reduce((h, w) => h + w.hours, 0)).toBeGreaterThanOrEqual(
                  s.leftHours - 1e-9,
                );
              break;
            }
            const erred = errors.find((v) => v.task === s.task && v.t === g.t);
            expect(erred, `${s.task} passed ${g.gate} at ${g.t} unfinished`).toMatchObject({
              error: 'passedBadWork',
            });
          }
        }
        if (!erring) expect(agentFailures(records)?.byModel[0]?.shippedUnfinished).toBe(0);
        expect(records.at(-1)).toMatchObject({ type: 'run.end', openTasks: 0 });
      }),
      { numRuns: 10 },
    );
  });

  it('changes nothing when its agents never fail, but for run.start saying so', () => {
    for (const seed of [4, 5]) {
      const never = run({ seed, failures: { loop: 0, passBadWork: 0, rejectGoodWork: 0 } });
      const plain = run({ seed });
      expect(never.slice(1)).toEqual(plain.slice(1));
      expect((never[0] as Of<'run.start'>).agentFailures).toEqual({
        fast: { loop: 0, passBadWork: 0, rejectGoodWork: 0, onCap: 'escalate' },
      });
    }
  });

  it('refuses at load a loop no cap can stop, naming the field and the fix', () => {
    const load = () =>
      loadScenarioObject({
        name: 'endless',
        models: { fast: { failures: { loop: 0.1 } } },
        org: { model: 'fast' },
        instructions: [{ id: 'I', at: 0, tier: 1 }],
      });
    expect(load).toThrow(ScenarioError);
    expect(load).toThrow(/models\.fast\.failures\.loop.*caps\.maxTurns or caps\.maxUsd/s);
    // At 1, no execution would ever finish: the run would go on to its limits.
    const always = () =>
      loadScenarioObject({
        name: 'never-done',
        models: { fast: { failures: { stopEarly: 1 } } },
        org: { model: 'fast' },
        instructions: [{ id: 'I', at: 0, tier: 1 }],
      });
    expect(always).toThrow(/models\.fast\.failures\.stopEarly must be below 1/);
  });

  it('fails agents by their own odds where they have some, and by their model’s elsewhere', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (seed) => {
        const s = loadScenarioObject({
          name: 'own-odds',
          seed,
          models: { m: { caps: { maxTurns: 400 } } },
          org: {
            model: 'm',
            teams: [
              { id: 'a', ics: { backend: { count: 3, failures: { stopEarly: 0.6 } }, qa: 1 } },
              { id: 'b', ics: { backend: 3, qa: 1 } },
            ],
          },
          arrivals: [
            {
              process: 'poisson',
              ratePerDay: 8,
              until: 48,
              template: { tier: 2, domains: ['backend', 'qa'] },
            },
          ],
        });
        const records = runSimulation(s.config, s.name).log.records;
        const start = records[0] as Of<'run.start'>;
        for (const p of start.people)
          expect(p.failures).toEqual(
            p.id.startsWith('a/ic-backend') ? { stopEarly: 0.6 } : undefined,
          );
        const stops = records.filter((r): r is Of<'stop.early'> => r.type === 'stop.early');
        for (const r of stops) expect(r.person.startsWith('a/ic-backend'), r.person).toBe(true);
        // Team b's backend agents executed work, and never stopped early.
        const executed = new Set(
          records.flatMap((r) => (r.type === 'work' && r.kind === 'execute' ? [r.person] : [])),
        );
        expect([...executed].some((p) => p.startsWith('b/ic-backend'))).toBe(true);
        const aExecutions = records.filter(
          (r) => r.type === 'work' && r.kind === 'execute' && r.person.startsWith('a/ic-backend'),
        ).length;
        if (aExecutions >= 6) expect(stops.length).toBeGreaterThan(0);
      }),
      { numRuns: 10 },
    );
  });

  it('refuses odds of their own on people, on agents of no named model, and a loop with no cap', () => {
    const load =
      (org: object, models: object = { m: {} }) =>
      () =>
        loadScenarioObject({
          models,
          org,
          instructions: [{ at: 0, tier: 1, domains: ['backend'] }],
        });
    expect(load({ ics: { backend: { count: 1, person: true, failures: { loop: 0.1 } } } })).toThrow(
      /org\.ics\.backend\.failures.*is for agents, and these are people/,
    );
    expect(load({ ics: { backend: { count: 1, failures: { stopEarly: 0.1 } } } })).toThrow(
      /org\.ics\.backend\.failures.*needs the agents on a model/,
    );
    expect(load({ model: 'm', ics: { backend: { count: 1, failures: { loop: 0.1 } } } })).toThrow(
      /org\.ics\.backend\.failures\.loop.*set caps\.maxTurns or caps\.maxUsd on the model m/,
    );
  });
});
