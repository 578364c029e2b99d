// A chunk: consecutive replications of one arm (a scenario, a variant, its options), the unit a
// queue worker takes. Replication i of a chunk runs seed `firstSeed + i`, exactly as the local
// pool runs it, so a chunk's rows are the pool's rows for those seeds.

import { type Job, runJob } from './job.ts';
import type { BatchRow } from './row.ts';

export interface Chunk {
  /** The arm: every field of a job but its seed. */
  readonly arm: Omit<Job, 'seed'>;
  readonly firstSeed: number;
  readonly count: number;
}

/** The chunk's jobs, seed by seed. */
export function jobsOfChunk(chunk: Chunk): Job[] {
  return Array.from({ length: chunk.count }, (_, i) => ({
    ...chunk.arm,
    seed: chunk.firstSeed + i,
  }));
}

/** One row per replication of the chunk, in seed order. */
export function runChunk(chunk: Chunk): BatchRow[] {
  return jobsOfChunk(chunk).map(runJob);
}
