// The determinism lint rule: wall-clock time and unseeded randomness fail `npm run lint` in src/
// and machines/, and are allowed in the CLI (progress output) and benchmarks.

import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const sandbox = mkdtempSync(join(tmpdir(), 'orgsim-lint-'));
// The project's own config, less its git integration (the sandbox is not a repository).
const config = JSON.parse(readFileSync(join(root, 'biome.json'), 'utf8')) as Record<
  string,
  unknown
>;
delete config.vcs;
delete config.$schema;
writeFileSync(join(sandbox, 'biome.json'), JSON.stringify(config));
cpSync(join(root, 'lint'), join(sandbox, 'lint'), { recursive: true });
afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

const FORBIDDEN = [
  'export const a = Math.random();',
  'export const b = Date.now();',
  'export const c = new Date();',
  'export const d = performance.now();',
  'setTimeout(() => {}, 10);',
  'setInterval(() => {}, 10);',
  'globalThis.setTimeout(() => {}, 10);',
];

/** Lints one file in the sandbox; returns the plugin diagnostics' messages. */
function lint(path: string, source: string): string[] {
  const file = join(sandbox, path);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, `${source}\n`);
  const biome = join(root, 'node_modules', '.bin', 'biome');
  let output: string;
  try {
    output = execFileSync(biome, ['lint', '--reporter=json', path], {
      cwd: sandbox,
      encoding: 'utf8',
      stdio: 'pipe',
    });
  } catch (error) {
    output = (error as { stdout: string }).stdout;
  } finally {
    rmSync(file);
  }
  const report = JSON.parse(output) as {
    diagnostics: Array<{ category: string; message: string }>;
  };
  return report.diagnostics.filter((d) => d.category === 'plugin').map((d) => d.message);
}

describe('lint rule orgsim/no-wall-clock', () => {
  for (const source of FORBIDDEN) {
    it(`rejects \`${source}\` in src/ and machines/`, () => {
      expect(lint('src/kernel/probe.ts', source)).toEqual([
        expect.stringContaining('orgsim/no-wall-clock'),
      ]);
      expect(lint('machines/probe.machine.ts', source)).toHaveLength(1);
    });
  }

  it('allows wall time in the CLI and in benchmarks', () => {
    expect(lint('src/cli/probe.ts', FORBIDDEN.join('\n'))).toEqual([]);
    expect(lint('bench/probe.bench.ts', FORBIDDEN.join('\n'))).toEqual([]);
  });

  it('leaves ordinary Math and the kernel clock alone', () => {
    expect(
      lint('src/kernel/probe.ts', 'export const x = Math.floor(2.5) + Math.max(1, 2);'),
    ).toEqual([]);
  });
});
