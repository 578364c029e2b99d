// The one interface every assignment strategy implements. A Domain Lead asks it two things:
// which waiting task to serve next, and which IC with a free WIP slot should take it.

import type { Hours } from '../../kernel/time.ts';
import type { Domain } from '../org.ts';
import type { Complexity } from '../skills.ts';

/** What a strategy may know about an IC when choosing. */
export interface IcView {
  readonly id: string;
  /** Skill level in the task's domain; 0 when the IC lacks it. */
  readonly skill: number;
  /** Tasks the IC holds now (ASSIGNED through review) and its limit. */
  readonly held: number;
  readonly wipLimit: number;
  /** Working hours already waiting on the IC's desk. */
  readonly queuedHours: Hours;
  /** Money per working hour: the person's rate plus tokens at execution rates. */
  readonly costPerHour: number;
  /** 1 if the IC worked on this task's strategic task, 0.5 on its instruction, else 0. */
  readonly familiarity: number;
}

/** What a strategy may know about a task waiting for assignment. */
export interface TaskView {
  readonly id: string;
  readonly team: string;
  readonly domain: Domain;
  readonly complexity: Complexity;
  readonly estimateHours: Hours;
  /** 0 (P0) to 3 (P3). */
  readonly priority: number;
  /** Order of arrival in the backlog. */
  readonly arrival: number;
  /** Longest chain of estimates from this task to the end of its plan. */
  readonly remainingPathHours: Hours;
}

/** What else a strategy may use when choosing: the simulated clock and a seeded random stream. */
export interface StrategyContext {
  /** Simulated hours since the run began. */
  readonly now: Hours;
  /** A uniform number in [0, 1) from the run's own stream for strategies: same seed, same draws. */
  random(): number;
}

/**
 * An assignment strategy: how a Domain Lead orders its backlog and which IC gets a task. It must
 * be deterministic — the same arguments (and the same draws of `context.random`) give the same
 * answer — so that a seed always gives the same run.
 */
export interface AssignmentStrategy {
  /** How reports name it. */
  readonly name: string;
  /** Backlog order: negative when `a` is served before `b`. */
  compare(a: TaskView, b: TaskView): number;
  /** Picks among `candidates` (non-empty, each with a free WIP slot, in naturalOrder of id). */
  choose(task: TaskView, candidates: readonly IcView[], context: StrategyContext): IcView;
}

/** Ids in natural order: `ic-9` before `ic-10`. */
export function naturalOrder(a: string, b: string): number {
  const split = (s: string) =>
    s.split(/(\d+)/).map((part, i) => (i % 2 === 1 ? Number(part) : part));
  const x = split(a);
  const y = split(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const p = x[i];
    const q = y[i];
    if (p === q) continue;
    if (p === undefined) return -1;
    if (q === undefined) return 1;
    if (typeof p === 'number' && typeof q === 'number') return p - q;
    return String(p) < String(q) ? -1 : 1;
  }
  return 0;
}

/** The default backlog order: priority, then arrival. */
export function byPriorityThenArrival(a: TaskView, b: TaskView): number {
  return a.priority - b.priority || a.arrival - b.arrival;
}

/** The candidate with the highest score; the first (lowest id) wins a tie. */
export function best(candidates: readonly IcView[], score: (ic: IcView) => number): IcView {
  let top = candidates[0] as IcView;
  let topScore = score(top);
  for (let i = 1; i < candidates.length; i++) {
    const ic = candidates[i] as IcView;
    const s = score(ic);
    if (s > topScore) {
      top = ic;
      topScore = s;
    }
  }
  return top;
}

/** Occupancy in [0, 1]: held tasks against the WIP limit, plus a day's queued work. */
export function load(ic: IcView): number {
  return Math.min(1, (ic.held / ic.wipLimit + Math.min(1, ic.queuedHours / 8)) / 2);
}
