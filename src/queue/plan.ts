// How a batch of jobs is cut into queue jobs: each a run of up to `size` consecutive seeds of one
// arm (the same scenario, variant and options), in the batch's order. Every job of the batch is
// in exactly one chunk; rows go back to their jobs by the indices kept here.

import type { Job } from '../batch/job.ts';

export interface Cut {
  /** The batch's job indices, seed by seed (seeds first, first + 1, …). */
  readonly indices: readonly number[];
}

/** A job without its seed, as a string: jobs of one arm have the same. */
export function armKey(job: Job): string {
  const { seed: _, ...arm } = job;
  return JSON.stringify(arm);
}

export function cutBatch(jobs: readonly Job[], size: number): Cut[] {
  const arms = new Map<string, number[]>();
  for (const [i, job] of jobs.entries()) {
    const key = armKey(job);
    const list = arms.get(key) ?? [];
    list.push(i);
    arms.set(key, list);
  }
  const seedAt = (i: number) => (jobs[i] as Job).seed;
  const cuts: Cut[] = [];
  for (const indices of arms.values()) {
    let start = 0;
    while (start < indices.length) {
      const first = seedAt(indices[start] as number);
      let end = start + 1;
      while (
        end < indices.length &&
        end - start < size &&
        seedAt(indices[end] as number) === first + (end - start)
      )
        end++;
      cuts.push({ indices: indices.slice(start, end) });
      start = end;
    }
  }
  return cuts;
}
