// The assignment strategies and their helpers, called directly with small hand-made views: which
// IC each one picks and why, the backlog order, and the guard around a user's own strategy.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { affinity } from '../../src/domain/assignment/affinity.ts';
import { costOptimized } from '../../src/domain/assignment/cost-optimized.ts';
import { criticalPathFirst } from '../../src/domain/assignment/critical-path-first.ts';
import {
  isModulePath,
  loadCustomStrategy,
  StrategyError,
  userStrategy,
} from '../../src/domain/assignment/custom.ts';
import { createStrategy } from '../../src/domain/assignment/index.ts';
import { leastLoaded } from '../../src/domain/assignment/least-loaded.ts';
import { roundRobin } from '../../src/domain/assignment/round-robin.ts';
import { specialist } from '../../src/domain/assignment/specialist.ts';
import {
  best,
  byPriorityThenArrival,
  type IcView,
  load,
  naturalOrder,
  type StrategyContext,
  type TaskView,
} from '../../src/domain/assignment/strategy.ts';
import { ic, task } from './views.ts';

/** A context whose draws are `values` in turn (cycling); `drawn` counts the draws taken. */
function stream(values: number[], now = 0) {
  const state = { drawn: 0 };
  const context: StrategyContext = {
    now,
    random: () => {
      const v = values[state.drawn % values.length] as number;
      state.drawn++;
      return v;
    },
  };
  return { context, state };
}

const MUST =
  'an object with choose(task, candidates, context) and compare(a, b), or a function returning one';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
/** A module file with this name and source in a fresh temporary folder. */
function moduleFile(name: string, source: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'orgsim-strategies-unit-'));
  dirs.push(dir);
  const file = join(dir, name);
  writeFileSync(file, source);
  return file;
}

/** The StrategyError `f` throws. */
function strategyError(f: () => unknown): StrategyError {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(StrategyError);
    return error as StrategyError;
  }
  throw new Error('expected a StrategyError');
}

describe('naturalOrder', () => {
  it('compares the numbers inside ids as numbers: ic-9 before ic-10', () => {
    // 'ic-9' splits to ['ic-', 9, ''], 'ic-10' to ['ic-', 10, '']: 9 - 10 = -1, and 10 - 9 = 1
    // (as text '10' < '9' would put them the other way round).
    expect(naturalOrder('ic-9', 'ic-10')).toBe(-1);
    expect(naturalOrder('ic-10', 'ic-9')).toBe(1);
    // 2 - 10 = -8; equal ids compare 0.
    expect(naturalOrder('ic-2', 'ic-10')).toBe(-8);
    expect(naturalOrder('ic-10', 'ic-10')).toBe(0);
    expect(['ic-10', 'ic-9', 'ic-1', 'ic-2'].sort(naturalOrder)).toEqual([
      'ic-1',
      'ic-2',
      'ic-9',
      'ic-10',
    ]);
  });

  it('puts an id before a longer one it begins, and compares text parts as text', () => {
    // 'a' splits to ['a'], 'a1' to ['a', 1, '']: at part 1 the first has nothing, so it comes first.
    expect(naturalOrder('a', 'a1')).toBe(-1);
    expect(naturalOrder('a1', 'a')).toBe(1);
    // Text parts: 'ic-' = 'ic-', then 'alpha' < 'beta' as text.
    expect(naturalOrder('alpha', 'beta')).toBe(-1);
    expect(naturalOrder('beta', 'alpha')).toBe(1);
    expect(naturalOrder('x-1-b', 'x-1-a')).toBe(1);
  });
});

describe('byPriorityThenArrival', () => {
  it('orders by priority, then arrival, as differences', () => {
    // Priority 1 - 2 = -1 decides.
    expect(byPriorityThenArrival(task({ priority: 1, arrival: 5 }), task({ arrival: 0 }))).toBe(-1);
    // Same priority: arrival 1 - 2 = -1, and 3 - 1 = 2.
    expect(byPriorityThenArrival(task({ arrival: 1 }), task({ arrival: 2 }))).toBe(-1);
    expect(byPriorityThenArrival(task({ arrival: 3 }), task({ arrival: 1 }))).toBe(2);
    const backlog = [
      task({ id: 'late', arrival: 2 }),
      task({ id: 'early', arrival: 1 }),
      task({ id: 'urgent', priority: 0, arrival: 3 }),
    ];
    expect(backlog.sort(byPriorityThenArrival).map((t) => t.id)).toEqual([
      'urgent',
      'early',
      'late',
    ]);
  });
});

