// The scenario the README shows a newcomer must load and run as it is written.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runSimulation } from '../../src/org/run.ts';
import { loadScenario } from '../../src/scenario/load.ts';

const dir = mkdtempSync(join(tmpdir(), 'orgsim-readme-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the README's scenario example", () => {
  it('loads and runs to the end', () => {
    const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    const start = readme.indexOf('```yaml\n# Question:');
    expect(start).toBeGreaterThan(0);
    const yaml = readme.slice(start + '```yaml\n'.length, readme.indexOf('```', start + 7));
    const file = join(dir, 'example.yaml');
    // Its $schema points beside the shipped scenarios; elsewhere it is only a comment to editors.
    writeFileSync(file, yaml.replace(/^\$schema:.*$/m, ''));
    const scenario = loadScenario(file);
    const { log } = runSimulation(scenario.config, scenario.name);
    expect(log.records.at(-1)).toMatchObject({ type: 'run.end', reason: 'done' });
  });
});
