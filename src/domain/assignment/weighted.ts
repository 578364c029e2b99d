// The seed's weighted score: skill match 40 %, workload 25 %, complexity fit 20 %, and our 15 %:
// continuity, a preference for the IC who already worked on the same strategic task (or, half as
// much, the same instruction), which saves the context a newcomer would have to build up.

import {
  type AssignmentStrategy,
  best,
  byPriorityThenArrival,
  type IcView,
  load,
  type TaskView,
} from './strategy.ts';

export function weightedScore(task: TaskView, ic: IcView): number {
  const skillMatch = ic.skill / 5;
  const workload = 1 - load(ic);
  const complexityFit = ic.skill === 0 ? 0 : 1 - Math.abs(ic.skill - task.complexity) / 4;
  const continuity = ic.familiarity;
  return 0.4 * skillMatch + 0.25 * workload + 0.2 * complexityFit + 0.15 * continuity;
}

export function weighted(): AssignmentStrategy {
  return {
    name: 'weighted',
    compare: byPriorityThenArrival,
    choose: (task, candidates) => best(candidates, (ic) => weightedScore(task, ic)),
  };
}
