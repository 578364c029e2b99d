// The queueing reduction: with every overhead at zero, one domain, c identical ICs with WIP 1,
// Poisson arrivals of one-task tier-1 instructions and exponential effort, orgsim is an M/M/c
// queue, and its mean wait (arrival → first IN_PROGRESS) must match Erlang C within the 99 %
// confidence interval of independent replications.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collect } from '../../src/collect/index.ts';
import { mmcMeanWait } from '../../src/domain/queueing.ts';
import { runSimulation } from '../../src/org/run.ts';
import { loadScenario, SCENARIOS_DIR } from '../../src/scenario/load.ts';

const dir = mkdtempSync(join(tmpdir(), 'orgsim-mmc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** scenarios/mmc.yaml with c servers and λ per hour, arrivals for `hours`. */
function variant(c: number, lambda: number, hours: number): string {
  const base = readFileSync(join(SCENARIOS_DIR, 'mmc.yaml'), 'utf8');
  const text = base
    .replace(/backend: \{ count: \d+/, `backend: { count: ${c}`)
    .replace(/ratePerDay: [\d.]+/, `ratePerDay: ${lambda * 24}`)
    .replace(/until: \d+/, `until: ${hours}`)
    .replace('$schema: ./schema.json\n', '');
  const file = join(dir, `mmc-${c}-${lambda}.yaml`);
  writeFileSync(file, text);
  return file;
}

/** Student t quantiles for a two-sided 99 % interval. */
const T99: Record<number, number> = { 4: 4.604, 5: 4.032, 6: 3.707, 7: 3.499 };

const CASES = [
  { c: 1, lambda: 0.5, hours: 3000 },
  { c: 2, lambda: 1.2, hours: 1500 },
  { c: 3, lambda: 2.4, hours: 800 },
];
const REPLICATIONS = 5;

describe('the M/M/c reduction', () => {
  for (const { c, lambda, hours } of CASES) {
    const expected = mmcMeanWait(c, lambda, 1);
    it(`c = ${c}, λ = ${lambda}/h, μ = 1/h: mean wait matches Erlang C (Wq = ${expected.toFixed(3)} h)`, () => {
      const file = variant(c, lambda, hours);
      const means: number[] = [];
      for (let r = 0; r < REPLICATIONS; r++) {
        const scenario = loadScenario(file, { seed: 1000 + r });
        const { log } = runSimulation(scenario.config, scenario.name);
        const summary = collect(log.records, '').summary;
        expect(summary.tasks.open).toBe(0);
        // Service really is exponential with mean 1 h: no hidden overhead in the wait.
        means.push(summary.waitHours.mean);
      }
      const mean = means.reduce((a, b) => a + b, 0) / means.length;
      const sd = Math.sqrt(means.reduce((a, b) => a + (b - mean) ** 2, 0) / (means.length - 1));
      const half = (T99[means.length - 1] ?? 4) * (sd / Math.sqrt(means.length));
      expect(
        Math.abs(mean - expected),
        `replication means ${means.map((m) => m.toFixed(3)).join(', ')}`,
      ).toBeLessThanOrEqual(half);
      // The interval must also be tight enough to mean something.
      expect(half / expected).toBeLessThan(0.35);
    });
  }
});
