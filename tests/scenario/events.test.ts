// Injected events as a scenario file states them: each resolves to what the run reads, with its
// defaults applied.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.ts';
import { withPlans } from '../../src/scenario/prepare.ts';

const dir = mkdtempSync(join(tmpdir(), 'orgsim-events-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
function load(yaml: string) {
  const file = join(dir, `events-${++files}.yaml`);
  writeFileSync(file, `instructions:\n  - { id: I1, at: 0, tier: 2 }\n${yaml}`);
  return loadScenario(file).config;
}

describe('events in a scenario file', () => {
  it('give a hire no ramp-up unless the file sets one', () => {
    const config = load(
      'events:\n  - { type: hire, at: 5, id: a, domain: qa }\n  - { type: hire, at: 9, id: b, domain: qa, rampUpDays: 4, startProductivity: 0.25 }\n',
    );
    expect(config.hires.map((h) => [h.ic.id, h.rampUpDays, h.startProductivity])).toEqual([
      ['a', 0, 1],
      ['b', 4, 0.25],
    ]);
  });

  it('accept an outage of anyone, with a cover who may do their work', () => {
    const config = load(
      'events:\n  - { type: outage, person: dl-backend, from: 5, to: 53, cover: tl }\n  - { type: outage, person: em, from: 60, to: 70 }\n',
    );
    expect(config.outages).toEqual([
      { person: 'dl-backend', from: 5, to: 53, cover: 'tl' },
      { person: 'em', from: 60, to: 70 },
    ]);
  });

  it('resolve a requirement change that adds and rescales, ids prefixed, the printed plan left alone', () => {
    const config = load(
      'events:\n  - type: requirementChange\n    at: 30\n    instruction: I1\n    rescale: 1.5\n    add:\n      domain: backend\n      dependsOn: [S1-T1]\n      tasks:\n        - { id: extra, estimateHours: 3 }\n',
    );
    expect(config.changes).toMatchObject([
      {
        at: 30,
        instruction: 'I1',
        rescale: 1.5,
        add: {
          domain: 'backend',
          dependsOn: ['I1-S1-T1'],
          tasks: [{ id: 'I1-extra', title: 'extra', estimateHours: 3, complexity: 2 }],
        },
      },
    ]);
    // Its work is drawn with the plans, in a strategic task of its own after I1-S1…
    expect(config.changes[0]?.add?.plan?.strategic).toMatchObject({
      id: 'I1-C1',
      dependsOn: ['I1-S1'],
    });
    // …but `orgsim plan` prints the instruction's own plan: the change's work is not in it.
    const printed = withPlans(config).instructions[0]?.plan.tactical.map((t) => t.id) ?? [];
    expect(printed.length).toBeGreaterThan(0);
    expect(printed.some((id) => id === 'I1-extra' || id.startsWith('I1-C'))).toBe(false);
  });
});
