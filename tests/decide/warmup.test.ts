// Steady state by replication/deletion: with the first hours of every run left out, orgsim's
// M/M/c reduction at ρ = 0.9 (c = 3, λ = 2.7/h, μ = 1/h) has a mean wait that Erlang C puts
// inside the forecast's 95 % confidence interval, on long runs.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runJob } from '../../src/batch/job.ts';
import { forecast } from '../../src/decide/forecast.ts';
import { SCENARIOS_DIR } from '../../src/scenario/load.ts';

const dir = mkdtempSync(join(tmpdir(), 'orgsim-warmup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Erlang C by hand for c = 3, a = λ/μ = 2.7: Σ_{k<3} a^k/k! = 1 + 2.7 + 3.645 = 7.345;
// a³/3! = 3.2805, times c/(c − a) = 10: 32.805; C = 32.805 / (7.345 + 32.805) = 0.817061;
// Wq = C / (cμ − λ) = 0.817061 / 0.3 = 2.72354 h.
const ERLANG_C_WQ = 2.72354;

function scenario(hours: number): string {
  const text = readFileSync(join(SCENARIOS_DIR, 'mmc.yaml'), 'utf8')
    .replace(/ratePerDay: [\d.]+/, `ratePerDay: ${2.7 * 24}`)
    .replace(/until: \d+/, `until: ${hours}`)
    .replace('$schema: ./schema.json\n', '');
  const file = join(dir, `mmc-rho-0.9-${hours}.yaml`);
  writeFileSync(file, text);
  return file;
}

describe('the warm-up', () => {
  it('leaves the M/M/c mean wait at ρ = 0.9 where Erlang C puts it, inside the 95 % CI', async () => {
    const f = await forecast(scenario(3000), { runs: 10, warmupHours: 200, seedBase: 500 });
    const wait = f.metrics.waitMeanHours;
    expect(f.warmupHours).toBe(200);
    expect(wait.ci95).not.toBeNull();
    expect(
      Math.abs(wait.mean - ERLANG_C_WQ),
      `mean ${wait.mean} ± ${wait.ci95} against ${ERLANG_C_WQ}`,
    ).toBeLessThanOrEqual(wait.ci95 ?? 0);
    // And narrow enough to mean something (the same bar as tests/scenario/mmc.test.ts).
    expect((wait.ci95 ?? 0) / ERLANG_C_WQ).toBeLessThan(0.35);
  });

  it('deletes the first hours from the rate statistics only: the makespan stays whole', () => {
    const file = scenario(300);
    const whole = runJob({ scenario: file, seed: 9 });
    const cut = runJob({ scenario: file, seed: 9, warmupHours: 100 });
    expect(cut.makespanHours).toBe(whole.makespanHours);
    expect(cut.costUsd).toBe(whole.costUsd);
    expect(cut.waitMeanHours).not.toBe(whole.waitMeanHours);
    expect(cut.slaBreaches).toBeLessThanOrEqual(whole.slaBreaches);
    expect(cut.peakWip).toBeLessThanOrEqual(whole.peakWip);
    // Left out entirely: nothing is left to average.
    const all = runJob({ scenario: file, seed: 9, warmupHours: 10_000 });
    expect(all.waitMeanHours).toBe(0);
  });
});
