// A desk held on a spent budget: work not for a P0 task or instruction stops at once and waits;
// P0 work goes on; the release lets the rest resume with the hours it had left. Run on XState and
// on the fast engine, which must emit the same events.

import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import type { DeskEmitted } from '../../machines/desk.ts';
import { icMachine } from '../../machines/ic.machine.ts';
import { ALWAYS } from '../../src/domain/calendar.ts';
import { FlatActor } from '../../src/engine/flat-actor.ts';
import { kernelClock } from '../../src/kernel/clock.ts';
import { Kernel } from '../../src/kernel/kernel.ts';

type Sent = Parameters<ReturnType<typeof createActor<typeof icMachine>>['send']>[0];

function desk(engine: 'xstate' | 'fast') {
  const kernel = new Kernel();
  const seen: Array<DeskEmitted & { t: number }> = [];
  const input = { id: 'ic-1', role: 'IC' as const, calendar: ALWAYS };
  const listen = (e: unknown) => seen.push({ ...(e as DeskEmitted), t: kernel.now });
  let send: (event: Sent) => void;
  if (engine === 'fast') {
    const actor = new FlatActor(icMachine, kernel, input);
    actor.on('*', listen);
    actor.start();
    send = (event) => actor.send(event as never);
  } else {
    const actor = createActor(icMachine, { input, clock: kernelClock(kernel) });
    actor.on('*', listen);
    actor.start();
    send = (event) => actor.send(event);
  }
  const at = (t: number, event: Sent) => kernel.scheduleAt(t, () => send(event));
  return { kernel, seen, at };
}

const lines = (seen: Array<DeskEmitted & { t: number }>) =>
  seen.map(
    (e) =>
      `${e.t} ${e.type} ${e.activity.kind}:${e.activity.task ?? ''}${e.type === 'work.interrupted' ? ` ${e.reason} ${e.remainingHours}` : ''}`,
  );

for (const engine of ['xstate', 'fast'] as const) {
  describe(`a desk held on a spent budget (${engine})`, () => {
    it('stops work below P0 at once, lets P0 work through, and resumes the rest on release', () => {
      const { kernel, seen, at } = desk(engine);
      at(0, { type: 'review.peer', at: 0, workHours: 1, task: 'rev', priority: 1 });
      at(0, { type: 'delegate.task', at: 0, workHours: 10, task: 'low', priority: 2 });
      // The review runs 0–1, then the P2 task from 1; the budget is spent at 3 (2 h done).
      at(3, { type: 'budget.hold', at: 3, upTo: 0 });
      at(4, { type: 'delegate.task', at: 4, workHours: 2, task: 'p0', priority: 0 });
      // A standup called during the hold serves no P0 work: it waits too.
      at(5, { type: 'standup.call', at: 5, workHours: 0.25 });
      at(24, { type: 'budget.release', at: 24 });
      kernel.run();
      expect(lines(seen)).toEqual([
        '0 work.started peerReview:rev',
        '1 work.finished peerReview:rev',
        '1 work.started execute:low',
        '3 work.interrupted execute:low held 8',
        '4 work.started execute:p0',
        '6 work.finished execute:p0',
        // Released at midnight: the standup first (rituals lead the queue), then the 8 h left.
        '24 work.started standup:',
        '24.25 work.finished standup:',
        '24.25 work.started execute:low',
        '32.25 work.finished execute:low',
      ]);
    });

    it('holds nothing back when the hold admits the work under way', () => {
      const { kernel, seen, at } = desk(engine);
      at(0, { type: 'delegate.task', at: 0, workHours: 4, task: 'p0', priority: 0 });
      at(1, { type: 'budget.hold', at: 1, upTo: 0 });
      at(2, { type: 'delegate.task', at: 2, workHours: 1, task: 'p1', priority: 1 });
      kernel.run();
      // The P1 task never starts: nothing releases the hold.
      expect(lines(seen)).toEqual(['0 work.started execute:p0', '4 work.finished execute:p0']);
    });

    it('stops everything under a hold that admits nothing', () => {
      const { kernel, seen, at } = desk(engine);
      at(0, { type: 'delegate.task', at: 0, workHours: 4, task: 'p0', priority: 0 });
      at(1.5, { type: 'budget.hold', at: 1.5, upTo: -1 });
      kernel.run();
      expect(lines(seen)).toEqual([
        '0 work.started execute:p0',
        '1.5 work.interrupted execute:p0 held 2.5',
      ]);
    });
  });
}
