// The submitting side of the queue backend: a decision command's replications as BullMQ jobs,
// and their rows gathered back in job order, byte for byte the rows the local pool returns.
//
// A batch of jobs (replication-major, as replicate() makes them) is cut into chunks: up to
// `chunk` consecutive seeds of one arm. Each chunk is a job whose id is fixed by the run, the
// scenario's text, the arm and the seed range (payload.ts), so a duplicate add is a no-op and a
// retried job computes what it computed before. A run is recorded in Redis while it lasts: a
// stopped command leaves its finished jobs there (7 days), and `--resume <run>` takes them back
// instead of running them again. Completed jobs are removed when the command has its rows.

import { readFileSync } from 'node:fs';
import { Queue, QueueEvents } from 'bullmq';
import type { Chunk } from '../batch/chunk.ts';
import type { Job } from '../batch/job.ts';
import type { BatchRow } from '../batch/row.ts';
import { type JobRunner, type PoolOptions, runJobs } from '../batch/run-batch.ts';
import { UsageError } from '../cli/usage-error.ts';
import { loadOptionsOf, variantScenario } from '../decide/checks.ts';
import { BASE, dataOf } from '../decide/variant.ts';
import { VERSION } from '../package-root.ts';
import { readScenario, type ScenarioSource } from '../scenario/load.ts';
import { connect, type RedisTarget } from './connection.ts';
import { QueueError } from './errors.ts';
import { type ChunkJob, decodeRows, failureError, jobIdOf, sha256 } from './payload.ts';
import { cutBatch } from './plan.ts';

/** How long finished and failed jobs (and a run's record) are kept for --resume and inspection. */
export const KEEP_SECONDS = 7 * 24 * 3600;

/** Every job's options: retention, and retries with backoff for what is not a run's own error. */
const JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: KEEP_SECONDS },
  removeOnFail: { age: KEEP_SECONDS },
} as const;

/**
 * How often outstanding jobs are checked beside the queue's events (which can be missed: a
 * trimmed stream, a reconnection). Events carry the results; this is the safety net.
 */
const RECONCILE_MS = 2000;

export interface SubmitOptions {
  readonly target: RedisTarget;
  readonly queue: string;
  /** Replications per job at most. */
  readonly chunk: number;
  /** The run's id: a function of the question (run-id.ts). */
  readonly run: string;
  /** Whether the command attaches to a run already in the queue (--resume). */
  readonly resume: boolean;
  /** What the run asks, as the record shows it: `forecast tier4 --runs 2000`. */
  readonly question: string;
  /** Seconds without any worker before the runs go to this machine's pool; none: wait. */
  readonly localFallbackSeconds?: number;
  /** This machine's threads for the fallback. */
  readonly localWorkers?: number;
  readonly giveUpSeconds: number;
  /** A line for the user (stderr). */
  readonly say: (line: string) => void;
}

export interface QueueBackend {
  /** The run's id, for --resume. */
  readonly run: string;
  readonly runner: JobRunner;
  /** Workers connected to the queue, as last seen. */
  workers(): number;
  /** Replications the run had finished in the queue before this command attached. */
  resumed(): number;
  /** The command has its rows: removes the run's jobs and its record. */
  finish(): Promise<void>;
  /** Closes the connections (the run's finished jobs stay, for --resume). */
  close(): Promise<void>;
}

/** A promise settled by the first of `work` and `lost`; `lost` rejects when Redis is gone. */
function guarded<T>(work: Promise<T>, lost: Promise<never>): Promise<T> {
  return Promise.race([work, lost]);
}

/** `promise`, or nothing after `ms`: closing a dead connection must not hang the command. */
async function within(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    promise.catch(() => {}),
    new Promise((resolve) => {
      timer = setTimeout(resolve, ms);
    }),
  ]);
  clearTimeout(timer);
}

interface Planned {
  readonly id: string;
  readonly data: ChunkJob;
  /** The batch's job indices, seed by seed. */
  readonly indices: readonly number[];
}

