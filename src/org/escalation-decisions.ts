// What follows once someone works an escalation: it stops waiting on their desk; their decision
// (src/domain/escalation-policy.ts, and the decisions of breach-decisions.ts and
// capacity-decisions.ts) is logged with its outcome; a referral goes up the ladder; a closed
// escalation leaves every other desk, and a blocker acted on frees its task.

import type { EscalationLevel } from '../domain/escalation.ts';
import { roleAt } from '../domain/escalation.ts';
import {
  blockerAction,
  type EscalationAction,
  type EscalationOutcome,
  outcomeOf,
} from '../domain/escalation-policy.ts';
import { decideBreach } from './breach-decisions.ts';
import { decideCapacity } from './capacity-decisions.ts';
import type { Escalation } from './escalation-book.ts';
import { hand } from './escalation-desks.ts';
import { advance } from './reviews.ts';
import type { Person, World } from './world.ts';

/**
 * An escalation not yet begun on the desk of someone going out goes to their cover, at the same
 * rung; false when the cover holds it already (then it is not put on their desk again).
 */
export function handOverEscalation(world: World, id: string, from: Person, to: Person): boolean {
  const escalation = world.escalations.get(id);
  const level = escalation?.holders.get(from.spec.id);
  if (escalation === undefined || level === undefined) return false;
  escalation.holders.delete(from.spec.id);
  const held = escalation.holders.get(to.spec.id);
  escalation.holders.set(to.spec.id, Math.max(level, held ?? 0) as EscalationLevel);
  return held === undefined;
}

/** Someone began working an escalation: it no longer waits on a desk. */
export function escalationStarted(world: World, id: string | undefined): void {
  const escalation = world.escalations.get(id);
  if (escalation !== undefined) escalation.started = true;
}

/** Someone finished working an escalation: their decision, its effect, and what follows. */
export function decideEscalation(world: World, id: string, by: Person): void {
  const escalation = world.escalations.get(id);
  if (escalation === undefined || escalation.resolved) return;
  const level = escalation.holders.get(by.spec.id);
  if (level === undefined) return;
  const task = world.task(escalation.task);
  let action: EscalationAction;
  let detail: string | undefined;
  if (escalation.stage === 'blocker' && escalation.route !== 'sla') {
    action = task.terminal ? 'none' : blockerAction(escalation.route, level);
    if (task.terminal) detail = 'the task was cancelled';
  } else {
    const decision =
      escalation.stage === 'capacity'
        ? decideCapacity(world, escalation, task)
        : decideBreach(world, escalation, task, by);
    action = decision.action;
    detail = decision.detail;
  }
  const outcome = outcomeOf(action);
  let next: Person | null = null;
  if (outcome === 'referred') {
    const to: EscalationLevel = action === 'askCapacity' ? 3 : 4;
    if (action === 'askCapacity') {
      escalation.stage = 'capacity';
      world.capacity.ask(task.team, task.plan.domain, world.now);
    }
    escalation.holders.delete(by.spec.id);
    next = hand(world, escalation, task, to);
  }
  world.record({
    type: 'escalation.decided',
    escalation: id,
    task: escalation.task,
    by: by.spec.id,
    level,
    role: roleAt(level),
    action,
    outcome,
    ...(detail === undefined ? {} : { detail }),
    ...(next === null ? {} : { to: next.spec.id }),
  });
  if (outcome === 'referred' && next !== null) return;
  close(world, escalation, by, level, outcome === 'referred' ? 'unresolved' : outcome);
}

/** Closes an escalation: the others holding it drop it; a blocker acted on frees its task. */
function close(
  world: World,
  escalation: Escalation,
  by: Person,
  level: EscalationLevel,
  outcome: Exclude<EscalationOutcome, 'referred'>,
): void {
  escalation.resolved = true;
  for (const holder of escalation.holders.keys()) {
    if (holder !== by.spec.id)
      world.messages.deliver(world.roster.person(holder), {
        type: 'work.drop',
        ref: escalation.id,
      });
  }
  world.record({
    type: 'escalation.resolved',
    escalation: escalation.id,
    task: escalation.task,
    by: by.spec.id,
    level,
    outcome,
    hoursToResolve: world.now - escalation.openedAt,
  });
  // Only a decision that acted frees a blocked task (a declined one found it finished).
  if (escalation.stage !== 'blocker' || outcome !== 'acted') return;
  const task = world.task(escalation.task);
  if (task.terminal) return;
  world.drive(task, { type: 'blocker.resolved' });
  task.blockedAt = null;
  if (task.actor.getSnapshot().value === 'inProgress' && task.assignee !== null) {
    world.messages.deliver(world.roster.person(task.assignee), {
      type: 'task.resume',
      workHours: task.effortLeft,
      task: task.plan.id,
      instruction: task.plan.instruction,
      priority: task.priority,
    });
  }
  advance(world, task);
}
