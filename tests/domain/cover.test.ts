// Who may cover for whom while they are out, rule by rule, in the words a user reads.

import { describe, expect, it } from 'vitest';
import { ALWAYS } from '../../src/domain/calendar.ts';
import { coverProblem } from '../../src/domain/cover.ts';
import type { PersonSpec } from '../../src/domain/org.ts';

const person = (id: string, role: PersonSpec['role'], team: string): PersonSpec => ({
  id,
  role,
  team,
  calendar: ALWAYS,
  costPerHour: 0,
});

const em = person('em', 'EM', 'org');
const tlA = person('tl-a', 'TL', 'a');
const tlB = person('tl-b', 'TL', 'b');
const dlA = person('dl-a', 'DL', 'a');
const dlA2 = person('dl-a2', 'DL', 'a');
const dlB = person('dl-b', 'DL', 'b');
const icA = person('ic-a', 'IC', 'a');
const icA2 = person('ic-a2', 'IC', 'a');
const icB = person('ic-b', 'IC', 'b');
const hu = person('hu', 'human', 'org');
const hu2 = person('hu2', 'human', 'org');
const everyone = [em, tlA, tlB, dlA, dlA2, dlB, icA, icA2, icB, hu, hu2];

/** Who may cover for each person, worked out from the rules in the module's header. */
const allowed: Record<string, string[]> = {
  em: ['tl-a', 'tl-b'],
  'tl-a': ['tl-b', 'dl-a', 'dl-a2'],
  'dl-a': ['tl-a', 'dl-a2'],
  'ic-a': ['ic-a2'],
  hu: ['hu2'],
};

describe('who may cover for whom', () => {
  for (const [id, ok] of Object.entries(allowed)) {
    it(`lets exactly ${ok.join(', ')} cover for ${id}`, () => {
      const out = everyone.find((p) => p.id === id) as PersonSpec;
      const accepted = everyone.filter((c) => coverProblem(out, c) === null).map((c) => c.id);
      expect(accepted).toEqual(ok);
    });
  }

  it('refuses a person covering for themselves, in words', () => {
    expect(coverProblem(icA, icA)).toBe('must be someone other than ic-a themselves');
  });

  it('says what was expected and who was given', () => {
    expect(coverProblem(icA, icB)).toBe('must be an IC of a to cover for ic-a (IC), got ic-b (IC)');
    expect(coverProblem(dlA, dlB)).toBe(
      'must be another DL or the TL of a to cover for dl-a (DL), got dl-b (DL)',
    );
    expect(coverProblem(tlA, icA)).toBe(
      'must be another TL, or a DL of a to cover for tl-a (TL), got ic-a (IC)',
    );
    expect(coverProblem(em, dlA)).toBe('must be a TL to cover for em (EM), got dl-a (DL)');
    expect(coverProblem(hu, em)).toBe('must be another human to cover for hu (human), got em (EM)');
  });
});
