// Git coordination (seed 001): the codebase's components, the branches a team's agents work on,
// and the odds that a change conflicts when it is merged. Pure definitions; src/org/git.ts runs
// them, docs/git.md explains them and where the defaults come from.

import type { RandomStream } from '../kernel/random.ts';
import type { Hours } from '../kernel/time.ts';
import type { Domain } from './org.ts';

/**
 * How a team's agents hold the code (seed 001's decision matrix): a clone each, worktrees of one
 * team clone, or one clone and one agent at work at a time.
 */
export const GIT_STRATEGIES = ['clonePerAgent', 'teamWorktrees', 'staggered'] as const;
export type GitStrategy = (typeof GIT_STRATEGIES)[number];

/**
 * Who resolves a conflict (seed 003's strategies): the author rebases their change, or the
 * integrator (the team's Tech Lead, or a named integration owner) merges it by hand. `serialize`
 * prevents them instead: a task does not start while another of its team's changes to one of its
 * components is in flight.
 */
export const CONFLICT_RESOLUTIONS = ['rebase', 'integrator', 'serialize'] as const;
export type ConflictResolution = (typeof CONFLICT_RESOLUTIONS)[number];

/** A part of the codebase: owned by a domain, or shared by all (an API contract, a schema). */
export interface Component {
  readonly id: string;
  /** null: shared. */
  readonly domain: Domain | null;
}

export interface GitConfig {
  readonly components: readonly Component[];
  /** How many of its domain's components a tactical task changes, drawn uniformly. */
  readonly touches: { readonly min: number; readonly max: number };
  /** The chance a tactical task also changes one shared component. */
  readonly sharedChance: number;
  /** Each team's strategy, by team id. */
  readonly strategies: Readonly<Record<string, GitStrategy>>;
  /** Working hours the author spends merging a change that merges cleanly. */
  readonly mergeHours: Hours;
  readonly sync: {
    /** A clone of its own is synced at the start of a task once it is older than this. */
    readonly everyHours: Hours;
    /** Working hours a sync takes, by strategy (a fetch and rebase; a new worktree; a pull). */
    readonly hours: Readonly<Record<GitStrategy, Hours>>;
  };
  readonly conflict: {
    /** The chance a component changed on both sides conflicts, for a branch cut just now. */
    readonly perComponent: number;
    /** How much that chance grows per day of the branch's age (0.5: +50 % a day). */
    readonly growthPerDay: number;
    /** Working hours to resolve one conflicting component. */
    readonly resolveHours: Hours;
    readonly resolution: ConflictResolution;
    /** Who resolves under `integrator`: a person's id, or null for the team's Tech Lead. */
    readonly integrator: string | null;
    /** The chance a change its author rebased to resolve a conflict goes through review again. */
    readonly reviewAgain: number;
  };
  /** Team branches merged into an integration branch; null: changes end in their team branch. */
  readonly integration:
    | (CadenceSpec & {
        /** Working hours to merge a team branch into integration (conflicts apart). */
        readonly mergeHours: Hours;
        /** Who merges every team's branch: a person's id, or null for each team's Tech Lead. */
        readonly integrator: string | null;
      })
    | null;
  /** Integration promoted to main (once CI passed it); null: integration is the target. */
  readonly main: CadenceSpec | null;
  /** CI on the integration branch: each integration merge is checked before it may go to main. */
  readonly ci: {
    readonly runners: number;
    /** Hours a run takes (wall-clock: CI runs day and night). */
    readonly runHours: Hours;
    /** A run that fails for nothing in the change: it is run again. */
    readonly flakyChance: number;
    /** A true failure, and what each conflict resolved in the merge adds to its chance. */
    readonly failChance: number;
    readonly failPerConflict: number;
    /** The integrator's working hours to fix a failing build. */
    readonly fixHours: Hours;
  };
}

/**
 * The chance one component changed on both sides since the branch was cut conflicts, for a branch
 * `ageHours` old: `perComponent × (1 + growthPerDay × age in days)`, at most 0.95. The older the
 * branch, the further the code under the change has moved.
 */
