// Each task's life, read off the event log: when it was released, its state visits, when it was
// first worked on and when it ended. Every collector starts from this.

import { type Calendar, workingHoursBetween } from '../domain/calendar.ts';
import type { TaskState } from '../domain/task-states.ts';
import type { Hours } from '../kernel/time.ts';
import type { LogRecord } from '../log/event-log.ts';

type Of<T extends LogRecord['type']> = Extract<LogRecord, { type: T }>;

const NONE: readonly LogRecord[] = [];

/**
 * A log's records, with what collectors read off them more than once read once: the records of
 * each type, and each task's life. `collect` and `rowOf` make one per log and hand it to every
 * collector; a collector given bare records makes its own.
 */
export class LogView {
  private groups: Map<string, LogRecord[]> | null = null;
  private lives: Map<string, TaskLife> | null = null;

  constructor(readonly records: readonly LogRecord[]) {}

  /** The records of one type, in log order. Shared between callers: never modify the array. */
  ofType<T extends LogRecord['type']>(type: T): readonly Of<T>[] {
    if (this.groups === null) {
      const groups = new Map<string, LogRecord[]>();
      for (const r of this.records) {
        const list = groups.get(r.type);
        if (list) list.push(r);
        else groups.set(r.type, [r]);
      }
      this.groups = groups;
    }
    return (this.groups.get(type) ?? NONE) as readonly Of<T>[];
  }

  /** Each task's life, by task id. Shared between callers. */
  timelines(): Map<string, TaskLife> {
    this.lives ??= readTimelines(this.records);
    return this.lives;
  }
}

/** What a collector takes: a log's records, or a view of them shared with other collectors. */
export type LogInput = readonly LogRecord[] | LogView;

/** `log` as a view: itself, or a new view of the records. */
export function viewOf(log: LogInput): LogView {
  return log instanceof LogView ? log : new LogView(log);
}

/** The records of `log`. */
export function recordsOf(log: LogInput): readonly LogRecord[] {
  return log instanceof LogView ? log.records : log;
}

/** The records of one type, in log order. Shared between callers: never modify the array. */
export function ofType<T extends LogRecord['type']>(log: LogInput, type: T): readonly Of<T>[] {
  return viewOf(log).ofType(type);
}

export interface Visit {
  readonly state: TaskState;
  readonly from: Hours;
  readonly to: Hours;
}

export interface TaskLife {
  readonly id: string;
  readonly instruction: string;
  /** Its strategic task, and the team that ran it (known once it is released). */
  readonly strategic: string;
  team: string | null;
  readonly domain: string;
  /** As planned, or as a requirement change rescaled it. */
  estimateHours: Hours;
  readonly dependsOn: readonly string[];
  readonly priority: number;
  /** When the plan listed it, when it was released into the backlog, first IN_PROGRESS, its end. */
  readonly plannedAt: Hours;
  releasedAt: Hours | null;
  startedAt: Hours | null;
  endedAt: Hours | null;
  outcome: 'COMPLETED' | 'CANCELLED' | null;
  readonly visits: Visit[];
  /** Who held it, from when (each ASSIGNED with an assignee). */
  readonly holders: Array<{ readonly t: Hours; readonly person: string }>;
  /** Hours of execution actually worked on it (rework included). */
  workedHours: Hours;
  rejected: number;
}

export type RunStart = Of<'run.start'>;

export function runStart(log: LogInput): RunStart {
  const start = recordsOf(log).find((r): r is RunStart => r.type === 'run.start');
  if (start === undefined)
    throw new Error(
      'This event log has no run.start record: it was not written by orgsim, or is cut.',
    );
  return start;
}

export function runEnd(log: LogInput): Hours {
  return recordsOf(log).at(-1)?.t ?? 0;
}

/** Each task's life, by task id. */
export function timelines(log: LogInput): Map<string, TaskLife> {
  return viewOf(log).timelines();
}

