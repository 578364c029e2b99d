// How a batch is cut into queue jobs, and what a job carries: every replication in exactly one
// job, runs of consecutive seeds of one arm, ids that change with everything that changes a row
// and with nothing else, rows that come back as they left.

import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Chunk } from '../../src/batch/chunk.ts';
import type { Job } from '../../src/batch/job.ts';
import type { BatchRow } from '../../src/batch/row.ts';
import {
  decodeRows,
  encodeRows,
  failureError,
  failureText,
  jobIdOf,
} from '../../src/queue/payload.ts';
import { armKey, cutBatch } from '../../src/queue/plan.ts';

/** A batch as replicate() makes one: for each seed in order, one job per arm. */
const batches = fc
  .record({
    arms: fc.integer({ min: 1, max: 4 }),
    first: fc.integer({ min: 0, max: 1000 }),
    count: fc.integer({ min: 1, max: 60 }),
    size: fc.integer({ min: 1, max: 25 }),
  })
  .map(({ arms, first, count, size }) => {
    const jobs: Job[] = [];
    for (let r = 0; r < count; r++)
      for (let a = 0; a < arms; a++)
        jobs.push({
          scenario: 'tier4',
          seed: first + r,
          variant: { label: `v${a}`, changes: [] },
        });
    return { jobs, size, arms, count };
  });

describe('cutBatch', () => {
  it('puts every job in exactly one chunk of consecutive seeds of one arm, none over the size', () => {
    fc.assert(
      fc.property(batches, ({ jobs, size, arms, count }) => {
        const cuts = cutBatch(jobs, size);
        const seen = cuts.flatMap((c) => c.indices).sort((a, b) => a - b);
        expect(seen).toEqual(jobs.map((_, i) => i));
        for (const { indices } of cuts) {
          expect(indices.length).toBeGreaterThan(0);
          expect(indices.length).toBeLessThanOrEqual(size);
          const first = jobs[indices[0] as number] as Job;
          for (const [k, i] of indices.entries()) {
            expect((jobs[i] as Job).seed).toBe(first.seed + k);
            expect(armKey(jobs[i] as Job)).toBe(armKey(first));
          }
        }
        // Each arm's replications in ⌈count ÷ size⌉ chunks: no chunk smaller than it need be.
        expect(cuts.length).toBe(arms * Math.ceil(count / size));
      }),
    );
  });

  it('starts a new chunk where seeds jump, even within one arm', () => {
    const jobs: Job[] = [1, 2, 3, 7, 8].map((seed) => ({ scenario: 's', seed }));
    expect(cutBatch(jobs, 10).map((c) => c.indices)).toEqual([
      [0, 1, 2],
      [3, 4],
    ]);
  });
});

describe('jobIdOf', () => {
  const chunk: Chunk = {
    arm: { scenario: 'tier4', source: { text: 'name: a\n', file: '/x/a.yaml' } },
    firstSeed: 40,
    count: 10,
  };

  it('names the run and the seed range, and has no colon', () => {
    const id = jobIdOf('r0123456789abcdef', chunk);
    expect(id).toMatch(/^r0123456789abcdef\.[0-9a-f]{12}\.[0-9a-f]{12}\.40-49$/);
    expect(jobIdOf('r0123456789abcdef', chunk)).toBe(id);
  });

  it('changes with the scenario text, the variant, the options and the seeds', () => {
    const id = jobIdOf('r1', chunk);
    const others = [
      { ...chunk, arm: { ...chunk.arm, source: { text: 'name: b\n', file: '/x/a.yaml' } } },
      { ...chunk, arm: { ...chunk.arm, variant: { label: 'v', changes: [] } } },
      { ...chunk, arm: { ...chunk.arm, warmupHours: 5 } },
      { ...chunk, firstSeed: 41 },
      { ...chunk, count: 9 },
    ];
    for (const other of others) expect(jobIdOf('r1', other)).not.toBe(id);
    expect(jobIdOf('r2', chunk)).not.toBe(id);
  });
});

describe('rows on the wire', () => {
  it('come back deep-equal, NaN, −0, undefined and key order included', () => {
    const values = fc.oneof(
      fc.double(),
      fc.constantFrom(Number.NaN, -0, Number.POSITIVE_INFINITY, null, undefined),
      fc.string(),
    );
    fc.assert(
      // (Keys as ids are: never `__proto__`, which devalue refuses.)
      fc.property(
        fc.array(
          fc.dictionary(
            fc.string().filter((k) => k !== '__proto__'),
            values,
          ),
        ),
        (rows) => {
          const back = decodeRows(encodeRows(rows as unknown as BatchRow[]));
          expect(isDeepStrictEqual(back, rows)).toBe(true);
          for (const [i, row] of rows.entries())
            expect(Object.keys(back[i] as object)).toEqual(Object.keys(row));
        },
      ),
    );
  });
});

describe('failures', () => {
  it("keep the error's name and message across the queue", () => {
    const error = new Error('tier4.yaml: seed: must be a whole number');
    error.name = 'ScenarioError';
    const back = failureError(failureText(error), 'job-1');
    expect(back.name).toBe('ScenarioError');
    expect(back.message).toBe('tier4.yaml: seed: must be a whole number');
  });

  it('name the job when BullMQ failed it (a worker died too often)', () => {
    const back = failureError('job stalled more than allowable limit', 'r1.a.b.0-9');
    expect(back.name).toBe('QueueError');
    expect(back.message).toBe(
      'job r1.a.b.0-9 failed on the queue: job stalled more than allowable limit',
    );
  });
});
