// The main flow of work: an instruction's intake by the EM, strategic planning by the TL, tactical
// planning and assignment by the Domain Leads, execution by the ICs. Every step is an activity on
// someone's desk and a message between actors; each completion moves the next one.

import type { IcView, TaskView } from '../domain/assignment/index.ts';
import { naturalOrder } from '../domain/assignment/strategy.ts';
import { type Calendar, finishTime, workingHoursBetween } from '../domain/calendar.ts';
import { tokensPerHour, usdPerHour } from '../domain/cost.ts';
import { drawEffort } from '../domain/effort.ts';
import { BLOCKER_TYPES } from '../domain/escalation.ts';
import type { Domain, IcSpec } from '../domain/org.ts';
import { skillIn } from '../domain/org.ts';
import {
  consumers,
  type Plan,
  planProblems,
  remainingPath,
  type StrategicTask,
  type TacticalTask,
} from '../domain/planning/plan.ts';
import { productivity } from '../domain/ramp-up.ts';
import { effortFactor } from '../domain/skills.ts';
import { taskInput } from '../domain/task-input.ts';
import { SimulationError } from '../kernel/kernel.ts';
import type { InstructionSpec } from '../scenario/config.ts';
import { queuedHours } from './load.ts';
import { startTask } from './task-actor.ts';
import type { InstructionState, Person, TaskState, World } from './world.ts';

export function receiveInstruction(world: World, spec: InstructionSpec): void {
  world.record({
    type: 'instruction.received',
    instruction: spec.id,
    tier: spec.tier,
    priority: spec.priority,
    title: spec.title,
  });
  world.messages.deliver(world.roster.manager(), {
    type: 'instruction.received',
    workHours: world.config.overheads.intakeHours,
    instruction: spec.id,
    ref: spec.id,
    priority: spec.priority,
  });
  world.workload.pending.set(spec.id, spec);
}

/** EM intake done (by the EM, or whoever covers for them): go or no-go, priority, delegation. */
export function decideIntake(world: World, instruction: string, em: Person): void {
  const spec = world.workload.pending.get(instruction) as InstructionSpec;
  world.workload.pending.delete(instruction);
  const refusal = world.intakeRefusal();
  if (refusal !== null) {
    world.record({
      type: 'instruction.decided',
      instruction,
      go: false,
      reason: refusal,
      by: em.spec.id,
    });
    return;
  }
  // Priority arbitration: of the teams staffed for its plan, the one with the least open work
  // takes it; P0 interrupts everyone.
  const team = quietestTeam(world, world.teamsFor(instruction));
  const state: InstructionState = {
    spec,
    team,
    plan: null,
    consumers: new Map(),
    paths: new Map(),
    tasks: [],
    open: 0,
    done: false,
  };
  world.instructions.set(instruction, state);
  world.workload.opened(state);
  world.record({
    type: 'instruction.decided',
    instruction,
    go: true,
    reason: `P${spec.priority} to ${team}`,
    by: em.spec.id,
  });
  if (spec.priority === 0)
    world.messages.broadcast('org', 'incident.p0', em.spec.id, { instruction });
  // It outranks work already under way: the leads hear that priorities changed.
  const outranks = world.workload.openByPriority.slice(spec.priority + 1).some((n) => n > 0);
  if (outranks) world.messages.broadcast('leads', 'priority.changed', em.spec.id, { instruction });
  const tl = world.roster.techLead(team);
  world.messages.message(
    'delegation',
    'delegate.instruction',
    em.spec.id,
    tl,
    {
      type: 'delegate.instruction',
      workHours: world.config.overheads.strategicPlanningHours[spec.tier],
      instruction,
      ref: instruction,
      priority: spec.priority,
    },
    { instruction },
  );
  world.messages.message('delegation', 'ack', world.roster.standIn(tl).spec.id, em, null, {
    instruction,
  });
}

function quietestTeam(world: World, teams: readonly string[]): string {
  let best = '';
  let fewest = Number.POSITIVE_INFINITY;
  for (const team of teams) {
    const n = world.workload.openByTeam.get(team) ?? 0;
    if (n < fewest) [best, fewest] = [team, n];
  }
  return best;
}

