// Git coordination over the run, from the log alone (docs/git.md): merges and the share of merge
// attempts that conflicted, per team and per component (the hot spots); the hours spent syncing,
// merging and resolving conflicts; how old branches were when merged; how long an approved change
// waited to be merged; how far behind clones were when synced. Null for a run without git.

import type { Hours } from '../kernel/time.ts';
import { distribution, round } from './stats.ts';
import { type LogInput, type LogView, ofType, runStart, viewOf } from './timeline.ts';

export interface GitTeamFigures {
  readonly team: string;
  readonly strategy: string;
  readonly merges: number;
  readonly conflicts: number;
  /** Conflicts over merge attempts (merges + conflicts): the share of attempts that conflicted. */
  readonly conflictRate: number;
  /** Its branch's merges into integration that conflicted with other teams' changes. */
  readonly integrationConflicts: number;
}

export interface GitComponentFigures {
  readonly component: string;
  /** null: a shared component. */
  readonly domain: string | null;
  /** Changes merged that touch it, and conflicts in it on team branches and at integration. */
  readonly merges: number;
  readonly conflicts: number;
  readonly integrationConflicts: number;
}

/** The integration branch and main, when the scenario has them. */
export interface IntegrationFigures {
  /** The branch an instruction's changes must reach. */
  readonly target: 'integration' | 'main';
  /** Team branches merged into integration, and those merges that conflicted. */
  readonly merges: number;
  readonly conflicts: number;
  readonly ci: {
    readonly runs: number;
    readonly passed: number;
    readonly flaky: number;
    readonly failed: number;
    /** From a run's queueing to its start (a runner free): mean and p95 hours. */
    readonly queueHours: { readonly mean: Hours; readonly p95: Hours };
  };
  readonly promotions: number;
  /** From a task's COMPLETED (merged into its team branch) to its change in the target. */
  readonly toTargetHours: { readonly mean: Hours; readonly p50: Hours; readonly p95: Hours };
}

export interface GitFigures {
  /** Merges into team branches, and those that conflicted (integration's are apart). */
  readonly merges: number;
  readonly conflicts: number;
  readonly conflictRate: number;
  /** Working hours spent on each kind of git work, all people together. */
  readonly hours: {
    readonly sync: Hours;
    readonly merge: Hours;
    readonly conflict: Hours;
    /** Team branches merged into integration, and broken builds fixed. */
    readonly integration: Hours;
  };
  readonly syncs: number;
  /** How far behind its team branch a copy was when synced: mean and p95 hours. */
  readonly staleHours: { readonly mean: Hours; readonly p95: Hours };
  /** A branch's age when merged (since cut or last rebase): mean, p50, p95 hours. */
  readonly branchAgeHours: { readonly mean: Hours; readonly p50: Hours; readonly p95: Hours };
  /** From a task's reviews passing (READY_FOR_HANDOFF) to its merge: mean, p50, p95 hours. */
  readonly mergeWaitHours: { readonly mean: Hours; readonly p50: Hours; readonly p95: Hours };
  readonly byTeam: readonly GitTeamFigures[];
  /** The components, most conflicts first (then most merges, then the list's order). */
  readonly byComponent: readonly GitComponentFigures[];
  /** Absent when changes end in their team branch. */
  readonly integration?: IntegrationFigures;
}

const rate = (conflicts: number, merges: number) =>
  conflicts + merges === 0 ? 0 : round(conflicts / (conflicts + merges), 3);

