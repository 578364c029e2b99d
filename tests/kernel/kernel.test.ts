import { describe, expect, it } from 'vitest';
import { createActor, setup } from 'xstate';
import { kernelClock } from '../../src/kernel/clock.ts';
import { Kernel, Priority } from '../../src/kernel/kernel.ts';
import { RandomSource } from '../../src/kernel/random.ts';

describe('Kernel', () => {
  it('fires events at equal times in the order they were scheduled', () => {
    const kernel = new Kernel();
    const fired: string[] = [];
    for (const name of ['a', 'b', 'c', 'd']) kernel.schedule(5, () => fired.push(name));
    kernel.schedule(1, () => fired.push('early'));
    kernel.run();
    expect(fired).toEqual(['early', 'a', 'b', 'c', 'd']);
    expect(kernel.now).toBe(5);
  });

  it('runs lower priorities first at the same instant, then insertion order', () => {
    const kernel = new Kernel();
    const fired: string[] = [];
    kernel.schedule(2, () => fired.push('timer-1'), Priority.timer);
    kernel.schedule(2, () => fired.push('event-1'));
    kernel.schedule(2, () => fired.push('timer-2'), Priority.timer);
    kernel.schedule(2, () => fired.push('event-2'));
    kernel.run();
    expect(fired).toEqual(['event-1', 'event-2', 'timer-1', 'timer-2']);
  });

  it('puts an event scheduled during a step at the current time after those already due', () => {
    const kernel = new Kernel();
    const fired: string[] = [];
    kernel.schedule(1, () => {
      fired.push('first');
      kernel.schedule(0, () => fired.push('spawned'));
    });
    kernel.schedule(1, () => fired.push('second'));
    kernel.run();
    expect(fired).toEqual(['first', 'second', 'spawned']);
  });

  it('never fires a cancelled event', () => {
    const kernel = new Kernel();
    const fired: string[] = [];
    const doomed = kernel.schedule(3, () => fired.push('doomed'));
    kernel.schedule(1, () => expect(kernel.cancel(doomed)).toBe(true));
    kernel.schedule(4, () => fired.push('kept'));
    kernel.run();
    expect(fired).toEqual(['kept']);
    expect(kernel.cancel(doomed)).toBe(false);
  });

  it('refuses to schedule in the past and names both times', () => {
    const kernel = new Kernel();
    kernel.schedule(10, () => {});
    kernel.run();
    expect(() => kernel.scheduleAt(4, () => {})).toThrow(
      /Cannot schedule an event at t=4h .* the clock is already at t=10h/,
    );
    expect(() => kernel.schedule(-1, () => {})).toThrow(/delay -1h at t=10h/);
    expect(() => kernel.schedule(Number.NaN, () => {})).toThrow(/delay NaN/);
    expect(() => kernel.runUntil(3)).toThrow(/Cannot run until t=3h/);
  });

  it('runUntil fires events due at the horizon, keeps later ones, and moves the clock to it', () => {
    const kernel = new Kernel();
    const fired: number[] = [];
    for (const t of [1, 2, 3, 4]) kernel.scheduleAt(t, () => fired.push(t));
    kernel.runUntil(3);
    expect(fired).toEqual([1, 2, 3]);
    expect(kernel.now).toBe(3);
    expect(kernel.pending).toBe(1);
    kernel.runUntil(3.5);
    expect(kernel.now).toBe(3.5);
    kernel.run();
    expect(fired).toEqual([1, 2, 3, 4]);
    expect(kernel.pending).toBe(0);
    expect(kernel.step()).toBe(false);
  });

  it('rethrows an error reported with fail() at the end of the step', () => {
    const kernel = new Kernel();
    kernel.schedule(1, () => kernel.fail(new Error('actor broke')));
    kernel.schedule(2, () => {});
    expect(() => kernel.run()).toThrow('actor broke');
    expect(kernel.now).toBe(1);
    expect(kernel.pending).toBe(1);
  });

  it('interleaves a thousand XState actors by their own timers, in time order', () => {
    const kernel = new Kernel();
    const clock = kernelClock(kernel);
    const ticker = setup({
      types: {
        context: {} as { id: number; period: number; ticks: number },
        input: {} as { id: number; period: number },
      },
      delays: { period: ({ context }) => context.period },
    }).createMachine({
      context: ({ input }) => ({ ...input, ticks: 0 }),
      initial: 'running',
      states: {
        running: {
          after: {
            period: [
              { guard: ({ context }) => context.ticks >= 4, target: 'done' },
              { target: 'running', reenter: true, actions: ({ context }) => context.ticks++ },
            ],
          },
        },
        done: { type: 'final' },
      },
    });
    const random = new RandomSource(7).stream('periods');
    const fires: Array<{ t: number; id: number }> = [];
    const actors = Array.from({ length: 1000 }, (_, id) => {
      const period = random.int(1, 50) / 4;
      const actor = createActor(ticker, { input: { id, period }, clock });
      actor.subscribe(() => fires.push({ t: kernel.now, id }));
      return { actor, period };
    });
    for (const { actor } of actors) actor.start();
    fires.length = 0;
    kernel.run();
    // Each actor ticks 4 times then finishes on its 5th timer: 5 snapshots each, at k × period.
    expect(fires).toHaveLength(5000);
    for (let i = 1; i < fires.length; i++) {
      expect(fires[i]?.t).toBeGreaterThanOrEqual(fires[i - 1]?.t ?? 0);
    }
    for (const [id, { actor, period }] of actors.entries()) {
      expect(actor.getSnapshot().status).toBe('done');
      expect(fires.filter((f) => f.id === id).map((f) => f.t)).toEqual(
        [1, 2, 3, 4, 5].map((k) => k * period),
      );
    }
    expect(kernel.pending).toBe(0);
  });
});
