// The shipped scenarios: each loads, says what question it answers, and runs to its end; the
// published JSON Schema is the one the zod schema generates.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../src/scenario/json-schema.ts';
import { loadScenario, SCENARIOS_DIR, scenarioNames } from '../../src/scenario/load.ts';

const REQUIRED = [
  'tier1',
  'tier2',
  'tier3',
  'tier4',
  'p0-incident',
  'oversubscribed-backend',
  'ic-outage',
  'multi-instruction-week',
  'enterprise-50',
  'mmc',
];

describe('shipped scenarios', () => {
  it('include every scenario the product promises', () => {
    expect(scenarioNames()).toEqual(expect.arrayContaining(REQUIRED));
  });

  for (const name of REQUIRED) {
    it(`${name} opens with the question it answers and loads cleanly`, () => {
      const text = readFileSync(join(SCENARIOS_DIR, `${name}.yaml`), 'utf8');
      expect(text.startsWith('# Question:')).toBe(true);
      const scenario = loadScenario(name);
      expect(scenario.name).toBe(name);
      expect(scenario.config.instructions.length).toBeGreaterThan(0);
    });
  }

  it('publish scenarios/schema.json as generated from the schema (run `npm run schema` after changing it)', () => {
    expect(readFileSync(join(SCENARIOS_DIR, 'schema.json'), 'utf8')).toBe(scenarioJsonSchema());
  });

  it('expresses the enterprise org with more than 50 agents over several teams', () => {
    const { config } = loadScenario('enterprise-50');
    const people = 1 + config.org.teams.reduce((n, t) => n + 1 + t.leads.length + t.ics.length, 0);
    expect(people).toBeGreaterThanOrEqual(50);
    expect(config.org.teams.length).toBeGreaterThan(1);
  });
});
