// What a person's current activity costs an hour and which instruction it serves: read by the work
// log and by the budget's accrual, so the two never disagree.

import type { Activity } from '../domain/activity.ts';
import {
  modelOf,
  type TokenPricing,
  throughputPace,
  tokensPerHour,
  usdPerHour,
} from '../domain/cost.ts';
import type { Person, TaskState, World } from './world.ts';

export interface WorkRate {
  /** The model the work runs on; the default model's rates for a person, who uses no tokens. */
  readonly model: TokenPricing;
  readonly tokensPerHour: number;
  readonly usdPerHour: number;
}

export function workRate(world: World, person: Person, activity: Activity): WorkRate {
  const complexity =
    activity.task === undefined ? 1 : (world.tasks.get(activity.task)?.plan.complexity ?? 1);
  const { cost } = world.config;
  const model = modelOf(person.spec, cost.models, cost);
  // A model slower than the work streams its tokens over the longer hours it takes.
  const tokens =
    tokensPerHour(model, activity.kind, complexity) /
    throughputPace(model, activity.kind, complexity);
  return {
    model: model ?? cost,
    tokensPerHour: tokens,
    usdPerHour: usdPerHour(model ?? cost, tokens, person.spec.costPerHour),
  };
}

/** The instruction an activity serves: its task's, or its own (intake, planning); none for rituals. */
export function instructionOf(world: World, activity: Activity): string | undefined {
  if (activity.task === undefined) return activity.instruction;
  return world.tasks.get(activity.task)?.plan.instruction ?? activity.instruction;
}

/** How many times its hours `ic`'s execution of `task` takes on their model (throughputPace). */
export function executionPace(world: World, ic: Person, task: TaskState): number {
  const { cost } = world.config;
  return throughputPace(modelOf(ic.spec, cost.models, cost), 'execute', task.plan.complexity);
}
