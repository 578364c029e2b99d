// What orgsim's exit code tells a script or a CI job. Documented in the README ("Exit codes").

export const EXIT = {
  /** The command did what was asked. */
  ok: 0,
  /** A bug in orgsim: the message asks to report it; --debug prints the stack. */
  bug: 1,
  /** The user's input is wrong: a scenario, a log, `--out` or a flag. One line per problem. */
  usage: 2,
  /** The run was stopped by a limit on events or simulated hours (see --limits). */
  limit: 3,
  /**
   * The queue (--backend bullmq, `orgsim worker`): Redis unreachable or lost, or a worker that
   * cannot run a job (another orgsim version, a strategy module it lacks). The message says which.
   */
  queue: 4,
  /** Interrupted by SIGINT (Ctrl-C): 128 + 2, as shells report it. */
  sigint: 130,
  /** Terminated by SIGTERM: 128 + 15. */
  sigterm: 143,
} as const;
