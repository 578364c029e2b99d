// One run reduced to the figures a comparison needs, computed from its event log: the row a batch
// returns per replication. Wall time is kept out, so rows are identical however a batch is run.

import { capacity } from '../collect/capacity.ts';
import { summary } from '../collect/summary.ts';
import { ofType } from '../collect/timeline.ts';
import { type Calendar, workingHoursBetween } from '../domain/calendar.ts';
import { dependencyOrder } from '../domain/planning/graph.ts';
import type { LogRecord } from '../log/event-log.ts';
import { coefficientOfVariation } from './stats.ts';

export interface BatchRow {
  readonly scenario: string;
  readonly strategy: string;
  readonly seed: number;
  readonly outcome: string;
  readonly makespanHours: number;
  /** Instructions' lead times, arrival to completion. */
  readonly leadTimeMeanHours: number;
  readonly leadTimeP95Hours: number;
  readonly slaBreaches: number;
  readonly escalations: number;
  /** Coefficient of variation of the ICs' utilisation: 0 is perfectly even. */
  readonly utilizationCv: number;
  readonly reworkRate: number;
  readonly costUsd: number;
  /** max(critical path of real efforts, total effort ÷ IC capacity): no schedule beats it. */
  readonly lowerBoundHours: number;
  readonly events: number;
  readonly tasks: number;
}

/**
 * The makespan no schedule can beat, from the efforts the log records at each task's release:
 * the longest chain of real efforts (arrival offsets included), and the time the ICs' calendars
 * need to supply the total effort. Only finished instructions count, and no cancelled task; a run
 * that did not finish has no bound (NaN).
 */
export function lowerBound(log: readonly LogRecord[]): number {
  const end = log.at(-1);
  if (end?.type !== 'run.end' || end.reason !== 'done') return Number.NaN;
  const finished = new Set(ofType(log, 'instruction.completed').map((c) => c.instruction));
  const cancelled = new Set(
    ofType(log, 'task.transition')
      .filter((r) => r.to === 'CANCELLED')
      .map((r) => r.task),
  );
  const effort = new Map<string, number>();
  for (const r of ofType(log, 'task.ready'))
    if (!cancelled.has(r.task)) effort.set(r.task, r.effortHours);
  const received = new Map(ofType(log, 'instruction.received').map((r) => [r.instruction, r.t]));
  let first = Number.POSITIVE_INFINITY;
  for (const t of received.values()) first = Math.min(first, t);
  const tasks = ofType(log, 'plan.tactical')
    .filter((p) => finished.has(p.instruction))
    .flatMap((p) => p.tasks.map((t) => ({ instruction: p.instruction, ...t })));
  const byId = new Map(tasks.map((t) => [t.id, t]));
  // The longest chain of efforts up to each task, its dependencies first (no recursion: a plan
  // may be one long chain).
  const { order } = dependencyOrder({
    nodes: tasks.map((t) => t.id),
    dependsOn: (id) => byId.get(id)?.dependsOn ?? [],
  });
  const chain = new Map<string, number>();
  for (const id of order) {
    let before = 0;
    for (const d of byId.get(id)?.dependsOn ?? []) before = Math.max(before, chain.get(d) ?? 0);
    chain.set(id, (effort.get(id) ?? 0) + before);
  }
  let longest = 0;
  let total = 0;
  for (const t of tasks) {
    longest = Math.max(
      longest,
      (received.get(t.instruction) ?? first) - first + (chain.get(t.id) ?? 0),
    );
    total += effort.get(t.id) ?? 0;
  }
  // An IC given overtime counts as working around the clock: more capacity, so still a bound.
  const overtime = new Set(ofType(log, 'overtime').map((o) => o.person));
  const calendars = (ofType(log, 'run.start')[0]?.people ?? [])
    .filter((p) => p.role === 'IC')
    .map((p) => (overtime.has(p.id) ? { ...p.calendar, hoursPerDay: 24 } : p.calendar));
  return Math.max(longest, capacityTime(calendars, first, total));
}

/** The least time after `from` in which the calendars together supply `work` working hours. */
function capacityTime(calendars: readonly Calendar[], from: number, work: number): number {
  if (work <= 0 || calendars.length === 0) return 0;
  const supplied = (t: number) =>
    calendars.reduce((h, c) => h + workingHoursBetween(from, from + t, c), 0);
  let hi = 24;
  while (supplied(hi) < work) hi *= 2;
  let lo = 0;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (supplied(mid) >= work) hi = mid;
    else lo = mid;
  }
  return lo;
}

export function rowOf(log: readonly LogRecord[]): BatchRow {
  // Only the reports a row reads: the bottleneck and standup reports are left out.
  const s = summary(log, '');
  const ics = capacity(log).ics;
  return {
    scenario: s.scenario,
    strategy: s.strategy,
    seed: s.seed,
    outcome: s.outcome,
    makespanHours: s.makespanHours,
    leadTimeMeanHours: s.leadTimeHours.mean,
    leadTimeP95Hours: s.leadTimeHours.p95,
    slaBreaches: Object.values(s.slaBreaches).reduce((a, b) => a + b, 0),
    escalations: s.escalations.total,
    utilizationCv: coefficientOfVariation(ics.map((ic) => ic.utilization)),
    reworkRate: s.reworkRate,
    costUsd: s.costUsd,
    // Rounded down, as the makespan is rounded to the nearest hundredth.
    lowerBoundHours: Math.floor(lowerBound(log) * 100) / 100,
    events: s.events,
    tasks: s.tasks.total,
  };
}
