// The event logs of the shipped scenarios that do not model git, pinned by their SHA-256 as they
// were before git coordination existed (docs/git.md): a feature switched off must leave every
// earlier log byte for byte as it was. A change to one of them is a change in behaviour: review
// it, then refresh log-hashes.json with `UPDATE_GOLDEN=1 npx vitest run tests/golden`.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSimulation } from '../../src/org/run.ts';
import { loadScenario } from '../../src/scenario/load.ts';

const file = join(import.meta.dirname, 'log-hashes.json');
const pinned = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
const update = process.env.UPDATE_GOLDEN === '1';
const found: Record<string, string> = {};

describe('the event logs of the scenarios without git', () => {
  for (const [name, sha] of Object.entries(pinned)) {
    it(`${name} writes the log it wrote before`, () => {
      const scenario = loadScenario(name);
      expect(scenario.config.git).toBeNull();
      const { log } = runSimulation(scenario.config, scenario.name, {
        warnings: scenario.warnings,
      });
      found[name] = log.sha256();
      if (update) writeFileSync(file, `${JSON.stringify({ ...pinned, ...found }, null, 2)}\n`);
      expect(log.sha256()).toBe(sha);
    });
  }
});
