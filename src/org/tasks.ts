// Tactical tasks come to life: released into their team's backlog (each with its lifecycle actor,
// its drawn effort and the blocker it will meet, if any), or cancelled by a requirement change.

import { drawEffort } from '../domain/effort.ts';
import { BLOCKER_TYPES } from '../domain/escalation.ts';
import type { Domain } from '../domain/org.ts';
import type { TacticalTask } from '../domain/planning/plan.ts';
import type { SlaTable } from '../domain/sla.ts';
import { taskInput } from '../domain/task-input.ts';
import { RandomStream } from '../kernel/random.ts';
import { backlog, tryAssign } from './assigning.ts';
import { startTask } from './task-actor.ts';
import type { InstructionState, TaskState, World } from './world.ts';

/**
 * A task enters the lifecycle once its strategic task is broken down and every task it depends
 * on is finished: its actor starts in PENDING and it joins its domain's backlog. Waiting on
 * dependencies happens before that, so no lifecycle SLA counts it.
 */
export function releaseTask(world: World, state: InstructionState, t: TacticalTask): void {
  if (world.tasks.has(t.id) || !world.progress.isBrokenDown(t.strategic)) return;
  for (const d of t.dependsOn) if (!world.progress.isFinished(d)) return;
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

/**
 * The pending handoffs of every task not yet offered any: shared, never added to (a task gets a
 * set of its own when its handoffs are offered), so that a task without consumers costs no set.
 */
const NO_HANDOFFS: Set<Domain> = new Set();

/** The SLA table of a task: the run's, with a workflow step's time limit for IN_PROGRESS. */
function slaOf(world: World, t: TacticalTask): SlaTable {
  const { sla } = world.config;
  if (t.timeoutHours === undefined) return sla;
  return { ...sla, IN_PROGRESS: { timesEstimate: t.timeoutHours / t.estimateHours } };
}

/** Starts a task's lifecycle actor (in PENDING) with its seeded effort and blocker. */
function createTask(world: World, state: InstructionState, t: TacticalTask): TaskState {
  const { spec } = state;
  // The task keeps its stream: the run's source need not hold one for every task ever created.
  const random = new RandomStream(world.random.seed, `task/${t.id}`);
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
        awaitsMerge: world.config.git !== null,
        architectural: t.architectural,
        enabled: world.config.gates.enabled,
        sla: slaOf(world, t),
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
    onModel: null,
    catchUpHours: 0,
    reviewing: null,
    reviewer: null,
    handoffsPending: NO_HANDOFFS,
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
    if (world.progress.isFinished(id)) continue;
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

/**
 * Closes an instruction without completing it (denied, or a task of it failed): its approvals
 * still waiting are withdrawn, the breakdowns of its strategic tasks not yet made are dropped, and
 * its tasks not finished are cancelled, released or not.
 */
export function closeUndone(world: World, instruction: InstructionState): void {
  instruction.done = true;
  world.workload.closed(instruction);
  world.abandon(instruction.spec.id);
  for (const s of instruction.plan?.strategic ?? [])
    if (!world.progress.isBrokenDown(s.id))
      for (const p of world.roster.team(instruction.team))
        world.messages.deliver(p, { type: 'work.drop', ref: s.id });
  const left = (instruction.plan?.tactical ?? [])
    .map((t) => t.id)
    .filter((t) => !world.progress.isFinished(t));
  cancelTasks(world, instruction, left);
  world.settle();
}
