// Lets a run and a write be interrupted cleanly. While `catchingSignals` runs its work, SIGINT and
// SIGTERM abort the work's signal instead of killing the process: the simulation stops at its
// next pause (cli/interruptible-run.ts), the writer removes its temporary folder, and orgsim exits
// with 130 or 143. Outside it (loading, computing the reports, both writing nothing) the signals
// keep their default action: the process stops at once.

export type CaughtSignal = 'SIGINT' | 'SIGTERM';

/** The reason an interrupted write was aborted with. */
export class Interrupted extends Error {
  override readonly name = 'Interrupted';

  constructor(readonly signal: CaughtSignal) {
    super(`interrupted by ${signal}`);
  }
}

export async function catchingSignals<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onInt = () => controller.abort(new Interrupted('SIGINT'));
  const onTerm = () => controller.abort(new Interrupted('SIGTERM'));
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  try {
    return await work(controller.signal);
  } finally {
    process.off('SIGINT', onInt);
    process.off('SIGTERM', onTerm);
  }
}