export function componentConflictChance(
  conflict: Pick<GitConfig['conflict'], 'perComponent' | 'growthPerDay'>,
  ageHours: Hours,
): number {
  const days = Math.max(0, ageHours) / 24;
  return Math.min(0.95, conflict.perComponent * (1 + conflict.growthPerDay * days));
}

/** The chance a merge conflicts when `overlap` of its components changed on both sides. */
export function mergeConflictChance(
  conflict: Pick<GitConfig['conflict'], 'perComponent' | 'growthPerDay'>,
  overlap: number,
  ageHours: Hours,
): number {
  return 1 - (1 - componentConflictChance(conflict, ageHours)) ** overlap;
}

/**
 * The components of `overlapping` that conflict, each with its chance (one draw per component, in
 * the order given, whatever the outcome, so a merge's later draws do not depend on the odds).
 */
export function conflicting(
  conflict: Pick<GitConfig['conflict'], 'perComponent' | 'growthPerDay'>,
  overlapping: readonly string[],
  ageHours: Hours,
  random: RandomStream,
): string[] {
  const p = componentConflictChance(conflict, ageHours);
  return overlapping.filter(() => random.bernoulli(p));
}

/**
 * The components a tactical task of `domain` changes: between `touches.min` and `touches.max` of
 * its domain's (all of them if it has fewer), and one shared component with `sharedChance`; in
 * the order of the component list. Every draw is made whatever its outcome.
 */
export function drawTouches(
  git: Pick<GitConfig, 'components' | 'touches' | 'sharedChance'>,
  domain: Domain,
  random: RandomStream,
): string[] {
  const own = git.components.filter((c) => c.domain === domain).map((c) => c.id);
  const shared = git.components.filter((c) => c.domain === null).map((c) => c.id);
  const span = git.touches.max - git.touches.min + 1;
  const count = Math.min(own.length, git.touches.min + Math.floor(random.float() * span));
  const pool = own.slice();
  const picked = new Set<string>();
  for (let i = 0; i < count; i++) {
    const at = Math.floor(random.float() * pool.length);
    picked.add(pool[at] as string);
    pool.splice(at, 1);
  }
  const touchShared = random.bernoulli(git.sharedChance);
  const which = Math.floor(random.float() * shared.length);
  if (touchShared && shared.length > 0) picked.add(shared[which] as string);
  // A task of a domain with no components of its own changes a shared one.
  if (picked.size === 0 && shared.length > 0) picked.add(shared[which] as string);
  return git.components.map((c) => c.id).filter((id) => picked.has(id));
}

/** Components generated for a scenario that names none: `perDomain` per domain, then the shared. */
export function generatedComponents(
  domains: readonly Domain[],
  perDomain: number,
  shared: readonly string[],
): Component[] {
  return [
    ...domains.flatMap((domain) =>
      Array.from({ length: perDomain }, (_, i) => ({ id: `${domain}-${i + 1}`, domain })),
    ),
    ...shared.map((id) => ({ id, domain: null })),
  ];
}

/**
 * How often a branch is merged onward: as each change arrives (`endOfTask`), every day at `hour`,
 * or every week on `weekday` (0 = Monday, as day 0 of a run) at `hour`.
 */
export const CADENCES = ['endOfTask', 'daily', 'weekly'] as const;
export type Cadence = (typeof CADENCES)[number];

export interface CadenceSpec {
  readonly cadence: Cadence;
  readonly hour: number;
  readonly weekday: number;
}

/** The next time after `now` (strictly) the cadence falls due; `now` itself for endOfTask. */
export function nextCadence(now: Hours, spec: CadenceSpec): Hours {
  if (spec.cadence === 'endOfTask') return now;
  const day = Math.floor(now / 24);
  let t = day * 24 + spec.hour;
  if (spec.cadence === 'daily') return t > now ? t : t + 24;
  const weekday = ((day % 7) + 7) % 7;
  t += ((spec.weekday - weekday + 7) % 7) * 24;
  return t > now ? t : t + 7 * 24;
}
