// Replications as a library function: jobs → one row per job, spread over worker threads
// (tinypool). Rows come back in job order and carry no wall time, so the result is identical
// whatever the number of workers; variants share seeds (common random numbers: the same arrivals,
// plans and efforts for every variant of a replication).

import { setMaxListeners } from 'node:events';
import { availableParallelism } from 'node:os';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import Tinypool from 'tinypool';
import type { Variant } from '../decide/variant.ts';
import type { StrategyName } from '../domain/assignment/index.ts';
import { type Job, runJob } from './job.ts';
import type { BatchRow } from './row.ts';
import { type ThreadOutcome, unwrapOutcome } from './thread-outcome.ts';

// Compiled (dist/), a worker runs worker.js; from the TypeScript sources, worker-entry.js first
// registers tsx's loader so that the worker can run worker.ts.
const WORKER = import.meta.url.endsWith('.ts') ? './worker-entry.js' : './worker.js';

/** `threads` worker threads that run jobs (the default export) and chunks (`chunk`). */
export function threadPool(threads: number): Tinypool {
  return new Tinypool({
    filename: fileURLToPath(new URL(WORKER, import.meta.url)),
    minThreads: threads,
    maxThreads: threads,
  });
}

/**
 * What runs a batch's jobs: the local pool (runJobs) or a queue. Rows come back in job order;
 * aborted, the rows finished by then and `undefined` for the others.
 */
export type JobRunner = (
  jobs: readonly Job[],
  options: PoolOptions,
) => Promise<Array<BatchRow | undefined>>;

/** Which seeds and strategies runBatch runs, and on how many threads. */
export interface BatchOptions {
  readonly seeds: readonly number[];
  /** Strategies to compare; omitted, the scenario's own. */
  readonly strategies?: readonly StrategyName[];
  /** Worker threads; 0 runs in this thread. Default: one per core. */
  readonly workers?: number;
}

/** How a batch of jobs runs: threads, progress, stopping. */
export interface PoolOptions {
  /** Worker threads; 0 runs in this thread. Default: one per core. */
  readonly workers?: number;
  /** Called as each row comes back (in any order), with the count done so far. */
  readonly onRow?: (done: number) => void;
  /**
   * Aborting stops the batch: on worker threads queued and running jobs are dropped at once; in
   * this thread the signal is seen after the run under way.
   */
  readonly signal?: AbortSignal;
}

/** `n` replication seeds derived from `base`: base, base + 1, ... (each run splits its own streams). */
export function replicationSeeds(base: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => base + i);
}

/** The variant that sets a scenario's strategy. */
export function strategyVariant(strategy: StrategyName): Variant {
  return {
    label: `strategy=${strategy}`,
    changes: [{ kind: 'set', path: ['strategy'], value: strategy }],
  };
}

export function jobsOf(scenarios: readonly string[], options: BatchOptions): Job[] {
  const variants = options.strategies?.map(strategyVariant) ?? [undefined];
  return scenarios.flatMap((scenario) =>
    variants.flatMap((variant) =>
      options.seeds.map((seed) => ({
        scenario,
        seed,
        ...(variant === undefined ? {} : { variant }),
      })),
    ),
  );
}

/** One row per scenario × strategy × seed, in that order, spread over worker threads. */
export async function runBatch(
  scenarios: readonly string[],
  options: BatchOptions,
): Promise<BatchRow[]> {
  const rows = await runJobs(jobsOf(scenarios, options), options);
  return rows as BatchRow[];
}

/**
 * Runs the jobs and returns their rows in job order. When the signal aborts, resolves with the
 * rows finished by then (`undefined` for the others) instead of throwing.
 */
export async function runJobs(
  jobs: readonly Job[],
  options: PoolOptions = {},
): Promise<Array<BatchRow | undefined>> {
  const rows: Array<BatchRow | undefined> = new Array(jobs.length).fill(undefined);
  let done = 0;
  const finish = (i: number, row: BatchRow) => {
    rows[i] = row;
    options.onRow?.(++done);
  };
  const workers = Math.min(options.workers ?? availableParallelism(), jobs.length);
  if (workers <= 0) {
    for (const [i, job] of jobs.entries()) {
      if (options.signal?.aborted) break;
      finish(i, runJob(job));
      // Let a signal handler run between replications (no effect on any result), the last one too.
      // A signal that came during a synchronous run reaches its handler on the second turn of the
      // event loop, not the first (measured on Node 20), hence two.
      await nextTurn();
      await nextTurn();
    }
    return rows;
  }
  // Tinypool listens on the signal once per queued job.
  if (options.signal) setMaxListeners(jobs.length + 10, options.signal);
  const pool = threadPool(workers);
  try {
    const settled = await Promise.allSettled(
      jobs.map((job, i) =>
        (
          pool.run(job, options.signal ? { signal: options.signal } : {}) as Promise<
            ThreadOutcome<BatchRow>
          >
        ).then((outcome) => finish(i, unwrapOutcome(outcome))),
      ),
    );
    if (!options.signal?.aborted) {
      const failed = settled.find((s) => s.status === 'rejected');
      if (failed) throw (failed as PromiseRejectedResult).reason;
    }
    return rows;
  } finally {
    await pool.destroy();
  }
}
