// Least-loaded: the IC with the fewest queued hours, then the fewest held tasks.

import { type AssignmentStrategy, best, byPriorityThenArrival } from './strategy.ts';

export function leastLoaded(): AssignmentStrategy {
  return {
    name: 'least-loaded',
    compare: byPriorityThenArrival,
    choose: (_task, candidates) => best(candidates, (ic) => -ic.queuedHours - ic.held / 1000),
  };
}
