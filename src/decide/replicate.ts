// Replications of variants on common random numbers: replication r of every variant runs seed
// base + r, so variants draw the same plans, arrivals and efforts. Each variant is checked on the
// first seed here, in this thread, so a bad variant is one clear error before anything is spread.

import type { Job } from '../batch/job.ts';
import type { BatchRow } from '../batch/row.ts';
import { type JobRunner, replicationSeeds, runJobs } from '../batch/run-batch.ts';
import type { Limits } from '../scenario/limits.ts';
import { loadScenario, readScenario } from '../scenario/load.ts';
import { loadOptionsOf, variantScenario } from './checks.ts';
import { dataOf, type Variant } from './variant.ts';

/** What every decision command takes: threads, warm-up, limits, progress, stopping. */
export interface RunOptions {
  /** Worker threads; 0 runs in this thread. Default: one per core. */
  readonly workers?: number;
  /** Hours at the start of every run left out of the rate statistics (replication/deletion). */
  readonly warmupHours?: number;
  readonly limits?: Partial<Limits>;
  readonly strict?: boolean;
  /** Called as runs finish: how many of how many. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Aborting stops the runs; the result then holds the replications every variant finished. */
  readonly signal?: AbortSignal;
  /** What runs the replications: default, this machine's worker threads (runJobs). */
  readonly runner?: JobRunner;
}

export interface Arm {
  readonly scenario: string;
  readonly variant: Variant;
}

/** Replication 0's seed when none is given: the scenario's own, so run 0 is `orgsim scenario`'s. */
export function defaultSeedBase(
  scenario: string,
  options: RunOptions & { seedBase?: number },
): number {
  return options.seedBase ?? loadScenario(scenario, loadOptionsOf(options)).config.seed;
}

/** Checks that every arm loads and can run, on `seed`; throws ScenarioError or VariantError. */
export function checkArms(arms: readonly Arm[], seed: number, options: RunOptions): void {
  for (const arm of arms) {
    const source = readScenario(arm.variant.scenario ?? arm.scenario);
    variantScenario(
      source,
      dataOf(source.data, arm.variant.changes),
      arm.variant,
      seed,
      loadOptionsOf(options),
    );
  }
}

/**
 * Runs replications `first` to `first + count − 1` of every arm; returns per arm its rows in
 * replication order. Interrupted, every arm keeps the replications all arms finished.
 */
export async function replicate(
  arms: readonly Arm[],
  seedBase: number,
  first: number,
  count: number,
  options: RunOptions,
  progress: { done: number; total: number } = { done: 0, total: arms.length * count },
): Promise<BatchRow[][]> {
  const seeds = replicationSeeds(seedBase + first, count);
  // Replication-major order: an interrupted batch has whole replications done first.
  const jobs: Job[] = seeds.flatMap((seed) =>
    arms.map((arm) => ({
      scenario: arm.variant.scenario ?? arm.scenario,
      seed,
      variant: arm.variant,
      ...(options.warmupHours ? { warmupHours: options.warmupHours } : {}),
      ...loadOptionsOf(options),
    })),
  );
  const start = progress.done;
  const rows = await (options.runner ?? runJobs)(jobs, {
    ...(options.workers === undefined ? {} : { workers: options.workers }),
    ...(options.signal ? { signal: options.signal } : {}),
    onRow: (done) => {
      progress.done = start + done;
      options.onProgress?.(progress.done, progress.total);
    },
  });
  const complete: BatchRow[][] = arms.map(() => []);
  for (let r = 0; r < count; r++) {
    const own = arms.map((_, a) => rows[r * arms.length + a]);
    if (own.some((row) => row === undefined)) break;
    for (const [a, row] of own.entries()) complete[a]?.push(row as BatchRow);
  }
  return complete;
}
