// orgsim installed as a user installs it: `npm pack`, the tarball into an empty project with no
// dev dependencies (offline, from the npm cache), then the command line, the library from an ESM
// script, and a TypeScript file checked against the shipped declarations.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../cli/orgsim.ts';
import { projectFor } from './lockfile.ts';

const dir = mkdtempSync(join(tmpdir(), 'orgsim-install-'));
const project = join(dir, 'project');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const VERSION = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
).version;

function run(command: string, args: readonly string[], cwd = project) {
  const r = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  // npm pack runs `prepare`, which builds dist/.
  const packed = execFileSync('npm', ['pack', '--pack-destination', dir, '--json', '--silent'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const filename = (JSON.parse(packed) as Array<{ filename: string }>)[0]?.filename ?? '';
  const { packageJson, lockfile } = projectFor(ROOT, join(dir, filename), 'try-orgsim');
  execFileSync('mkdir', [project]);
  writeFileSync(join(project, 'package.json'), JSON.stringify(packageJson, null, 2));
  writeFileSync(join(project, 'package-lock.json'), JSON.stringify(lockfile, null, 2));
  const ci = run('npm', ['ci', '--offline', '--no-audit', '--no-fund']);
  if (ci.code !== 0) throw new Error(`npm ci failed: ${ci.stderr}`);
}, 120_000);

describe('the installed package', () => {
  it('brings no TypeScript tooling and no dev dependency', () => {
    for (const dev of ['tsx', 'typescript', 'vitest', '@biomejs/biome', 'fast-check'])
      expect(existsSync(join(project, 'node_modules', dev)), dev).toBe(false);
    expect(existsSync(join(project, 'node_modules', 'orgsim', 'dist', 'src', 'index.d.ts'))).toBe(
      true,
    );
    expect(existsSync(join(project, 'node_modules', 'orgsim', 'scenarios', 'tier4.yaml'))).toBe(
      true,
    );
    // The sources and tests stay out of the package.
    expect(existsSync(join(project, 'node_modules', 'orgsim', 'src'))).toBe(false);
    expect(existsSync(join(project, 'node_modules', 'orgsim', 'tests'))).toBe(false);
  });

  it('runs `npx orgsim scenario tier4 --json` with the shipped scenario, writing under the working directory', () => {
    const r = run('npx', ['--offline', 'orgsim', 'scenario', 'tier4', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout) as { scenario: string; seed: number; outcome: string };
    expect(summary).toMatchObject({ scenario: 'tier4', seed: 42, outcome: 'done' });
    expect(existsSync(join(project, 'reports', 'tier4', '42', 'summary.json'))).toBe(true);
    // The same run as from the checkout: the same event log.
    const here = JSON.parse(
      execFileSync(
        process.execPath,
        [
          '--import',
          'tsx',
          'src/cli/main.ts',
          'scenario',
          'tier4',
          '--json',
          '--out',
          join(dir, 'checkout'),
        ],
        {
          cwd: ROOT,
          encoding: 'utf8',
        },
      ),
    ) as { eventLogSha256: string };
    expect((summary as unknown as { eventLogSha256: string }).eventLogSha256).toBe(
      here.eventLogSha256,
    );
  });

  it('runs a forecast on worker threads from the bundled command line', () => {
    const r = run('npx', [
      '--offline',
      'orgsim',
      'forecast',
      'tier1',
      '--runs',
      '3',
      '--workers',
      '2',
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const seed = (
      parse(readFileSync(join(ROOT, 'scenarios', 'tier1.yaml'), 'utf8')) as { seed: number }
    ).seed;
    const forecast = JSON.parse(r.stdout) as { runs: number; partial: boolean; seedBase: number };
    expect(forecast).toMatchObject({ runs: 3, partial: false, seedBase: seed });
  });

  it('answers --version with the package’s version', () => {
    const r = run('npx', ['--offline', 'orgsim', '--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${VERSION}\n`);
  });

  it('loads the queue’s libraries: a worker with no Redis to reach exits 4 saying so', () => {
    // Port 9 (discard) on the loopback: nothing listens there.
    const r = run('npx', [
      '--offline',
      'orgsim',
      'worker',
      '--redis',
      'redis://127.0.0.1:9',
      '--redis-timeout',
      '1',
    ]);
    expect(r.stderr).toContain('orgsim: cannot reach Redis at redis://127.0.0.1:9/0');
    expect(r.code).toBe(4);
  });

  it('is importable from an ESM script, worker threads included', () => {
    writeFileSync(
      join(project, 'script.mjs'),
      `import { forecast, loadScenario } from 'orgsim';
const s = loadScenario('tier1');
const f = await forecast('tier1', { runs: 3, workers: 2 });
console.log(JSON.stringify({ name: s.name, runs: f.runs, seeds: f.rows.map((r) => r.seed) }));
`,
    );
    const r = run(process.execPath, ['script.mjs']);
    expect(r.code, r.stderr).toBe(0);
    const seed = (
      parse(readFileSync(join(ROOT, 'scenarios', 'tier1.yaml'), 'utf8')) as { seed: number }
    ).seed;
    expect(JSON.parse(r.stdout)).toEqual({
      name: 'tier1',
      runs: 3,
      seeds: [seed, seed + 1, seed + 2],
    });
  });

  it('type-checks a TypeScript file against the shipped declarations, and rejects a wrong use', () => {
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'es2022',
          module: 'nodenext',
          moduleResolution: 'nodenext',
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: ['node'],
          typeRoots: [join(ROOT, 'node_modules', '@types')],
        },
        include: ['use.ts'],
      }),
    );
    const tsc = join(ROOT, 'node_modules', '.bin', 'tsc');
    writeFileSync(
      join(project, 'use.ts'),
      `import { compare, type Forecast, forecast, type Variant } from 'orgsim';
const f: Forecast = await forecast('tier1', { runs: 2 });
const p85: number = f.metrics.makespanHours.p85;
const v: Variant = { label: 'cpf', changes: [{ kind: 'set', path: ['strategy'], value: 'critical-path-first' }] };
const c = await compare('tier1', [{ label: 'base', changes: [] }, v], { runs: 2 });
const best: readonly string[] = c.ranking.best;
console.log(p85, best);
`,
    );
    const ok = run(tsc, ['-p', '.']);
    expect(ok.stdout + ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    writeFileSync(
      join(project, 'use.ts'),
      `import { forecast } from 'orgsim';
const f = await forecast('tier1', { runs: 2 });
const wrong: string = f.metrics.makespanHours.p85;
console.log(wrong);
`,
    );
    const bad = run(tsc, ['-p', '.']);
    expect(bad.code).not.toBe(0);
    expect(bad.stdout).toMatch(
      /use\.ts\(3,7\): error TS2322: Type 'number' is not assignable to type 'string'/,
    );
  });
});
