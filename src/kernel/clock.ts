// The clock XState actors use in orgsim: `createActor(logic, { clock: kernelClock(kernel) })`
// puts every `after` delay, delayed `raise` and delayed `sendTo` on the kernel's queue.
// XState calls its delay argument milliseconds; in orgsim it is simulated hours (see time.ts),
// so machines use named delays that return hours, never numeric `after` keys.

import { type Kernel, Priority, type Scheduled } from './kernel.ts';

/** The two methods XState's scheduler calls (its `Clock` interface). */
export interface XStateClock {
  setTimeout(fn: (...args: unknown[]) => void, delay: number): unknown; // XState's Clock interface: simulated, not wall, time
  clearTimeout(id: unknown): void;
}

/** An infinite delay means "never": nothing is queued, so a disabled SLA costs nothing. */
const NEVER = Symbol('never');

export function kernelClock(kernel: Kernel): XStateClock {
  return {
    // biome-ignore format: keep the note on the line the determinism check reads (simulated time, not wall)
    setTimeout(fn, delay) { // simulated time: queues on the kernel, never a wall timer
      if (delay === Number.POSITIVE_INFINITY) return NEVER;
      return kernel.schedule(delay, fn, Priority.timer);
    },
    clearTimeout(id) {
      if (id === NEVER) return;
      kernel.cancel(id as Scheduled);
    },
  };
}
