// A run the command line can interrupt. The simulation pauses every few thousand kernel events
// (org/run.ts `simulation`); here each pause lets the event loop turn, so that SIGINT or SIGTERM
// reach their handler and abort the run at once, with nothing written. The log is the same as
// runSimulation's: the pauses change nothing but when the process looks at its signals.

import { setImmediate } from 'node:timers/promises';
import { type RunOptions, type RunResult, simulation } from '../org/run.ts';
import type { SimConfig } from '../scenario/config.ts';

export async function runInterruptibly(
  config: SimConfig,
  scenario: string,
  options: RunOptions,
  signal: AbortSignal,
): Promise<RunResult> {
  const run = simulation(config, scenario, options);
  for (;;) {
    signal.throwIfAborted();
    const step = run.next();
    if (step.done) return step.value;
    await setImmediate();
  }
}
