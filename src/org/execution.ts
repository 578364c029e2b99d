// Execution: an IC starts a task (and the blocker drawn for it is timed), stops it (the hours
// worked are counted), and frees its WIP slot for the next task.

import { type Calendar, finishTime, workingHoursBetween } from '../domain/calendar.ts';
import type { Domain } from '../domain/org.ts';
import { tryAssign } from './assigning.ts';
import type { Person, TaskState, World } from './world.ts';

/** An IC begins (or resumes) executing a task. */
export function executionStarted(world: World, task: TaskState, person: Person): void {
  person.familiar.add(task.plan.strategic);
  person.familiar.add(task.plan.instruction);
  const state = task.actor.getSnapshot().value;
  if (state === 'assigned') world.drive(task, { type: 'task.start' });
  world.git?.started(task, person);
  const blocker = task.blocker;
  if (blocker !== null && task.blockerTimer === null) {
    const at = finishTime(
      world.now,
      Math.max(0, blocker.atHours - task.workedHours),
      world.calendarOf(person),
    );
    task.blockerTimer = world.after(at - world.now, () => {
      task.blockerTimer = null;
      world.reactions.blocked(task);
    });
  }
}

/** An IC stopped executing a task (done, preempted, away, blocked): account the hours worked. */
export function executionStopped(
  world: World,
  task: TaskState,
  calendar: Calendar,
  startedAt: number,
  remaining: number,
): void {
  task.workedHours += workingHoursBetween(startedAt, world.now, calendar);
  task.effortLeft = remaining;
  if (task.blockerTimer !== null) {
    world.kernel.cancel(task.blockerTimer);
    task.blockerTimer = null;
  }
}

/** Gives up a task's WIP slot (it reached handoff, completed or was cancelled). */
export function freeSlot(world: World, task: TaskState): void {
  if (task.assignee === null) return;
  const ic = world.roster.person(task.assignee);
  if (!ic.held.delete(task.plan.id)) return;
  // Its home domain too: a loan may have ended while it held the task.
  tryAssign(world, ic.team, ic.domain as Domain);
  for (const { team, domain } of world.roster.servedBy(ic))
    if (team !== ic.team || domain !== ic.domain) tryAssign(world, team, domain);
}
