// Golden tests: tier 1 to 4 at their fixed seeds produce the summaries checked in beside this file.
// A change to any of them is a change in behaviour: review the diff, then refresh the files with
// `UPDATE_GOLDEN=1 npx vitest run tests/golden`.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collect } from '../../src/collect/index.ts';
import { runSimulation } from '../../src/org/run.ts';
import { loadScenario } from '../../src/scenario/load.ts';

const update = process.env.UPDATE_GOLDEN === '1';

describe('golden summaries', () => {
  for (const name of ['tier1', 'tier2', 'tier3', 'tier4']) {
    it(`${name} gives the reviewed summary`, () => {
      const scenario = loadScenario(name);
      const { log } = runSimulation(scenario.config, scenario.name);
      const summary = `${JSON.stringify(collect(log.records, log.sha256()).summary, null, 2)}\n`;
      const file = join(import.meta.dirname, `${name}.summary.json`);
      if (update || !existsSync(file)) writeFileSync(file, summary);
      expect(summary).toBe(readFileSync(file, 'utf8'));
    });
  }
});
