// Git coordination, read from a log written by hand. Team-1 works in clones (components api,
// web, db; web is the frontend's, db the backend's, api shared). T1 passes review at 10 and is
// merged at 11 (branch cut at 2: age 9 h), touching api and db. T2 passes review at 12; its merge
// at 13 conflicts in api (changed by T1 at 11, after T2's cut at 4) — the author resolves it by
// 15 and merges again at 16 (rebased at 15: age 1 h). T3 merges web at 14 (cut at 12, age 2 h).
// Syncs: a 0.25 h sync 30 h stale and a 0.25 h one 10 h stale. Work: merges 0.1 h each (three),
// resolving 2 h. So: 3 merges, 1 conflict of 4 attempts (25 %); hours: sync 0.5, merge 0.3,
// conflict 2; branch ages 9, 1, 2 (mean 4, p50 2); waits from READY to merge: T1 1 h, T2 4 h,
// T3 3 h (T3 was ready at 11); hot spots: api 1 conflict in 2 merges, then db (1 merge), web (1).

import { describe, expect, it } from 'vitest';
import { gitFigures } from '../../src/collect/git.ts';
import { summary } from '../../src/collect/summary.ts';
import type { LogRecord } from '../../src/log/records.ts';
import { gitLine } from '../../src/report/fleet-lines.ts';
import { ic, LEADS, move, runEnd, runStart, TEAM, work } from './log-builder.ts';

type Start = Extract<LogRecord, { type: 'run.start' }>;

const merge = (t: number, task: string, components: string[], baseAt: number) =>
  ({
    t,
    type: 'git.merge',
    task,
    instruction: 'I1',
    team: TEAM,
    by: 'ic-1',
    into: `team/${TEAM}`,
    components,
    baseAt,
    ageHours: t - baseAt,
    overlap: 0,
  }) satisfies LogRecord;

function log(): LogRecord[] {
  const start = runStart([...LEADS, ic('ic-1', 'backend'), ic('ic-2', 'frontend')]) as Start;
  return [
    {
      ...start,
      git: {
        strategies: { [TEAM]: 'clonePerAgent' },
        target: 'team',
        components: [
          { id: 'web', domain: 'frontend' },
          { id: 'db', domain: 'backend' },
          { id: 'api' },
        ],
      },
    },
    { t: 2, type: 'git.sync', person: 'ic-1', team: TEAM, task: 'T1', staleHours: 30 },
    work(2, 'ic-1', 'sync', 1.75, 1.75, 'T1'),
    { t: 4, type: 'git.sync', person: 'ic-2', team: TEAM, task: 'T2', staleHours: 10 },
    work(4, 'ic-2', 'sync', 3.75, 3.75, 'T2'),
    move(10, 'T1', 'UNDER_REVIEW', 'READY_FOR_HANDOFF'),
    move(11, 'T3', 'UNDER_REVIEW', 'READY_FOR_HANDOFF'),
    work(11, 'ic-1', 'merge', 10, 10.9, 'T1'),
    merge(11, 'T1', ['db', 'api'], 2),
    move(12, 'T2', 'UNDER_REVIEW', 'READY_FOR_HANDOFF'),
    work(13, 'ic-2', 'merge', 12, 12.9, 'T2'),
    {
      t: 13,
      type: 'git.conflict',
      conflict: 'K1',
      task: 'T2',
      team: TEAM,
      by: 'ic-2',
      components: ['api'],
      with: ['T1'],
      overlap: 1,
      baseAt: 4,
      ageHours: 9,
      chance: 0.3,
      resolution: 'rebase',
      to: 'ic-2',
    },
    work(14, 'ic-1', 'merge', 11, 13.9, 'T3'),
    merge(14, 'T3', ['web'], 12),
    work(15, 'ic-2', 'conflictResolution', 13, 13, 'T2'),
    { t: 15, type: 'git.resolved', conflict: 'K1', task: 'T2', by: 'ic-2', resolution: 'rebase' },
    merge(16, 'T2', ['api'], 15),
    runEnd(20),
  ];
}

