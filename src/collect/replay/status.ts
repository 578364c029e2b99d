// Each person's status at each frame of the replay, from the log: away (an outage, outside their
// working hours, or not yet hired), working (a slice of work under way), throttled (an agent
// waiting on a rate limit of its model), blocked (holding a task that is blocked), or idle.

import { isWorking } from '../../domain/calendar.ts';
import type { Hours } from '../../kernel/time.ts';
import type { LogRecord } from '../../log/event-log.ts';
import { type Absences, calendarAt, type RunStart, type TaskLife } from '../timeline.ts';

type Work = Extract<LogRecord, { type: 'work' }>;
type Person = RunStart['people'][number];

/** The statuses, one character each in a person's status string. */
export const STATUS = { away: 'a', working: 'w', throttled: 't', blocked: 'b', idle: 'i' } as const;

/** A task's stay in BLOCKED, and who held it meanwhile. */
export interface BlockedStay {
  readonly task: string;
  readonly holder: string;
  readonly from: Hours;
  readonly to: Hours;
}

/** Every stay in BLOCKED of a task someone held, in order of the tasks' lives. */
export function blockedStays(tasks: Iterable<TaskLife>): BlockedStay[] {
  const stays: BlockedStay[] = [];
  for (const t of tasks)
    for (const v of t.visits) {
      if (v.state !== 'BLOCKED') continue;
      const holder = t.holders.filter((h) => h.t <= v.from).at(-1)?.person;
      if (holder !== undefined) stays.push({ task: t.id, holder, from: v.from, to: v.to });
    }
  return stays;
}

/** Per person of `people`, their status at each of `times`, as one character per time. */
export function statuses(
  people: readonly Person[],
  times: readonly Hours[],
  work: readonly Work[],
  stays: readonly BlockedStay[],
  away: Absences,
  throttles: ReadonlyMap<string, ReadonlyArray<readonly [Hours, Hours]>> = new Map(),
): string[] {
  const index = new Map(people.map((p, i) => [p.id, i]));
  const grid = people.map(() => new Array<string>(times.length).fill(STATUS.idle));
  /** Marks `status` on the times in [from, to) of person `i`, over `over` (what it outranks). */
  const mark = (i: number | undefined, from: Hours, to: Hours, status: string, over: string) => {
    const row = i === undefined ? undefined : grid[i];
    if (row === undefined) return;
    for (let k = firstAtOrAfter(times, from); k < times.length && (times[k] as Hours) < to; k++)
      if (row[k] === over) row[k] = status;
  };
  for (const s of stays) mark(index.get(s.holder), s.from, s.to, STATUS.blocked, STATUS.idle);
  for (const w of work) {
    mark(index.get(w.person), w.startedAt, w.t, STATUS.working, STATUS.idle);
    mark(index.get(w.person), w.startedAt, w.t, STATUS.working, STATUS.blocked);
  }
  // A throttled agent does nothing else: no slice of its work is under way while it waits.
  for (const [person, waits] of throttles)
    for (const [from, to] of waits) {
      mark(index.get(person), from, to, STATUS.throttled, STATUS.idle);
      mark(index.get(person), from, to, STATUS.throttled, STATUS.blocked);
    }
  people.forEach((p, i) => {
    const row = grid[i] as string[];
    const outages = away.outages.get(p.id) ?? [];
    const hired = away.hired.get(p.id) ?? Number.NEGATIVE_INFINITY;
    times.forEach((t, k) => {
      const out = outages.some(([a, b]) => a <= t && t < b);
      if (out || t < hired || !isWorking(t, calendarAt(away, p, t))) row[k] = STATUS.away;
    });
  });
  return grid.map((row) => row.join(''));
}

/** The index of the first of the sorted `times` at or after `t` (their length if none). */
function firstAtOrAfter(times: readonly Hours[], t: Hours): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((times[mid] as Hours) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
