// The assignment strategies by name: what a scenario's `strategy` field selects.

import { affinity } from './affinity.ts';
import { costOptimized } from './cost-optimized.ts';
import { criticalPathFirst } from './critical-path-first.ts';
import { leastLoaded } from './least-loaded.ts';
import { roundRobin } from './round-robin.ts';
import { specialist } from './specialist.ts';
import type { AssignmentStrategy } from './strategy.ts';
import { weighted } from './weighted.ts';

export const STRATEGIES = {
  weighted,
  'round-robin': roundRobin,
  specialist,
  affinity,
  'cost-optimized': costOptimized,
  'least-loaded': leastLoaded,
  'critical-path-first': criticalPathFirst,
} as const satisfies Record<string, () => AssignmentStrategy>;

export type StrategyName = keyof typeof STRATEGIES;

export const STRATEGY_NAMES = Object.keys(STRATEGIES) as StrategyName[];

/** A fresh strategy (some keep state, such as round-robin's turn) for one run. */
export function createStrategy(name: StrategyName): AssignmentStrategy {
  return STRATEGIES[name]();
}

export type { AssignmentStrategy, IcView, TaskView } from './strategy.ts';
