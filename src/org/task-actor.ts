// Hosts one task lifecycle actor on the kernel: its timers go on the kernel's queue, its reports
// go to the event log stamped with simulated time, and an error inside it fails the run at once.

import { createActor, type InspectionEvent } from 'xstate';
import { type TaskContext, taskMachine } from '../../machines/task.machine.ts';
import type { TaskEvent, TaskReport } from '../domain/task-events.ts';
import type { TaskInput } from '../domain/task-input.ts';
import { FlatActor } from '../engine/flat-actor.ts';
import { kernelClock } from '../kernel/clock.ts';
import { type Kernel, SimulationError } from '../kernel/kernel.ts';
import { formatTime } from '../kernel/time.ts';
import type { EventLog } from '../log/event-log.ts';

/** What the org needs of a task's actor, whichever engine runs it. */
export interface TaskActor {
  getSnapshot(): {
    value: string;
    context: TaskContext;
    status: string;
    can(event: TaskEvent): boolean;
  };
  send(event: TaskEvent): void;
}

/** `xstate` runs each actor with XState itself; `fast` interprets the same machines directly. */
export type Engine = 'xstate' | 'fast';

export interface TaskActorOptions {
  readonly engine?: Engine;
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
  const onReport = options.onReport;
  const listen = (report: TaskReport) => {
    log.append({ t: kernel.now, ...report });
    // XState would rethrow a listener's error later on a real timer; fail the run now instead.
    try {
      onReport?.(report);
    } catch (error) {
      kernel.fail(error);
    }
  };
  const failed = (error: unknown) =>
    kernel.fail(
      new SimulationError(
        `Task ${input.id} failed at t=${formatTime(kernel.now)}: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      ),
    );
  if (options.engine === 'fast' && options.inspect === undefined) {
    const actor = new FlatActor<TaskContext>(taskMachine, kernel, input);
    actor.on('*', (event) => listen(event as unknown as TaskReport));
    actor.onFailure(failed);
    return actor.start() as unknown as TaskActor;
  }
  const actor = createActor(taskMachine, {
    input,
    clock: kernelClock(kernel),
    ...(options.inspect ? { inspect: options.inspect } : {}),
  });
  actor.on('*', listen);
  actor.subscribe({ error: failed });
  actor.start();
  return actor;
}
