// Outages: anyone may be out for a while. An IC's unstarted tasks and waiting reviews go to a
// colleague (its cover first, if it names one) and the rest waits for it. Anyone else's work waits
// on their desk, unless a cover is named: then what has not started on their desk, and any new
// work for them, goes to the cover until they are back, and who holds the work says so.

import type { DeskContext } from '../../machines/desk.ts';
import type { Activity } from '../domain/activity.ts';
import type { IcSpec } from '../domain/org.ts';
import type { Outage } from '../scenario/config.ts';
import { freeCandidates, handTo, icView, taskView, tryAssign } from './assigning.ts';
import { handOverEscalation } from './escalation-decisions.ts';
import { reassignReview } from './reviews.ts';
import { coveredRef } from './standup.ts';
import type { Person, World } from './world.ts';

export function scheduleOutage(world: World, outage: Outage): void {
  world.kernel.scheduleAt(outage.from, () => startOutage(world, outage));
  world.kernel.scheduleAt(outage.to, () => {
    const person = world.roster.person(outage.person);
    person.away = false;
    person.cover = null;
    world.record({ type: 'outage', person: outage.person, phase: 'end' });
    world.messages.deliver(person, { type: 'outage.end' });
    if (person.role !== 'IC') return;
    if (person.domain !== undefined) tryAssign(world, person.team, person.domain);
    for (const { team, domain } of world.roster.servedBy(person)) tryAssign(world, team, domain);
  });
}

function startOutage(world: World, outage: Outage): void {
  const person = world.roster.person(outage.person);
  const cover = outage.cover === undefined ? null : world.roster.person(outage.cover);
  // What is on the desk as they go: the activity under way stays theirs, the rest may move.
  const desk = person.actor.getSnapshot().context as DeskContext;
  const waiting = desk.queue;
  const current = desk.current;
  person.away = true;
  if (person.role !== 'IC') person.cover = cover;
  world.record({
    type: 'outage',
    person: outage.person,
    phase: 'start',
    ...(cover === null ? {} : { cover: cover.spec.id }),
  });
  world.messages.deliver(person, { type: 'outage.start' });
  if (person.role === 'IC') {
    handOverTasks(world, person, cover);
    // Reviews wait for nobody: even the one under way goes to another reviewer.
    for (const a of current === null ? waiting : [current, ...waiting]) {
      const task = a.task === undefined ? undefined : world.tasks.get(a.task);
      if (
        (a.kind === 'peerReview' || a.kind === 'qaValidation') &&
        task?.reviewer === person.spec.id
      )
        reassignReview(world, task, person, cover);
    }
  } else if (cover !== null) {
    for (const a of waiting) handOver(world, person, cover, a);
  }
}

/** An IC's assigned, unstarted tasks go to its cover while it has a free slot, else to a colleague. */
function handOverTasks(world: World, person: Person, cover: Person | null): void {
  for (const id of [...person.held]) {
    const task = world.task(id);
    if (task.actor.getSnapshot().value !== 'assigned') continue;
    const free = freeCandidates(world, task, person.spec.id);
    const coverFree =
      cover !== null && !cover.away && cover.held.size < (cover.spec as IcSpec).wipLimit;
    if (!coverFree && free.length === 0) continue;
    const other = coverFree
      ? (cover as Person)
      : world.roster.person(
          world.strategy.choose(
            taskView(task),
            free.map((p) => icView(world, p, task)),
            world.strategyContext,
          ).id,
        );
    person.held.delete(id);
    other.held.add(id);
    task.assignee = other.spec.id;
    world.drive(task, { type: 'task.reassign', assignee: other.spec.id });
    world.messages.deliver(person, { type: 'work.drop', task: id });
    handTo(world, task, other, world.roster.lead(other.team, task.plan.domain).spec.id);
  }
}

/** Moves one activity not yet started from an absent person's desk to their cover's. */
function handOver(world: World, seat: Person, cover: Person, a: Activity): void {
  world.messages.deliver(seat, { type: 'work.drop', activity: a.id });
  const task = a.task === undefined ? undefined : world.tasks.get(a.task);
  let ref = a.ref;
  switch (a.kind) {
    case 'escalation':
      // Already the cover's too (at another rung): it is not done twice.
      if (!handOverEscalation(world, a.ref as string, seat, cover)) return;
      break;
    case 'peerReview':
    case 'qaValidation':
    case 'domainApproval':
    case 'architectureReview':
      if (task !== undefined && task.reviewer === seat.spec.id) task.reviewer = cover.spec.id;
      break;
    case 'standup':
      ref = coveredRef(a.ref, seat);
      break;
  }
  world.messages.deliver(cover, {
    type: 'cover.work',
    kind: a.kind,
    workHours: a.workHours,
    ...(a.task === undefined ? {} : { task: a.task }),
    ...(a.instruction === undefined ? {} : { instruction: a.instruction }),
    ...(ref === undefined ? {} : { ref }),
    ...(task === undefined ? {} : { priority: task.priority }),
  });
}
