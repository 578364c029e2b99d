// What happens when someone starts, finishes or stops an activity: the work is logged with its
// cost, and its completion moves the flow on. This is where every role's work takes effect.

import type { DeskContext, DeskEmitted } from '../../machines/desk.ts';
import { workingHoursBetween } from '../domain/calendar.ts';
import { tokensOf } from '../domain/cost.ts';
import type { Domain } from '../domain/org.ts';
import type { EventLog, LogRecord } from '../log/event-log.ts';
import type { WorkOutcome } from '../log/records.ts';
import { assignmentStarted, delegateTask } from './assigning.ts';
import { releaseHeldChanges } from './changes.ts';
import { instructionOf, workRate } from './cost.ts';
import { decideEscalation, escalationStarted } from './escalation-decisions.ts';
import { executionStarted, executionStopped } from './execution.ts';
import { decideIntake } from './intake.ts';
import { finishTacticalPlanning, publishPlan } from './planning.ts';
import { advance, resendHandoff, review, verifyHandoff } from './reviews.ts';
import { reviewCapacity } from './rituals.ts';
import { type StandupState, standupDone } from './standup.ts';
import type { Person, World } from './world.ts';

/** Logs a slice of work with its tokens, what it cost, and the instruction it served. */
function logWork(
  world: World,
  person: Person,
  event: Exclude<DeskEmitted, { type: 'work.started' }>,
  outcome: WorkOutcome,
): void {
  const a = event.activity;
  const hours = workingHoursBetween(event.startedAt, event.at, event.calendar);
  const rate = workRate(world, person, a);
  const tokens = tokensOf(rate.model, hours, rate.tokensPerHour);
  const usd = hours * rate.usdPerHour;
  const instruction = instructionOf(world, a);
  world.spentUsd += usd;
  const at = world.now;
  const id = person.spec.id;
  const { kind, task, queuedAt } = a;
  const { startedAt } = event;
  const tokensIn = tokens.input;
  const tokensOut = tokens.output;
  // Spelled out, one literal per shape, keys in the log's order: a record built with spreads gets
  // a hidden class of its own every time, and work records are the most frequent of all. A model
  // that caches adds its cache reads at the end.
  const log = tokens.cached > 0 ? withCached(world.log, tokens.cached) : world.log;
  if (task === undefined && instruction === undefined)
    log.append({
      t: at,
      type: 'work',
      person: id,
      kind,
      queuedAt,
      startedAt,
      hours,
      outcome,
      tokensIn,
      tokensOut,
      costUsd: usd,
    });
  else if (task === undefined)
    log.append({
      t: at,
      type: 'work',
      person: id,
      kind,
      instruction,
      queuedAt,
      startedAt,
      hours,
      outcome,
      tokensIn,
      tokensOut,
      costUsd: usd,
    });
  else if (instruction === undefined)
    log.append({
      t: at,
      type: 'work',
      person: id,
      kind,
      task,
      queuedAt,
      startedAt,
      hours,
      outcome,
      tokensIn,
      tokensOut,
      costUsd: usd,
    });
  else
    log.append({
      t: at,
      type: 'work',
      person: id,
      kind,
      task,
      instruction,
      queuedAt,
      startedAt,
      hours,
      outcome,
      tokensIn,
      tokensOut,
      costUsd: usd,
    });
}

/** A log that appends a work record with `tokensCached` after its other fields. */
function withCached(log: EventLog, tokensCached: number): Pick<EventLog, 'append'> {
  return {
    append: (record) =>
      log.append({ ...(record as Extract<LogRecord, { type: 'work' }>), tokensCached }),
  };
}

function domainOf(ref: string | undefined): Domain {
  return ref?.split('>')[1] as Domain;
}

export function dispatch(world: World, standups: StandupState, event: DeskEmitted): void {
  const person = world.roster.person(event.person);
  const a = event.activity;
  const task = a.task === undefined ? undefined : world.tasks.get(a.task);
  if (event.type === 'work.started') {
    if (a.kind === 'execute' && task) executionStarted(world, task, person);
    if (a.kind === 'assignment' && task) assignmentStarted(world, task);
    if (a.kind === 'escalation') escalationStarted(world, a.ref);
    return;
  }
  if (event.type === 'work.interrupted') {
    // A change of scope or of working hours pauses the work as a ritual does: it resumes at once.
    const { reason } = event;
    const paused = reason === 'ritual' || reason === 'rescaled' || reason === 'rescheduled';
    logWork(world, person, event, paused ? 'paused' : reason);
    if (a.kind === 'execute' && task) {
      executionStopped(world, task, event.calendar, event.startedAt, event.remainingHours);
      if (event.reason === 'preempted')
        world.record({
          type: 'task.preempted',
          task: task.plan.id,
          person: person.spec.id,
          by: (person.actor.getSnapshot().context as DeskContext).current?.task ?? '',
          kind: 'desk',
        });
    }
    return;
  }
  logWork(world, person, event, 'finished');
  // Progress is work that moves tasks and instructions: not a ritual, and not an escalation
  // decided on its own (a lead re-deciding a task nobody can start, day after day, moves nothing).
  if (a.kind !== 'standup' && a.kind !== 'rebalance' && a.kind !== 'escalation')
    world.lastProgress = world.now;
  switch (a.kind) {
    case 'intake':
      decideIntake(world, a.instruction as string, person);
      releaseHeldChanges(world, a.instruction as string);
      return;
    case 'strategicPlanning':
      publishPlan(world, a.instruction as string, person);
      releaseHeldChanges(world, a.instruction as string);
      return;
    case 'tacticalPlanning':
      finishTacticalPlanning(world, a.instruction as string, a.ref as string, person.spec.id);
      return;
    case 'assignment':
      if (task) delegateTask(world, task, person.spec.id);
      return;
    case 'execute':
      if (!task) return;
      executionStopped(world, task, event.calendar, event.startedAt, 0);
      person.finished.set(task.plan.id, world.now);
      if (task.actor.getSnapshot().value === 'inProgress')
        world.drive(task, { type: 'task.submit' });
      advance(world, task);
      return;
    case 'peerReview':
    case 'qaValidation':
    case 'domainApproval':
    case 'architectureReview':
      if (task) review(world, task, person.spec.id);
      return;
    case 'handoffVerification':
      if (task) verifyHandoff(world, task, domainOf(a.ref), person.spec.id);
      return;
    case 'handoffFix':
      if (task) resendHandoff(world, task, domainOf(a.ref));
      return;
    case 'escalation':
      decideEscalation(world, a.ref as string, person);
      return;
    case 'standup':
      standupDone(world, standups, person, a.ref);
      return;
    case 'rebalance':
      reviewCapacity(world);
      return;
    case 'approval':
      world.approved(a.instruction as string, a.ref as string, person.spec.id);
      return;
    case 'sync':
      world.git?.syncDone(person, a.task as string);
      return;
    case 'merge':
      if (task) world.git?.mergeDone(task, person);
      return;
    case 'conflictResolution':
      world.git?.resolved(a.ref as string, person);
      return;
    case 'integration':
      world.git?.integrationDone(a.ref as string, person);
      return;
    case 'ciFix':
      world.git?.ciFixDone(a.ref as string);
      return;
  }
}
