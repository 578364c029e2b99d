// A new hire's clone is made when they join: their first sync says how far behind it is since
// then, not since the start of the run, and their first branch is cut from it.

import { describe, expect, it } from 'vitest';
import type { IcSpec } from '../../src/domain/org.ts';
import { runSimulation } from '../../src/org/run.ts';
import { defaultOrg } from '../../src/scenario/defaults.ts';
import { FREE, only, planned, quiet } from './fixtures.ts';
import { violations } from './log-checks.ts';

describe('a hire in a team of clones', () => {
  it('clones when they join: their first sync is behind by the time since the hire', () => {
    const org = defaultOrg({
      headcount: { backend: 1, frontend: 0, qa: 0, devops: 0, data: 0, security: 0 },
      wipLimit: 1,
    });
    const ic = org.teams[0]?.ics[0] as IcSpec;
    // Two 8-hour tasks arrive at 100; the hire joined at 90. Clones sync before every task
    // (everyHours 0), 0.25 h each, so the hire's first sync ends at 100.25: 10.25 h behind.
    const base = quiet({});
    const config = quiet({
      org,
      overheads: FREE,
      instructions: [
        planned(
          'I1',
          2,
          [
            { id: 'a', domain: 'backend', hours: 8 },
            { id: 'b', domain: 'backend', hours: 8 },
          ],
          100,
        ),
      ],
      gates: { ...base.gates, enabled: { ...base.gates.enabled, qaValidation: false } },
      hires: [{ at: 90, ic: { ...ic, id: 'new' }, rampUpDays: 0, startProductivity: 1 }],
      git: {
        components: [{ id: 'api', domain: 'backend' }],
        touches: { min: 1, max: 1 },
        sharedChance: 0,
        strategies: { 'team-1': 'clonePerAgent' },
        mergeHours: 0.1,
        sync: {
          everyHours: 0,
          hours: { clonePerAgent: 0.25, teamWorktrees: 0.05, staggered: 0.08 },
        },
        conflict: {
          perComponent: 0,
          growthPerDay: 0,
          resolveHours: 1,
          resolution: 'rebase',
          integrator: null,
          reviewAgain: 0,
        },
        integration: null,
        main: null,
        ci: {
          runners: 1,
          runHours: 1,
          flakyChance: 0,
          failChance: 0,
          failPerConflict: 0,
          fixHours: 1,
        },
      },
    });
    const { records } = runSimulation(config).log;
    expect(violations(config, records)).toEqual([]);
    const syncs = only(records, 'git.sync');
    const first = syncs.find((s) => s.person === 'new');
    const old = syncs.find((s) => s.person === ic.id);
    expect(first).toMatchObject({ t: 100.25, staleHours: 10.25 });
    // Whoever was there from the start cloned at 0.
    expect(old).toMatchObject({ t: 100.25, staleHours: 100.25 });
  });
});
