// What a Domain Lead does about a late task they were asked to look at: each action is one their
// rung owns in a real org, and takes effect in the run. A lead whose backlog task waits too long
// serves it next, or asks the EM for capacity (capacity-decisions.ts); a lead whose IC has not
// started a task, or whose reviewer has not started a review, moves it to a colleague who is
// free. When nothing can be done the decision says so and the breach stands.

import type { DeskContext } from '../../machines/desk.ts';
import { isRitual } from '../domain/activity.ts';
import type { EscalationAction } from '../domain/escalation-policy.ts';
import type { SlaState } from '../domain/sla.ts';
import { HOURS_PER_DAY } from '../kernel/time.ts';
import { freeCandidates, handTo, takeBack, tryAssign } from './assigning.ts';
import type { Escalation } from './escalation-book.ts';
import { moveReview } from './reviews.ts';
import type { Person, TaskState, World } from './world.ts';

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

/** The task is no longer where the escalation found it. */
export const movedOn: Nothing = 'the task had moved on';

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
  const asked = world.capacity.askedAt(team, domain);
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
