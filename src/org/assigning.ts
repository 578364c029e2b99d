// Assignment: a team's backlogs, the views a strategy sees of tasks and ICs, the Domain Lead's
// choice of who takes the next task, taking a slot back for urgent work, and handing work over.

import type { IcView, TaskView } from '../domain/assignment/index.ts';
import { naturalOrder } from '../domain/assignment/strategy.ts';
import { modelOf, tokensPerHour, usdPerHour } from '../domain/cost.ts';
import type { Domain, IcSpec } from '../domain/org.ts';
import { skillIn } from '../domain/org.ts';
import { productivity } from '../domain/ramp-up.ts';
import { effortFactor } from '../domain/skills.ts';
import { executionPace } from './cost.ts';
import { queuedHours } from './load.ts';
import type { Person, TaskState, World } from './world.ts';

export function backlog(world: World, team: string, domain: Domain): TaskState[] {
  return world.backlogs.of(team, domain);
}

export function taskView(task: TaskState): TaskView {
  return {
    id: task.plan.id,
    team: task.team,
    domain: task.plan.domain,
    complexity: task.plan.complexity,
    estimateHours: task.plan.estimateHours,
    priority: task.priority,
    arrival: task.arrival,
    remainingPathHours: task.remainingPathHours,
  };
}

export function icView(world: World, ic: Person, task: TaskState): IcView {
  const spec = ic.spec as IcSpec;
  const skill = skillIn(spec, task.plan.domain);
  const { cost } = world.config;
  const model = modelOf(spec, cost.models, cost);
  const tokens = tokensPerHour(model, 'execute', task.plan.complexity);
  return {
    id: ic.spec.id,
    skill,
    held: ic.held.size,
    wipLimit: spec.wipLimit,
    queuedHours: queuedHours(ic, world.now),
    costPerHour: usdPerHour(model ?? cost, tokens, spec.costPerHour),
    familiarity: ic.familiar.has(task.plan.strategic)
      ? 1
      : ic.familiar.has(task.plan.instruction)
        ? 0.5
        : 0,
  };
}

/** The backlog's order: priority, then work given back by preemption first, then the strategy's. */
function servedBefore(world: World, a: TaskState, b: TaskState): boolean {
  if (a.priority !== b.priority) return a.priority < b.priority;
  if (a.requeued !== b.requeued) return a.requeued;
  return world.strategy.compare(taskView(a), taskView(b)) < 0;
}

/**
 * Serves a domain's backlog while it has waiting tasks and ICs with a free WIP slot. Work urgent
 * enough to preempt (P0 by default) takes a slot from lower-priority work when none is free.
 */
export function tryAssign(world: World, team: string, domain: Domain): void {
  serve(world, team, domain);
  world.poolCheck(team, domain);
}

function serve(world: World, team: string, domain: Domain): void {
  const list = backlog(world, team, domain);
  while (list.length > 0) {
    let pick: TaskState | undefined;
    for (const t of list) {
      if (t.deferredUntil > world.now) continue;
      // Work for another model's agents waits for one without holding up the rest.
      if (t.onModel !== null && freeOn(world, t).length === 0) continue;
      // A staggered team's one change in flight, or a change to the same component (serialize).
      if (world.git !== null && !world.git.mayStart(t)) continue;
      if (pick === undefined || servedBefore(world, t, pick)) pick = t;
    }
    if (pick === undefined) return;
    let free = freeOn(world, pick);
    if (free.length === 0 && pick.priority <= world.config.preemptUpTo) {
      const victim = slotToTake(world, team, domain, pick.priority);
      if (victim !== undefined) {
        takeBack(world, victim, pick.plan.id);
        free = freeOn(world, pick);
      }
    }
    if (free.length === 0) return;
    const task = pick;
    list.splice(list.indexOf(task), 1);
    task.requeued = false;
    const chosen = world.strategy.choose(
      taskView(task),
      free.map((p) => icView(world, p, task)),
      world.strategyContext,
    );
    const ic = world.roster.person(chosen.id);
    ic.held.add(task.plan.id);
    task.assignee = ic.spec.id;
    world.git?.claimed(task);
    world.messages.deliver(world.roster.lead(team, domain), {
      type: 'assign.request',
      workHours: world.config.overheads.assignmentHours,
      task: task.plan.id,
      instruction: task.plan.instruction,
      priority: task.priority,
    });
  }
}

/**
 * The held task to give its WIP slot to more urgent work: of lower priority than `priority`, not
 * past its first gate (ASSIGNED or IN_PROGRESS, never reviewed), in this pool; the lowest
 * priority first, then the least work done, then the latest to arrive.
 */
