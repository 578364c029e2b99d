// Shared by the task machine's model-based and property tests: a catalogue of every transition
// the machine defines, a live actor on the kernel that records which of them it takes, and the
// event alphabet the graph traversal explores.

import type { InspectionEvent } from 'xstate';
import { taskMachine } from '../../machines/task.machine.ts';
import { GATES } from '../../src/domain/gates.ts';
import type { TaskEvent } from '../../src/domain/task-events.ts';
import type { TaskInput } from '../../src/domain/task-input.ts';
import type { Engine } from '../../src/engine/engine.ts';
import { Kernel } from '../../src/kernel/kernel.ts';
import { EventLog } from '../../src/log/event-log.ts';
import { startTask, type TaskActor } from '../../src/org/task-actor.ts';
import { definitionIds } from './transition-ids.ts';

type TopState = string;

export const DEFINITION_IDS = definitionIds(taskMachine);

/**
 * Every transition the machine defines, keyed by the state it is taken from: a root-level
 * transition (task.cancel) counts once per non-final state, since it must work from each.
 */
export function definedTransitions(): Set<string> {
  const defined = new Set<string>();
  const rootIds = [...DEFINITION_IDS]
    .filter(([d]) => d.source === taskMachine.root)
    .map(([, id]) => id);
  for (const node of Object.values(taskMachine.root.states)) {
    if (node.type === 'final') continue;
    for (const [d, id] of DEFINITION_IDS) if (d.source === node) defined.add(`${node.key}|${id}`);
    for (const id of rootIds) defined.add(`${node.key}|${id}`);
  }
  return defined;
}

export function topState(value: unknown): TopState {
  if (typeof value !== 'string')
    throw new Error(`The task machine is flat; got state value ${JSON.stringify(value)}.`);
  return value;
}

/** A task actor on its own kernel and log that records the transitions it takes. */
export interface LiveTask {
  kernel: Kernel;
  log: EventLog;
  actor: TaskActor;
  covered: Set<string>;
}

/** A live task on XState (watched for the transitions it takes) or on the fast engine. */
export function liveTask(
  input: TaskInput,
  covered: Set<string> = new Set(),
  engine: Engine = 'xstate',
): LiveTask {
  const kernel = new Kernel();
  const log = new EventLog();
  let previous: TopState = 'pending';
  const inspect = (event: InspectionEvent) => {
    if (event.type !== '@xstate.microstep') return;
    for (const definition of event._transitions) {
      const id = DEFINITION_IDS.get(definition);
      if (id === undefined)
        throw new Error(`A transition outside the catalogue was taken from ${previous}.`);
      covered.add(`${previous}|${id}`);
    }
    previous = topState((event.snapshot as unknown as { value: unknown }).value);
  };
  const actor =
    engine === 'fast'
      ? startTask(kernel, log, input, { engine })
      : startTask(kernel, log, input, { inspect });
  return { kernel, log, actor, covered };
}

/** The event alphabet for graph traversal: every event type with the payloads that matter. */
export function eventAlphabet(): TaskEvent[] {
  const reviews = GATES.flatMap((gate) =>
    ['ic-1', 'ic-2'].flatMap((reviewer) => [
      { type: 'review.approved' as const, gate, reviewer },
      { type: 'review.rejected' as const, gate, reviewer },
    ]),
  );
  return [
    { type: 'task.plan' },
    { type: 'task.assign', assignee: 'ic-1' },
    { type: 'task.start' },
    { type: 'task.submit' },
    { type: 'task.block', blocker: 'technical' },
    { type: 'task.block', blocker: 'dependency' },
    { type: 'task.block', blocker: 'requirements' },
    { type: 'blocker.escalate' },
    { type: 'blocker.resolved' },
    ...reviews,
    { type: 'change.merged' },
    { type: 'change.reviewAgain' },
    { type: 'handoff.accepted' },
    { type: 'handoff.returned' },
    { type: 'task.reassign', assignee: 'ic-2' },
    { type: 'task.preempt' },
    { type: 'task.cancel', reason: 'requirement change' },
  ];
}

/** The SLA timer events (`xstate.after.sla1.task.inProgress`, ...), read off the machine. */
export function timerEvents(): Array<{ type: string }> {
  return Object.values(taskMachine.root.states).flatMap((node) =>
    node.after.map((t) => ({ type: t.eventType })),
  );
}
