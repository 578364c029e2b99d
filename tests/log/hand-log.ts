// A five-line event log written by hand, and a temporary folder to write variants of it to: the
// raw material of the reader's tests.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { ic, LEADS, move, received, runEnd, runStart, work } from '../collect/log-builder.ts';

/**
 * Line 1 run.start (t 0), 2 instruction.received (t 0), 3 task.transition (t 0.5), 4 work
 * (t 2), 5 run.end (t 3).
 */
export const HAND_LOG: readonly string[] = [
  runStart([...LEADS, ic('ic-1', 'backend')]),
  received(0, 'I1'),
  move(0.5, 'T1', null, 'PENDING'),
  work(2, 'ic-1', 'execute', 0.5, 1, 'T1', { instruction: 'I1' }),
  runEnd(3),
].map((record) => JSON.stringify(record));

/** The hand log's JSON-lines text, every line ended by a newline as orgsim writes it. */
export const text = (lines: readonly string[] = HAND_LOG) => lines.map((l) => `${l}\n`).join('');

/** The hand log with line `n` (1-based) replaced by `line`. */
export function withLine(n: number, line: string): string[] {
  return HAND_LOG.map((l, i) => (i === n - 1 ? line : l));
}

/** The hand log with `change` written over the record on line `n`. */
export function withFields(n: number, change: Record<string, unknown>): string[] {
  return withLine(n, JSON.stringify({ ...JSON.parse(HAND_LOG[n - 1] ?? '{}'), ...change }));
}

/** A temporary folder, removed after the test file's tests; `write` puts a file in it. */
export function scratch(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    dir,
    write(name: string, content: string | Uint8Array): string {
      const file = join(dir, name);
      writeFileSync(file, content);
      return file;
    },
  };
}
