// Round-robin: each domain's ICs take turns, skipping those without a free slot.

import { type AssignmentStrategy, byPriorityThenArrival, naturalOrder } from './strategy.ts';

export function roundRobin(): AssignmentStrategy {
  const lastServed = new Map<string, string>();
  return {
    name: 'round-robin',
    compare: byPriorityThenArrival,
    choose(task, candidates) {
      // Each team's domain keeps its own turn: the next IC after the last one served.
      const key = `${task.team}/${task.domain}`;
      const last = lastServed.get(key);
      const next =
        candidates.find((ic) => last === undefined || naturalOrder(ic.id, last) > 0) ??
        candidates[0];
      if (next === undefined) throw new Error('round-robin: no candidate');
      lastServed.set(key, next.id);
      return next;
    },
  };
}
