// What the EM decides when a lead asks for capacity for a task its backlog cannot place: lend an
// IC with the skill (from the team, else from another team), give back a slot held by work of
// lower priority, approve overtime for the pool's ICs on limited hours, or record a hiring need.

import type { Domain, IcSpec } from '../domain/org.ts';
import { skillIn } from '../domain/org.ts';
import { HOURS_PER_DAY } from '../kernel/time.ts';
import { backlog, slotToTake, takeBack, tryAssign } from './assigning.ts';
import { type Decision, movedOn } from './breach-decisions.ts';
import type { Escalation } from './escalation-book.ts';
import { lendIc } from './rituals.ts';
import type { Person, TaskState, World } from './world.ts';

/** The EM's decision on capacity for a backlog task the lead could not place. */
export function decideCapacity(world: World, _escalation: Escalation, task: TaskState): Decision {
  if (task.terminal || task.assignee !== null || task.actor.getSnapshot().value !== 'pending')
    return { action: 'none', detail: movedOn };
  const { team } = task;
  const domain = task.plan.domain;
  const lender = findLender(world, team, domain);
  if (lender !== undefined) {
    lendIc(world, lender, team, domain, world.now + world.config.forecastHours);
    return {
      action: 'borrow',
      detail: `${lender.spec.id} (${lender.domain}${lender.team === team ? '' : `, ${lender.team}`})`,
    };
  }
  const lower = slotToTake(world, team, domain, task.priority);
  if (lower !== undefined) {
    takeBack(world, lower, task.plan.id);
    tryAssign(world, team, domain);
    return { action: 'deferLowerPriority', detail: `${lower.plan.id} back to the backlog` };
  }
  const longer = approveOvertime(world, team, domain);
  if (longer.length > 0) {
    const o = world.config.overtime as { extraHoursPerDay: number; days: number };
    return {
      action: 'approveOvertime',
      detail: `${longer.join(', ')}: +${o.extraHoursPerDay} h a day for ${o.days} days`,
    };
  }
  return { action: 'recordHiringNeed', detail: `${domain} in ${team}` };
}

/**
 * Longer days for the pool's ICs on limited hours who are in and not on overtime already: each
 * works `extraHoursPerDay` more a day (never past 24) for `days`, then their own hours again.
 * Returns who; none when the scenario allows no overtime or everyone already works around the
 * clock (an agent has no longer day to give).
 */
function approveOvertime(world: World, team: string, domain: Domain): string[] {
  const o = world.config.overtime;
  if (o === null) return [];
  const until = world.now + o.days * HOURS_PER_DAY;
  const who: string[] = [];
  for (const ic of world.roster.pool(team, domain)) {
    const own = ic.spec.calendar;
    if (ic.away || own.hoursPerDay >= HOURS_PER_DAY || world.capacity.onOvertime(ic.spec.id))
      continue;
    const hoursPerDay = Math.min(HOURS_PER_DAY, own.hoursPerDay + o.extraHoursPerDay);
    world.capacity.startOvertime(ic.spec.id, until);
    world.messages.deliver(ic, { type: 'calendar.set', calendar: { ...own, hoursPerDay } });
    world.record({ type: 'overtime', person: ic.spec.id, phase: 'start', hoursPerDay });
    world.after(until - world.now, () => {
      world.capacity.endOvertime(ic.spec.id);
      world.messages.deliver(ic, { type: 'calendar.set', calendar: own });
      world.record({
        type: 'overtime',
        person: ic.spec.id,
        phase: 'end',
        hoursPerDay: own.hoursPerDay,
      });
    });
    who.push(ic.spec.id);
  }
  return who;
}

/**
 * Someone who can take `domain` work now without leaving a gap: an IC of the team with the skill
 * as a secondary one, whose own backlog is empty and whose domain keeps someone; else an IC of
 * another team's same domain whose backlog is empty. The most skilled first.
 */
function findLender(world: World, team: string, domain: Domain): Person | undefined {
  const free = (p: Person) =>
    p.role === 'IC' &&
    !p.away &&
    !world.roster.onLoan(p) &&
    p.held.size < (p.spec as IcSpec).wipLimit &&
    p.domain !== undefined &&
    backlog(world, p.team, p.domain).length === 0 &&
    world.roster.pool(p.team, p.domain).filter((q) => q.domain === p.domain).length > 1;
  const skill = (p: Person) => skillIn(p.spec as IcSpec, domain);
  const inTeam = world.roster
    .team(team)
    .filter((p) => free(p) && p.domain !== domain && skill(p) > 0)
    .sort((a, b) => skill(b) - skill(a));
  if (inTeam[0] !== undefined) return inTeam[0];
  const elsewhere = world.roster
    .teams()
    .filter((t) => t !== team)
    .flatMap((t) => world.roster.team(t).filter((p) => free(p) && p.domain === domain))
    .sort((a, b) => skill(b) - skill(a));
  return elsewhere[0];
}
