// `orgsim worker`'s flags and defaults, apart from the command's code (worker-command.ts), which
// loads BullMQ only when a worker starts.

export interface WorkerFlags {
  redis?: string;
  queue?: string;
  concurrency?: number;
  stallTimeout?: number;
  idleExit?: number;
  redisTimeout?: number;
  quiet?: boolean;
}

/** BullMQ's own default lock: a job of a dead worker goes to another after 30 to 60 s. */
export const DEFAULT_STALL_SECONDS = 30;
/** How long a worker rides out a Redis that is down before it exits (4). */
export const WORKER_GIVE_UP_SECONDS = 60;

/** A worker stopped at once by a second signal: its exit code (130, 143), nothing more to say. */
export class WorkerStopped extends Error {
  override readonly name = 'WorkerStopped';

  constructor(readonly code: number) {
    super(`worker stopped with exit code ${code}`);
  }
}
