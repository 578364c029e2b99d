// `orgsim worker`: serves a queue until stopped (SIGTERM, SIGINT) or idle for --idle-exit.

import { availableParallelism } from 'node:os';
import { redisTarget } from '../queue/connection.ts';
import { runWorker } from '../queue/worker.ts';
import { DEFAULT_QUEUE } from './queue-options.ts';
import { DEFAULT_STALL_SECONDS, WORKER_GIVE_UP_SECONDS, type WorkerFlags } from './worker-flags.ts';

export async function runWorkerCommand(flags: WorkerFlags): Promise<number> {
  const target = redisTarget(flags.redis);
  // Whatever is left once the worker has stopped (a client of a lost Redis still reconnecting,
  // the threads of runs dropped by a second signal), the process exits: a timer that keeps
  // nothing alive by itself, and gives stderr a moment to be written.
  const exitSoon = () => setTimeout(() => process.exit(), 500).unref();
  try {
    return await runWorkerFor(target, flags);
  } finally {
    exitSoon();
  }
}

function runWorkerFor(target: ReturnType<typeof redisTarget>, flags: WorkerFlags): Promise<number> {
  return runWorker({
    target,
    queue: flags.queue ?? DEFAULT_QUEUE,
    concurrency: flags.concurrency ?? availableParallelism(),
    stallSeconds: flags.stallTimeout ?? DEFAULT_STALL_SECONDS,
    ...(flags.idleExit === undefined ? {} : { idleExitSeconds: flags.idleExit }),
    giveUpSeconds: flags.redisTimeout ?? WORKER_GIVE_UP_SECONDS,
    say: flags.quiet ? () => {} : (line) => process.stderr.write(`worker: ${line}\n`),
  });
}
