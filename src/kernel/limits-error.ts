// The error that stops a run gone past a run-time limit (kernel events or simulated hours). The
// CLI maps it to its own exit code (3): the scenario may be fine but bigger than allowed, or loop.

import type { Hours } from './time.ts';

const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

export class RunLimitError extends Error {
  override readonly name = 'RunLimitError';

  /** The run fired `limit` events and has more to fire. */
  static events(now: Hours, limit: number): RunLimitError {
    return new RunLimitError(
      `the run was stopped after ${count.format(limit)} events at t=${count.format(now)} h (limit --limits events=${limit}): the scenario may loop; raise the limit if it is really this big`,
    );
  }

  /** The run's next event falls at `next`, past the `limit` on simulated hours. */
  static hours(now: Hours, next: Hours, events: number, limit: Hours): RunLimitError {
    return new RunLimitError(
      `the run was stopped at t=${count.format(now)} h after ${count.format(events)} events: its next event is at t=${count.format(next)} h, past the limit of ${count.format(limit)} simulated hours (limit --limits hours=${limit}): the scenario may never end; raise the limit if it is really this long`,
    );
  }
}
