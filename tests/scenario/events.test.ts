// Injected events as a scenario file states them: each resolves to what the run reads, with its
// defaults applied.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.ts';

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
});