/** Strategic planning done (by the TL, or whoever covers): the plan, and delegation to the leads. */
export function publishPlan(world: World, instruction: string, tl: Person): void {
  const state = world.instructions.get(instruction) as InstructionState;
  const { spec } = state;
  // Drawn before the run from the instruction and the seed alone (src/scenario/prepare.ts).
  const plan = spec.plan;
  if (plan === undefined)
    throw new SimulationError(`${instruction} reached planning without a plan.`);
  const problems = planProblems(plan);
  if (problems.length > 0)
    throw new SimulationError(`The plan of ${instruction} is not a DAG: ${problems.join('; ')}.`);
  replan(state, plan);
  world.record({
    type: 'plan.strategic',
    instruction,
    by: tl.spec.id,
    strategic: plan.strategic.map((s) => ({
      id: s.id,
      domain: s.domain,
      milestone: s.milestone,
      dependsOn: s.dependsOn,
    })),
  });
  world.messages.broadcast(`team/${state.team}`, 'plan.published', tl.spec.id, { instruction });
  state.open = plan.tactical.length;
  delegateStrategic(world, state, plan.strategic, tl);
}

/**
 * The instruction's plan is now `plan` (published, or changed by a requirement change): who
 * consumes each task and each task's remaining path follow it, for released tasks too.
 */
export function replan(state: InstructionState, plan: Plan): void {
  state.plan = plan;
  state.consumers = consumers(plan);
  state.paths = remainingPath(plan);
  for (const task of state.tasks)
    task.remainingPathHours = state.paths.get(task.plan.id) ?? task.plan.estimateHours;
}

/** The TL hands each strategic task to its domain's lead, for tactical planning in its hours. */
export function delegateStrategic(
  world: World,
  state: InstructionState,
  strategic: readonly StrategicTask[],
  tl: Person,
): void {
  const instruction = state.spec.id;
  for (const s of strategic) {
    const dl = world.roster.lead(state.team, s.domain);
    const n = (state.plan?.tactical ?? []).filter((t) => t.strategic === s.id).length;
    const hours =
      state.spec.tier === 1 ? 0 : world.config.overheads.tacticalPlanningHoursPerTask * n;
    world.messages.message(
      'delegation',
      'delegate.strategic',
      tl.spec.id,
      dl,
      {
        type: 'delegate.strategic',
        workHours: hours,
        instruction,
        ref: s.id,
        priority: state.spec.priority,
      },
      { instruction },
    );
    world.messages.message('delegation', 'ack', world.roster.standIn(dl).spec.id, tl, null, {
      instruction,
    });
  }
}

/** The DL's breakdown of a strategic task is done: its tasks whose inputs are finished are released. */
export function finishTacticalPlanning(
  world: World,
  instruction: string,
  strategic: string,
  by: string,
): void {
  const state = world.instructions.get(instruction) as InstructionState;
  const tasks = (state.plan?.tactical ?? []).filter((t) => t.strategic === strategic);
  world.record({
    type: 'plan.tactical',
    instruction,
    strategic,
    by,
    tasks: tasks.map((t) => ({
      id: t.id,
      domain: t.domain,
      estimateHours: t.estimateHours,
      complexity: t.complexity,
      dependsOn: t.dependsOn,
      priority: state.spec.priority,
      architectural: t.architectural,
    })),
  });
  world.brokenDown.add(strategic);
  for (const t of tasks) releaseTask(world, state, t);
}

/**
 * A task enters the lifecycle once its strategic task is broken down and every task it depends
 * on is finished: its actor starts in PENDING and it joins its domain's backlog. Waiting on
 * dependencies happens before that, so no lifecycle SLA counts it.
 */
