// The worker-thread side of runBatch and of the queue worker: tinypool calls the default export
// with each job, and `chunk` (by name) with each chunk of a queue job. Each returns an outcome
// (thread-outcome.ts), so that an error keeps its name across the thread.

import { type Chunk, runChunk } from './chunk.ts';
import { type Job, runJob } from './job.ts';
import { outcomeOf } from './thread-outcome.ts';

export default function work(job: Job) {
  return outcomeOf(() => runJob(job));
}

export function chunk(c: Chunk) {
  return outcomeOf(() => runChunk(c));
}
