import { describe, expect, it } from 'vitest';
import { createActor, sendTo, setup } from 'xstate';
import { kernelClock } from '../../src/kernel/clock.ts';
import { Kernel } from '../../src/kernel/kernel.ts';

const light = setup({
  types: {
    context: {} as { green: number },
    input: {} as { green: number },
    events: {} as { type: 'walk' },
  },
  delays: { green: ({ context }) => context.green, never: () => Number.POSITIVE_INFINITY },
}).createMachine({
  context: ({ input }) => input,
  initial: 'green',
  states: {
    green: { after: { green: 'yellow', never: 'broken' }, on: { walk: 'red' } },
    yellow: {},
    red: {},
    broken: {},
  },
});

describe('kernelClock', () => {
  it('fires an XState after-delay at exactly now + delay, in simulated hours', () => {
    const kernel = new Kernel();
    kernel.runUntil(2.5);
    const actor = createActor(light, {
      input: { green: 0.75 },
      clock: kernelClock(kernel),
    }).start();
    const seen: Array<[number, unknown]> = [];
    actor.subscribe((s) => seen.push([kernel.now, s.value]));
    kernel.run();
    expect(seen).toEqual([[3.25, 'yellow']]);
  });

  it('takes the timer off the queue when the state is left before it fires', () => {
    const kernel = new Kernel();
    const actor = createActor(light, { input: { green: 1 }, clock: kernelClock(kernel) }).start();
    expect(kernel.pending).toBe(1);
    actor.send({ type: 'walk' });
    expect(kernel.pending).toBe(0);
    kernel.run();
    expect(actor.getSnapshot().value).toBe('red');
  });

  it('treats an infinite delay as never: nothing is queued', () => {
    const kernel = new Kernel();
    createActor(light, {
      input: { green: Number.POSITIVE_INFINITY },
      clock: kernelClock(kernel),
    }).start();
    expect(kernel.pending).toBe(0);
  });

  it('delivers delayed sendTo between actors on simulated time', () => {
    const kernel = new Kernel();
    const received: number[] = [];
    const receiver = createActor(
      setup({ types: { events: {} as { type: 'ping' } } }).createMachine({
        on: { ping: { actions: () => received.push(kernel.now) } },
      }),
      { clock: kernelClock(kernel) },
    ).start();
    const sender = setup({
      types: { context: {} as { to: typeof receiver } },
      delays: { later: () => 8 },
    }).createMachine({
      context: { to: receiver },
      entry: sendTo(({ context }) => context.to, { type: 'ping' }, { delay: 'later' }),
    });
    createActor(sender, { clock: kernelClock(kernel) }).start();
    kernel.run();
    expect(received).toEqual([8]);
  });
});