export function releaseTask(world: World, state: InstructionState, t: TacticalTask): void {
  if (world.tasks.has(t.id) || !world.brokenDown.has(t.strategic)) return;
  for (const d of t.dependsOn) if (!world.finished.has(d)) return;
  const task = createTask(world, state, t);
  world.record({
    type: 'task.ready',
    task: t.id,
    domain: t.domain,
    team: task.team,
    effortHours: task.effort,
  });
  backlog(world, task.team, t.domain).push(task);
  tryAssign(world, task.team, t.domain);
}

/** Starts a task's lifecycle actor (in PENDING) with its seeded effort and blocker. */
function createTask(world: World, state: InstructionState, t: TacticalTask): TaskState {
  const { spec } = state;
  const random = world.random.stream(`task/${t.id}`);
  const effort = drawEffort(world.config.effort, t.estimateHours, random);
  // Every blocker type is drawn, hit or not, so a task's later draws do not depend on the odds.
  const hits = BLOCKER_TYPES.map((type) => ({
    type,
    hit: random.bernoulli(world.config.blockers[type]),
  }));
  const at = random.float();
  const hit = hits.find((h) => h.hit);
  const hasConsumer = (state.consumers.get(t.id) ?? []).some((c) => c.domain !== t.domain);
  const task: TaskState = {
    plan: t,
    instruction: state,
    team: state.team,
    priority: spec.priority,
    actor: startTask(
      world.kernel,
      world.log,
      taskInput({
        id: t.id,
        tier: spec.tier,
        estimateHours: t.estimateHours,
        hasConsumer,
        architectural: t.architectural,
        enabled: world.config.gates.enabled,
        sla: world.config.sla,
      }),
      {
        engine: world.config.engine,
        onReport: (report) => {
          const created = world.tasks.get(t.id);
          if (created) world.reactions.reported(created, report);
        },
      },
    ),
    random,
    effort,
    effortLeft: effort,
    assignee: null,
    arrival: world.arrivals++,
    blocker: hit ? { type: hit.type, atHours: at * effort } : null,
    workedHours: 0,
    blockerTimer: null,
    blockedAt: null,
    waitingSince: world.now,
    requeued: false,
    reviewing: null,
    reviewer: null,
    handoffsPending: new Set(),
    handoffsOffered: false,
    deferredUntil: 0,
    remainingPathHours: state.paths.get(t.id) ?? t.estimateHours,
    terminal: false,
  };
  world.tasks.set(t.id, task);
  state.tasks.push(task);
  return task;
}

/**
 * Cancels tasks of an instruction (a requirement change): work on them stops wherever it is, their
 * slots free up, and tasks not yet released enter the lifecycle only to be cancelled, so every
 * planned task still ends COMPLETED or CANCELLED. Cancelled tasks count as finished for their
 * dependents.
 */
export function cancelTasks(world: World, state: InstructionState, ids: readonly string[]): void {
  for (const id of ids) {
    if (world.finished.has(id)) continue;
    const planned = state.plan?.tactical.find((t) => t.id === id);
    if (planned === undefined) continue;
    const task = world.tasks.get(id) ?? createTask(world, state, planned);
    const list = backlog(world, task.team, planned.domain);
    if (list.includes(task)) list.splice(list.indexOf(task), 1);
    if (task.blockerTimer !== null) world.kernel.cancel(task.blockerTimer);
    task.blockerTimer = null;
    for (const p of world.roster.team(task.team))
      world.messages.deliver(p, { type: 'work.drop', task: id });
    world.drive(task, { type: 'task.cancel', reason: 'requirement change' });
    world.reactions.ended(task);
  }
}

