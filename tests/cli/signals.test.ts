// A run killed while it writes leaves nothing behind, and says so; a reader that stops early
// (`| head`) ends orgsim quietly.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { finished, type Ran, ROOT, STACK_FRAME, snapshot, start } from './orgsim.ts';

const base = mkdtempSync(join(tmpdir(), 'orgsim-signals-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const MARKER = '{"tool":"orgsim","version":"0.0.0","scenario":"tier1","seed":1}\n';

/**
 * Runs tier1 into `out`, held mid-write by the test hook, and sends `signal` as soon as its
 * temporary folder `<out>/tier1/1.tmp-<pid>` appears. Resolves with how it ended and that folder.
 */
async function killWhileWriting(
  out: string,
  signal: NodeJS.Signals,
): Promise<Ran & { temp: string }> {
  const child = start(['scenario', 'tier1', '--out', out, '--quiet'], {
    ORGSIM_TEST_PAUSE_WRITE_MS: '20000',
  });
  const ended = finished(child);
  const temp = join(out, 'tier1', `1.tmp-${child.pid}`);
  const seen = await new Promise<boolean>((resolve) => {
    const poll = setInterval(() => {
      if (existsSync(join(temp, '.orgsim'))) {
        clearInterval(poll);
        resolve(child.kill(signal));
      }
    }, 10);
    child.on('close', () => {
      clearInterval(poll);
      resolve(false);
    });
  });
  expect(seen, 'the run ended before its temporary folder appeared').toBe(true);
  return { ...(await ended), temp };
}

describe('a run signalled while it writes its reports', () => {
  it('on SIGINT removes its temporary folder and the folders it created, and exits 130', async () => {
    const out = join(base, 'int');
    mkdirSync(out);
    writeFileSync(join(out, 'keep.txt'), 'was here before\n');
    const r = await killWhileWriting(out, 'SIGINT');
    expect(r.code).toBe(130);
    expect(r.stderr).toBe('orgsim: interrupted by SIGINT; nothing was written\n');
    expect(snapshot(out)).toEqual(['keep.txt: was here before\n']);
  });

  it('on SIGTERM keeps the previous report as it was, and exits 143', async () => {
    const out = join(base, 'term');
    mkdirSync(join(out, 'tier1', '1'), { recursive: true });
    writeFileSync(join(out, 'tier1', '1', '.orgsim'), MARKER);
    writeFileSync(join(out, 'tier1', '1', 'summary.md'), 'the previous run\n');
    const before = snapshot(out);
    const r = await killWhileWriting(out, 'SIGTERM');
    expect(r.code).toBe(143);
    expect(r.stderr).toBe('orgsim: interrupted by SIGTERM; nothing was written\n');
    expect(snapshot(out)).toEqual(before);
  });

  it('on SIGKILL leaves its temporary folder, which the next run removes', async () => {
    const out = join(base, 'kill');
    const r = await killWhileWriting(out, 'SIGKILL');
    expect(r.signal).toBe('SIGKILL');
    expect(existsSync(r.temp)).toBe(true);
    const next = await finished(
      start(['scenario', 'tier1', '--out', out, '--seed', '2', '--quiet']),
    );
    expect(next.code).toBe(0);
    expect(readdirSync(join(out, 'tier1')).sort()).toEqual(['2']);
  });
});

describe('a run signalled at any moment before it writes', () => {
  it('stops at once and leaves --out as it was', async () => {
    const out = join(base, 'early');
    mkdirSync(out);
    const child = start(['scenario', 'enterprise-50', '--out', out, '--quiet']);
    const ended = finished(child);
    setTimeout(() => child.kill('SIGTERM'), 300);
    const r = await ended;
    // Killed by the signal's default action while simulating, or 143 if it was already writing.
    expect(r.signal === 'SIGTERM' || r.code === 143, JSON.stringify(r)).toBe(true);
    expect(r.stderr).not.toMatch(STACK_FRAME);
    expect(snapshot(out)).toEqual([]);
  });
});

describe('a run signalled while it simulates', () => {
  it('stops at the next pause of the simulation, exits 130 and writes nothing', async () => {
    const out = join(base, 'simulating');
    mkdirSync(out);
    // 8,000 small instructions: a simulation of several seconds on these machines.
    const file = join(base, 'long.yaml');
    const at = Array.from({ length: 8000 }, (_, i) => i / 2).join(', ');
    writeFileSync(
      file,
      `org: { teams: 4 }\narrivals:\n  - { process: schedule, at: [${at}], template: { tier: 2 } }\n`,
    );
    const child = start(['scenario', file, '--out', out, '--quiet']);
    const ended = finished(child);
    // Well after start-up, well before the simulation ends.
    setTimeout(() => child.kill('SIGINT'), 4000);
    const r = await ended;
    expect(r.code, JSON.stringify(r)).toBe(130);
    expect(r.stderr).toBe('orgsim: interrupted by SIGINT; nothing was written\n');
    expect(snapshot(out)).toEqual([]);
  }, 60_000);
});

describe('a reader that stops early', () => {
  /** `orgsim <args> | head -c 10` in bash without pipefail; orgsim's own status after `status=`. */
  function piped(args: string) {
    return spawnSync(
      'bash',
      [
        '-c',
        `node --import tsx src/cli/main.ts ${args} | head -c 10; echo; echo "status=\${PIPESTATUS[0]}"`,
      ],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
    );
  }

  it('ends a command whose output overflows the pipe quietly, with status 0', () => {
    // 180 kB of JSON: far more than a pipe holds, so orgsim writes after head has gone.
    const r = piped('plan enterprise-50 --json');
    expect(r.stdout).toBe('{\n  "scena\nstatus=0\n');
    expect(r.stderr).toBe('');
  });

  it('ends a scenario run quietly', () => {
    const out = join(base, 'piped');
    const r = piped(`scenario tier1 --out ${out}`);
    // head counts bytes: "·" is two of the ten.
    expect(r.stdout).toBe('orgsim · \nstatus=0\n');
    expect(r.stderr).toBe('');
  });
});
