// The worker-thread side of runBatch: tinypool calls the default export with each job.

import { type Job, runJob } from './job.ts';

export default function work(job: Job) {
  return runJob(job);
}