export function backlog(world: World, team: string, domain: Domain): TaskState[] {
  const key = `${team}/${domain}`;
  let list = world.backlogs.get(key);
  if (list === undefined) {
    list = [];
    world.backlogs.set(key, list);
  }
  return list;
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
  const pricing = world.config.cost;
  const tokens = tokensPerHour(pricing, 'IC', 'execute', task.plan.complexity);
  return {
    id: ic.spec.id,
    skill,
    held: ic.held.size,
    wipLimit: spec.wipLimit,
    queuedHours: queuedHours(ic, world.now),
    costPerHour: usdPerHour(pricing, tokens, spec.costPerHour),
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
  const list = backlog(world, team, domain);
  while (list.length > 0) {
    let pick: TaskState | undefined;
    for (const t of list) {
      if (t.deferredUntil > world.now) continue;
      if (pick === undefined || servedBefore(world, t, pick)) pick = t;
    }
    if (pick === undefined) return;
    let free = freeIn(world, team, domain);
    if (free.length === 0 && pick.priority <= world.config.preemptUpTo) {
      const victim = slotToTake(world, team, domain, pick.priority);
      if (victim !== undefined) {
        takeBack(world, victim, pick.plan.id);
        free = freeIn(world, team, domain);
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
  kind: 'slot' | 'outage' = 'slot',
): void {
  const ic = world.roster.person(task.assignee as string);
  world.messages.deliver(ic, { type: 'work.drop', task: task.plan.id });
  ic.held.delete(task.plan.id);
  task.assignee = null;
  world.drive(task, { type: 'task.preempt' });
  task.requeued = true;
  task.waitingSince = world.now;
  backlog(world, task.team, task.plan.domain).push(task);
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
    tryAssign(world, task.team, task.plan.domain);
    return;
  }
  world.drive(task, { type: 'task.assign', assignee: ic.spec.id });
  handTo(world, task, ic, dl);
}

/** Gives an ASSIGNED task to `ic`: its effort scaled by the IC's skill, a delegation and an ack. */
export function handTo(world: World, task: TaskState, ic: Person, from: string): void {
  const skill = skillIn(ic.spec as IcSpec, task.plan.domain);
  // A skill gap slows the work, and so does a new hire's ramp-up: the effort left is rescaled
  // for whoever holds the task now.
  task.effortLeft =
    Math.max(0, task.effort * effortFactor(skill, task.plan.complexity) - task.workedHours) /
    productivity(ic.rampUp, world.now);
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
  return freeIn(world, task.team, task.plan.domain, except);
}

/** ICs of a team's domain pool who are present and have a free WIP slot, in natural id order. */
function freeIn(world: World, team: string, domain: Domain, except?: string): Person[] {
  return world.roster
    .pool(team, domain)
    .filter((p) => !p.away && p.spec.id !== except && p.held.size < (p.spec as IcSpec).wipLimit)
    .sort((a, b) => naturalOrder(a.spec.id, b.spec.id));
}

/** An IC begins (or resumes) executing a task. */
export function executionStarted(world: World, task: TaskState, person: Person): void {
  person.familiar.add(task.plan.strategic);
  person.familiar.add(task.plan.instruction);
  const state = task.actor.getSnapshot().value;
  if (state === 'assigned') world.drive(task, { type: 'task.start' });
  const blocker = task.blocker;
  if (blocker !== null && task.blockerTimer === null) {
    const at = finishTime(
      world.now,
      Math.max(0, blocker.atHours - task.workedHours),
      world.calendarOf(person),
    );
    task.blockerTimer = world.after(at - world.now, () => {
      task.blockerTimer = null;
      world.reactions.blocked(task);
    });
  }
}

/** An IC stopped executing a task (done, preempted, away, blocked): account the hours worked. */
export function executionStopped(
  world: World,
  task: TaskState,
  calendar: Calendar,
  startedAt: number,
  remaining: number,
): void {
  task.workedHours += workingHoursBetween(startedAt, world.now, calendar);
  task.effortLeft = remaining;
  if (task.blockerTimer !== null) {
    world.kernel.cancel(task.blockerTimer);
    task.blockerTimer = null;
  }
}

/** Gives up a task's WIP slot (it reached handoff, completed or was cancelled). */
export function freeSlot(world: World, task: TaskState): void {
  if (task.assignee === null) return;
  const ic = world.roster.person(task.assignee);
  if (!ic.held.delete(task.plan.id)) return;
  // Its home domain too: a loan may have ended while it held the task.
  tryAssign(world, ic.team, ic.domain as Domain);
  for (const { team, domain } of world.roster.servedBy(ic))
    if (team !== ic.team || domain !== ic.domain) tryAssign(world, team, domain);
}
