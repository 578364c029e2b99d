// What a Domain Lead or the EM does about a late task they were asked to look at: each action
// is one their rung owns in a real org, and takes effect in the run. A lead whose backlog task
// waits too long serves it next, or asks the EM for capacity; a lead whose IC has not started a
// task, or whose reviewer has not started a review, moves it to a colleague who is free; the EM
// lends an IC with the skill, gives a slot held by lower-priority work back, or records a hiring
// need. When nothing can be done the decision says so and the breach stands.

import type { DeskContext } from '../../machines/desk.ts';
import { isRitual } from '../domain/activity.ts';
import type { EscalationAction } from '../domain/escalation-policy.ts';
import { type Domain, type IcSpec, skillIn } from '../domain/org.ts';
import type { SlaState } from '../domain/sla.ts';
import { HOURS_PER_DAY } from '../kernel/time.ts';
import { backlog, freeCandidates, handTo, slotToTake, takeBack, tryAssign } from './assigning.ts';
import { moveReview } from './reviews.ts';
import { lendIc } from './rituals.ts';
import type { Escalation, Person, TaskState, World } from './world.ts';

export interface Decision {
  readonly action: EscalationAction;
  readonly detail?: string;
}

/** A move a lead can make about a late task: what it is, and doing it. */
interface Move extends Decision {
  readonly apply: () => void;
}

/** Why there is nothing to do. */
type Nothing = string;

const movedOn: Nothing = 'the task had moved on';

/**
 * What the lead owning a late task can do about it now, or null when nothing: then the breach is
 * reported and nobody is asked to spend time on it. The same check runs again when the lead gets
 * to it, since the run moves on in between.
 */
function moveFor(world: World, state: SlaState, task: TaskState, lead: Person): Move | Nothing {
  if (task.terminal) return 'the task had finished';
  const now = task.actor.getSnapshot().value;
  switch (state) {
    case 'PENDING':
      return now === 'pending' && task.assignee === null ? waiting(world, task) : movedOn;
    case 'ASSIGNED':
      return now === 'assigned' ? unstarted(world, task, lead) : movedOn;
    case 'IN_PROGRESS':
      return now === 'inProgress' ? underWay(world, task) : movedOn;
    case 'UNDER_REVIEW':
      return now === 'underReview' ? reviewWaiting(world, task) : movedOn;
    default:
      return 'nobody else can do it';
  }
}

/** Whether the lead owning a breach of `state` could act on it now (else it is only reported). */
export function actionable(world: World, state: SlaState, task: TaskState): boolean {
  return (
    typeof moveFor(world, state, task, world.roster.lead(task.team, task.plan.domain)) !== 'string'
  );
}

/** A lead's look at a late task of its domain, in its own hours: the move it makes, if any. */
export function decideBreach(
  world: World,
  escalation: Escalation,
  task: TaskState,
  lead: Person,
): Decision {
  const move = escalation.state === null ? movedOn : moveFor(world, escalation.state, task, lead);
  if (typeof move === 'string') return { action: 'none', detail: move };
  move.apply();
  return move.detail === undefined
    ? { action: move.action }
    : { action: move.action, detail: move.detail };
}

/**
 * A task waiting in its backlog: the lead serves it next if the EM had deferred it; otherwise the
 * backlog's order is the strategy's (the lead's own policy, which it does not overrule), and only
 * the EM can add capacity.
 */
function waiting(world: World, task: TaskState): Move | Nothing {
  const { team } = task;
  const domain = task.plan.domain;
  if (task.deferredUntil > world.now) {
    return {
      action: 'reassign',
      detail: 'deferral lifted: served next in its backlog',
      apply: () => {
        task.deferredUntil = 0;
        task.requeued = true;
        tryAssign(world, team, domain);
      },
    };
  }
  const asked = world.capacityDecided.get(`${team}/${domain}`);
  if (asked !== undefined && world.now - asked < HOURS_PER_DAY)
    return 'capacity was asked for today already';
  return { action: 'askCapacity', apply: () => {} };
}

/** Whether a person has no work on their desk (a ritual under way does not count). */
function idle(p: Person): boolean {
  const desk = p.actor.getSnapshot().context as DeskContext;
  return (
    !p.away &&
    (desk.current === null || isRitual(desk.current.kind)) &&
    desk.queue.every((a) => isRitual(a.kind))
  );
}

/** A colleague in the task's pool with a free WIP slot and nothing on their desk. */
function freeColleague(world: World, task: TaskState, except: string | null): Person | undefined {
  return freeCandidates(world, task, except ?? undefined).find(idle);
}

/** Assigned but not started: the lead moves it to a colleague who is free now. */
function unstarted(world: World, task: TaskState, lead: Person): Move | Nothing {
  const from = task.assignee === null ? null : world.roster.person(task.assignee);
  const to = freeColleague(world, task, task.assignee);
  if (from === null || to === undefined) return 'no colleague was free';
  return {
    action: 'reassign',
    detail: `from ${from.spec.id} to ${to.spec.id}`,
    apply: () => {
      from.held.delete(task.plan.id);
      to.held.add(task.plan.id);
      task.assignee = to.spec.id;
      world.drive(task, { type: 'task.reassign', assignee: to.spec.id });
      world.messages.deliver(from, { type: 'work.drop', task: task.plan.id });
      handTo(world, task, to, lead.spec.id);
    },
  };
}

/** Under way past its SLA: only an IC who is out leaves the lead something to do. */
function underWay(world: World, task: TaskState): Move | Nothing {
  const ic = task.assignee === null ? null : world.roster.person(task.assignee);
  if (ic === null || !ic.away) return 'the work was under way';
  return {
    action: 'reassign',
    detail: `${ic.spec.id} is out: back to the backlog`,
    apply: () => {
      takeBack(world, task, ic.spec.id, 'outage');
      tryAssign(world, task.team, task.plan.domain);
    },
  };
}

/** A review not yet started: the lead gives it to another reviewer who is free now. */
function reviewWaiting(world: World, task: TaskState): Move | Nothing {
  const gate = task.reviewing;
  const reviewer = task.reviewer === null ? null : world.roster.person(task.reviewer);
  if (gate === null || reviewer === null || reviewer.role !== 'IC') return 'a lead has the review';
  const desk = reviewer.actor.getSnapshot().context as DeskContext;
  if (desk.current?.task === task.plan.id && !reviewer.away) return 'the review was under way';
  const pool =
    gate === 'qaValidation'
      ? world.roster.pool(task.team, 'qa')
      : world.roster.pool(task.team, task.plan.domain);
  const to = pool.find((p) => p !== reviewer && p.spec.id !== task.assignee && idle(p));
  if (to === undefined) return 'no other reviewer was free';
  return {
    action: 'reassign',
    detail: `review from ${reviewer.spec.id} to ${to.spec.id}`,
    apply: () => moveReview(world, task, reviewer, to),
  };
}

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
    if (ic.away || own.hoursPerDay >= HOURS_PER_DAY || world.overtime.has(ic.spec.id)) continue;
    const hoursPerDay = Math.min(HOURS_PER_DAY, own.hoursPerDay + o.extraHoursPerDay);
    world.overtime.set(ic.spec.id, until);
    world.messages.deliver(ic, { type: 'calendar.set', calendar: { ...own, hoursPerDay } });
    world.record({ type: 'overtime', person: ic.spec.id, phase: 'start', hoursPerDay });
    world.after(until - world.now, () => {
      world.overtime.delete(ic.spec.id);
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
