// Critical-path-first: a list scheduler. The backlog serves the task with the longest remaining
// path first (within a priority class), and gives it to the IC who will finish it soonest.

import { effortFactor } from '../skills.ts';
import { type AssignmentStrategy, best } from './strategy.ts';

export function criticalPathFirst(): AssignmentStrategy {
  return {
    name: 'critical-path-first',
    compare: (a, b) =>
      a.priority - b.priority ||
      b.remainingPathHours - a.remainingPathHours ||
      a.arrival - b.arrival,
    choose: (task, candidates) =>
      best(
        candidates,
        (ic) => -(ic.queuedHours + effortFactor(ic.skill, task.complexity) * task.estimateHours),
      ),
  };
}
