// Specialist: the most skilled IC in the task's domain, the least loaded among equals.

import { type AssignmentStrategy, best, byPriorityThenArrival, load } from './strategy.ts';

export function specialist(): AssignmentStrategy {
  return {
    name: 'specialist',
    compare: byPriorityThenArrival,
    choose: (_task, candidates) => best(candidates, (ic) => ic.skill - load(ic) / 2),
  };
}
