// Blockers and escalations. A blocker stops the task and goes straight to the rung its type is
// routed to (technical → DL, dependency → TL, requirements, priority, resource → EM); as the
// task's SLAs lapse the escalation climbs, landing on the next rung's desk too, up to a human.
// Whoever resolves it first frees the task; the others drop it. SLA breaches elsewhere cost the
// person they reach a look at the late task.

import { type EscalationLevel, roleAt, routeLevel } from '../domain/escalation.ts';
import type { TaskReport } from '../domain/task-events.ts';
import { advance } from './reviews.ts';
import type { Escalation, Person, TaskState, World } from './world.ts';

/** The person at `level` of the ladder above `task`, or null for a human. */
function personAt(world: World, task: TaskState, level: EscalationLevel): Person | null {
  switch (level) {
    case 0:
      return task.assignee === null ? null : world.person(task.assignee);
    case 1:
      return world.lead(task.team, task.plan.domain);
    case 2:
      return world.techLead(task.team);
    case 3:
      return world.manager();
    case 4:
      return null;
  }
}

function hand(
  world: World,
  escalation: Escalation,
  task: TaskState,
  level: EscalationLevel,
  hours: number,
): string {
  const person = personAt(world, task, level);
  if (person === null) {
    escalation.holders.set('human', level);
    if (escalation.humanTimer === null) {
      escalation.humanTimer = world.after(world.config.overheads.humanResolutionHours, () =>
        resolveEscalation(world, escalation.id, 'human'),
      );
    }
    return 'human';
  }
  escalation.holders.set(person.spec.id, level);
  world.deliver(person, {
    type: 'escalation.assigned',
    workHours: hours,
    task: task.plan.id,
    ref: escalation.id,
  });
  return person.spec.id;
}

/** A new escalation of `task`: `E-n` for a blocker, `B-n` for an SLA breach look-in. */
function openEscalation(world: World, task: TaskState, route: Escalation['route']): Escalation {
  const escalation: Escalation = {
    id: `${route === 'sla' ? 'B' : 'E'}-${world.escalations.size + 1}`,
    task: task.plan.id,
    route,
    openedAt: world.now,
    holders: new Map(),
    resolved: false,
    humanTimer: null,
  };
  world.escalations.set(escalation.id, escalation);
  return escalation;
}

/** The IC hit a blocker while working: the task stops and the blocker is escalated by type. */
export function raiseBlocker(world: World, task: TaskState): void {
  const blocker = task.blocker;
  if (blocker === null || task.terminal || task.actor.getSnapshot().value !== 'inProgress') return;
  task.blocker = null;
  const ic = task.assignee === null ? null : world.person(task.assignee);
  if (ic) world.deliver(ic, { type: 'work.drop', task: task.plan.id });
  world.drive(task, { type: 'task.block', blocker: blocker.type });
  task.blockedAt = world.now;
  world.broadcast(`team/${task.team}/${task.plan.domain}`, 'blocker.raised', ic?.spec.id ?? 'org', {
    task: task.plan.id,
  });
  const level = routeLevel(blocker.type);
  const escalation = openEscalation(world, task, blocker.type);
  world.openBlockers.set(task.plan.id, escalation);
  const to = hand(
    world,
    escalation,
    task,
    level,
    world.config.overheads.escalationHours[blocker.type],
  );
  world.record({
    type: 'escalation.opened',
    escalation: escalation.id,
    task: task.plan.id,
    route: blocker.type,
    level,
    role: roleAt(level),
    to,
  });
}

/** Reacts to a task's own reports: SLA breaches climb escalations or reach someone's desk. */
export function onTaskReport(world: World, task: TaskState, report: TaskReport): void {
  if (report.type !== 'task.slaBreach') return;
  if (report.state === 'ESCALATED' || report.state === 'BLOCKED') {
    const escalation = openEscalationOf(world, task.plan.id);
    if (
      escalation === undefined ||
      escalation.holders.has(personAt(world, task, report.level)?.spec.id ?? 'human')
    )
      return;
    const to = hand(
      world,
      escalation,
      task,
      report.level,
      world.config.overheads.escalationHours[
        escalation.route === 'sla' ? 'technical' : escalation.route
      ],
    );
    world.record({
      type: 'escalation.climbed',
      escalation: escalation.id,
      task: task.plan.id,
      level: report.level,
      role: report.role,
      to,
    });
    return;
  }
  // A late task anywhere else: the person the breach reaches spends time looking into it. A task
  // has at most one such look-in open: a later breach moves it up the ladder rather than adding one.
  const person = personAt(world, task, report.level);
  const to = person?.spec.id ?? 'human';
  const open = world.openLookIns.get(task.plan.id);
  if (open !== undefined && !open.resolved) {
    for (const holder of open.holders.keys()) {
      if (holder !== 'human')
        world.deliver(world.person(holder), { type: 'work.drop', ref: open.id });
    }
    open.holders.clear();
    world.record({
      type: 'escalation.climbed',
      escalation: open.id,
      task: task.plan.id,
      level: report.level,
      role: report.role,
      to,
    });
    lookIn(world, open, task, person, report.level);
    return;
  }
  const escalation = openEscalation(world, task, 'sla');
  world.openLookIns.set(task.plan.id, escalation);
  world.record({
    type: 'escalation.opened',
    escalation: escalation.id,
    task: task.plan.id,
    route: 'sla',
    level: report.level,
    role: report.role,
    to,
  });
  lookIn(world, escalation, task, person, report.level);
}

/** Puts a look-in on `person`'s desk; a human's look-in is recorded as resolved when it reaches them. */
function lookIn(
  world: World,
  escalation: Escalation,
  task: TaskState,
  person: Person | null,
  level: EscalationLevel,
): void {
  if (person === null) {
    escalation.holders.set('human', level);
    resolveEscalation(world, escalation.id, 'human');
    return;
  }
  escalation.holders.set(person.spec.id, level);
  world.deliver(person, {
    type: 'escalation.assigned',
    workHours: world.config.overheads.breachHandlingHours,
    task: task.plan.id,
    ref: escalation.id,
  });
}

function openEscalationOf(world: World, task: string): Escalation | undefined {
  const e = world.openBlockers.get(task);
  return e !== undefined && !e.resolved ? e : undefined;
}

/** Someone finished working an escalation: the first to finish resolves it. */
export function resolveEscalation(world: World, id: string, by: string): void {
  const escalation = world.escalations.get(id);
  if (escalation === undefined || escalation.resolved) return;
  escalation.resolved = true;
  if (escalation.humanTimer !== null && by !== 'human') world.kernel.cancel(escalation.humanTimer);
  for (const holder of escalation.holders.keys()) {
    if (holder !== by && holder !== 'human')
      world.deliver(world.person(holder), { type: 'work.drop', ref: id });
  }
  world.record({
    type: 'escalation.resolved',
    escalation: id,
    task: escalation.task,
    by,
    level: (escalation.holders.get(by) ?? 0) as EscalationLevel,
    hoursToResolve: world.now - escalation.openedAt,
  });
  if (escalation.route === 'sla') return;
  const task = world.task(escalation.task);
  if (task.terminal) return;
  world.drive(task, { type: 'blocker.resolved' });
  task.blockedAt = null;
  if (task.actor.getSnapshot().value === 'inProgress' && task.assignee !== null) {
    world.deliver(world.person(task.assignee), {
      type: 'task.resume',
      workHours: task.effortLeft,
      task: task.plan.id,
      instruction: task.plan.instruction,
      priority: task.priority,
    });
  }
  advance(world, task);
}
