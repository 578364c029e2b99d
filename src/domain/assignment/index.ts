// The assignment strategies by name: what a scenario's `strategy` field selects.

import { affinity } from './affinity.ts';
import { costOptimized } from './cost-optimized.ts';
import { criticalPathFirst } from './critical-path-first.ts';
import { loadCustomStrategy, type StrategySource, userStrategy } from './custom.ts';
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

/**
 * A built-in strategy by name, a user's strategy module by its absolute path, or a strategy object
 * given through the API (a run in this thread only: worker threads load modules).
 */
export type StrategyRef =
  | StrategyName
  | { readonly module: string }
  | { readonly object: StrategySource };

export function isStrategyName(value: string): value is StrategyName {
  return (STRATEGY_NAMES as readonly string[]).includes(value);
}

/** A fresh strategy (some keep state, such as round-robin's turn) for one run. */
export function createStrategy(ref: StrategyRef): AssignmentStrategy {
  if (typeof ref === 'string') return STRATEGIES[ref]();
  if ('module' in ref) return loadCustomStrategy(ref.module);
  return userStrategy(ref.object, 'custom', 'the strategy given to runScenario must be');
}

export {
  isModulePath,
  MODULE_PATH,
  StrategyError,
  type StrategySource,
} from './custom.ts';

export type { AssignmentStrategy, IcView, StrategyContext, TaskView } from './strategy.ts';
