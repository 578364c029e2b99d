// The scenario's `git` section as the run reads it (src/domain/git.ts): the defaults filled in,
// the components listed or generated, each team's strategy, and the problems a file can have — a
// team or an integrator that is not in the org, a touch range upside down, a component named twice.

import {
  type Component,
  type GitConfig,
  type GitStrategy,
  generatedComponents,
} from '../domain/git.ts';
import { allPeople, DOMAINS, type OrgSpec } from '../domain/org.ts';
import type { ScenarioIssue } from './errors.ts';
import type { RawGit } from './git-schema.ts';

/**
 * The defaults (docs/git.md says where they come from): a clone per agent, synced daily; a clean
 * merge a few minutes; six components a domain; a component changed on both sides conflicting
 * about one time in seven on the day, half as likely again each day older; an hour to resolve each.
 */
export const GIT_DEFAULTS = {
  strategy: 'clonePerAgent' as GitStrategy,
  componentsPerDomain: 6,
  sharedComponents: ['api-contracts', 'schema', 'auth'],
  touches: { min: 1, max: 2 },
  sharedChance: 0.2,
  mergeHours: 0.1,
  syncEveryHours: 24,
  syncHours: { clonePerAgent: 0.25, teamWorktrees: 0.05, staggered: 0.08 },
  perComponent: 0.15,
  growthPerDay: 0.5,
  resolveHours: 1,
  reviewAgain: 0.25,
  integration: { cadence: 'daily', hour: 17, weekday: 4, mergeHours: 0.5 },
  main: { cadence: 'weekly', hour: 17, weekday: 4 },
  ci: {
    runners: 2,
    runHours: 0.5,
    flakyChance: 0.05,
    failChance: 0.05,
    failPerConflict: 0.1,
    fixHours: 2,
  },
} as const;

export function gitOf(
  raw: RawGit | undefined,
  org: OrgSpec,
): { git: GitConfig | null; issues: ScenarioIssue[] } {
  if (raw === undefined) return { git: null, issues: [] };
  const issues: ScenarioIssue[] = [];
  const teams = org.teams.map((t) => t.id);
  for (const team of Object.keys(raw.teams ?? {}))
    if (!teams.includes(team))
      issues.push({
        path: ['git', 'teams', team],
        message: `names no team: "${team}" (teams: ${teams.join(', ')})`,
      });
  const touches = raw.touches ?? GIT_DEFAULTS.touches;
  if (touches.min > touches.max)
    issues.push({
      path: ['git', 'touches'],
      message: `min ${touches.min} is above max ${touches.max}: give min ≤ max`,
    });
  const components: Component[] =
    raw.components?.map((c) => ({ id: c.id, domain: c.domain ?? null })) ??
    generatedComponents(
      DOMAINS,
      raw.componentsPerDomain ?? GIT_DEFAULTS.componentsPerDomain,
      raw.sharedComponents ?? GIT_DEFAULTS.sharedComponents,
    );
  const seen = new Set<string>();
  components.forEach((c, i) => {
    if (seen.has(c.id))
      issues.push({
        path:
          raw.components === undefined
            ? ['git', 'sharedComponents']
            : ['git', 'components', i, 'id'],
        message: `names the component "${c.id}" twice: give each component a name of its own`,
      });
    seen.add(c.id);
  });
  const integrator = raw.conflict?.integrator ?? null;
  const people = allPeople(org);
  const nobody = (who: string | null) => who !== null && !people.some((p) => p.id === who);
  if (nobody(integrator))
    issues.push({
      path: ['git', 'conflict', 'integrator'],
      message: `names no one in the org: "${integrator}" (give a person's id, or leave it out for each team's Tech Lead)`,
    });
  const integrating = raw.integration?.integrator ?? null;
  if (nobody(integrating))
    issues.push({
      path: ['git', 'integration', 'integrator'],
      message: `names no one in the org: "${integrating}" (give a person's id, or leave it out for each team's Tech Lead)`,
    });
  for (const section of ['main', 'ci'] as const)
    if (raw[section] !== undefined && raw.integration === undefined)
      issues.push({
        path: ['git', section],
        message: `needs an integration branch to ${section === 'main' ? 'promote from' : 'check'}: add git.integration (e.g. { cadence: daily }), or leave ${section} out`,
      });
  if (issues.length > 0) return { git: null, issues };
  const strategy = raw.strategy ?? GIT_DEFAULTS.strategy;
  return {
    issues,
    git: {
      components,
      touches,
      sharedChance: raw.sharedChance ?? GIT_DEFAULTS.sharedChance,
      strategies: Object.fromEntries(teams.map((t) => [t, raw.teams?.[t] ?? strategy])),
      mergeHours: raw.mergeHours ?? GIT_DEFAULTS.mergeHours,
      sync: {
        everyHours: raw.sync?.everyHours ?? GIT_DEFAULTS.syncEveryHours,
        hours: { ...GIT_DEFAULTS.syncHours, ...raw.sync?.hours },
      },
      conflict: {
        perComponent: raw.conflict?.perComponent ?? GIT_DEFAULTS.perComponent,
        growthPerDay: raw.conflict?.growthPerDay ?? GIT_DEFAULTS.growthPerDay,
        resolveHours: raw.conflict?.resolveHours ?? GIT_DEFAULTS.resolveHours,
        resolution: raw.conflict?.resolution ?? 'rebase',
        integrator,
        reviewAgain: raw.conflict?.reviewAgain ?? GIT_DEFAULTS.reviewAgain,
      },
      // What a section leaves out is the default's (zod leaves an absent field out, not undefined).
      integration:
        raw.integration === undefined
          ? null
          : { ...GIT_DEFAULTS.integration, ...raw.integration, integrator: integrating },
      main: raw.main === undefined ? null : { ...GIT_DEFAULTS.main, ...raw.main },
      ci: { ...GIT_DEFAULTS.ci, ...raw.ci },
    },
  };
}
