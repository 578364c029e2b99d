// One replication as a job a worker can run: which scenario, which seed, which strategy.

import type { StrategyName } from '../domain/assignment/index.ts';
import { runSimulation } from '../org/run.ts';
import { loadScenario } from '../scenario/load.ts';
import { type BatchRow, rowOf } from './row.ts';

export interface Job {
  /** A scenario name from scenarios/ or a path. */
  readonly scenario: string;
  readonly seed: number;
  readonly strategy?: StrategyName;
}

export function runJob(job: Job): BatchRow {
  const scenario = loadScenario(job.scenario, {
    seed: job.seed,
    ...(job.strategy === undefined ? {} : { strategy: job.strategy }),
  });
  const { log } = runSimulation(scenario.config, scenario.name, {
    limits: scenario.limits,
    warnings: scenario.warnings,
  });
  return rowOf(log.records);
}
