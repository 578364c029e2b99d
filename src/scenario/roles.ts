// Roles for the org's humans (docs/agents.md, Humans who approve): a human may have roles — dba,
// on-call, security-lead — and an approval policy or a workflow gate may name a role wherever it
// names a human. A role stands for every human who has it, in the order org.humans lists them.

import type { ScenarioIssue } from './errors.ts';
import type { ParsedScenario } from './schema.ts';

/** The humans and roles an approval may name, and the humans a list of names stands for. */
export interface Approvers {
  /** Every name an approval may use: the humans' ids, then their roles. */
  readonly names: readonly string[];
  /** The list's names with each role replaced by its humans, each human once. */
  readonly expand: (names: readonly string[]) => string[];
}

/** The roles of the scenario's humans; a role named as a human's id is refused. */
export function approversOf(
  raw: ParsedScenario,
  humans: readonly string[],
): { approvers: Approvers; issues: ScenarioIssue[] } {
  const issues: ScenarioIssue[] = [];
  const roles = new Map<string, string[]>();
  (raw.org.humans ?? []).forEach((h, i) => {
    (h.roles ?? []).forEach((role, j) => {
      if (humans.includes(role)) {
        issues.push({
          path: ['org', 'humans', i, 'roles', j],
          message: `"${role}" is a human's id: a role needs a name of its own`,
        });
        return;
      }
      const holders = roles.get(role) ?? [];
      if (holders.length === 0) roles.set(role, holders);
      if (!holders.includes(h.id)) holders.push(h.id);
    });
  });
  const expand = (names: readonly string[]) => {
    const out: string[] = [];
    for (const name of names)
      for (const who of roles.get(name) ?? [name]) if (!out.includes(who)) out.push(who);
    return out;
  };
  return { approvers: { names: [...humans, ...roles.keys()], expand }, issues };
}
