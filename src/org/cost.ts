// What a person's current activity costs an hour and which instruction it serves: read by the work
// log and by the budget's accrual, so the two never disagree.

import type { Activity } from '../domain/activity.ts';
import { tokensPerHour, usdPerHour } from '../domain/cost.ts';
import type { Person, World } from './world.ts';

export interface WorkRate {
  readonly tokensPerHour: number;
  readonly usdPerHour: number;
}

export function workRate(world: World, person: Person, activity: Activity): WorkRate {
  const complexity =
    activity.task === undefined ? 1 : (world.tasks.get(activity.task)?.plan.complexity ?? 1);
  const pricing = world.config.cost;
  const tokens = tokensPerHour(pricing, person.role, activity.kind, complexity);
  return {
    tokensPerHour: tokens,
    usdPerHour: usdPerHour(pricing, tokens, person.spec.costPerHour),
  };
}

/** The instruction an activity serves: its task's, or its own (intake, planning); none for rituals. */
export function instructionOf(world: World, activity: Activity): string | undefined {
  if (activity.task === undefined) return activity.instruction;
  return world.tasks.get(activity.task)?.plan.instruction ?? activity.instruction;
}
