import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createStrategy,
  type IcView,
  STRATEGY_NAMES,
  type TaskView,
} from '../../src/domain/assignment/index.ts';
import { weightedScore } from '../../src/domain/assignment/weighted.ts';
import { ic as baseIc, task as baseTask } from './views.ts';

/** The built-in strategies use neither the clock nor the random stream. */
const CONTEXT = { now: 0, random: () => 0.5 };

// The shared views (./views.ts), at $1 an hour and with task id T, as these tests were written.
const ic = (id: string, over: Partial<IcView> = {}): IcView =>
  baseIc(id, { costPerHour: 1, ...over });
const task = (over: Partial<TaskView> = {}): TaskView => baseTask({ id: 'T', ...over });

const icArb = fc.record({
  skill: fc.integer({ min: 0, max: 5 }),
  held: fc.integer({ min: 0, max: 2 }),
  queuedHours: fc.integer({ min: 0, max: 30 }),
  costPerHour: fc.integer({ min: 0, max: 200 }),
  familiarity: fc.constantFrom(0, 0.5, 1),
});

describe('assignment strategies', () => {
  it('always choose one of the candidates, for every strategy', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STRATEGY_NAMES),
        fc.array(icArb, { minLength: 1, maxLength: 6 }),
        (name, ics) => {
          const candidates = ics.map((x, i) => ic(`ic-${i}`, { ...x, wipLimit: 3 }));
          const chosen = createStrategy(name).choose(task(), candidates, CONTEXT);
          expect(candidates).toContain(chosen);
        },
      ),
    );
  });

  it('weighted: scores skill 40 %, workload 25 %, complexity fit 20 %, continuity 15 %', () => {
    expect(
      weightedScore(task({ complexity: 5 }), ic('a', { skill: 5, familiarity: 1 })),
    ).toBeCloseTo(1);
    expect(weightedScore(task(), ic('a', { skill: 0, held: 2, queuedHours: 8 }))).toBeCloseTo(0);
    const chosen = createStrategy('weighted').choose(
      task(),
      [ic('a', { skill: 1 }), ic('b', { skill: 3 })],
      CONTEXT,
    );
    expect(chosen.id).toBe('b');
  });

  it('round-robin: takes turns within a domain', () => {
    const s = createStrategy('round-robin');
    const cs = [ic('a'), ic('b'), ic('c')];
    expect([1, 2, 3, 4].map(() => s.choose(task(), cs, CONTEXT).id)).toEqual(['a', 'b', 'c', 'a']);
    expect(s.choose(task(), [ic('a'), ic('c')], CONTEXT).id).toBe('c');
  });

  it('specialist, affinity, cost-optimized and least-loaded pick by their one criterion', () => {
    const cs = [
      ic('a', { skill: 5, costPerHour: 90, queuedHours: 6 }),
      ic('b', { skill: 2, costPerHour: 10, familiarity: 1, queuedHours: 3 }),
      ic('c', { skill: 3, costPerHour: 20, queuedHours: 1 }),
    ];
    expect(createStrategy('specialist').choose(task(), cs, CONTEXT).id).toBe('a');
    expect(createStrategy('affinity').choose(task(), cs, CONTEXT).id).toBe('b');
    expect(createStrategy('cost-optimized').choose(task(), cs, CONTEXT).id).toBe('b');
    expect(createStrategy('least-loaded').choose(task(), cs, CONTEXT).id).toBe('c');
  });

  it('critical-path-first serves the longest remaining path first within a priority', () => {
    const s = createStrategy('critical-path-first');
    const short = task({ id: 's', remainingPathHours: 5, arrival: 0 });
    const long = task({ id: 'l', remainingPathHours: 50, arrival: 1 });
    const urgent = task({ id: 'u', remainingPathHours: 1, arrival: 2, priority: 0 });
    expect([short, long, urgent].sort(s.compare).map((t) => t.id)).toEqual(['u', 'l', 's']);
    expect([short, long, urgent].sort(createStrategy('weighted').compare).map((t) => t.id)).toEqual(
      ['u', 's', 'l'],
    );
  });
});
