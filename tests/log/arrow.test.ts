// The event log's Arrow form: the same columns for every log, read off the log's schema, and every
// record's every field back from the file as it was written.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, describe, expect, it } from 'vitest';
import { BATCH_ROWS, logToArrow } from '../../src/log/arrow.ts';
import { logColumns } from '../../src/log/arrow-columns.ts';
import type { LogRecord } from '../../src/log/records.ts';
import { runSimulation } from '../../src/org/run.ts';
import { loadScenario } from '../../src/scenario/load.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const out = mkdtempSync(join(tmpdir(), 'orgsim-arrow-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** What a record's field must read back as: itself, JSON text in a json column, null if absent. */
function expected(record: LogRecord, name: string, kind: string): unknown {
  const value = (record as unknown as Record<string, unknown>)[name];
  if (value === undefined || value === null) return null;
  return kind === 'json' ? JSON.stringify(value) : value;
}

describe('the Arrow columns', () => {
  it('start with t and type and give each field the kind its values have in every record type', () => {
    const columns = logColumns();
    const kind = new Map(columns.map((c) => [c.name, c.kind]));
    expect(columns.slice(0, 2)).toEqual([
      { name: 't', kind: 'number' },
      { name: 'type', kind: 'string' },
    ]);
    // A task id, an enumeration, a number, a literal number, a boolean.
    expect(kind.get('task')).toBe('string');
    expect(kind.get('to')).toBe('string');
    expect(kind.get('costUsd')).toBe('number');
    expect(kind.get('tier')).toBe('number');
    expect(kind.get('oversubscribed')).toBe('boolean');
    // Lists and objects are JSON text; so is `tasks`, a count in some records and a list in others.
    expect(kind.get('people')).toBe('json');
    expect(kind.get('content')).toBe('json');
    expect(kind.get('tasks')).toBe('json');
    // Each field once.
    expect(new Set(columns.map((c) => c.name)).size).toBe(columns.length);
  });
});

describe('a log in Arrow form', () => {
  it('gives back every field of every record of a tier-4 run', async () => {
    const { log } = runSimulation(loadScenario('tier4').config, 'tier4');
    const table = tableFromIPC(await logToArrow(log.records));
    const columns = logColumns();
    expect(table.numRows).toBe(log.size);
    expect(table.schema.fields.map((f) => f.name)).toEqual(columns.map((c) => c.name));
    const types = new Set(log.records.map((r) => r.type));
    expect(types.size).toBeGreaterThan(10);
    for (const column of columns) {
      const vector = table.getChild(column.name);
      const got = vector?.toArray() as ArrayLike<unknown>;
      const want = log.records.map((r) => expected(r, column.name, column.kind));
      // A float64 column comes back as a Float64Array, where a null reads as 0: compare with
      // its validity.
      const values = Array.from({ length: log.size }, (_, i) =>
        vector?.isValid(i) ? (column.kind === 'number' ? got[i] : vector.get(i)) : null,
      );
      expect(values, column.name).toEqual(want);
    }
  });

  it(`splits a log into record batches of ${BATCH_ROWS.toLocaleString('en-US')} rows`, async () => {
    const n = BATCH_ROWS + 10;
    const records = Array.from(
      { length: n },
      (_, i): LogRecord => ({
        t: i / 4,
        type: 'task.transition',
        task: `T-${i}`,
        from: null,
        to: 'PENDING',
        cause: 'task.created',
      }),
    );
    const table = tableFromIPC(await logToArrow(records));
    expect(table.batches.map((b) => b.numRows)).toEqual([BATCH_ROWS, 10]);
    expect(table.get(n - 1)?.toJSON()).toMatchObject({
      t: (n - 1) / 4,
      type: 'task.transition',
      task: `T-${n - 1}`,
      from: null,
      to: 'PENDING',
      assignee: null,
    });
  });
});

describe('orgsim scenario --format arrow', () => {
  it('writes events.arrow beside events.jsonl, with as many rows as the log has lines', () => {
    const r = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/main.ts',
        'scenario',
        'tier1',
        '--out',
        out,
        '--format',
        'arrow',
        '--seed',
        '42',
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    // Nothing to print: the table format was not asked for.
    expect(r.stdout).toBe('');
    const dir = join(out, 'tier1', '42');
    expect(readdirSync(dir).sort()).toEqual(['.orgsim', 'events.arrow', 'events.jsonl']);
    const lines = readFileSync(join(dir, 'events.jsonl'), 'utf8').trimEnd().split('\n');
    const table = tableFromIPC(readFileSync(join(dir, 'events.arrow')));
    expect(table.numRows).toBe(lines.length);
    expect(table.get(lines.length - 1)?.toJSON().type).toBe('run.end');
  });
});
