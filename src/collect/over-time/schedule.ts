// Who did what when, for the report's timeline: every slice of work per person, their outages,
// the times they were lent to another domain, and each instruction's critical path on their desks.

import type { Hours } from '../../kernel/time.ts';
import type { LogRecord } from '../../log/event-log.ts';
import type { InstructionPath } from '../critical-path.ts';
import { round } from '../stats.ts';
import type { Absences, RunStart } from '../timeline.ts';
import { Indexer } from './indexer.ts';

type Of<T extends LogRecord['type']> = Extract<LogRecord, { type: T }>;

export interface Schedule {
  /** The roster, in its order: rows of the timeline. */
  readonly people: Array<{ id: string; role: string; team: string; domain: string | null }>;
  readonly kinds: string[];
  /**
   * One entry per slice of work, in log order, as columns: the person's and the kind's index,
   * the task's in the run's task table (−1 for none), when its activity reached the desk, and
   * when the slice started and ended (hours, to 2 decimals).
   */
  readonly slices: {
    person: number[];
    kind: number[];
    task: number[];
    queued: number[];
    start: number[];
    end: number[];
  };
  readonly outages: Array<{ person: number; from: Hours; to: Hours }>;
  /** Lent to another team or domain by a rebalance, until `until`. */
  readonly borrowed: Array<{
    person: number;
    team: string;
    domain: string;
    from: Hours;
    until: Hours;
  }>;
  /**
   * The critical paths of the CRITICAL_PATHS instructions with the longest lead times, slowest
   * first: the stretches on someone's desk only.
   */
  readonly criticalPaths: Array<{
    instruction: string;
    steps: Array<{ person: number; from: Hours; to: Hours; cause: string; task: string | null }>;
  }>;
}

/** How many instructions' critical paths the timeline offers to outline. */
export const CRITICAL_PATHS = 100;

/**
 * The timeline's data, from the log's work, outages and rebalances, and the critical paths;
 * `tasks` numbers the task ids.
 */
export function scheduleOf(
  start: RunStart,
  work: readonly Of<'work'>[],
  rebalances: readonly Of<'rebalance'>[],
  away: Absences,
  paths: readonly InstructionPath[],
  tasks: Indexer,
): Schedule {
  const people = start.people.map((p) => ({
    id: p.id,
    role: p.role,
    team: p.team,
    domain: p.domain ?? null,
  }));
  const row = new Map(people.map((p, i) => [p.id, i]));
  const kinds = new Indexer();
  const slices: Schedule['slices'] = {
    person: [],
    kind: [],
    task: [],
    queued: [],
    start: [],
    end: [],
  };
  for (const w of work) {
    const person = row.get(w.person);
    if (person === undefined) continue;
    slices.person.push(person);
    slices.kind.push(kinds.of(w.kind));
    slices.task.push(w.task === undefined ? -1 : tasks.of(w.task));
    slices.queued.push(round(w.queuedAt));
    slices.start.push(round(w.startedAt));
    slices.end.push(round(w.t));
  }
  const outages: Schedule['outages'] = [];
  for (const [id, spans] of away.outages) {
    const person = row.get(id);
    if (person !== undefined)
      for (const [from, to] of spans) outages.push({ person, from: round(from), to: round(to) });
  }
  const borrowed: Schedule['borrowed'] = [];
  for (const r of rebalances) {
    const person = r.person === undefined ? undefined : row.get(r.person);
    if (r.kind !== 'borrow' || person === undefined) continue;
    borrowed.push({
      person,
      team: r.team,
      domain: r.domain,
      from: round(r.t),
      until: round(r.until),
    });
  }
  const slowest = [...paths]
    .sort((a, b) => b.leadTimeHours - a.leadTimeHours)
    .slice(0, CRITICAL_PATHS);
  const criticalPaths = slowest.map((p) => ({
    instruction: p.instruction,
    steps: p.segments.flatMap((s) => {
      const person = row.get(s.resource);
      if (person === undefined || s.to <= s.from) return [];
      return [
        { person, from: round(s.from), to: round(s.to), cause: s.cause, task: s.task ?? null },
      ];
    }),
  }));
  return {
    people,
    kinds: kinds.values,
    slices,
    outages,
    borrowed,
    criticalPaths,
  };
}
