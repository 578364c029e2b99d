// What a tripped cap leads to beyond escalating or starting over: the task fails and closes its
// instruction undone (`onCap: fail`), or the retry goes to an agent on another model (`retryOn`).
// Checked from the records of runs over random seeds, and at load for retries with nowhere to go.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summary } from '../../src/collect/summary.ts';
import { timelines } from '../../src/collect/timeline.ts';
import type { LogRecord } from '../../src/log/event-log.ts';
import { runSimulation } from '../../src/org/run.ts';
import { ScenarioError } from '../../src/scenario/errors.ts';
import { loadScenarioObject } from '../../src/scenario/load.ts';

type Of<T extends LogRecord['type']> = Extract<LogRecord, { type: T }>;

const ofType = <T extends LogRecord['type']>(records: readonly LogRecord[], type: T) =>
  records.filter((r): r is Of<T> => r.type === type);

const RATE = 1_200_000;
const rates = { lightCoding: RATE, heavyCoding: RATE, research: RATE, review: RATE };
/** The agents on `strong`, one in each domain of the team. */
const STRONG = ['s-be', 's-fe', 's-qa'];

/**
 * A team of agents on `fast` (a turn a minute of work, looping 40 % of the time, capped at
 * `maxTurns`) and one agent on `strong` (no failures) in each of its domains, on three tier-3
 * instructions.
 */
function scenario(seed: number, caps: Record<string, unknown>, people = STRONG) {
  const domains = ['backend', 'frontend', 'qa'] as const;
  return loadScenarioObject({
    name: 'cap-actions',
    seed,
    models: {
      fast: {
        tokensPerHour: rates,
        tokensPerRequest: 20_000,
        failures: { loop: 0.4 },
        caps: { maxTurns: 120, ...caps },
      },
      strong: { tokensPerHour: rates, usdPerMillionTokens: 15 },
    },
    org: {
      model: 'fast',
      teams: [
        {
          id: 't',
          ics: { backend: 3, frontend: 2, qa: 2 },
          people: people.map((id, i) => ({ id, domain: domains[i], model: 'strong' })),
        },
      ],
    },
    instructions: [
      { id: 'A', at: 0, tier: 3, domains: [...domains] },
      { id: 'B', at: 12, tier: 3, domains: [...domains] },
      { id: 'C', at: 30, tier: 3, domains: [...domains] },
    ],
  });
}

function run(seed: number, caps: Record<string, unknown>): readonly LogRecord[] {
  const s = scenario(seed, caps);
  return runSimulation(s.config, s.name).log.records;
}

describe('a cap that fails the task', () => {
  it('closes the task’s instruction undone at once, its unfinished tasks cancelled', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (seed) => {
        const records = run(seed, { onCap: 'fail' });
        const caps = ofType(records, 'cap');
        const failed = ofType(records, 'instruction.failed');
        const lives = timelines(records);
        const completed = new Set(
          ofType(records, 'instruction.completed').map((c) => c.instruction),
        );
        // Every cap fails its task's instruction, unless a cap of it already had.
        const firsts = new Map<string, Of<'cap'>>();
        for (const c of caps) {
          const instruction = lives.get(c.task)?.instruction as string;
          if (!firsts.has(instruction)) firsts.set(instruction, c);
          expect(c.action).toBe('fail');
        }
        expect(failed.map((f) => [f.t, f.instruction, f.task])).toEqual(
          [...firsts].map(([instruction, c]) => [c.t, instruction, c.task]),
        );
        const s = summary(records, 'sha');
        for (const f of failed) {
          expect(completed.has(f.instruction)).toBe(false);
          // Its tasks: finished before, or cancelled at the failure.
          for (const life of lives.values())
            if (life.instruction === f.instruction)
              expect(
                life.outcome === 'CANCELLED' ? life.endedAt : life.outcome,
                `${life.id} of ${f.instruction}`,
              ).toBe(life.outcome === 'CANCELLED' ? f.t : 'COMPLETED');
          expect(s.instructions.find((i) => i.id === f.instruction)).toMatchObject({
            status: 'failed',
            reason: `${f.task} failed: its turns cap tripped`,
            finishedAt: null,
          });
          // Nobody is asked to unblock it.
          expect(
            ofType(records, 'escalation.opened').filter((o) => o.task === f.task && o.t >= f.t),
          ).toEqual([]);
        }
        expect(records.at(-1)).toMatchObject({ type: 'run.end', openTasks: 0 });
      }),
      { numRuns: 8, examples: [[2]] },
    );
  });
});

describe('a cap that retries on another model', () => {
  it('hands the task back to its backlog for an agent on that model, who finishes it', () => {
    let retried = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (seed) => {
        const records = run(seed, { retryOn: 'strong' });
        const caps = ofType(records, 'cap');
        const work = ofType(records, 'work').filter((w) => w.kind === 'execute');
        const preempted = ofType(records, 'task.preempted');
        for (const c of caps) {
          expect(c).toMatchObject({ model: 'fast', action: 'retry', retryOn: 'strong' });
          expect(STRONG).not.toContain(c.person);
          // Taken back from the capped agent at the cap…
          expect(
            preempted.filter((p) => p.t === c.t && p.task === c.task && p.kind === 'cap'),
          ).toEqual([
            {
              t: c.t,
              type: 'task.preempted',
              task: c.task,
              person: c.person,
              by: c.person,
              kind: 'cap',
            },
          ]);
          // …and every execution of it from then on is by an agent on `strong`.
          const after = work.filter((w) => w.task === c.task && w.startedAt >= c.t);
          expect(after.length).toBeGreaterThan(0);
          for (const w of after) expect(STRONG).toContain(w.person);
        }
        retried += caps.length;
        // No execution on `strong` is capped, so every retried task completes.
        expect(records.at(-1)).toMatchObject({ type: 'run.end', openTasks: 0 });
        expect(ofType(records, 'instruction.completed')).toHaveLength(3);
      }),
      { numRuns: 8, examples: [[2]] },
    );
    expect(retried).toBeGreaterThan(0);
  });

  it('is refused at load where it could not go, naming the field and the fix', () => {
    const load = (caps: Record<string, unknown>, people?: string[]) => () =>
      scenario(1, caps, people);
    expect(load({ retryOn: 'opus' })).toThrow(ScenarioError);
    expect(load({ retryOn: 'opus' })).toThrow(
      /models\.fast\.caps\.retryOn names no model: "opus" \(known: fast, strong\)/,
    );
    expect(load({ retryOn: 'fast' })).toThrow(/models\.fast\.caps\.retryOn is the model itself/);
    expect(load({ retryOn: 'strong', onCap: 'escalate' })).toThrow(
      /models\.fast\.caps\.retryOn a retry on another model is onCap: retry, not escalate/,
    );
    expect(load({ retryOn: 'strong' }, ['s-be', 's-fe'])).toThrow(
      /models\.fast\.caps\.retryOn team t has fast agents in qa and no strong agent there to retry on/,
    );
  });
});
