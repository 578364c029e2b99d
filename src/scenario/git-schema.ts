// The scenario's `git` section: the codebase's components, each team's coordination strategy,
// and what merging, syncing and resolving conflicts cost (docs/git.md). Absent: git is not
// modelled, and a task completes when its reviews and handoffs are done.

import { z } from 'zod';
import { CADENCES, CONFLICT_RESOLUTIONS, GIT_STRATEGIES } from '../domain/git.ts';
import { DOMAINS } from '../domain/org.ts';
import { id } from './names.ts';
import { above, activityHours, whole, within } from './numbers.ts';

const workHours = activityHours.describe('working hours, ≥ 0');
const strategy = z
  .enum(GIT_STRATEGIES)
  .describe(
    'clonePerAgent: a clone each; teamWorktrees: worktrees of one team clone; staggered: one agent of the team at work at a time',
  );

const component = z.strictObject({
  id: id.describe('the component’s name, as the reports give it'),
  domain: z
    .enum(DOMAINS)
    .optional()
    .describe('the domain that owns it; none: shared by all (an API contract, a schema)'),
});

const cadence = {
  cadence: z.enum(CADENCES).optional().describe('endOfTask: as each change arrives; daily; weekly'),
  hour: z
    .number()
    .min(0, { error: 'must be an hour of the day, ≥ 0 and < 24' })
    .lt(24, { error: 'must be an hour of the day, ≥ 0 and < 24' })
    .optional()
    .describe('the hour of the day it falls due (default 17)'),
  weekday: whole(0, 6)
    .optional()
    .describe('weekly: the day, 0 = Monday as day 0 of a run (default 4, Friday)'),
};

export const gitSection = z
  .strictObject({
    strategy: strategy.optional().describe('every team’s strategy (default clonePerAgent)'),
    teams: z.record(id, strategy).optional().describe('a strategy per team id, over `strategy`'),
    components: z
      .array(component)
      .min(1)
      .optional()
      .describe('the codebase’s components; none: `componentsPerDomain` per domain and the shared'),
    componentsPerDomain: whole(1, 1_000)
      .optional()
      .describe('components generated per domain when none are listed (default 6)'),
    sharedComponents: z
      .array(id)
      .optional()
      .describe(
        'shared components generated when none are listed (default api-contracts, schema, auth)',
      ),
    touches: z
      .strictObject({ min: whole(1, 100), max: whole(1, 100) })
      .optional()
      .describe(
        'how many of its domain’s components a task changes, drawn uniformly (default 1–2)',
      ),
    sharedChance: within(0, 1, '')
      .optional()
      .describe('the chance a task also changes a shared component (default 0.2)'),
    mergeHours: workHours
      .optional()
      .describe('the author’s hours to merge a change that merges cleanly (default 0.1)'),
    sync: z
      .strictObject({
        everyHours: within(0, 100_000, 'hours')
          .optional()
          .describe(
            'a clone of its own is synced at the start of a task once older than this (default 24)',
          ),
        hours: z
          .partialRecord(z.enum(GIT_STRATEGIES), workHours)
          .optional()
          .describe('hours a sync takes, by strategy (default 0.25, 0.05, 0.08)'),
      })
      .optional(),
    conflict: z
      .strictObject({
        perComponent: within(0, 0.95, '')
          .optional()
          .describe(
            'the chance a component changed on both sides conflicts, for a branch cut now (default 0.15)',
          ),
        growthPerDay: within(0, 100, '')
          .optional()
          .describe(
            'how much that chance grows per day of the branch’s age (default 0.5: +50 % a day)',
          ),
        resolveHours: workHours
          .optional()
          .describe('hours to resolve one conflicting component (default 1)'),
        resolution: z
          .enum(CONFLICT_RESOLUTIONS)
          .optional()
          .describe(
            'rebase: the author rebases and merges again; integrator: the integrator resolves and merges; serialize: a task waits while its team changes one of its components (default rebase)',
          ),
        integrator: id
          .optional()
          .describe(
            'who resolves under `integrator`: a person’s id (default each team’s Tech Lead)',
          ),
        reviewAgain: within(0, 1, '')
          .optional()
          .describe(
            'the chance a change its author rebased to resolve a conflict goes through its reviews again (default 0.25)',
          ),
      })
      .optional(),
    integration: z
      .strictObject({
        ...cadence,
        mergeHours: workHours
          .optional()
          .describe('the integrator’s hours to merge a team branch into integration (default 0.5)'),
        integrator: id
          .optional()
          .describe(
            'who merges every team’s branch: a person’s id (default each team’s Tech Lead)',
          ),
      })
      .optional()
      .describe(
        'team branches merged into an integration branch (default daily at 17:00); none: changes end in their team branch',
      ),
    main: z
      .strictObject(cadence)
      .optional()
      .describe(
        'integration promoted to main once CI passed it (default weekly, Friday 17:00); needs integration',
      ),
    ci: z
      .strictObject({
        runners: whole(1, 100_000).optional().describe('runs at once (default 2)'),
        runHours: above(0, 1_000, 'hours').optional().describe('hours a run takes (default 0.5)'),
        flakyChance: within(0, 0.95, '')
          .optional()
          .describe(
            'the chance a run fails for nothing in the change, and is run again (default 0.05)',
          ),
        failChance: within(0, 0.95, '')
          .optional()
          .describe('the chance a run finds a broken build (default 0.05)'),
        failPerConflict: within(0, 1, '')
          .optional()
          .describe('added to it per conflict resolved in the merge it checks (default 0.1)'),
        fixHours: workHours
          .optional()
          .describe('the integrator’s hours to fix a broken build (default 2)'),
      })
      .optional()
      .describe('CI on the integration branch, which gates promotion to main; needs integration'),
  })
  .describe('git coordination (docs/git.md): branches, merges and conflicts; none: not modelled');

export type RawGit = z.output<typeof gitSection>;