/** The log above with an integration branch and main (target main), worked out in the test. */
function withIntegration(): LogRecord[] {
  const [start, ...rest] = log();
  const s = start as Start;
  const ci = (t: number, run: string, batch: number, phase: 'start' | 'end', more: object) =>
    ({ t, type: 'git.ci', run, batch, phase, ...more }) as LogRecord;
  return [
    { ...s, git: { ...(s.git as NonNullable<Start['git']>), target: 'main' } },
    ...rest.slice(0, -1),
    {
      t: 17,
      type: 'git.integrated',
      team: TEAM,
      by: 'tl',
      batch: 1,
      tasks: ['T1', 'T3'],
      components: ['web', 'db', 'api'],
      baseAt: 0,
      ageHours: 17,
      overlap: 0,
    },
    ci(17, 'CI1', 1, 'start', { queuedAt: 17 }),
    ci(17.5, 'CI1', 1, 'end', { result: 'passed' }),
    {
      t: 40,
      type: 'git.conflict',
      conflict: 'K2',
      task: 'T2',
      team: TEAM,
      by: 'tl',
      components: ['db'],
      with: ['T9'],
      overlap: 1,
      baseAt: 17,
      ageHours: 23,
      chance: 0.2,
      resolution: 'integrator',
      to: 'tl',
      into: 'integration',
    },
    { t: 41, type: 'git.resolved', conflict: 'K2', task: 'T2', by: 'tl', resolution: 'integrator' },
    {
      t: 41,
      type: 'git.integrated',
      team: TEAM,
      by: 'tl',
      batch: 2,
      tasks: ['T2'],
      components: ['api'],
      baseAt: 17,
      ageHours: 24,
      overlap: 1,
    },
    ci(42, 'CI2', 2, 'start', { queuedAt: 41 }),
    ci(42.5, 'CI2', 2, 'end', { result: 'failed' }),
    ci(44, 'CI3', 2, 'start', { queuedAt: 44 }),
    ci(44.5, 'CI3', 2, 'end', { result: 'flaky' }),
    ci(44.5, 'CI4', 2, 'start', { queuedAt: 44.5 }),
    ci(45, 'CI4', 2, 'end', { result: 'passed' }),
    { t: 113, type: 'git.promoted', into: 'main', tasks: ['T1', 'T3', 'T2'] },
    runEnd(120),
  ];
}

describe('git coordination figures', () => {
  it('count merges and conflicts per team and component, the hours, ages and waits', () => {
    const g = gitFigures(log());
    expect(g).not.toBeNull();
    expect(g?.merges).toBe(3);
    expect(g?.conflicts).toBe(1);
    expect(g?.conflictRate).toBe(0.25);
    expect(g?.hours).toEqual({ sync: 0.5, merge: 0.3, conflict: 2, integration: 0 });
    expect(g?.syncs).toBe(2);
    expect(g?.staleHours.mean).toBe(20);
    expect(g?.branchAgeHours.mean).toBe(4);
    expect(g?.branchAgeHours.p50).toBe(2);
    // Waits 1, 3, 4 h: mean 2.67, p50 3.
    expect(g?.mergeWaitHours.mean).toBe(2.67);
    expect(g?.mergeWaitHours.p50).toBe(3);
    expect(g?.byTeam).toEqual([
      {
        team: TEAM,
        strategy: 'clonePerAgent',
        merges: 3,
        conflicts: 1,
        conflictRate: 0.25,
        integrationConflicts: 0,
      },
    ]);
    expect(g?.byComponent).toEqual([
      { component: 'api', domain: null, merges: 2, conflicts: 1, integrationConflicts: 0 },
      { component: 'web', domain: 'frontend', merges: 1, conflicts: 0, integrationConflicts: 0 },
      { component: 'db', domain: 'backend', merges: 1, conflicts: 0, integrationConflicts: 0 },
    ]);
    expect(g?.integration).toBeUndefined();
  });

  it('follow the changes through integration, CI and main', () => {
    const g = gitFigures(withIntegration());
    // T1 and T3 went in at 17 (CI passed at 17.5); T2's merge into integration conflicted in db
    // at 40 and went in at 41; its CI run waited 1 h for a runner and failed, the fix's run was
    // flaky, the next passed; all three were promoted at 113. T1 merged into its team at 11, T3
    // at 14, T2 at 16: 102, 99 and 97 h to main.
    expect(g?.conflicts).toBe(1);
    expect(g?.integration).toEqual({
      target: 'main',
      merges: 2,
      conflicts: 1,
      ci: { runs: 4, passed: 2, flaky: 1, failed: 1, queueHours: { mean: 0.25, p95: 0.85 } },
      promotions: 1,
      toTargetHours: { mean: 99.33, p50: 99, p95: 101.7 },
    });
    expect(g?.byTeam[0]?.integrationConflicts).toBe(1);
    expect(g?.byComponent.map((c) => [c.component, c.conflicts, c.integrationConflicts])).toEqual([
      ['api', 1, 0],
      ['db', 0, 1],
      ['web', 0, 0],
    ]);
  });

  it('is absent for a run without git', () => {
    const [start, ...rest] = log();
    const { git: _, ...plain } = start as Start;
    expect(gitFigures([plain, ...rest])).toBeNull();
    expect(gitLine(summary([plain, runEnd(20)], 'sha'))).toBeNull();
  });

  it('says it in one line in the headline', () => {
    expect(gitLine(summary(log(), 'sha'))).toBe(
      'Git: 3 merges, 1 conflict (25 % of attempts), most in api (1) · hours resolving 2, syncing 0.5, merging 0.3 · branch age at merge p50 2 h, p95 8.3 h · merge wait p95 3.9 h · clonePerAgent',
    );
  });
});
