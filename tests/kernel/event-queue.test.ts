import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue, type ScheduledEntry } from '../../src/kernel/event-queue.ts';

type Op =
  | { kind: 'push'; time: number; priority: number }
  | { kind: 'pop' }
  | { kind: 'cancel'; pick: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('push' as const),
    time: fc.integer({ min: 0, max: 20 }),
    priority: fc.integer({ min: -1, max: 1 }),
  }),
  fc.record({ kind: fc.constant('pop' as const) }),
  fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }),
);

function byKey(a: ScheduledEntry, b: ScheduledEntry): number {
  return a.time - b.time || a.priority - b.priority || a.seq - b.seq;
}

describe('EventQueue', () => {
  it('pops in (time, priority, insertion) order whatever the pushes, pops and cancels', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const queue = new EventQueue();
        const model: ScheduledEntry[] = [];
        for (const o of ops) {
          if (o.kind === 'push') {
            model.push(queue.push(o.time, o.priority, () => {}));
          } else if (o.kind === 'pop') {
            model.sort(byKey);
            expect(queue.pop()).toBe(model.shift());
          } else if (model.length > 0) {
            const victim = model.splice(o.pick % model.length, 1)[0] as ScheduledEntry;
            expect(queue.remove(victim)).toBe(true);
            expect(queue.remove(victim)).toBe(false);
          }
          expect(queue.size).toBe(model.length);
        }
        model.sort(byKey);
        for (const expected of model) expect(queue.pop()).toBe(expected);
        expect(queue.pop()).toBeUndefined();
      }),
    );
  });

  it('does not remove an entry that has already been popped', () => {
    const queue = new EventQueue();
    const a = queue.push(1, 0, () => {});
    queue.push(2, 0, () => {});
    expect(queue.pop()).toBe(a);
    expect(queue.remove(a)).toBe(false);
    expect(queue.size).toBe(1);
  });
});
