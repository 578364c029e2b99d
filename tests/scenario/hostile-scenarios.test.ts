// Hostile and careless scenario files (tests/scenario/hostile-cases.ts): each is refused at load
// with a ScenarioError naming the file, the field and the fix, and nothing is built or run.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { exitCodeFor } from '../../src/cli/errors.ts';
import { EXIT } from '../../src/cli/exit-codes.ts';
import { ScenarioError } from '../../src/scenario/errors.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { HOSTILE } from './hostile-cases.ts';

const dir = mkdtempSync(join(tmpdir(), 'orgsim-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The exit code the command line gives for this error (its message is not printed here). */
function exitCode(error: unknown): number {
  const quiet = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    return exitCodeFor(error, false);
  } finally {
    quiet.mockRestore();
  }
}

function refusal(file: string): ScenarioError {
  try {
    loadScenario(file);
  } catch (error) {
    if (error instanceof ScenarioError) return error;
    throw error;
  }
  throw new Error(`${file} was accepted`);
}

describe('hostile scenario files', () => {
  for (const [i, c] of HOSTILE.entries()) {
    it(`refuses ${c.name}`, () => {
      const file = join(dir, `hostile-${i}.yaml`);
      writeFileSync(file, c.yaml);
      const error = refusal(file);
      expect(exitCode(error)).toBe(EXIT.usage);
      expect(error.message).toContain(`hostile-${i}.yaml`);
      expect(error.message).toMatch(c.message);
      // One line per problem, each said once.
      const lines = error.message.split('\n');
      expect(new Set(lines).size).toBe(lines.length);
    });
  }

  it('refuses a file over the size limit without parsing it', () => {
    const file = join(dir, 'huge.yaml');
    writeFileSync(file, `${'# padding\n'.repeat(500_000)}instructions: []\n`);
    expect(refusal(file).message).toMatch(
      /huge\.yaml: \(the file\) is 5,000,017 bytes, more than the 4,194,304 a scenario may have/,
    );
  });

  it('refuses an endless device after reading one byte past the limit, and never hangs', () => {
    expect(refusal('/dev/zero').message).toMatch(
      /\(the file\) is more than the 4,194,304 bytes a scenario may have/,
    );
  });

  it('refuses a file that is not UTF-8 text', () => {
    const file = join(dir, 'binary.yaml');
    // 0xC3 opens a two-byte UTF-8 sequence that 0x28 cannot continue; 0xFF never appears in UTF-8.
    writeFileSync(file, Buffer.from([0x73, 0x65, 0x65, 0x64, 0x3a, 0x20, 0xc3, 0x28, 0xff, 0x0a]));
    expect(refusal(file).message).toMatch(/binary\.yaml: \(the file\) is not UTF-8 text/);
  });

  it('lists the first 100 problems of a generated file and counts the rest', () => {
    const file = join(dir, 'many.yaml');
    const bad = Array.from({ length: 250 }, (_, i) => `  - { at: -${i + 1}, tier: 1 }`);
    writeFileSync(file, `instructions:\n${bad.join('\n')}\n`);
    const lines = refusal(file).message.split('\n');
    expect(lines).toHaveLength(101);
    expect(lines[0]).toMatch(/:2:\d+: instructions\[0\]\.at must be ≥ 0 hours .*got -1$/);
    expect(lines[99]).toMatch(/instructions\[99\]\.at .*got -100$/);
    expect(lines[100]).toMatch(/many\.yaml: … and 150 more problems: fix these first$/);
  });

  it('refuses a folder given as a scenario', () => {
    expect(refusal(`${dir}/`).message).toMatch(/is a folder: give the path of a scenario/);
  });

  it('accepts a scenario over a limit once the limit is raised knowingly', () => {
    const file = join(dir, 'big.yaml');
    writeFileSync(
      file,
      'org:\n  ics: { backend: 2100 }\ninstructions:\n  - { at: 0, tier: 1, domains: [backend] }\n',
    );
    expect(refusal(file).message).toMatch(/about 2,104 people .*--limits people=2104/);
    const { config } = loadScenario(file, {
      limits: { people: 2104, tasks: 100_000, instructions: 20_000, events: 1e7, hours: 1e6 },
    });
    expect(config.org.teams[0]?.ics).toHaveLength(2100);
  });
});