export function slotToTake(
  world: World,
  team: string,
  domain: Domain,
  priority: number,
): TaskState | undefined {
  let best: TaskState | undefined;
  for (const ic of world.roster.pool(team, domain)) {
    if (ic.away) continue;
    for (const id of ic.held) {
      const t = world.task(id);
      const snapshot = t.actor.getSnapshot();
      if (t.priority <= priority || t.terminal) continue;
      if (snapshot.value !== 'assigned' && snapshot.value !== 'inProgress') continue;
      if (snapshot.context.passed > 0 || snapshot.context.reworks > 0) continue;
      if (
        best === undefined ||
        t.priority > best.priority ||
        (t.priority === best.priority &&
          (t.workedHours < best.workedHours ||
            (t.workedHours === best.workedHours && t.arrival > best.arrival)))
      )
        best = t;
    }
  }
  return best;
}

/**
 * Takes a held task back from its IC into its backlog, at the head of its priority class, with
 * the work it has left: its work leaves the IC's desk and its WIP slot is free at once.
 */
export function takeBack(
  world: World,
  task: TaskState,
  by: string,
  kind: 'slot' | 'outage' | 'cap' = 'slot',
): void {
  const ic = world.roster.person(task.assignee as string);
  world.messages.deliver(ic, { type: 'work.drop', task: task.plan.id });
  ic.held.delete(task.plan.id);
  task.assignee = null;
  world.drive(task, { type: 'task.preempt' });
  task.requeued = true;
  task.waitingSince = world.now;
  backlog(world, task.team, task.plan.domain).push(task);
  world.git?.released(task);
  world.record({
    type: 'task.preempted',
    task: task.plan.id,
    person: ic.spec.id,
    by,
    kind,
  });
}

/** The DL takes up the assignment of a task: from tier 2 on, matching it to an IC is its planning. */
export function assignmentStarted(world: World, task: TaskState): void {
  const snapshot = task.actor.getSnapshot();
  if (!task.terminal && snapshot.value === 'pending' && !snapshot.context.skipsPlanning) {
    world.drive(task, { type: 'task.plan' });
  }
}

/** The DL has made the assignment: the task is ASSIGNED and the IC gets it in its inbox. */
export function delegateTask(world: World, task: TaskState, dl: string): void {
  if (task.terminal || task.assignee === null) return;
  const ic = world.roster.person(task.assignee);
  if (ic.away) {
    // The IC went out while the lead was assigning: the task goes back to the backlog.
    ic.held.delete(task.plan.id);
    task.assignee = null;
    task.waitingSince = world.now;
    backlog(world, task.team, task.plan.domain).push(task);
    world.git?.released(task);
    tryAssign(world, task.team, task.plan.domain);
    return;
  }
  world.drive(task, { type: 'task.assign', assignee: ic.spec.id });
  handTo(world, task, ic, dl);
}

/** Gives an ASSIGNED task to `ic`: its effort scaled by the IC's skill, a delegation and an ack. */
export function handTo(world: World, task: TaskState, ic: Person, from: string): void {
  const skill = skillIn(ic.spec as IcSpec, task.plan.domain);
  // A skill gap slows the work, and so do a new hire's ramp-up and a model slower than the work:
  // the effort left is rescaled for whoever holds the task now, after any time it takes them to
  // catch up on work someone else began (a retry on another model).
  task.effortLeft =
    (Math.max(0, task.effort * effortFactor(skill, task.plan.complexity) - task.workedHours) /
      productivity(ic.rampUp, world.now)) *
      executionPace(world, ic, task) +
    task.catchUpHours;
  task.catchUpHours = 0;
  world.git?.beforeWork(task, ic);
  world.messages.message(
    'delegation',
    'delegate.task',
    from,
    ic,
    {
      type: 'delegate.task',
      workHours: task.effortLeft,
      task: task.plan.id,
      instruction: task.plan.instruction,
      priority: task.priority,
    },
    { task: task.plan.id },
  );
  world.messages.message('delegation', 'ack', ic.spec.id, world.roster.person(from), null, {
    task: task.plan.id,
  });
}

/** The candidates for `task` in its pool: present, with a free slot, in a stable order. */
export function freeCandidates(world: World, task: TaskState, except?: string): Person[] {
  return freeOn(world, task, except);
}

/** Those free to take `task`: on its model, when it must go to one. */
function freeOn(world: World, task: TaskState, except?: string): Person[] {
  const free = freeIn(world, task.team, task.plan.domain, task.priority, except);
  const model = task.onModel;
  return model === null ? free : free.filter((p) => p.spec.model === model);
}

/**
 * ICs of a team's domain pool who are present, have a free WIP slot and may take work of
 * `priority` (an agent pool's P0 reserve), in natural id order.
 */
function freeIn(
  world: World,
  team: string,
  domain: Domain,
  priority: number,
  except?: string,
): Person[] {
  return world.roster
    .pool(team, domain)
    .filter(
      (p) =>
        !p.away &&
        p.spec.id !== except &&
        p.held.size < (p.spec as IcSpec).wipLimit &&
        world.mayTake(p, priority),
    )
    .sort((a, b) => naturalOrder(a.spec.id, b.spec.id));
}