describe('best and load', () => {
  it('best: the highest score, the first candidate on a tie', () => {
    const cs = [ic('ic-1'), ic('ic-2'), ic('ic-3')];
    // Scores 1, 3, 3: ic-2 and ic-3 tie on top, and ic-2 comes first.
    const scores: Record<string, number> = { 'ic-1': 1, 'ic-2': 3, 'ic-3': 3 };
    expect(best(cs, (x) => scores[x.id] as number).id).toBe('ic-2');
    // All equal: the first.
    expect(best(cs, () => 0).id).toBe('ic-1');
  });

  it('load: half the held share of the WIP limit plus half a day of queued work, capped at 1', () => {
    expect(load(ic('a'))).toBe(0);
    // (1/2 + 4/8) / 2 = 0.5
    expect(load(ic('a', { held: 1, queuedHours: 4 }))).toBe(0.5);
    // Queue above 8 hours counts as a full day: (0 + 1) / 2 = 0.5.
    expect(load(ic('a', { queuedHours: 16 }))).toBe(0.5);
    // (2/2 + 2/8) / 2 = 0.625
    expect(load(ic('a', { held: 2, queuedHours: 2 }))).toBe(0.625);
    // (2/2 + 1) / 2 = 1
    expect(load(ic('a', { held: 2, queuedHours: 30 }))).toBe(1);
  });
});

