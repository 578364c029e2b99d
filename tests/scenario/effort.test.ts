// An empirical effort distribution in a scenario file: both forms load into the model the run
// draws from, and a team's history of overrunning by 40 % makes every task take 1.4× its estimate.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runSimulation } from '../../src/org/run.ts';
import { loadScenario } from '../../src/scenario/load.ts';

const dir = mkdtempSync(join(tmpdir(), 'orgsim-effort-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const plan = `instructions:
  - at: 0
    tier: 1
    plan: { strategic: [{ id: s, domain: backend, tasks: [{ id: a, estimateHours: 10 }, { id: b, estimateHours: 5 }] }] }
`;

function load(effort: string) {
  const file = join(dir, `${effort.length}.yaml`);
  writeFileSync(file, `${plan}effort: ${effort}\n`);
  return loadScenario(file);
}

describe('an empirical effort distribution in a scenario', () => {
  it('reads past ratios as samples', () => {
    expect(load('{ distribution: empirical, samples: [0.9, 1.4, 2] }').config.effort).toEqual({
      kind: 'empirical',
      samples: [0.9, 1.4, 2],
    });
  });

  it('reads a histogram as bins', () => {
    const scenario = load(
      '{ distribution: empirical, bins: [{ from: 0.8, to: 1.2, weight: 3 }, { from: 1.2, to: 2.5, weight: 1 }] }',
    );
    expect(scenario.config.effort).toEqual({
      kind: 'empirical',
      bins: [
        { from: 0.8, to: 1.2, weight: 3 },
        { from: 1.2, to: 2.5, weight: 1 },
      ],
    });
  });

  it('keeps the history’s mean: a team that always takes 1.4× its estimates still does', () => {
    const scenario = load('{ distribution: empirical, samples: [1.4] }');
    const { log } = runSimulation(scenario.config, scenario.name);
    const ready = log.records.flatMap((r) => (r.type === 'task.ready' ? [r] : []));
    expect(ready.map((r) => [r.task, r.effortHours])).toEqual([
      ['I1-a', 14],
      ['I1-b', 7],
    ]);
  });
});
