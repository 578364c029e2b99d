// What goes wrong with the queue that is not the user's scenario: Redis unreachable or lost, a
// worker that cannot run a job (another orgsim version, a strategy module it does not have).
// The command line ends these with exit code 4 (cli/exit-codes.ts).

export class QueueError extends Error {
  override readonly name = 'QueueError';
}
