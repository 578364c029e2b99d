// Who holds an escalation: the person at each rung of the ladder above a task (its DL, the TL,
// the EM, a human), or whoever covers for them, and the desk work it costs them.

import type { EscalationLevel } from '../domain/escalation.ts';
import type { Escalation } from './escalation-book.ts';
import { leastBusy } from './load.ts';
import type { Person, TaskState, World } from './world.ts';

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
export function hand(
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
