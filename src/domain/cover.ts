// Who may cover for whom while they are out. A cover must be able to do the work: a lead's work
// goes to another lead of the team or its Tech Lead, the Tech Lead's to another Tech Lead or one of
// its leads, the EM's to a Tech Lead, a human's to another human, an IC's to an IC of its team.

import type { PersonSpec } from './org.ts';

/** Who may cover for `person`, in words, and whether `cover` is such a person. */
function rule(person: PersonSpec, cover: PersonSpec): { expected: string; ok: boolean } {
  const sameTeam = cover.team === person.team;
  switch (person.role) {
    case 'IC':
      return { expected: `an IC of ${person.team}`, ok: cover.role === 'IC' && sameTeam };
    case 'DL':
      return {
        expected: `another DL or the TL of ${person.team}`,
        ok: (cover.role === 'DL' || cover.role === 'TL') && sameTeam,
      };
    case 'TL':
      return {
        expected: `another TL, or a DL of ${person.team}`,
        ok: cover.role === 'TL' || (cover.role === 'DL' && sameTeam),
      };
    case 'EM':
      return { expected: 'a TL', ok: cover.role === 'TL' };
    case 'human':
      return { expected: 'another human', ok: cover.role === 'human' };
  }
}

/** Why `cover` may not cover for `person`, or null when they may. */
export function coverProblem(person: PersonSpec, cover: PersonSpec): string | null {
  if (cover.id === person.id) return `must be someone other than ${person.id} themselves`;
  const { expected, ok } = rule(person, cover);
  return ok
    ? null
    : `must be ${expected} to cover for ${person.id} (${person.role}), got ${cover.id} (${cover.role})`;
}
