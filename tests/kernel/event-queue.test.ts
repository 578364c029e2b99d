// The event queue against a model: a plain list sorted by (time, priority, insertion order).
// Whatever the pushes, pops and cancels — including cancels through handles whose entry has
// already gone and whose slot has been reused — the queue pops what the model says, in order.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue, type Handle } from '../../src/kernel/event-queue.ts';

type Op =
  | { kind: 'push'; time: number; priority: number }
  | { kind: 'pop' }
  | { kind: 'cancel'; pick: number }
  | { kind: 'cancelGone'; pick: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('push' as const),
    time: fc.integer({ min: 0, max: 20 }),
    priority: fc.integer({ min: -1, max: 1 }),
  }),
  fc.record({ kind: fc.constant('pop' as const) }),
  fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('cancelGone' as const), pick: fc.nat() }),
);

interface Entry {
  readonly time: number;
  readonly priority: number;
  readonly seq: number;
  readonly handle: Handle;
  readonly fire: () => void;
}

const byKey = (a: Entry, b: Entry) => a.time - b.time || a.priority - b.priority || a.seq - b.seq;

describe('EventQueue', () => {
  it('pops in (time, priority, insertion) order whatever the pushes, pops and cancels', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const queue = new EventQueue();
        const model: Entry[] = [];
        // Handles of entries popped or cancelled: their slots are reused by later pushes.
        const gone: Handle[] = [];
        let seq = 0;
        for (const o of ops) {
          if (o.kind === 'push') {
            const fire = () => {};
            const handle = queue.push(o.time, o.priority, fire);
            model.push({ time: o.time, priority: o.priority, seq: seq++, handle, fire });
          } else if (o.kind === 'pop') {
            model.sort(byKey);
            const next = model.shift();
            expect(queue.pop()).toBe(next?.fire);
            if (next !== undefined) {
              expect(queue.poppedTime).toBe(next.time);
              gone.push(next.handle);
            }
          } else if (o.kind === 'cancel' && model.length > 0) {
            const victim = model.splice(o.pick % model.length, 1)[0] as Entry;
            expect(queue.remove(victim.handle)).toBe(true);
            expect(queue.remove(victim.handle)).toBe(false);
            gone.push(victim.handle);
          } else if (o.kind === 'cancelGone' && gone.length > 0) {
            // A stale handle cancels nothing, even when its slot holds a new entry.
            expect(queue.remove(gone[o.pick % gone.length] as Handle)).toBe(false);
          }
          expect(queue.size).toBe(model.length);
          model.sort(byKey);
          expect(queue.peekTime()).toBe(model[0]?.time);
        }
        for (const expected of model) expect(queue.pop()).toBe(expected.fire);
        expect(queue.pop()).toBeUndefined();
        expect(queue.peekTime()).toBeUndefined();
      }),
    );
  });

  it('does not remove an entry that has already been popped, nor what took its slot', () => {
    const queue = new EventQueue();
    const first = () => {};
    const a = queue.push(1, 0, first);
    queue.push(2, 0, () => {});
    expect(queue.pop()).toBe(first);
    expect(queue.remove(a)).toBe(false);
    // The next push reuses a's slot (the low 24 bits of a handle) under a new generation (the
    // bits above): a's handle still names nothing.
    const c = queue.push(3, 0, () => {});
    expect(c % 2 ** 24).toBe(a % 2 ** 24);
    expect(Math.floor(c / 2 ** 24)).toBe(Math.floor(a / 2 ** 24) + 1);
    expect(queue.remove(a)).toBe(false);
    expect(queue.size).toBe(2);
    expect(queue.remove(c)).toBe(true);
    expect(queue.size).toBe(1);
  });

  it('removes nothing for a handle it never gave: a slot not handed out, or one free now', () => {
    const queue = new EventQueue();
    const a = queue.push(1, 0, () => {});
    const b = queue.push(2, 0, () => {});
    expect(queue.remove(b)).toBe(true);
    // b's slot is free under the next generation; a handle naming that generation is forged.
    const forged = (Math.floor(b / 2 ** 24) + 1) * 2 ** 24 + (b % 2 ** 24);
    expect(queue.remove(forged)).toBe(false);
    // Slots never handed out, at generation 0: one within the arrays first allocated, one past.
    expect(queue.remove(500)).toBe(false);
    expect(queue.remove(12_345)).toBe(false);
    expect(queue.size).toBe(1);
    expect(queue.peekTime()).toBe(1);
    expect(queue.remove(a)).toBe(true);
    expect(queue.size).toBe(0);
  });

  it('grows past its first thousand slots and keeps their order', () => {
    const queue = new EventQueue();
    const n = 5000;
    // Times 4999, 4998, …, 0, each pushed twice: the second of a pair pops after the first.
    const order: string[] = [];
    for (let i = n - 1; i >= 0; i--) {
      queue.push(i, 0, () => order.push(`${i}a`));
      queue.push(i, 0, () => order.push(`${i}b`));
    }
    expect(queue.size).toBe(2 * n);
    for (let fire = queue.pop(); fire !== undefined; fire = queue.pop()) fire();
    expect(order.slice(0, 4)).toEqual(['0a', '0b', '1a', '1b']);
    expect(order.at(-1)).toBe(`${n - 1}b`);
    expect(order).toHaveLength(2 * n);
  });
});
