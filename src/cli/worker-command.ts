// `orgsim worker`: serves a queue until stopped (SIGTERM, SIGINT) or idle for --idle-exit.

import { availableParallelism } from 'node:os';
import { redisTarget } from '../queue/connection.ts';
import { runWorker } from '../queue/worker.ts';
import { DEFAULT_QUEUE } from './queue-options.ts';
import { DEFAULT_STALL_SECONDS, WORKER_GIVE_UP_SECONDS, type WorkerFlags } from './worker-flags.ts';

export async function runWorkerCommand(flags: WorkerFlags): Promise<number> {
  const target = redisTarget(flags.redis);
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
