// Round-robin: each domain's ICs take turns, skipping those without a free slot.

import type { AssignmentStrategy } from './strategy.ts';
import { byPriorityThenArrival } from './strategy.ts';

export function roundRobin(): AssignmentStrategy {
  const lastServed = new Map<string, string>();
  return {
    name: 'round-robin',
    compare: byPriorityThenArrival,
    choose(task, candidates) {
      const last = lastServed.get(task.domain);
      const next = candidates.find((ic) => last === undefined || ic.id > last) ?? candidates[0];
      if (next === undefined) throw new Error('round-robin: no candidate');
      lastServed.set(task.domain, next.id);
      return next;
    },
  };
}
