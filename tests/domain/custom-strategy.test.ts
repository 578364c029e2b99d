// A user's strategy module: loaded, run, and stopped with a clear StrategyError when it throws,
// picks someone who is not a candidate, answers twice differently, or exports no strategy.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCustomStrategy, StrategyError } from '../../src/domain/assignment/custom.ts';
import { ROOT } from '../cli/orgsim.ts';
import { ic, task } from './views.ts';

const dir = mkdtempSync(join(tmpdir(), 'orgsim-strategies-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A strategy module with this source, as a file. */
function module(name: string, source: string): string {
  const file = join(dir, `${name}.mjs`);
  writeFileSync(file, source);
  return file;
}

let draws = 0;
const context = {
  now: 5,
  random: () => {
    draws++;
    return (draws * 0.37) % 1;
  },
};

describe('a strategy module', () => {
  it('chooses as its source says, named as it names itself', () => {
    const s = loadCustomStrategy(
      module(
        'last',
        `export default () => ({ name: 'last-one', compare: (a, b) => b.arrival - a.arrival, choose: (t, c) => c[c.length - 1] });`,
      ),
    );
    expect(s.name).toBe('last-one');
    expect(s.choose(task(), [ic('a'), ic('b')], context).id).toBe('b');
    expect(s.compare(task({ arrival: 1 }), task({ arrival: 2 }))).toBe(1);
  });

  it('may draw from the seeded stream and still be deterministic: both askings see the same draws', () => {
    const s = loadCustomStrategy(
      module(
        'lottery',
        'export default { choose: (t, c, ctx) => c[Math.floor(ctx.random() * c.length)] };',
      ),
    );
    const candidates = [ic('a'), ic('b'), ic('c')];
    const picks = [1, 2, 3, 4].map(() => s.choose(task(), candidates, context).id);
    // Draws 0.37, 0.74, 0.11, 0.48 (each asking's second call replays the first's): × 3 candidates
    // and floored, indexes 1, 2, 0, 1.
    expect(picks).toEqual(['b', 'c', 'a', 'b']);
    expect(s.name).toBe('lottery');
  });

  it('stops the run when it throws, naming it and the task', () => {
    const s = loadCustomStrategy(
      module('boom', `export default { choose: () => { throw new Error('no IC for you'); } };`),
    );
    expect(() => s.choose(task(), [ic('a')], context)).toThrow(
      new StrategyError('strategy boom threw choosing an IC for task T1: no IC for you'),
    );
  });

  it('stops the run when it picks someone who is not a candidate', () => {
    const s = loadCustomStrategy(
      module('stranger', `export default { choose: () => ({ id: 'ic-nobody' }) };`),
    );
    expect(() => s.choose(task(), [ic('a'), ic('b')], context)).toThrow(
      'strategy stranger chose "ic-nobody" for task T1, who is not one of its candidates (a, b): return one of the candidates it is given',
    );
  });

  it('stops the run when asking twice gives two answers', () => {
    const file = module(
      'flaky',
      'let n = 0; export default { choose: (t, c) => c[n++ % c.length] };',
    );
    const s = loadCustomStrategy(file);
    expect(() => s.choose(task(), [ic('a'), ic('b')], context)).toThrow(
      /^strategy flaky is not deterministic: asked twice for task T1 with the same candidates it chose "a", then "b"; use context\.random/,
    );
  });

  it('is refused at load when it exports no strategy, or cannot be loaded', () => {
    expect(() => loadCustomStrategy(module('empty', 'export const x = 1;'))).toThrow(
      /must export \(as default\) an object with choose\(task, candidates, context\) and compare\(a, b\), or a function returning one/,
    );
    expect(() => loadCustomStrategy(join(dir, 'missing.mjs'))).toThrow(
      /cannot be loaded: Cannot find module/,
    );
    expect(() => loadCustomStrategy(module('syntax', 'export default {'))).toThrow(
      /cannot be loaded/,
    );
  });
});

describe('the example strategy, cost-aware critical path', () => {
  const s = loadCustomStrategy(join(ROOT, 'examples', 'strategies', 'cost-aware-critical-path.js'));

  it('gives the task to the cheapest IC who finishes within a day of the soonest', () => {
    // Task: complexity 3, 4 h. A: skill 3, $10/h, nothing queued → finishes at 4 h for $40.
    // B: skill 2, $2/h, 10 h queued → 4 × 1.25 = 5 h of work, finishes at 15 h (≤ 4 + 24) for $10.
    const a = ic('a', { costPerHour: 10 });
    const b = ic('b', { skill: 2, costPerHour: 2, queuedHours: 10 });
    expect(s.choose(task(), [a, b], context).id).toBe('b');
    // With 30 h queued B finishes at 35 h, more than a day after A's 4 h: A it is.
    expect(s.choose(task(), [a, { ...b, queuedHours: 30 }], context).id).toBe('a');
  });

  it('serves the longest remaining path first within a priority', () => {
    expect(
      s.compare(task({ remainingPathHours: 30 }), task({ remainingPathHours: 10 })),
    ).toBeLessThan(0);
    expect(
      s.compare(task({ priority: 1 }), task({ priority: 2, remainingPathHours: 99 })),
    ).toBeLessThan(0);
  });
});