function readTimelines(log: readonly LogRecord[]): Map<string, TaskLife> {
  const tasks = new Map<string, TaskLife>();
  const open = new Map<string, { state: TaskState; since: Hours }>();
  for (const r of log) {
    switch (r.type) {
      case 'plan.tactical':
        for (const t of r.tasks) {
          tasks.set(t.id, {
            id: t.id,
            instruction: r.instruction,
            strategic: r.strategic,
            team: null,
            domain: t.domain,
            estimateHours: t.estimateHours,
            dependsOn: t.dependsOn,
            priority: t.priority,
            plannedAt: r.t,
            releasedAt: null,
            startedAt: null,
            endedAt: null,
            outcome: null,
            visits: [],
            holders: [],
            workedHours: 0,
            rejected: 0,
          });
        }
        break;
      case 'requirement.changed':
        for (const x of r.rescaled?.tasks ?? []) {
          const t = tasks.get(x.id);
          if (t) t.estimateHours = x.estimateHours;
        }
        break;
      case 'task.ready': {
        const t = tasks.get(r.task);
        if (t) {
          t.releasedAt = r.t;
          t.team = r.team;
        }
        break;
      }
      case 'task.transition': {
        const t = tasks.get(r.task);
        const prev = open.get(r.task);
        if (t && prev) t.visits.push({ state: prev.state, from: prev.since, to: r.t });
        open.set(r.task, { state: r.to, since: r.t });
        if (!t) break;
        if (t.releasedAt === null) t.releasedAt = r.t;
        if (r.to === 'IN_PROGRESS' && t.startedAt === null) t.startedAt = r.t;
        if (r.to === 'ASSIGNED' && r.assignee !== undefined)
          t.holders.push({ t: r.t, person: r.assignee });
        if (r.to === 'COMPLETED' || r.to === 'CANCELLED') {
          t.endedAt = r.t;
          t.outcome = r.to;
        }
        break;
      }
      case 'task.gate': {
        const t = tasks.get(r.task);
        if (t && r.outcome === 'rejected') t.rejected++;
        break;
      }
      case 'work': {
        const t = r.task === undefined ? undefined : tasks.get(r.task);
        if (t && r.kind === 'execute') t.workedHours += r.hours;
        break;
      }
    }
  }
  // Visits still open at the end of the run last until its end.
  const end = runEnd(log);
  for (const [id, o] of open) {
    const t = tasks.get(id);
    if (t && t.endedAt === null) t.visits.push({ state: o.state, from: o.since, to: end });
  }
  return tasks;
}

/** Working hours a person had in [from, to], less their outages. */
/** Outages, hire times and overtime per person, read once from the log. */
export interface Absences {
  /** Outages, and the spells a pool kept an agent parked. */
  readonly outages: Map<string, Array<[Hours, Hours]>>;
  readonly hired: Map<string, Hours>;
  /** Overtime the EM approved: [from, to, hours a day worked meanwhile]. */
  readonly overtime: Map<string, Array<[Hours, Hours, Hours]>>;
}

/**
 * Per person, each wait on a rate limit of their model: from its `throttle` start to its end (or
 * to the end of the run, for one still open).
 */
export function throttleWaits(log: LogInput): Map<string, Array<[Hours, Hours]>> {
  const out = new Map<string, Array<[Hours, Hours]>>();
  const open = new Map<string, Hours>();
  const add = (person: string, wait: [Hours, Hours]) => {
    const list = out.get(person) ?? [];
    if (list.length === 0) out.set(person, list);
    list.push(wait);
  };
  for (const r of ofType(log, 'throttle')) {
    if (r.phase === 'start') open.set(r.person, r.t);
    else if (r.phase === 'end') {
      const from = open.get(r.person);
      if (from !== undefined) add(r.person, [from, r.t]);
      open.delete(r.person);
    }
  }
  const end = runEnd(log);
  for (const [person, from] of open) add(person, [from, end]);
  return out;
}

