// Hosts one task lifecycle actor on the kernel: its timers go on the kernel's queue, its reports
// go to the event log stamped with simulated time, and an error inside it fails the run at once.

import type { InspectionEvent } from 'xstate';
import { type TaskContext, taskMachine } from '../../machines/task.machine.ts';
import type { TaskEvent, TaskReport } from '../domain/task-events.ts';
import type { TaskInput } from '../domain/task-input.ts';
import type { TaskStateNode } from '../domain/task-states.ts';

import { DEFAULT_ENGINE, type Engine, startMachine } from '../engine/engine.ts';
import { type Kernel, SimulationError } from '../kernel/kernel.ts';
import { formatTime } from '../kernel/time.ts';
import type { EventLog } from '../log/event-log.ts';

/** What the org needs of a task's actor, whichever engine runs it. */
export interface TaskActor {
  getSnapshot(): {
    value: TaskStateNode;
    context: TaskContext;
    status: string;
    can(event: TaskEvent): boolean;
  };
  send(event: TaskEvent): void;
}

export interface TaskActorOptions {
  /** The engine that runs the lifecycle; `fast` unless said. */
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
    log.appendAt(kernel.now, report);
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
  return startMachine(taskMachine, kernel, input, {
    engine: options.engine ?? DEFAULT_ENGINE,
    onEmit: (event) => listen(event as TaskReport),
    onFailure: failed,
    inspect: options.inspect,
  }) as TaskActor;
}
