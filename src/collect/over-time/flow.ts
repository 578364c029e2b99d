// The flow of tasks over time, from each task's life: how many were in each lifecycle state at
// each sample (the cumulative flow diagram), each domain's backlog and work in progress, the tasks
// finished each day, and each day's mean backlog per domain.

import { BLOCKABLE_STATES, TASK_STATES, type TaskState } from '../../domain/task-states.ts';
import { dayOf, HOURS_PER_DAY, type Hours } from '../../kernel/time.ts';
import { round } from '../stats.ts';
import type { TaskLife } from '../timeline.ts';
import { addOver } from './samples.ts';

/** Released and not yet taken up by anyone: waiting in its domain's backlog. */
export const WAITING: ReadonlySet<TaskState> = new Set(['PENDING', 'IN_PLANNING']);
/** Taken up and not yet done: work in progress, blocked and escalated included. */
export const STARTED: ReadonlySet<TaskState> = new Set([
  ...BLOCKABLE_STATES,
  'BLOCKED',
  'ESCALATED',
]);

/** One named series of values, one per sample time or per day. */
export interface Series<Value = number> {
  readonly name: string;
  readonly values: Value[];
}

export interface Flow {
  /** Tasks in each lifecycle state at each sample time, in the lifecycle's order. */
  readonly states: Series[];
  /** Per domain, released tasks in the backlog at each sample time. */
  readonly backlog: Series[];
  /** Per domain, tasks taken up and not done at each sample time. */
  readonly wip: Series[];
  /** Tasks completed on each day of the org's clock. */
  readonly throughput: number[];
  /** Per domain, each day's mean backlog (tasks, averaged over the day's 24 hours). */
  readonly backlogByDay: Series[];
}

/** The flow of `tasks` sampled every `step` hours over `samples` samples, over `days` days. */
export function flowOf(
  tasks: Iterable<TaskLife>,
  step: Hours,
  samples: number,
  days: number,
): Flow {
  const states = new Map<TaskState, number[]>(TASK_STATES.map((s) => [s, zeros(samples)]));
  const backlog = new Map<string, number[]>();
  const wip = new Map<string, number[]>();
  const backlogHours = new Map<string, number[]>();
  const throughput = zeros(days);
  const perDomain = (map: Map<string, number[]>, domain: string, n: number) => {
    let values = map.get(domain);
    if (values === undefined) {
      values = zeros(n);
      map.set(domain, values);
    }
    return values;
  };
  for (const task of tasks) {
    for (const v of task.visits) {
      addOver(states.get(v.state) as number[], step, v.from, v.to);
      // A task counts in its domain's backlog once released, and in its WIP once taken up.
      if (task.team === null || task.releasedAt === null) continue;
      if (WAITING.has(v.state)) {
        const from = Math.max(v.from, task.releasedAt);
        addOver(perDomain(backlog, task.domain, samples), step, from, v.to);
        addHoursByDay(perDomain(backlogHours, task.domain, days), from, v.to);
      } else if (STARTED.has(v.state))
        addOver(perDomain(wip, task.domain, samples), step, v.from, v.to);
    }
    if (task.outcome !== null && task.endedAt !== null) {
      addOver(states.get(task.outcome) as number[], step, task.endedAt, Number.POSITIVE_INFINITY);
      if (task.outcome === 'COMPLETED') {
        const day = dayOf(task.endedAt);
        if (day < days) throughput[day] = (throughput[day] ?? 0) + 1;
      }
    }
  }
  const series = (map: Map<string, number[]>): Series[] =>
    [...map].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, values]) => ({ name, values }));
  return {
    states: [...states].map(([name, values]) => ({ name, values })),
    backlog: series(backlog),
    wip: series(wip),
    throughput,
    backlogByDay: series(backlogHours).map(({ name, values }) => ({
      name,
      values: values.map((h) => round(h / HOURS_PER_DAY)),
    })),
  };
}

/** Adds the hours of [from, to) that fall in each day to that day's total. */
function addHoursByDay(byDay: number[], from: Hours, to: Hours): void {
  for (let day = Math.max(0, dayOf(from)); day < byDay.length && day * HOURS_PER_DAY < to; day++) {
    const a = Math.max(from, day * HOURS_PER_DAY);
    const b = Math.min(to, (day + 1) * HOURS_PER_DAY);
    if (b > a) byDay[day] = (byDay[day] ?? 0) + (b - a);
  }
}

const zeros = (n: number) => new Array<number>(n).fill(0);