export function gitFigures(input: LogInput): GitFigures | null {
  const log = viewOf(input);
  const listed = runStart(log).git;
  if (listed === undefined) return null;
  const merges = ofType(log, 'git.merge');
  const everyConflict = ofType(log, 'git.conflict');
  const conflicts = everyConflict.filter((k) => k.into === undefined);
  const crossTeam = everyConflict.filter((k) => k.into === 'integration');
  const syncs = ofType(log, 'git.sync');
  const hours = { sync: 0, merge: 0, conflict: 0, integration: 0 };
  for (const w of ofType(log, 'work')) {
    if (w.kind === 'sync') hours.sync += w.hours;
    else if (w.kind === 'merge') hours.merge += w.hours;
    else if (w.kind === 'conflictResolution') hours.conflict += w.hours;
    else if (w.kind === 'integration' || w.kind === 'ciFix') hours.integration += w.hours;
  }
  // The last time each task entered READY_FOR_HANDOFF before its merge.
  const ready = new Map<string, Hours>();
  const waits: number[] = [];
  const mergedAt = new Map(merges.map((m) => [m.task, m.t]));
  for (const r of ofType(log, 'task.transition'))
    if (r.to === 'READY_FOR_HANDOFF' && (mergedAt.get(r.task) ?? -1) >= r.t) ready.set(r.task, r.t);
  for (const m of merges) {
    const from = ready.get(m.task);
    if (from !== undefined) waits.push(m.t - from);
  }
  const byTeam = Object.entries(listed.strategies).map(([team, strategy]): GitTeamFigures => {
    const m = merges.filter((r) => r.team === team).length;
    const k = conflicts.filter((r) => r.team === team).length;
    const x = crossTeam.filter((r) => r.team === team).length;
    return {
      team,
      strategy,
      merges: m,
      conflicts: k,
      conflictRate: rate(k, m),
      integrationConflicts: x,
    };
  });
  const byComponent = listed.components
    .map((c, i) => ({
      i,
      figures: {
        component: c.id,
        domain: c.domain ?? null,
        merges: merges.filter((m) => m.components.includes(c.id)).length,
        conflicts: conflicts.filter((k) => k.components.includes(c.id)).length,
        integrationConflicts: crossTeam.filter((k) => k.components.includes(c.id)).length,
      },
    }))
    .sort(
      (a, b) =>
        b.figures.conflicts +
          b.figures.integrationConflicts -
          (a.figures.conflicts + a.figures.integrationConflicts) ||
        b.figures.merges - a.figures.merges ||
        a.i - b.i,
    )
    .map((x) => x.figures);
  const stale = distribution(syncs.map((s) => s.staleHours));
  const age = distribution(merges.map((m) => m.ageHours));
  const wait = distribution(waits);
  return {
    merges: merges.length,
    conflicts: conflicts.length,
    conflictRate: rate(conflicts.length, merges.length),
    hours: {
      sync: round(hours.sync),
      merge: round(hours.merge),
      conflict: round(hours.conflict),
      integration: round(hours.integration),
    },
    syncs: syncs.length,
    staleHours: { mean: round(stale.mean), p95: round(stale.p95) },
    branchAgeHours: { mean: round(age.mean), p50: round(age.p50), p95: round(age.p95) },
    mergeWaitHours: { mean: round(wait.mean), p50: round(wait.p50), p95: round(wait.p95) },
    byTeam,
    byComponent,
    ...integrationOf(log, listed.target, mergedAt, crossTeam.length),
  };
}

function integrationOf(
  log: LogView,
  target: 'team' | 'integration' | 'main',
  mergedAt: ReadonlyMap<string, Hours>,
  conflicts: number,
): { integration?: IntegrationFigures } {
  if (target === 'team') return {};
  const integrated = ofType(log, 'git.integrated');
  const promoted = ofType(log, 'git.promoted');
  const ci = ofType(log, 'git.ci');
  const ends = ci.filter((r) => r.phase === 'end');
  const queue = distribution(
    ci.filter((r) => r.phase === 'start').map((r) => r.t - (r.queuedAt ?? r.t)),
  );
  const arrivals = target === 'main' ? promoted : integrated;
  const waits: number[] = [];
  for (const r of arrivals)
    for (const task of r.tasks) {
      const from = mergedAt.get(task);
      if (from !== undefined) waits.push(r.t - from);
    }
  const toTarget = distribution(waits);
  return {
    integration: {
      target,
      merges: integrated.length,
      conflicts,
      ci: {
        runs: ci.length - ends.length,
        passed: ends.filter((r) => r.result === 'passed').length,
        flaky: ends.filter((r) => r.result === 'flaky').length,
        failed: ends.filter((r) => r.result === 'failed').length,
        queueHours: { mean: round(queue.mean), p95: round(queue.p95) },
      },
      promotions: promoted.length,
      toTargetHours: {
        mean: round(toTarget.mean),
        p50: round(toTarget.p50),
        p95: round(toTarget.p95),
      },
    },
  };
}
