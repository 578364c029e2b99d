import { describe, expect, it } from 'vitest';
import { assign, emit, setup } from 'xstate';
import { FlatActor } from '../../src/engine/flat-actor.ts';
import { Kernel } from '../../src/kernel/kernel.ts';

const base = setup({
  types: { context: {} as { n: number }, events: {} as { type: 'go' } | { type: 'stop' } },
  guards: { small: ({ context }) => context.n < 2 },
  actions: {
    bump: assign(({ context }) => ({ n: context.n + 1 })),
    tell: emit(({ context }) => ({ type: 'told', n: context.n })),
  },
});

describe('the fast engine', () => {
  it('refuses machine shapes it does not reproduce, naming the machine', () => {
    const nested = base.createMachine({
      id: 'nested',
      context: { n: 0 },
      initial: 'a',
      states: { a: { initial: 'x', states: { x: {} } } },
    });
    expect(() => new FlatActor(nested, new Kernel(), undefined)).toThrow(
      /Machine nested: a nested state \(a\) is not supported by the fast engine/,
    );
    const rootTarget = base.createMachine({
      id: 'rooted',
      context: { n: 0 },
      initial: 'a',
      on: { stop: '.b' },
      states: { a: {}, b: {} },
    });
    expect(() => new FlatActor(rootTarget, new Kernel(), undefined)).toThrow(
      /Machine rooted: a root-level transition with a target/,
    );
  });

  it('tries a state’s own transitions before the root’s, and lets a finished actor go', () => {
    const machine = base.createMachine({
      id: 'counter',
      context: { n: 0 },
      initial: 'counting',
      on: { go: { actions: 'tell' } },
      states: {
        counting: {
          on: { go: { guard: 'small', actions: ['bump', 'tell'] }, stop: 'done' },
        },
        done: { type: 'final' },
      },
    });
    const told: unknown[] = [];
    const actor = new FlatActor(machine, new Kernel(), undefined);
    actor.on('*', (e) => told.push(e));
    actor.start();
    for (let i = 0; i < 3; i++) {
      expect(actor.getSnapshot().can({ type: 'go' })).toBe(true);
      actor.send({ type: 'go' });
    }
    // Twice through the state's guarded transition, then (guard false) the root's.
    expect(told).toEqual([
      { type: 'told', n: 1 },
      { type: 'told', n: 2 },
      { type: 'told', n: 2 },
    ]);
    actor.send({ type: 'stop' });
    expect(actor.getSnapshot()).toMatchObject({ value: 'done', status: 'done' });
    expect(actor.getSnapshot().can({ type: 'go' })).toBe(false);
    actor.send({ type: 'go' });
    expect(told).toHaveLength(3);
  });
});
