// `--format trace` from the command line: a run writes trace.json beside its log, and `report`
// makes the same file again from the saved log.

import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratch } from '../log/hand-log.ts';
import { traceProblems } from './trace-rules.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const out = scratch('orgsim-trace-').dir;

const orgsim = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });

describe('orgsim --format trace', () => {
  it('writes trace.json beside the log, and report writes the same one from the log', () => {
    const run = orgsim(['scenario', 'tier2', '--out', out, '--format', 'trace', '--seed', '7']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const dir = join(out, 'tier2', '7');
    expect(readdirSync(dir).sort()).toEqual(['.orgsim', 'events.jsonl', 'trace.json']);
    const trace = readFileSync(join(dir, 'trace.json'), 'utf8');
    const parsed = JSON.parse(trace);
    expect(traceProblems(parsed)).toEqual([]);
    const lines = readFileSync(join(dir, 'events.jsonl'), 'utf8').trimEnd().split('\n');
    const work = lines.filter((l) => l.includes('"type":"work"'));
    const slices = parsed.traceEvents.filter(
      (e: { ph: string; bind_id?: number }) => e.ph === 'X' && e.bind_id === undefined,
    );
    expect(slices).toHaveLength(work.length);

    const again = orgsim(['report', join(dir, 'events.jsonl'), '--format', 'trace', '--quiet']);
    expect(again.stderr).toBe('');
    expect(again.status).toBe(0);
    expect(readdirSync(join(dir, 'regenerated')).sort()).toEqual(['.orgsim', 'trace.json']);
    expect(readFileSync(join(dir, 'regenerated', 'trace.json'), 'utf8')).toBe(trace);
  });
});
