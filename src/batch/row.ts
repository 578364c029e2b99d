// One run reduced to the figures a comparison needs, computed from its event log: the row a batch
// returns per replication. Wall time is kept out, so rows are identical however a batch is run.

import { collect } from '../collect/index.ts';
import { ofType } from '../collect/timeline.ts';
import type { LogRecord } from '../log/event-log.ts';
import { coefficientOfVariation } from './stats.ts';

export interface BatchRow {
  readonly scenario: string;
  readonly strategy: string;
  readonly seed: number;
  readonly outcome: string;
  readonly makespanHours: number;
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

/** The makespan no schedule can beat, from the efforts the log records at each task's release. */
export function lowerBound(log: readonly LogRecord[]): number {
  const effort = new Map(ofType(log, 'task.ready').map((r) => [r.task, r.effortHours]));
  const received = new Map(ofType(log, 'instruction.received').map((r) => [r.instruction, r.t]));
  let first = Number.POSITIVE_INFINITY;
  for (const t of received.values()) first = Math.min(first, t);
  let longest = 0;
  const tasks = ofType(log, 'plan.tactical').flatMap((p) =>
    p.tasks.map((t) => ({ ...t, instruction: p.instruction })),
  );
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const memo = new Map<string, number>();
  const chain = (id: string): number => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    const t = byId.get(id);
    let before = 0;
    for (const d of t?.dependsOn ?? []) before = Math.max(before, chain(d));
    const value = (effort.get(id) ?? 0) + before;
    memo.set(id, value);
    return value;
  };
  for (const t of tasks)
    longest = Math.max(longest, (received.get(t.instruction) ?? first) - first + chain(t.id));
  const start = ofType(log, 'run.start')[0];
  const rate = (start?.people ?? [])
    .filter((p) => p.role === 'IC')
    .reduce((s, p) => s + p.calendar.hoursPerDay / 24, 0);
  let total = 0;
  for (const e of effort.values()) total += e;
  return Math.max(longest, rate > 0 ? total / rate : 0);
}

export function rowOf(log: readonly LogRecord[]): BatchRow {
  const r = collect(log, '');
  const s = r.summary;
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
    utilizationCv: coefficientOfVariation(r.capacity.ics.map((ic) => ic.utilization)),
    reworkRate: s.reworkRate,
    costUsd: s.costUsd,
    lowerBoundHours: lowerBound(log),
    events: s.events,
    tasks: s.tasks.total,
  };
}
