// The command line, run as a user runs it: a subprocess, its stdout, stderr, exit code and files.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPORT_FILES } from './orgsim.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const out = mkdtempSync(join(tmpdir(), 'orgsim-cli-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function orgsim(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('orgsim scenario', () => {
  it('prints one JSON summary with --json and writes every report to <out>/<scenario>/<seed>/', () => {
    const r = orgsim('scenario', 'tier2', '--out', out, '--json', '--seed', '7');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    for (const key of [
      'schemaVersion',
      'scenario',
      'seed',
      'strategy',
      'simulatedHours',
      'makespanHours',
      'events',
      'eventLogSha256',
      'tasks',
      'strategicTasks',
      'tacticalTasks',
      'leadTimeHours',
      'taskLeadTimeHours',
      'waitHours',
      'stateHours',
      'utilization',
      'slaBreaches',
      'escalations',
      'messages',
      'reworkRate',
      'costUsd',
      'bottleneck',
    ]) {
      expect(summary).toHaveProperty(key);
    }
    expect(summary).toMatchObject({ scenario: 'tier2', seed: 7 });
    const files = readdirSync(join(out, 'tier2', '7')).sort();
    expect(files).toEqual(REPORT_FILES);
  });

  it('prints the reports as plain tables without colour when NO_COLOR is set', () => {
    const r = orgsim('scenario', 'tier1', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/orgsim · tier1 · seed 1 · weighted/);
    expect(r.stdout).toMatch(/Bottleneck: /);
    expect(r.stdout).toMatch(/Time in each state/);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for ANSI escapes
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it('regenerates the same summary from the saved event log', () => {
    orgsim('scenario', 'tier2', '--out', out, '--quiet', '--seed', '7');
    const dir = join(out, 'tier2', '7');
    const r = orgsim('report', join(dir, 'events.jsonl'), '--out', join(out, 'again'), '--quiet');
    expect(r.code).toBe(0);
    expect(readFileSync(join(out, 'again', 'regenerated', 'summary.json'), 'utf8')).toBe(
      readFileSync(join(dir, 'summary.json'), 'utf8'),
    );
    // Pointed at the folder that holds the log, it writes beside it and deletes nothing.
    const again = orgsim('report', join(dir, 'events.jsonl'), '--out', dir, '--quiet');
    expect(again.code).toBe(0);
    expect(existsSync(join(dir, 'events.jsonl'))).toBe(true);
    expect(existsSync(join(dir, 'regenerated', 'summary.json'))).toBe(true);
  });

  it('rejects a bad flag, an unknown strategy or scenario with exit code 2 and no stack trace', () => {
    for (const args of [
      ['scenario', 'tier1', '--sede', '3'],
      ['scenario', 'tier1', '--strategy', 'fastest'],
      ['scenario', 'tier1', '--seed', 'abc'],
      ['scenario', 'tier1', '--format', 'pdf'],
      ['scenario', 'no-such-scenario'],
    ]) {
      const r = orgsim(...args, '--out', out);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().length).toBeGreaterThan(0);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('leaves no partial report behind when a scenario is bad', () => {
    const bad = join(out, 'broken.yaml');
    writeFileSync(bad, 'instructions:\n  - { at: 0, tier: 7 }\n');
    const r = orgsim('scenario', bad, '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /broken\.yaml:2:\d+: instructions\[0\]\.tier must be one of 1, 2, 3, 4, got 7/,
    );
    expect(existsSync(join(out, 'broken'))).toBe(false);
  });

  it('rejects an outage whose cover cannot cover with exit code 2, naming the field and the fix', () => {
    const bad = join(out, 'bad-cover.yaml');
    writeFileSync(
      bad,
      'instructions:\n  - { at: 0, tier: 1 }\nevents:\n  - { type: outage, person: dl-backend, from: 1, to: 48, cover: ic-qa-1 }\n',
    );
    const r = orgsim('scenario', bad, '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /bad-cover\.yaml:4:\d+: events\[0\]\.cover must be another DL or the TL of team-1 to cover for dl-backend \(DL\), got ic-qa-1 \(IC\)/,
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('answers --help with the commands and exit code 0, and no command at all with exit code 2', () => {
    const r = orgsim('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/scenario .*standup .*report/s);
    expect(orgsim().code).toBe(2);
  });
});

describe('orgsim standup', () => {
  it('prints one day of standups, and says which days exist when asked for another', () => {
    const r = orgsim('standup', 'tier3', '--day', '1');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/## Day 1/);
    expect(r.stdout).toMatch(/\*\*ic-[a-z]+-\d\*\* → dl-/);
    expect(r.stdout).not.toMatch(/## Day 2/);
    const none = orgsim('standup', 'tier1', '--day', '40');
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/--day 40: no standup that day; standups were held on days/);
  });
});

describe('orgsim plan', () => {
  it('prints the plans without running anything: as text, and as JSON', () => {
    const text = orgsim('plan', 'tier2');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^orgsim plan · tier2 · seed 2 · 1 instruction, \d+ strategic/);
    expect(text.stdout).toMatch(/\n {4}FEAT-1-S1-T1 {2}[\d.]+ h · complexity \d/);
    const json = orgsim('plan', 'tier4', '--json', '--seed', '9');
    expect(json.code).toBe(0);
    const doc = JSON.parse(json.stdout);
    expect(doc).toMatchObject({ scenario: 'tier4', seed: 9 });
    expect(doc.instructions[0].tactical.length).toBeGreaterThanOrEqual(100);
    // Nothing was written: planning runs no simulation.
    expect(existsSync(join(ROOT, 'reports', 'tier4', '9'))).toBe(false);
  });
});
