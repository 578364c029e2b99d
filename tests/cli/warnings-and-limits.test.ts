// Warnings and limits as a user meets them: a warning is printed and the run goes on (exit 0) with
// the warning in its summary; a run stopped by a run-time limit exits 3, says which limit and how
// to raise it, and writes nothing; a scenario over a load-time limit runs once the limit is raised.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { orgsim, STACK_FRAME, snapshot } from './orgsim.ts';

const base = mkdtempSync(join(tmpdir(), 'orgsim-warn-cli-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe.concurrent('warnings and limits on the command line', () => {
  it('prints a warning on stderr, runs, and lists it in the summary', async ({ expect }) => {
    const file = join(base, 'late.yaml');
    writeFileSync(
      file,
      'horizonHours: 50\ninstructions:\n  - { at: 0, tier: 1 }\n  - { at: 60, tier: 1 }\n',
    );
    const out = mkdtempSync(join(base, 'out-'));
    const r = await orgsim(['scenario', file, '--out', out, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const line =
      'late.yaml:1:15: horizonHours ends the run at 50 h, before 1 of 2 instructions arrive (the first of them at 60 h): raise horizonHours or remove it';
    expect(r.stderr).toBe(`warning: ${line}\n`);
    const summary = JSON.parse(r.stdout) as { warnings: string[]; outcome: string };
    expect(summary.warnings).toHaveLength(1);
    expect(summary.warnings[0]).toBe(line);
    expect(summary.outcome).toBe('horizon');
  });

  it('stops a run past its events limit with exit 3 and writes nothing', async ({ expect }) => {
    const out = mkdtempSync(join(base, 'out-'));
    const r = await orgsim(['scenario', 'tier4', '--out', out, '--limits', 'events=1000']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(
      /^orgsim: the run was stopped after 1,000 events at t=[\d.]+ h \(limit --limits events=1000\): the scenario may loop; raise the limit if it is really this big\n$/,
    );
    expect(r.stderr).not.toMatch(STACK_FRAME);
    expect(snapshot(out)).toEqual([]);
  });

  it('stops a run past its simulated-hours limit with exit 3', async ({ expect }) => {
    const out = mkdtempSync(join(base, 'out-'));
    const r = await orgsim(['scenario', 'tier4', '--out', out, '--limits', 'hours=100']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('--limits hours=100');
    expect(snapshot(out)).toEqual([]);
  });

  it('runs a scenario over a load-time limit once the limit is raised', async ({ expect }) => {
    const file = join(base, 'wide.yaml');
    writeFileSync(
      file,
      'org:\n  ics: { backend: 2100 }\ninstructions:\n  - { at: 0, tier: 1, domains: [backend] }\n',
    );
    const refused = await orgsim(['plan', file]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--limits people=2104');
    const ran = await orgsim(['plan', file, '--limits', 'people=2104', '--json']);
    expect(ran.code, ran.stderr).toBe(0);
    expect(JSON.parse(ran.stdout)).toHaveProperty('instructions');
  });
});
