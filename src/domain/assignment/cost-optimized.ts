// Cost-optimised (seed 003 §4.1): the cheapest expected cost of the task, counting the slowdown a
// skill gap causes, among ICs within one level of its complexity when there are any.

import { effortFactor } from '../skills.ts';
import { type AssignmentStrategy, best, byPriorityThenArrival } from './strategy.ts';

export function costOptimized(): AssignmentStrategy {
  return {
    name: 'cost-optimized',
    compare: byPriorityThenArrival,
    choose(task, candidates) {
      const capable = candidates.filter((ic) => ic.skill >= task.complexity - 1);
      const pool = capable.length > 0 ? capable : candidates;
      return best(
        pool,
        (ic) => -ic.costPerHour * effortFactor(ic.skill, task.complexity) * task.estimateHours,
      );
    },
  };
}
