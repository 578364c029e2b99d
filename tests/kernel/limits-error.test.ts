// The error a run gone past a run-time limit ends with: its name (what the CLI maps to exit 3)
// and messages that say which limit, the value reached, the simulated time, and the flag to raise.

import { describe, expect, it } from 'vitest';
import { RunLimitError } from '../../src/kernel/limits-error.ts';

describe('RunLimitError', () => {
  it('is an Error named RunLimitError', () => {
    const error = RunLimitError.events(0, 1);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('RunLimitError');
  });

  it('says how many events ran, when, and how to raise the limit', () => {
    expect(RunLimitError.events(812.5, 20_000_000).message).toBe(
      'the run was stopped after 20,000,000 events at t=812.5 h (limit --limits events=20000000): the scenario may loop; raise the limit if it is really this big',
    );
  });

  it('says where the clock stopped, when the next event was due, and how to raise the limit', () => {
    expect(RunLimitError.hours(1_999_990.125, 2_000_004.5, 31_337, 2_000_000).message).toBe(
      'the run was stopped at t=1,999,990.13 h after 31,337 events: its next event is at t=2,000,004.5 h, past the limit of 2,000,000 simulated hours (limit --limits hours=2000000): the scenario may never end; raise the limit if it is really this long',
    );
  });
});
