// A batch stopped by a signal after some runs finished: their partial report was written and
// printed, clearly marked, and the command still exits with the signal's code.

import type { CaughtSignal } from './signals.ts';

export class StoppedEarly extends Error {
  override readonly name = 'StoppedEarly';

  constructor(
    readonly signal: CaughtSignal,
    readonly runs: number,
  ) {
    super(`stopped by ${signal} after ${runs} runs`);
  }
}
