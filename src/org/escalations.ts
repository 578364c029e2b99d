// Escalations: a blocker, or a late task someone can act on, lands on the desk of the rung that
// owns it, and that person decides — in their own hours, among the actions their rung owns
// (src/domain/escalation-policy.ts) — what to do. Every decision is logged with its outcome. A
// blocker left untouched on a desk past its SLA goes to the next rung able to act on it; a late
// task nobody on the ladder could move is reported as a breach and escalated to no one.

import { type EscalationLevel, roleAt, routeLevel } from '../domain/escalation.ts';
import {
  blockerAction,
  breachOwner,
  climbFrom,
  type EscalationAction,
  type EscalationOutcome,
  outcomeOf,
} from '../domain/escalation-policy.ts';
import type { SlaState } from '../domain/sla.ts';
import type { TaskReport } from '../domain/task-events.ts';
import { actionable, decideBreach, decideCapacity } from './decisions.ts';
import { leastBusy } from './load.ts';
import { advance } from './reviews.ts';
import type { Escalation, Person, TaskState, World } from './world.ts';

/** The person at `level` of the ladder above `task`: its DL, the TL, the EM, a human. */
function personAt(world: World, task: TaskState, level: EscalationLevel): Person | null {
  switch (level) {
    case 0:
      return task.assignee === null ? null : world.roster.person(task.assignee);
    case 1:
      return world.roster.lead(task.team, task.plan.domain);
    case 2:
      return world.roster.techLead(task.team);
    case 3:
      return world.roster.manager();
    case 4:
      // A human who is out (with nobody covering) is asked only when every human is.
      return (
        leastBusy(
          world.roster.humans().filter((h) => world.roster.staffed(h)),
          world.now,
        ) ??
        leastBusy(world.roster.humans(), world.now) ??
        null
      );
  }
}

/** Hours of desk work an escalation costs the person at `level`. */
function hoursFor(world: World, escalation: Escalation, level: EscalationLevel): number {
  const o = world.config.overheads;
  if (level === 4) return o.humanDecisionHours;
  if (escalation.stage === 'capacity') return o.rebalanceHours;
  if (escalation.route === 'sla') return o.breachHandlingHours;
  return o.escalationHours[escalation.route];
}

/** Puts the escalation on the desk of the person at `level`; returns who, or null if nobody. */
function hand(
  world: World,
  escalation: Escalation,
  task: TaskState,
  level: EscalationLevel,
): Person | null {
  const seat = personAt(world, task, level);
  if (seat === null) return null;
  // Someone out with a cover: the cover holds it, at the rung of the person they cover for.
  const person = world.roster.standIn(seat);
  const held = escalation.holders.get(person.spec.id);
  escalation.holders.set(person.spec.id, Math.max(level, held ?? 0) as EscalationLevel);
  escalation.started = false;
  // Already on their desk (they cover for the rung below): it is not worked twice.
  if (held !== undefined) return person;
  world.messages.deliver(person, {
    type: 'escalation.assigned',
    workHours: hoursFor(world, escalation, level),
    task: task.plan.id,
    instruction: task.plan.instruction,
    ref: escalation.id,
    priority: task.priority,
  });
  return person;
}

/** A new escalation of `task`: `E-n` for a blocker, `B-n` for a late task. */
function openEscalation(
  world: World,
  task: TaskState,
  route: Escalation['route'],
  state: SlaState | null,
): Escalation {
  const escalation: Escalation = {
    id: `${route === 'sla' ? 'B' : 'E'}-${world.escalations.size + 1}`,
    task: task.plan.id,
    route,
    state,
    openedAt: world.now,
    holders: new Map(),
    stage: route === 'sla' ? 'lookIn' : 'blocker',
    started: false,
    resolved: false,
  };
  world.escalations.set(escalation.id, escalation);
  return escalation;
}

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
  const ic = task.assignee === null ? null : world.roster.person(task.assignee);
  if (ic) world.messages.deliver(ic, { type: 'work.drop', task: task.plan.id });
  world.drive(task, { type: 'task.block', blocker: blocker.type });
  task.blockedAt = world.now;
  world.messages.broadcast(
    `team/${task.team}/${task.plan.domain}`,
    'blocker.raised',
    ic?.spec.id ?? 'org',
    {
      task: task.plan.id,
    },
  );
  const level = routeLevel(blocker.type);
  const escalation = openEscalation(world, task, blocker.type, null);
  world.openBlockers.set(task.plan.id, escalation);
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
  const open = world.openLookIns.get(task.plan.id);
  // Nobody but the late person could act, nobody can act now, or someone is already on it: the
  // breach is reported, and nobody spends time on it.
  if (owner === null || (open !== undefined && !open.resolved)) return;
  if (!actionable(world, report.state, task)) return;
  const escalation = openEscalation(world, task, 'sla', report.state);
  world.openLookIns.set(task.plan.id, escalation);
  recordOpened(world, escalation, owner, hand(world, escalation, task, owner));
}

/** A blocker still waiting on every holder's desk past its SLA goes to the next rung able to act. */
function climbIfUntouched(world: World, task: TaskState): void {
  const escalation = world.openBlockers.get(task.plan.id);
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
  const escalation = id === undefined ? undefined : world.escalations.get(id);
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
      world.capacityDecided.set(`${task.team}/${task.plan.domain}`, world.now);
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
