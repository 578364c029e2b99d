// A plan is a function of the instruction and the seed, never of the org: each shipped scenario
// prints the same `orgsim plan --json` when its IC counts and its strategy change.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { plansDocument } from '../../src/report/plan.ts';
import { loadScenario, SCENARIOS_DIR } from '../../src/scenario/load.ts';
import { withPlans } from '../../src/scenario/prepare.ts';
import { SHIPPED } from './shipped.ts';

const dir = mkdtempSync(join(tmpdir(), 'orgsim-plans-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function plansOf(file: string) {
  const s = loadScenario(file);
  return JSON.stringify(plansDocument(s.name, s.config.seed, withPlans(s.config).instructions));
}

/**
 * The same scenario with every domain's IC count changed and another strategy; with `without`,
 * that domain has no ICs at all and the ICs with it as a secondary skill take its work.
 */
function restaffed(name: string, bump: number, strategy: string, without?: string): string {
  const raw = parse(readFileSync(join(SCENARIOS_DIR, `${name}.yaml`), 'utf8'));
  const ics = raw.org?.ics ?? { frontend: 2, backend: 3, qa: 2, devops: 1, data: 1, security: 1 };
  const counts: Record<string, number> = {};
  for (const [domain, entry] of Object.entries(ics)) {
    const count = typeof entry === 'number' ? entry : (entry as { count: number }).count;
    counts[domain] = Math.max(1, count + bump);
  }
  if (without !== undefined) counts[without] = 0;
  raw.org = { ...raw.org, ics: counts, ...(without ? { unstaffedWork: 'borrow' } : {}) };
  raw.strategy = strategy;
  // An outage of someone the smaller org no longer has is not about plans: leave it out.
  raw.events = (raw.events ?? []).filter((e: { type: string }) => e.type !== 'outage');
  delete raw.$schema;
  const file = join(dir, `${name}-${bump}-${strategy}-${without}.yaml`);
  writeFileSync(file, stringify(raw));
  return file;
}

describe('plans across orgs', () => {
  for (const name of SHIPPED) {
    it(`${name}: the same plans with more ICs, fewer, none in a domain, and another strategy`, () => {
      const shipped = plansOf(name);
      expect(JSON.parse(shipped).instructions.length).toBeGreaterThan(0);
      for (const file of [
        restaffed(name, 2, 'critical-path-first'),
        restaffed(name, -1, 'round-robin'),
        // No security ICs: the devops ICs (security is their default secondary skill) take it.
        restaffed(name, 0, 'specialist', 'security'),
      ]) {
        const other = JSON.parse(plansOf(file));
        // Only the scenario's name differs: it comes from the file.
        expect(JSON.stringify({ ...other, scenario: name })).toBe(shipped);
      }
    });
  }
});