describe('built-in strategies', () => {
  it('are named as reports name them', () => {
    expect(affinity().name).toBe('affinity');
    expect(costOptimized().name).toBe('cost-optimized');
    expect(criticalPathFirst().name).toBe('critical-path-first');
    expect(leastLoaded().name).toBe('least-loaded');
    expect(specialist().name).toBe('specialist');
    expect(roundRobin().name).toBe('round-robin');
  });

  it('specialist: the most skilled, then the least loaded', () => {
    const ctx = stream([0.5]).context;
    // ic-1: skill 4, load (2/2 + 8/8)/2 = 1, score 4 - 0.5 = 3.5; ic-2: skill 4, load 0, score 4.
    const cs = [ic('ic-1', { skill: 4, held: 2, queuedHours: 8 }), ic('ic-2', { skill: 4 })];
    expect(specialist().choose(task(), cs, ctx).id).toBe('ic-2');
    // ic-3: skill 5 fully loaded, 5 - 0.5 = 4.5 beats 4.
    const more = [...cs, ic('ic-3', { skill: 5, held: 2, queuedHours: 8 })];
    expect(specialist().choose(task(), more, ctx).id).toBe('ic-3');
  });

  it('affinity: familiarity twice over, less the load', () => {
    const ctx = stream([0.5]).context;
    // ic-1: 2·0 - (1/2 + 4/8)/2 = -0.5; ic-2: 2·0 - 0 = 0.
    expect(
      affinity().choose(task(), [ic('ic-1', { held: 1, queuedHours: 4 }), ic('ic-2')], ctx).id,
    ).toBe('ic-2');
    // ic-1: 2·0.5 - 1 = 0 (full), ic-2: 0 - 0 = 0: a tie, the first wins.
    expect(
      affinity().choose(
        task(),
        [ic('ic-1', { familiarity: 0.5, held: 2, queuedHours: 8 }), ic('ic-2')],
        ctx,
      ).id,
    ).toBe('ic-1');
    // ic-2 worked on the strategic task: 2·1 - 0.5 = 1.5 beats 0.
    expect(
      affinity().choose(
        task(),
        [ic('ic-1'), ic('ic-2', { familiarity: 1, held: 1, queuedHours: 4 })],
        ctx,
      ).id,
    ).toBe('ic-2');
  });

  it('cost-optimized: the cheapest expected cost among ICs within a level of the complexity', () => {
    const ctx = stream([0.5]).context;
    // Complexity 4, 4 h. ic-1: skill 1 (too far below), 1/h × 1.75 × 4 = 7; ic-2: skill 3,
    // 10/h × 1.25 × 4 = 50. Only ic-2 is within one level, so ic-2 despite costing more.
    const t = task({ complexity: 4, estimateHours: 4 });
    expect(
      costOptimized().choose(
        t,
        [ic('ic-1', { skill: 1, costPerHour: 1 }), ic('ic-2', { skill: 3 })],
        ctx,
      ).id,
    ).toBe('ic-2');
    // Nobody within a level of complexity 5: all count. ic-1: skill 0, 10 × 2 × 4 = 80;
    // ic-2: skill 2, 12 × 1.75 × 4 = 84: ic-1.
    expect(
      costOptimized().choose(
        task({ complexity: 5 }),
        [ic('ic-1', { skill: 0, costPerHour: 10 }), ic('ic-2', { skill: 2, costPerHour: 12 })],
        ctx,
      ).id,
    ).toBe('ic-1');
    // Complexity 5, 2 h, both capable. ic-1: skill 4, 9 × 1.25 × 2 = 22.5; ic-2: skill 5,
    // 10 × 1 × 2 = 20: the pricier rate is the cheaper task.
    expect(
      costOptimized().choose(
        task({ complexity: 5, estimateHours: 2 }),
        [ic('ic-1', { skill: 4, costPerHour: 9 }), ic('ic-2', { skill: 5, costPerHour: 10 })],
        ctx,
      ).id,
    ).toBe('ic-2');
  });

  it('least-loaded: fewest queued hours, then fewest held tasks', () => {
    const ctx = stream([0.5]).context;
    // Same queue: ic-1 holds 1, ic-2 none.
    expect(leastLoaded().choose(task(), [ic('ic-1', { held: 1 }), ic('ic-2')], ctx).id).toBe(
      'ic-2',
    );
    // One queued hour outweighs a held task: ic-1 -1, ic-2 -0.001.
    expect(
      leastLoaded().choose(task(), [ic('ic-1', { queuedHours: 1 }), ic('ic-2', { held: 1 })], ctx)
        .id,
    ).toBe('ic-2');
    // Identical: the first.
    expect(leastLoaded().choose(task(), [ic('ic-1'), ic('ic-2')], ctx).id).toBe('ic-1');
  });

  it('critical-path-first: the IC who finishes soonest; backlog by priority, path, arrival', () => {
    const ctx = stream([0.5]).context;
    // Complexity 3, 4 h. ic-1: no skill, 0 + 2 × 4 = 8 h; ic-2: 3 queued + 1 × 4 = 7 h: ic-2.
    expect(
      criticalPathFirst().choose(
        task(),
        [ic('ic-1', { skill: 0 }), ic('ic-2', { queuedHours: 3 })],
        ctx,
      ).id,
    ).toBe('ic-2');
    const s = criticalPathFirst();
    // Same priority: longer remaining path first, 30 - 10 = 20; then arrival 1 - 2 = -1.
    expect(s.compare(task({ remainingPathHours: 10 }), task({ remainingPathHours: 30 }))).toBe(20);
    expect(s.compare(task({ arrival: 1 }), task({ arrival: 2 }))).toBe(-1);
    expect(s.compare(task({ priority: 0, remainingPathHours: 1 }), task())).toBe(-2);
  });

  it('round-robin: turns in natural id order, kept per team and domain', () => {
    const ctx = stream([0.5]).context;
    const s = roundRobin();
    const cs = [ic('ic-9'), ic('ic-10')];
    const backend = task();
    // Each team/domain starts at the first; team-1/backend then moves on to ic-10 (10 after 9),
    // then wraps to ic-9.
    expect(s.choose(backend, cs, ctx).id).toBe('ic-9');
    expect(s.choose(task({ domain: 'frontend' }), cs, ctx).id).toBe('ic-9');
    expect(s.choose(task({ team: 'team-2' }), cs, ctx).id).toBe('ic-9');
    expect(s.choose(backend, cs, ctx).id).toBe('ic-10');
    expect(s.choose(backend, cs, ctx).id).toBe('ic-9');
    expect(s.compare(task({ arrival: 1 }), task({ arrival: 2 }))).toBe(-1);
  });

  it('round-robin: refuses to choose among nobody', () => {
    expect(() => roundRobin().choose(task(), [], stream([0.5]).context)).toThrow(
      'round-robin: no candidate',
    );
  });
});