export async function openQueue(options: SubmitOptions): Promise<QueueBackend> {
  const { say } = options;
  const connection = connect(options.target, options.giveUpSeconds);
  const { lost } = connection;
  try {
    await connection.ready;
  } catch (error) {
    connection.close();
    throw error;
  }
  const queue = new Queue<ChunkJob, string>(options.queue, { connection: connection.client });
  const events = new QueueEvents(options.queue, { connection: connection.client });
  queue.on('error', () => {});
  events.on('error', () => {});
  const record = `${queue.opts.prefix ?? 'bull'}:${options.queue}:orgsim-run:${options.run}`;
  const sources = new Map<string, ScenarioSource>();
  const modules = new Map<string, Record<string, string>>();
  const created = new Set<string>();
  let workersSeen = 0;
  let resumedRuns = 0;
  let fellBack = false;
  try {
    await guarded(Promise.all([queue.waitUntilReady(), events.waitUntilReady()]), lost);
    const exists = (await guarded(connection.client.exists(record), lost)) === 1;
    if (options.resume && !exists)
      throw new UsageError(
        `--resume ${options.run}: no such run in queue "${options.queue}" on ${options.target.shown}: it finished, was never started there, or is older than ${KEEP_SECONDS / 86400} days; run the command without --resume`,
      );
    if (!options.resume && exists) {
      const asked = await guarded(connection.client.hget(record, 'question'), lost);
      throw new UsageError(
        `run ${options.run} (${asked ?? 'this question'}) is already in queue "${options.queue}" on ${options.target.shown}: add --resume ${options.run} to go on with it (the runs it finished are kept), or wait for the command attached to it`,
      );
    }
    await guarded(
      connection.client
        .multi()
        .hset(record, { question: options.question, orgsim: VERSION })
        .expire(record, KEEP_SECONDS)
        .exec(),
      lost,
    );
    workersSeen = await guarded(queue.getWorkersCount(), lost).catch(() => 0);
  } catch (error) {
    await within(events.close(), 2000);
    await within(queue.close(), 2000);
    connection.close();
    throw error;
  }

  /** The arm's scenario as read here, for the job to carry. */
  const sourceOf = (scenario: string): ScenarioSource => {
    const known = sources.get(scenario);
    if (known) return known;
    const source = readScenario(scenario);
    sources.set(scenario, source);
    return source;
  };

  /** The strategy modules the arm runs, each with its file's hash. */
  const modulesOf = (job: Job, source: ScenarioSource): Record<string, string> => {
    const key = `${source.file}\u0000${JSON.stringify(job.variant ?? BASE)}`;
    const known = modules.get(key);
    if (known) return known;
    const variant = job.variant ?? BASE;
    const { config } = variantScenario(
      source,
      dataOf(source.data, variant.changes),
      variant,
      job.seed,
      loadOptionsOf(job),
    );
    const strategy = config.strategy;
    const found =
      typeof strategy === 'object' && 'module' in strategy
        ? { [strategy.module]: sha256(readFileSync(strategy.module)) }
        : {};
    modules.set(key, found);
    return found;
  };

  /** The batch cut into chunks: consecutive seeds of one arm, up to `chunk` of them. */
  const plan = (jobs: readonly Job[]): Planned[] =>
    cutBatch(jobs, options.chunk).map(({ indices }) => {
      const first = jobs[indices[0] as number] as Job;
      const source = sourceOf(first.scenario);
      const { seed: _, ...rest } = first;
      const chunk: Chunk = {
        arm: { ...rest, scenario: source.shown, source: { text: source.text, file: source.file } },
        firstSeed: first.seed,
        count: indices.length,
      };
      return {
        id: jobIdOf(options.run, chunk),
        data: { orgsim: VERSION, run: options.run, chunk, modules: modulesOf(first, source) },
        indices,
      };
    });

  const runner: JobRunner = async (jobs, pool: PoolOptions) => {
    if (fellBack) return runJobs(jobs, pool);
    const rows: Array<BatchRow | undefined> = new Array(jobs.length).fill(undefined);
    const planned = plan(jobs);
    const byId = new Map(planned.map((p) => [p.id, p]));
    const outstanding = new Set(byId.keys());
    let done = 0;
    let active = false;
    const take = (id: string, text: string) => {
      const p = byId.get(id);
      if (!p || !outstanding.has(id)) return;
      const got = decodeRows(text);
      if (got.length !== p.indices.length)
        throw new QueueError(`job ${id} returned ${got.length} rows for ${p.indices.length} runs`);
      for (const [k, index] of p.indices.entries()) rows[index] = got[k];
      outstanding.delete(id);
      done += got.length;
      pool.onRow?.(done);
    };
    let settle: (error?: unknown) => void = () => {};
    const finished = new Promise<void>((resolve, reject) => {
      settle = (error) => (error === undefined ? resolve() : reject(error));
    });
    /** A job's state now: its rows taken, its failure thrown, or re-added if it is gone. */
    // Set once the batch is settled: nothing is added to the queue after it.
    let closed = false;
    const check = async (id: string) => {
      if (closed) return;
      // The state first (cheap): the job itself, with its scenario's text, only when it ended.
      const state = await queue.getJobState(id);
      if (closed) return;
      if (state === 'active') active = true;
      if (state !== 'completed' && state !== 'failed' && state !== 'unknown') return;
      const job = await queue.getJob(id);
      if (closed) return;
      if (!job) {
        const p = byId.get(id) as Planned;
        await queue.add('chunk', p.data, { ...JOB_OPTIONS, jobId: id });
        created.add(id);
        return;
      }
      if (typeof job.returnvalue === 'string' && job.finishedOn) take(id, job.returnvalue);
      else if (job.finishedOn && job.failedReason && (await job.getState()) === 'failed')
        settle(failureError(job.failedReason, id));
      else if (job.processedOn) active = true;
    };
    const onCompleted = ({ jobId, returnvalue }: { jobId: string; returnvalue: unknown }) => {
      if (!outstanding.has(jobId)) return;
      try {
        if (typeof returnvalue === 'string') take(jobId, returnvalue);
        else void check(jobId).catch(settle);
        if (outstanding.size === 0) settle();
      } catch (error) {
        settle(error);
      }
    };
    const onFailed = ({ jobId }: { jobId: string }) => {
      if (outstanding.has(jobId)) void check(jobId).catch(settle);
    };
    const onActive = ({ jobId }: { jobId: string }) => {
      if (outstanding.has(jobId)) active = true;
    };
    events.on('completed', onCompleted);
    events.on('failed', onFailed);
    events.on('active', onActive);
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const onAbort = () => settle();
    try {
      // What an earlier attachment of the run finished is taken; what failed is tried again.
      const existing = await guarded(Promise.all(planned.map((p) => queue.getJob(p.id))), lost);
      const fresh: Planned[] = [];
      for (const [k, job] of existing.entries()) {
        const p = planned[k] as Planned;
        created.add(p.id);
        if (job && typeof job.returnvalue === 'string' && job.finishedOn) {
          take(p.id, job.returnvalue);
          resumedRuns += p.indices.length;
        } else if (job?.finishedOn) {
          await guarded(queue.remove(p.id), lost);
          fresh.push(p);
        } else if (!job) fresh.push(p);
      }
      if (done > 0)
        say(
          `run ${options.run}: ${done} run${done === 1 ? '' : 's'} finished before taken from the queue, ${jobs.length - done} to go`,
        );
      if (fresh.length > 0)
        await guarded(
          queue.addBulk(
            fresh.map((p) => ({
              name: 'chunk',
              data: p.data,
              opts: { ...JOB_OPTIONS, jobId: p.id },
            })),
          ),
          lost,
        );
      if (outstanding.size === 0) settle();
      let warned = false;
      const reconcile = async () => {
        workersSeen = await queue.getWorkersCount().catch(() => workersSeen);
        for (const id of [...outstanding]) await check(id);
        if (outstanding.size === 0) return settle();
        const waited = (performance.now() - started) / 1000;
        if (!active && workersSeen === 0 && !fellBack) {
          if (options.localFallbackSeconds !== undefined && waited >= options.localFallbackSeconds)
            return fallBack();
          if (!warned && waited >= 5) {
            warned = true;
            say(
              `waiting for workers: none is serving queue "${options.queue}" on ${options.target.shown}; start one with \`orgsim worker --redis <url>\`${options.localFallbackSeconds === undefined ? ' (or add --local-fallback to run here)' : ''}`,
            );
          }
        }
      };
      /** Takes the jobs no worker has started back, and runs them on this machine. */
      const fallBack = async () => {
        fellBack = true;
        say(
          `no worker took a job in ${options.localFallbackSeconds} s: running the rest on this machine (--local-fallback)`,
        );
        const mine: number[] = [];
        for (const id of [...outstanding]) {
          if ((await queue.remove(id)) === 1) {
            outstanding.delete(id);
            mine.push(...(byId.get(id) as Planned).indices);
          }
        }
        const base = done;
        const local = await runJobs(
          mine.map((i) => jobs[i] as Job),
          {
            ...(options.localWorkers === undefined ? {} : { workers: options.localWorkers }),
            ...(pool.signal ? { signal: pool.signal } : {}),
            onRow: (n) => pool.onRow?.(base + n),
          },
        );
        for (const [k, index] of mine.entries()) rows[index] = local[k];
        done = base + local.filter((r) => r !== undefined).length;
        if (outstanding.size === 0 || pool.signal?.aborted) settle();
      };
      let ticking: Promise<void> | null = null;
      timer = setInterval(() => {
        if (ticking) return;
        ticking = reconcile()
          .catch(settle)
          .finally(() => {
            ticking = null;
          });
      }, RECONCILE_MS);
      pool.signal?.addEventListener('abort', onAbort);
      if (pool.signal?.aborted) settle();
      await guarded(finished, lost);
      closed = true;
      clearInterval(timer);
      if (ticking) await within(ticking, 5000);
      if (pool.signal?.aborted) {
        // Stopped: the jobs no worker has started are taken off the queue; finished ones stay.
        for (const id of outstanding) await within(queue.remove(id), 2000);
      }
      return rows;
    } finally {
      clearInterval(timer);
      pool.signal?.removeEventListener('abort', onAbort);
      events.off('completed', onCompleted);
      events.off('failed', onFailed);
      events.off('active', onActive);
    }
  };

  const close = async () => {
    await within(events.close(), 2000);
    await within(queue.close(), 2000);
    connection.close();
  };

  return {
    run: options.run,
    runner,
    workers: () => workersSeen,
    resumed: () => resumedRuns,
    finish: async () => {
      for (const id of created) await guarded(queue.remove(id), lost);
      await guarded(connection.client.del(record), lost);
    },
    close,
  };
}
