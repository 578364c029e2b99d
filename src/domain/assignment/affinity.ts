// Affinity (seed 003 §4.1): keep related work with the IC who already has its context; among
// strangers to the work, the least loaded.

import { type AssignmentStrategy, best, byPriorityThenArrival, load } from './strategy.ts';

export function affinity(): AssignmentStrategy {
  return {
    name: 'affinity',
    compare: byPriorityThenArrival,
    choose: (_task, candidates) => best(candidates, (ic) => 2 * ic.familiarity - load(ic)),
  };
}
