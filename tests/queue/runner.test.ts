// The seam every backend plugs into: forecast, compare and whatif take a `runner` for their
// replications, and a runner that gets the jobs in another order (as a queue does) gives the
// answer the local pool gives, figure for figure.

import { describe, expect, it } from 'vitest';
import type { Job } from '../../src/batch/job.ts';
import { type JobRunner, runJobs } from '../../src/batch/run-batch.ts';
import { compare } from '../../src/decide/compare.ts';
import { forecast } from '../../src/decide/forecast.ts';

/** Runs the jobs last to first, one at a time, and hands the rows back in job order. */
const backwards: JobRunner = async (jobs, options) => {
  const order = jobs.map((_, i) => jobs.length - 1 - i);
  const rows = await runJobs(
    order.map((i) => jobs[i] as Job),
    { ...options, workers: 0 },
  );
  const back = new Array(jobs.length);
  for (const [k, i] of order.entries()) back[i] = rows[k];
  return back;
};

describe('a runner of its own', () => {
  it('gives forecast and compare the local pool’s answer', async () => {
    let seen = 0;
    const counting: JobRunner = (jobs, options) => {
      seen += jobs.length;
      return backwards(jobs, options);
    };
    const mine = await forecast('tier1', { runs: 6, runner: counting });
    expect(seen).toBe(6);
    expect(JSON.stringify(mine)).toBe(
      JSON.stringify(await forecast('tier1', { runs: 6, workers: 0 })),
    );
    const variants = [
      {
        label: 'weighted',
        changes: [{ kind: 'set' as const, path: ['strategy'], value: 'weighted' }],
      },
      {
        label: 'rr',
        changes: [{ kind: 'set' as const, path: ['strategy'], value: 'round-robin' }],
      },
    ];
    const c = await compare('tier2', variants, { runs: 4, runner: counting });
    expect(seen).toBe(6 + 8);
    expect(JSON.stringify(c)).toBe(
      JSON.stringify(await compare('tier2', variants, { runs: 4, workers: 0 })),
    );
  });
});