export function absences(log: LogInput): Absences {
  const outages = new Map<string, Array<[Hours, Hours]>>();
  const open = new Map<string, Hours>();
  const hired = new Map<string, Hours>();
  const overtime = new Map<string, Array<[Hours, Hours, Hours]>>();
  const started = new Map<string, [Hours, Hours]>();
  const end = runEnd(log);
  for (const r of recordsOf(log)) {
    if (r.type === 'hire') hired.set(r.person, r.t);
    if (r.type === 'overtime') {
      const from = started.get(r.person);
      if (r.phase === 'start') started.set(r.person, [r.t, r.hoursPerDay]);
      else if (from !== undefined) {
        overtime.set(r.person, [...(overtime.get(r.person) ?? []), [from[0], r.t, from[1]]]);
        started.delete(r.person);
      }
    }
    // A pool's parked agents are out, as in an outage: no capacity is counted for them.
    if (r.type === 'pool.scaled') {
      for (const a of r.agents) {
        if (r.sizeAfter < r.sizeBefore) open.set(a, r.t);
        else {
          outages.set(a, [...(outages.get(a) ?? []), [open.get(a) ?? r.t, r.t]]);
          open.delete(a);
        }
      }
      continue;
    }
    if (r.type !== 'outage') continue;
    if (r.phase === 'start') open.set(r.person, r.t);
    else {
      const list = outages.get(r.person) ?? [];
      list.push([open.get(r.person) ?? r.t, r.t]);
      outages.set(r.person, list);
      open.delete(r.person);
    }
  }
  for (const [person, from] of open)
    outages.set(person, [...(outages.get(person) ?? []), [from, end]]);
  for (const [person, [from, hours]] of started)
    overtime.set(person, [...(overtime.get(person) ?? []), [from, end, hours]]);
  return { outages, hired, overtime };
}

type Person = RunStart['people'][number];

/** The calendar a person worked on at `t`: their own, or an approved overtime's. */
export function calendarAt(away: Absences, person: Person, t: Hours): Calendar {
  for (const [a, b, hoursPerDay] of away.overtime.get(person.id) ?? [])
    if (a <= t && t < b) return { ...person.calendar, hoursPerDay };
  return person.calendar;
}

/** Working hours a person's calendar gave in [from, to], overtime included. */
export function workingHoursOf(away: Absences, person: Person, from: Hours, to: Hours): Hours {
  let hours = workingHoursBetween(from, to, person.calendar);
  for (const [a, b, hoursPerDay] of away.overtime.get(person.id) ?? []) {
    const lo = Math.max(from, a);
    const hi = Math.min(to, b);
    if (hi <= lo) continue;
    hours +=
      workingHoursBetween(lo, hi, { ...person.calendar, hoursPerDay }) -
      workingHoursBetween(lo, hi, person.calendar);
  }
  return hours;
}

/** Working hours a person had in [from, to], less their outages and any time before they were hired. */
export function availableHours(away: Absences, person: Person, from: Hours, to: Hours): Hours {
  let hours = workingHoursOf(away, person, from, to);
  for (const [a, b] of away.outages.get(person.id) ?? []) {
    hours -= workingHoursOf(away, person, Math.max(from, a), Math.min(to, b));
  }
  const hired = away.hired.get(person.id);
  if (hired !== undefined) hours -= workingHoursOf(away, person, from, Math.min(to, hired));
  return Math.max(0, hours);
}

/** The working hours of a slice of work that fall inside [from, to]. */
export function hoursWithin(
  w: { startedAt: Hours; t: Hours; hours: Hours },
  from: Hours,
  to: Hours,
  calendar: RunStart['people'][number]['calendar'] | undefined,
): Hours {
  if (w.startedAt >= from && w.t <= to) return w.hours;
  if (calendar === undefined) return 0;
  return workingHoursBetween(Math.max(w.startedAt, from), Math.min(w.t, to), calendar);
}

/** Whether a slice of work stopped short and went back on the desk, to be resumed later. */
export function interrupted(w: { outcome: string }): boolean {
  return (
    w.outcome === 'paused' ||
    w.outcome === 'preempted' ||
    w.outcome === 'outage' ||
    w.outcome === 'held' ||
    w.outcome === 'throttled'
  );
}