describe('isModulePath', () => {
  it('knows relative, absolute and script paths from built-in names', () => {
    for (const path of ['./x', '../x', '/abs', '/', './', '.\\x', 'C:\\x', 'c:/x', 'C:/'])
      expect(isModulePath(path), path).toBe(true);
    for (const path of ['x.ts', 'x.mts', 'x.js', 'x.mjs', 'x.cjs', 'dir/x.js'])
      expect(isModulePath(path), path).toBe(true);
    for (const path of ['weighted', 'round-robin', 'my/strategy', 'x.tsx', 'x.json', 'C:x', '.x'])
      expect(isModulePath(path), path).toBe(false);
  });
});

describe('userStrategy', () => {
  it('refuses what is no strategy, with the message it is given', () => {
    for (const bad of [42, null, 'weighted', { compare: () => 0 }, () => 'nothing'])
      expect(() => userStrategy(bad, 'x', 'the thing must be')).toThrow(
        new StrategyError(`the thing must be ${MUST}`),
      );
    const error = strategyError(() => userStrategy(undefined, 'x', 'it must be'));
    expect(error.name).toBe('StrategyError');
    expect(error.message).toBe(`it must be ${MUST}`);
  });

  it('accepts an object or a function returning one, named by itself or by the label', () => {
    const choose = (_t: TaskView, c: readonly IcView[]) => c[1] as IcView;
    expect(userStrategy({ name: 'mine', choose }, 'label', 'm').name).toBe('mine');
    // An empty or non-text name falls back to the label.
    expect(userStrategy({ name: '', choose }, 'label', 'm').name).toBe('label');
    expect(userStrategy({ name: 5, choose }, 'label', 'm').name).toBe('label');
    let made = 0;
    const s = userStrategy(
      () => {
        made++;
        return { choose };
      },
      'factory',
      'm',
    );
    expect(made).toBe(1);
    expect(s.name).toBe('factory');
    const cs = [ic('ic-1'), ic('ic-2')];
    expect(s.choose(task(), cs, stream([0.5]).context)).toBe(cs[1]);
  });

  it('hands back the candidate itself, and passes the clock through', () => {
    const cs = [ic('ic-1'), ic('ic-2'), ic('ic-3')];
    // A copy of ic-2 comes back as the candidate object.
    const copy = userStrategy({ choose: (_t: TaskView, c: IcView[]) => ({ ...c[1] }) }, 'c', 'm');
    expect(copy.choose(task(), cs, stream([0.5]).context)).toBe(cs[1]);
    // now = 2: the third.
    const clock = userStrategy(
      { choose: (_t: TaskView, c: IcView[], ctx: StrategyContext) => c[ctx.now] },
      'clock',
      'm',
    );
    expect(clock.choose(task(), cs, stream([0.5], 2).context).id).toBe('ic-3');
  });

  it('compare: its own order, or priority then arrival without one', () => {
    const own = userStrategy(
      {
        choose: (_t: TaskView, c: IcView[]) => c[0],
        compare: (a: TaskView, b: TaskView) => b.arrival - a.arrival,
      },
      'own',
      'm',
    );
    expect(own.compare(task({ arrival: 1 }), task({ arrival: 4 }))).toBe(3);
    const none = userStrategy({ choose: (_t: TaskView, c: IcView[]) => c[0] }, 'none', 'm');
    // Priority 1 - 2 = -1 (the && of -1 and 5 would be 5); same priority: arrival 3 - 1 = 2.
    expect(none.compare(task({ priority: 1, arrival: 5 }), task({ arrival: 0 }))).toBe(-1);
    expect(none.compare(task({ arrival: 3 }), task({ arrival: 1 }))).toBe(2);
    expect(none.compare(task({ arrival: 1 }), task({ arrival: 2 }))).toBe(-1);
  });

  it('compare: stops the run when it throws or answers with no number', () => {
    const a = task({ id: 'T1' });
    const b = task({ id: 'T2' });
    const answering = (value: unknown) =>
      userStrategy(
        { choose: (_t: TaskView, c: IcView[]) => c[0], compare: () => value },
        'cmp',
        'm',
      );
    expect(() => answering(Number.NaN).compare(a, b)).toThrow(
      new StrategyError(
        'strategy cmp compare(T1, T2) returned NaN: return a number (negative: a first)',
      ),
    );
    expect(() => answering('1').compare(a, b)).toThrow(
      new StrategyError(
        'strategy cmp compare(T1, T2) returned 1: return a number (negative: a first)',
      ),
    );
    expect(() => answering(undefined).compare(a, b)).toThrow(
      new StrategyError(
        'strategy cmp compare(T1, T2) returned undefined: return a number (negative: a first)',
      ),
    );
    expect(answering(-Infinity).compare(a, b)).toBe(-Infinity);
    const throwing = userStrategy(
      {
        choose: (_t: TaskView, c: IcView[]) => c[0],
        compare: () => {
          throw new Error('cannot compare');
        },
      },
      'cmp',
      'm',
    );
    expect(() => throwing.compare(a, b)).toThrow(
      new StrategyError('strategy cmp threw comparing tasks T1 and T2: cannot compare'),
    );
  });

  it('choose: stops the run when it throws anything, naming the task', () => {
    const throwing = (value: unknown) =>
      userStrategy(
        {
          choose: () => {
            throw value;
          },
        },
        'thrower',
        'm',
      );
    const ctx = stream([0.5]).context;
    expect(() => throwing(null).choose(task(), [ic('ic-1')], ctx)).toThrow(
      new StrategyError('strategy thrower threw choosing an IC for task T1: null'),
    );
    expect(() => throwing('nope').choose(task(), [ic('ic-1')], ctx)).toThrow(
      new StrategyError('strategy thrower threw choosing an IC for task T1: nope'),
    );
  });

  it('choose: stops the run when it answers with nobody', () => {
    const ctx = stream([0.5]).context;
    const cs = [ic('ic-1'), ic('ic-2')];
    const tail =
      'for task T1, who is not one of its candidates (ic-1, ic-2): return one of the candidates it is given';
    expect(() =>
      userStrategy({ choose: () => undefined }, 'u', 'm').choose(task(), cs, ctx),
    ).toThrow(new StrategyError(`strategy u chose undefined ${tail}`));
    expect(() => userStrategy({ choose: () => null }, 'n', 'm').choose(task(), cs, ctx)).toThrow(
      new StrategyError(`strategy n chose null ${tail}`),
    );
    expect(() =>
      userStrategy({ choose: () => ({ id: 'ic-3' }) }, 's', 'm').choose(task(), cs, ctx),
    ).toThrow(new StrategyError(`strategy s chose "ic-3" ${tail}`));
  });

  it('choose: stops the run when the second asking answers with nobody', () => {
    let calls = 0;
    // First asking ic-1, second asking undefined.
    const s = userStrategy(
      { choose: (_t: TaskView, c: IcView[]) => (calls++ === 0 ? c[0] : undefined) },
      'once',
      'm',
    );
    expect(() => s.choose(task(), [ic('ic-1'), ic('ic-2')], stream([0.5]).context)).toThrow(
      new StrategyError(
        'strategy once is not deterministic: asked twice for task T1 with the same candidates it chose "ic-1", then "undefined"; use context.random (seeded) rather than Math.random or the time',
      ),
    );
  });

  it('replays the draws of the first asking to the second, in order', () => {
    // Two draws per asking, the second one picks: draws 0.1, 0.6 → index floor(0.6 × 2) = 1;
    // the second asking replays 0.1, 0.6 and agrees. Next choice: 0.3, 0.2 → index 0.
    const { context, state } = stream([0.1, 0.6, 0.3, 0.2]);
    const s = userStrategy(
      {
        choose: (_t: TaskView, c: IcView[], ctx: StrategyContext) => {
          ctx.random();
          return c[Math.floor(ctx.random() * c.length)];
        },
      },
      'twice',
      'm',
    );
    const cs = [ic('ic-1'), ic('ic-2')];
    expect(s.choose(task(), cs, context).id).toBe('ic-2');
    expect(state.drawn).toBe(2);
    expect(s.choose(task(), cs, context).id).toBe('ic-1');
    expect(state.drawn).toBe(4);
  });

  it('checks only the first 200 choices by asking twice', () => {
    // Answers ic-1 to its first 400 askings (200 choices asked twice), then alternates by call
    // count: call 400 → ic-1, 401 → ic-2, 402 → ic-1, each choice now asked once.
    let calls = 0;
    const s = userStrategy(
      {
        choose: (_t: TaskView, c: IcView[]) => {
          const pick = calls < 400 ? c[0] : c[calls % 2];
          calls++;
          return pick;
        },
      },
      'late',
      'm',
    );
    const cs = [ic('ic-1'), ic('ic-2')];
    const ctx = stream([0.5]).context;
    const first = Array.from({ length: 200 }, () => s.choose(task(), cs, ctx).id);
    expect(first.every((id) => id === 'ic-1')).toBe(true);
    expect(calls).toBe(400);
    expect([1, 2, 3].map(() => s.choose(task(), cs, ctx).id)).toEqual(['ic-1', 'ic-2', 'ic-1']);
    expect(calls).toBe(403);
  });
});

