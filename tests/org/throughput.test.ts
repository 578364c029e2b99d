// A model's throughput: an execution whose work needs more output tokens a second than one request
// streams takes that many times longer, and uses the same tokens over the longer hours; a model
// that keeps up changes nothing. Two runs on the same seeds, one agent on each model.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LogRecord } from '../../src/log/event-log.ts';
import { runSimulation } from '../../src/org/run.ts';
import { loadScenarioObject } from '../../src/scenario/load.ts';
import { NO_BLOCKERS } from './fixtures.ts';

type Of<T extends LogRecord['type']> = Extract<LogRecord, { type: T }>;

/** 36,000 tokens an hour of any work, a quarter output: 9,000 output tokens an hour, 2.5 a second. */
const RATE = 36_000;
const rates = { lightCoding: RATE, heavyCoding: RATE, research: RATE, review: RATE };

function run(seed: number, outputTokensPerSecond?: number): readonly LogRecord[] {
  const s = loadScenarioObject({
    name: 'throughput',
    seed,
    models: {
      m: {
        tokensPerHour: rates,
        outputShare: 0.25,
        ...(outputTokensPerSecond === undefined ? {} : { outputTokensPerSecond }),
      },
    },
    // Only the backend IC is on the model: the leads' reviews and planning are the same hours.
    org: { teams: [{ id: 't', ics: { backend: { count: 1, model: 'm' } } }] },
    instructions: [
      { id: 'A', at: 0, tier: 2, domains: ['backend'] },
      { id: 'B', at: 6, tier: 1, domains: ['backend'] },
    ],
  });
  return runSimulation({ ...s.config, blockers: NO_BLOCKERS }, s.name).log.records;
}

/** Per task, the hours and tokens of the backend agent's executions. */
function executions(records: readonly LogRecord[]): Map<string, { hours: number; tokens: number }> {
  const out = new Map<string, { hours: number; tokens: number }>();
  for (const r of records) {
    if (r.type !== 'work' || r.kind !== 'execute') continue;
    const w = r as Of<'work'>;
    const own = out.get(w.task as string) ?? { hours: 0, tokens: 0 };
    out.set(w.task as string, {
      hours: own.hours + w.hours,
      tokens: own.tokens + w.tokensIn + w.tokensOut,
    });
  }
  return out;
}

describe('a model’s throughput', () => {
  it('stretches an execution by what the work needs over what the model streams, tokens unchanged', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.constantFrom(0.5, 1, 2),
        (seed, speed) => {
          const fast = executions(run(seed));
          const slow = executions(run(seed, speed));
          // 2.5 output tokens a second needed: 5, 2.5 or 1.25 times the hours.
          const pace = 2.5 / speed;
          expect([...slow.keys()].sort()).toEqual([...fast.keys()].sort());
          for (const [task, f] of fast) {
            const s = slow.get(task) as { hours: number; tokens: number };
            expect(s.hours, task).toBeCloseTo(f.hours * pace, 6);
            expect(s.tokens, task).toBeCloseTo(f.tokens, 3);
          }
        },
      ),
      { numRuns: 6 },
    );
  });

  it('changes nothing when the model keeps up with the work', () => {
    for (const seed of [1, 2]) expect(run(seed, 2.5).slice(1)).toEqual(run(seed).slice(1));
  });
});
