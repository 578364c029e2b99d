// The example in examples/ runs as a user runs it, and the library gives what the command line
// gives for the same question.

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { finished, orgsim, ROOT } from './cli/orgsim.ts';

const out = mkdtempSync(join(tmpdir(), 'orgsim-examples-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('examples/run.ts', () => {
  it('prints what the command line gives for the same scenario written as a file', async () => {
    const example = await finished(
      spawn(process.execPath, ['--import', 'tsx', 'examples/run.ts'], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    );
    expect(example.stderr).toBe('');
    expect(example.code).toBe(0);
    const { scenario } = await import('../examples/two-features.ts');
    const file = join(out, 'two-features.yaml');
    writeFileSync(file, stringify(scenario));
    const cli = await orgsim(['scenario', file, '--json', '--out', out]);
    expect(cli.code, cli.stderr).toBe(0);
    const s = JSON.parse(cli.stdout);
    const events = readFileSync(join(out, 'two-features', '7', 'events.jsonl'), 'utf8');
    expect(example.stdout).toBe(
      [
        `two-features: ${s.outcome} in ${s.makespanHours} h, $${s.costUsd}`,
        `bottleneck: ${s.bottleneck.where}`,
        `event log ${events.trimEnd().split('\n').length} records, sha256 ${s.eventLogSha256}`,
        '5 Markdown reports',
        '',
      ].join('\n'),
    );
  });
});

describe('examples/decide.ts', () => {
  it('prints the forecast and the comparison the commands print for the same runs', async () => {
    const example = await finished(
      spawn(process.execPath, ['--import', 'tsx', 'examples/decide.ts'], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    );
    expect(example.stderr).toBe('');
    expect(example.code).toBe(0);
    const [fc, cmp] = await Promise.all([
      orgsim(['forecast', 'tier4', '--runs', '20', '--deadline', '800', '--json', '--out', out]),
      orgsim([
        'compare',
        'tier4',
        '--vary',
        'strategy=weighted,critical-path-first',
        '--runs',
        '20',
        '--json',
        '--out',
        out,
      ]),
    ]);
    const f = JSON.parse(fc.stdout);
    const c = JSON.parse(cmp.stdout);
    const m = f.metrics.makespanHours;
    const d = c.variants[1].versusFirst.makespanHours;
    expect(example.stdout).toBe(
      [
        `tier4 over 20 runs: P50 ${m.p50} h, P85 ${m.p85} h, P95 ${m.p95} h`,
        `chance of finishing by hour 800: ${f.allByDeadline * 100} %`,
        `critical-path-first − weighted: ${d.mean} h ± ${d.ci95} (95 %, paired)`,
        `cannot be told from the best: ${c.ranking.best.map((b: string) => b.replace('strategy=', '')).join(', ')}`,
        '',
      ].join('\n'),
    );
  });
});
