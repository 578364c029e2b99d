// The strings of a scenario that reach a file path or a report's structure: the scenario's name
// (a folder under --out) and the ids of people, teams, instructions and tasks. Both are slugs, so
// nothing a user writes can climb out of a folder, hide a control character or break a table.

import { z } from 'zod';

const SLUG = /^[A-Za-z0-9._-]{1,100}$/;

/** The scenario's name: the folder its reports go to under --out. */
export const scenarioName = z
  .string()
  .regex(SLUG, {
    error:
      'must be 1 to 100 letters, digits, ".", "_" or "-" (it names the report folder): no spaces, slashes or other characters',
  })
  .refine((name) => name !== '.' && name !== '..', {
    error: 'must not be "." or "..": it names the report folder',
  });

/** An id of a person, a team, an instruction or a task. */
export const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/, {
  error: 'must be 1 to 100 letters, digits, ".", "_", ":" or "-", starting with a letter or digit',
});

/** The name a scenario gets from its file when it has no `name`: the file's base name as a slug. */
export function nameFromFile(base: string): string {
  const slug = base.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 100);
  return slug === '' || slug === '.' || slug === '..' ? 'scenario' : slug;
}