describe('loadCustomStrategy and createStrategy', () => {
  it('names a module by its file when it gives no name', () => {
    const file = moduleFile(
      'my-picker.cjs',
      'module.exports = () => ({ choose: (t, c) => c[c.length - 1] });',
    );
    const s = loadCustomStrategy(file);
    expect(s.name).toBe('my-picker');
    const cs = [ic('ic-1'), ic('ic-2')];
    expect(s.choose(task(), cs, stream([0.5]).context).id).toBe('ic-2');
    const viaRef = createStrategy({ module: file });
    expect(viaRef.name).toBe('my-picker');
    expect(viaRef.choose(task(), cs, stream([0.5]).context).id).toBe('ic-2');
  });

  it('says why a module cannot be loaded, with a TypeScript hint only for .ts and .mts files', () => {
    // '.tsv' in the name is not a TypeScript extension; only the first line of the message counts.
    const js = moduleFile('broken.tsv.cjs', "throw new Error('cannot start\\nsecond line');");
    expect(() => loadCustomStrategy(js)).toThrow(
      new StrategyError(`strategy ${js} cannot be loaded: cannot start`),
    );
    const hint =
      ' (a TypeScript strategy needs a Node that runs TypeScript, 22.18 or later, or tsx: or compile it to .js)';
    const ts = moduleFile('typed.ts', "throw new Error('ts start');");
    expect(() => loadCustomStrategy(ts)).toThrow(
      new StrategyError(`strategy ${ts} cannot be loaded: ts start${hint}`),
    );
    const mts = moduleFile('typed.mts', "throw new Error('mts start');");
    expect(strategyError(() => loadCustomStrategy(mts)).message.endsWith(hint)).toBe(true);
  });

  it('createStrategy: a built-in by name, an object as "custom", or refuses', () => {
    expect(createStrategy('least-loaded').name).toBe('least-loaded');
    const s = createStrategy({
      object: { name: '', choose: (_t, c) => c[0] as IcView, compare: () => 0 },
    });
    expect(s.name).toBe('custom');
    expect(s.choose(task(), [ic('ic-1')], stream([0.5]).context).id).toBe('ic-1');
    expect(() =>
      createStrategy({
        object: 42 as unknown as { name: string; choose: () => IcView; compare: () => number },
      }),
    ).toThrow(new StrategyError(`the strategy given to runScenario must be ${MUST}`));
  });
});
