// Planning: the Tech Lead publishes an instruction's plan and hands each strategic task to its
// Domain Lead, who breaks it down; the tasks whose dependencies are met are released.

import {
  consumers,
  type Plan,
  planProblems,
  remainingPath,
  type StrategicTask,
} from '../domain/planning/plan.ts';
import { SimulationError } from '../kernel/kernel.ts';
import { releaseTask } from './tasks.ts';
import type { InstructionState, Person, World } from './world.ts';

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
  world.published(state);
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
  // Closed undone while the lead was at it: there is nothing left to break down.
  if (state.done) return;
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
      ...(world.git === null ? {} : { components: world.git.touches(t) }),
    })),
  });
  world.progress.brokeDown(strategic);
  for (const t of tasks) releaseTask(world, state, t);
}
