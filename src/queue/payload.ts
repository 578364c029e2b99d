// What a queue job carries and returns. A job is a chunk: consecutive replications of one arm,
// with the scenario's text (a worker on another machine reads no file), the orgsim version that
// submitted it and the hash of every strategy module the arm runs. Its id is a function of the
// run, the scenario's text, the arm and the seed range, so adding it twice, or retrying it, can
// only ever give the same rows. Rows travel as devalue text, which keeps what JSON would not
// (undefined, NaN, −0): a row from a worker is the row the local pool would have returned.

import { createHash } from 'node:crypto';
import { parse, stringify } from 'devalue';
import type { Chunk } from '../batch/chunk.ts';
import type { BatchRow } from '../batch/row.ts';

/** A queue job's data. */
export interface ChunkJob {
  /** The orgsim version that submitted the job: a worker runs only its own version's jobs. */
  readonly orgsim: string;
  readonly run: string;
  readonly chunk: Chunk;
  /** Strategy modules the arm runs, by absolute path: the SHA-256 of each file's content. */
  readonly modules: Readonly<Record<string, string>>;
}

export function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The job's id: run, scenario text, arm and seed range; never a `:` (BullMQ refuses it). */
export function jobIdOf(run: string, chunk: Chunk): string {
  const { source, ...rest } = chunk.arm;
  const scenario = sha256(source?.text ?? chunk.arm.scenario).slice(0, 12);
  const arm = sha256(JSON.stringify(rest)).slice(0, 12);
  const last = chunk.firstSeed + chunk.count - 1;
  return `${run}.${scenario}.${arm}.${chunk.firstSeed}-${last}`;
}

export function encodeRows(rows: readonly BatchRow[]): string {
  return stringify(rows);
}

export function decodeRows(text: string): BatchRow[] {
  return parse(text) as BatchRow[];
}

/**
 * A worker's failure as BullMQ keeps it (a message): the error's name in brackets first, so the
 * submitter can end as the same error would have ended a local run (a scenario's error is exit 2).
 */
export function failureText(error: unknown): string {
  if (error instanceof Error) return `[${error.name}] ${error.message}`;
  return `[Error] ${String(error)}`;
}

/**
 * The error a failure text stands for, with its name. A text without one is BullMQ's own (a job
 * whose workers kept dying, say): a QueueError naming the job.
 */
export function failureError(text: string, id: string): Error {
  const match = /^\[(\w+)\] ([\s\S]*)$/.exec(text);
  const error = new Error(match ? match[2] : `job ${id} failed on the queue: ${text}`);
  error.name = match?.[1] ?? 'QueueError';
  return error;
}
