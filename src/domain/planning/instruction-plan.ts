// The plan an instruction will execute: the one it gives outright, its workflow's, or one generated
// from its tier and hint on its own random stream (`plan/<id>` of the run's seed). A function of the
// instruction and the seed alone, so two orgs that differ in staffing or strategy run the same
// plans, and `orgsim plan` can print them without running anything.

import { RandomSource } from '../../kernel/random.ts';
import type { Tier } from '../gates.ts';
import { DOMAINS, type Domain, type OrgSpec } from '../org.ts';
import { generatePlan, type PlanHint } from './generate.ts';
import type { Plan } from './plan.ts';
import { type Workflow, workflowPlan } from './workflow.ts';

export interface PlannedInstruction {
  readonly id: string;
  readonly tier: Tier;
  readonly plan?: Plan;
  readonly hint?: PlanHint;
  readonly workflow?: Workflow;
}

export function planOf(instruction: PlannedInstruction, seed: number): Plan {
  if (instruction.plan !== undefined) return instruction.plan;
  const random = new RandomSource(seed).stream(`plan/${instruction.id}`);
  if (instruction.workflow !== undefined)
    return workflowPlan(instruction.id, instruction.tier, instruction.workflow, random);
  return generatePlan(instruction.id, instruction.tier, random, instruction.hint);
}

/** The domains a plan needs people in, in the canonical order. */
export function planDomains(plan: Plan): Domain[] {
  const used = new Set(plan.tactical.map((t) => t.domain));
  return DOMAINS.filter((d) => used.has(d));
}

/** What a team can do with work in a domain it has no ICs of. */
export type UnstaffedWork = 'error' | 'borrow';

/**
 * Whether a team can run work in `domain`: it has ICs there, or (when the scenario lets ICs of
 * other domains take it) an IC with the skill as a secondary one.
 */
export function teamCovers(
  team: OrgSpec['teams'][number],
  domain: Domain,
  unstaffed: UnstaffedWork,
): boolean {
  if (team.ics.some((ic) => ic.domain === domain)) return true;
  return unstaffed === 'borrow' && team.ics.some((ic) => (ic.skills[domain] ?? 0) > 0);
}

/** The teams that can run every domain of `plan`, in the org's order. */
export function capableTeams(
  plan: Plan,
  org: OrgSpec,
  unstaffed: UnstaffedWork,
  extra: readonly { team: string; domain: Domain }[] = [],
): string[] {
  const domains = planDomains(plan);
  return org.teams
    .filter((team) =>
      domains.every(
        (d) =>
          teamCovers(team, d, unstaffed) || extra.some((x) => x.team === team.id && x.domain === d),
      ),
    )
    .map((team) => team.id);
}

/** What the team closest to running `plan` lacks: the domains it misses, fewest first. */
export function missingDomains(plan: Plan, org: OrgSpec, unstaffed: UnstaffedWork): Domain[] {
  let missing = planDomains(plan);
  for (const team of org.teams) {
    const lacks = planDomains(plan).filter((d) => !teamCovers(team, d, unstaffed));
    if (lacks.length < missing.length) missing = lacks;
  }
  return missing;
}

/**
 * One sentence saying that `subject` (one plan, or several) needs `missing` work nobody can do,
 * and the three ways to fix it (the last one, for work a requirement change adds, is to add it
 * elsewhere).
 */
export function unstaffedSentence(
  subject: string,
  plural: boolean,
  missing: readonly Domain[],
  org: OrgSpec,
  unstaffed: UnstaffedWork,
  change = false,
): string {
  const list =
    missing.length > 1
      ? `${missing.slice(0, -1).join(', ')} and ${missing.at(-1)}`
      : missing.join('');
  const first = missing[0] ?? 'that';
  const where = org.teams.length > 1 ? 'no team has' : 'the org has no';
  const fix =
    unstaffed === 'borrow'
      ? `staff it (org.ics.${first}) or give an IC a secondary ${first} skill`
      : `staff it (org.ics.${first}), let ICs with a secondary ${first} skill take it (org.unstaffedWork: borrow)`;
  const last = change ? 'add the work in a domain the org staffs' : "set the instruction's domains";
  return `${subject} ${plural ? 'need' : 'needs'} ${list} work and ${where} ${list} ICs to do it: ${fix}, or ${last}`;
}

/** One sentence saying why no team can run `plan`, and the three ways to fix it. */
export function unstaffedProblem(
  instruction: string,
  plan: Plan,
  org: OrgSpec,
  unstaffed: UnstaffedWork,
  change = false,
): string {
  const subject = change ? `${instruction}'s plan with this change` : `${instruction}'s plan`;
  const missing = missingDomains(plan, org, unstaffed);
  return unstaffedSentence(subject, false, missing, org, unstaffed, change);
}
