// `orgsim worker`: takes chunks of replications from the queue and runs them on this machine's
// worker threads, with the same engine as the local pool. Any number of workers, on any machines,
// may serve one queue. A job is refused (failed for good, not retried) when it was submitted by
// another orgsim version or runs a strategy module this machine does not have as the submitter
// had it; a job whose run throws fails for good with the error's name and message, since a run is
// a function of its job and would throw again. SIGTERM or SIGINT stops taking jobs and finishes
// those under way; a second one stops at once (BullMQ gives their jobs to another worker).

import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { type Job as QueueJob, UnrecoverableError, Worker } from 'bullmq';
import type { BatchRow } from '../batch/row.ts';
import { threadPool } from '../batch/run-batch.ts';
import { type ThreadOutcome, unwrapOutcome } from '../batch/thread-outcome.ts';
import { VERSION } from '../package-root.ts';
import { connect, type RedisTarget } from './connection.ts';
import { QueueError } from './errors.ts';
import { type ChunkJob, encodeRows, failureText, sha256 } from './payload.ts';

export interface WorkerOptions {
  readonly target: RedisTarget;
  readonly queue: string;
  /** Jobs at once, each on a thread of its own. */
  readonly concurrency: number;
  /** How long a job of a worker that died waits before another worker takes it. */
  readonly stallSeconds: number;
  /** Exit once no job has come for this long (a Kubernetes Job, a test); default: never. */
  readonly idleExitSeconds?: number;
  /** How long Redis may be unreachable before the worker gives up. */
  readonly giveUpSeconds: number;
  /** A line for the operator (stderr). */
  readonly say: (line: string) => void;
}

/** Why this worker cannot run `data`, or null when it can. */
export function refusal(data: ChunkJob): string | null {
  if (data.orgsim !== VERSION)
    return `the job was submitted by orgsim ${data.orgsim} and this worker runs ${VERSION}: run workers of the submitter's version`;
  for (const [path, hash] of Object.entries(data.modules)) {
    let text: Buffer;
    try {
      text = readFileSync(path);
    } catch {
      return `strategy module ${path} is not on this worker (${hostname()}): install it at the same path as on the submitting machine`;
    }
    if (sha256(text) !== hash)
      return `strategy module ${path} on this worker (${hostname()}) differs from the submitter's: deploy the same file`;
  }
  return null;
}

/** Runs until stopped; resolves with the exit code. */
export async function runWorker(options: WorkerOptions): Promise<number> {
  const { say } = options;
  const connection = connect(options.target, options.giveUpSeconds);
  try {
    await connection.ready;
  } catch (error) {
    connection.close();
    throw error;
  }
  const pool = threadPool(options.concurrency);
  const name = `${hostname()}:${process.pid}`;
  let lastActivity = performance.now();
  let running = 0;
  const processor = async (job: QueueJob<ChunkJob>): Promise<string> => {
    running += 1;
    lastActivity = performance.now();
    try {
      const why = refusal(job.data);
      if (why !== null) throw new UnrecoverableError(failureText(new QueueError(why)));
      const started = performance.now();
      // A thread that dies (out of memory) rejects here: BullMQ tries the job again, with backoff.
      const outcome = (await pool.run(job.data.chunk, { name: 'chunk' })) as ThreadOutcome<
        BatchRow[]
      >;
      let rows: BatchRow[];
      try {
        rows = unwrapOutcome(outcome);
      } catch (error) {
        // The run's own error: it would throw again, so the job fails for good.
        throw new UnrecoverableError(failureText(error));
      }
      say(
        `done ${job.id}: ${rows.length} run${rows.length === 1 ? '' : 's'} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
      return encodeRows(rows);
    } finally {
      running -= 1;
      lastActivity = performance.now();
    }
  };
  const worker = new Worker<ChunkJob, string>(options.queue, processor, {
    connection: connection.client,
    concurrency: options.concurrency,
    name,
    lockDuration: options.stallSeconds * 1000,
    stalledInterval: options.stallSeconds * 1000,
    // A job whose workers died this often fails rather than going round for ever.
    maxStalledCount: 3,
    autorun: false,
  });
  worker.on('failed', (job, error) => {
    if (job) say(`failed ${job.id}: ${error.message}`);
  });
  worker.on('error', () => {
    // Connection errors: the connection's own give-up decides; BullMQ retries meanwhile.
  });
  let stopping: Promise<number> | null = null;
  let resolveExit: (code: number) => void = () => {};
  const exit = new Promise<number>((resolve) => {
    resolveExit = resolve;
  });
  /** Closes the worker (waiting for its jobs unless forced), the threads and the connection. */
  const shut = async (force: boolean) => {
    if (force) {
      // The runs under way are dropped with the process, not waited for (a second close would
      // wait for the first, graceful one): their locks lapse and another worker takes their jobs.
      void pool.destroy();
      connection.close();
      return;
    }
    // A worker whose Redis is gone cannot close cleanly: it stops waiting when Redis is lost.
    await Promise.race([worker.close(), connection.lost]).catch(() => {});
    await pool.destroy();
    connection.close();
  };
  const stop = (code: number, force: boolean, why: string) => {
    if (stopping && !force) return;
    say(why);
    stopping = shut(force).then(() => code);
    stopping.then(resolveExit);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    const code = signal === 'SIGINT' ? 130 : 143;
    if (stopping)
      stop(code, true, `${signal} again: stopping now; the jobs under way go back to the queue`);
    else
      stop(
        0,
        false,
        `${signal}: finishing the ${running} job${running === 1 ? '' : 's'} under way, taking no more`,
      );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const idle =
    options.idleExitSeconds === undefined
      ? undefined
      : setInterval(() => {
          const quiet = (performance.now() - lastActivity) / 1000;
          if (running === 0 && quiet >= (options.idleExitSeconds ?? 0))
            stop(0, false, `no job for ${options.idleExitSeconds} s: exiting (--idle-exit)`);
        }, 250);
  try {
    say(
      `worker ${name}: orgsim ${VERSION}, queue "${options.queue}" on ${options.target.shown}, ${options.concurrency} thread${options.concurrency === 1 ? '' : 's'}`,
    );
    worker.run().catch(() => {});
    return await Promise.race([exit, connection.lost]);
  } finally {
    if (idle) clearInterval(idle);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    if (!stopping) await shut(true);
  }
}
