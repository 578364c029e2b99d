// Escalations raised: a blocker, or a late task someone can act on, lands on the desk of the rung
// that owns it (escalation-desks.ts), and that person decides in their own hours
// (escalation-decisions.ts). A blocker left untouched on a desk past its SLA goes to the next rung
// able to act on it; a late task nobody on the ladder could move is reported as a breach and
// escalated to no one.

import {
  type BlockerType,
  type EscalationLevel,
  roleAt,
  routeLevel,
} from '../domain/escalation.ts';
import { breachOwner, climbFrom } from '../domain/escalation-policy.ts';
import type { TaskReport } from '../domain/task-events.ts';
import { actionable } from './breach-decisions.ts';
import type { Escalation } from './escalation-book.ts';
import { hand } from './escalation-desks.ts';
import type { Person, TaskState, World } from './world.ts';

function recordOpened(world: World, e: Escalation, level: EscalationLevel, to: Person | null) {
  world.record({
    type: 'escalation.opened',
    escalation: e.id,
    task: e.task,
    route: e.route,
    ...(e.state === null ? {} : { state: e.state }),
    level,
    role: roleAt(level),
    to: to?.spec.id ?? 'nobody',
  });
}

/** The IC hit a blocker while working: the task stops and the blocker goes to its rung. */
export function raiseBlocker(world: World, task: TaskState): void {
  const blocker = task.blocker;
  if (blocker === null || task.terminal || task.actor.getSnapshot().value !== 'inProgress') return;
  task.blocker = null;
  block(world, task, blocker.type);
}

/**
 * The IC's work on the task failed (its model's retries ran out): the task stops on a `resource`
 * blocker, which goes to its rung like any other. A blocker drawn for the task still stands.
 * False if the task is not in progress, so cannot be blocked.
 */
export function raiseFailure(world: World, task: TaskState): boolean {
  if (task.terminal || task.actor.getSnapshot().value !== 'inProgress') return false;
  block(world, task, 'resource');
  return true;
}

function block(world: World, task: TaskState, type: BlockerType): void {
  const ic = task.assignee === null ? null : world.roster.person(task.assignee);
  if (ic) world.messages.deliver(ic, { type: 'work.drop', task: task.plan.id });
  world.drive(task, { type: 'task.block', blocker: type });
  task.blockedAt = world.now;
  world.messages.broadcast(
    `team/${task.team}/${task.plan.domain}`,
    'blocker.raised',
    ic?.spec.id ?? 'org',
    {
      task: task.plan.id,
    },
  );
  const level = routeLevel(type);
  const escalation = world.escalations.open(task.plan.id, type, null, world.now);
  recordOpened(world, escalation, level, hand(world, escalation, task, level));
}

/** Reacts to a task's own reports: an SLA breach goes to the rung that can act on it, if any. */
export function onTaskReport(world: World, task: TaskState, report: TaskReport): void {
  if (report.type !== 'task.slaBreach') return;
  if (report.state === 'BLOCKED' || report.state === 'ESCALATED') {
    climbIfUntouched(world, task);
    return;
  }
  const owner = breachOwner(report.state);
  const open = world.escalations.lookInOf(task.plan.id);
  // Nobody but the late person could act, nobody can act now, or someone is already on it: the
  // breach is reported, and nobody spends time on it.
  if (owner === null || (open !== undefined && !open.resolved)) return;
  if (!actionable(world, report.state, task)) return;
  const escalation = world.escalations.open(task.plan.id, 'sla', report.state, world.now);
  recordOpened(world, escalation, owner, hand(world, escalation, task, owner));
}

/** A blocker still waiting on every holder's desk past its SLA goes to the next rung able to act. */
function climbIfUntouched(world: World, task: TaskState): void {
  const escalation = world.escalations.blockerOf(task.plan.id);
  if (escalation === undefined || escalation.resolved || escalation.started) return;
  if (escalation.route === 'sla') return;
  let top: EscalationLevel = 0;
  for (const level of escalation.holders.values()) if (level > top) top = level;
  const next = climbFrom(escalation.route, top);
  if (next === null) return;
  const to = hand(world, escalation, task, next);
  if (to === null) return;
  world.record({
    type: 'escalation.climbed',
    escalation: escalation.id,
    task: task.plan.id,
    level: next,
    role: roleAt(next),
    to: to.spec.id,
  });
}
