// Replications as a library function: runBatch(scenario, {seeds, strategies}) → one row per run,
// spread over worker threads (tinypool). Rows come back in job order and carry no wall time, so
// the result is identical whatever the number of workers, and strategies share seeds (common
// random numbers: the same arrivals, plans and efforts for every strategy).

import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import Tinypool from 'tinypool';
import type { StrategyName } from '../domain/assignment/index.ts';
import { type Job, runJob } from './job.ts';
import type { BatchRow } from './row.ts';

export interface BatchOptions {
  readonly seeds: readonly number[];
  /** Strategies to compare; omitted, the scenario's own. */
  readonly strategies?: readonly StrategyName[];
  /** Worker threads; 0 runs in this thread. Default: one per core. */
  readonly workers?: number;
}

/** `n` replication seeds derived from `base`: base, base + 1, ... (each run splits its own streams). */
export function replicationSeeds(base: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => base + i);
}

export function jobsOf(scenarios: readonly string[], options: BatchOptions): Job[] {
  const strategies = options.strategies ?? [undefined];
  return scenarios.flatMap((scenario) =>
    strategies.flatMap((strategy) =>
      options.seeds.map((seed) => ({
        scenario,
        seed,
        ...(strategy === undefined ? {} : { strategy }),
      })),
    ),
  );
}

export async function runBatch(
  scenarios: readonly string[],
  options: BatchOptions,
): Promise<BatchRow[]> {
  const jobs = jobsOf(scenarios, options);
  const workers = Math.min(options.workers ?? availableParallelism(), jobs.length);
  if (workers <= 0) return jobs.map(runJob);
  const pool = new Tinypool({
    filename: fileURLToPath(new URL('./worker-entry.js', import.meta.url)),
    minThreads: workers,
    maxThreads: workers,
  });
  try {
    return await Promise.all(jobs.map((job) => pool.run(job) as Promise<BatchRow>));
  } finally {
    await pool.destroy();
  }
}
