// Hosts one task lifecycle actor on the kernel: its timers go on the kernel's queue, its reports
// go to the event log stamped with simulated time, and an error inside it fails the run at once.

import { type Actor, createActor, type InspectionEvent } from 'xstate';
import { taskMachine } from '../../machines/task.machine.ts';
import type { TaskReport } from '../domain/task-events.ts';
import type { TaskInput } from '../domain/task-input.ts';
import { kernelClock } from '../kernel/clock.ts';
import { type Kernel, SimulationError } from '../kernel/kernel.ts';
import { formatTime } from '../kernel/time.ts';
import type { EventLog } from '../log/event-log.ts';

export type TaskActor = Actor<typeof taskMachine>;

export interface TaskActorOptions {
  /** XState's inspection hook, for tests that watch each microstep. */
  readonly inspect?: (event: InspectionEvent) => void;
  /** Called with each report after it is logged: how the org reacts to breaches. */
  readonly onReport?: (report: TaskReport) => void;
}

export function startTask(
  kernel: Kernel,
  log: EventLog,
  input: TaskInput,
  options: TaskActorOptions = {},
): TaskActor {
  const actor = createActor(taskMachine, {
    input,
    clock: kernelClock(kernel),
    ...(options.inspect ? { inspect: options.inspect } : {}),
  });
  const onReport = options.onReport;
  actor.on('*', (report) => {
    log.append({ t: kernel.now, ...report });
    // XState would rethrow a listener's error later on a real timer; fail the run now instead.
    try {
      onReport?.(report);
    } catch (error) {
      kernel.fail(error);
    }
  });
  actor.subscribe({
    error: (error) =>
      kernel.fail(
        new SimulationError(
          `Task ${input.id} failed at t=${formatTime(kernel.now)}: ${error instanceof Error ? error.message : String(error)}`,
          { cause: error },
        ),
      ),
  });
  actor.start();
  return actor;
}
