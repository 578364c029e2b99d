// One run reduced to the figures a comparison needs, computed from its event log: the row a batch
// returns per replication. Wall time is kept out, so rows are identical however a batch is run.

import { agentFailures } from '../collect/agent-failures.ts';
import { approvals } from '../collect/approvals.ts';
import { criticalPathVerdict } from '../collect/bottleneck.ts';
import { capacity } from '../collect/capacity.ts';
import { gitFigures } from '../collect/git.ts';
import { pools } from '../collect/pools.ts';
import { rateLimits } from '../collect/rate-limits.ts';
import { mean, round } from '../collect/stats.ts';
import { headline } from '../collect/summary.ts';
import { type LogInput, ofType, timelines, viewOf } from '../collect/timeline.ts';
import { suggestedWarmupHours } from '../decide/mser.ts';
import { type Calendar, workingHoursBetween } from '../domain/calendar.ts';
import { dependencyOrder } from '../domain/planning/graph.ts';
import { coefficientOfVariation } from './stats.ts';

/** One run reduced to the figures a comparison needs, computed from its event log. */
export interface BatchRow {
  readonly scenario: string;
  /** The variant's label in a comparison; `base` otherwise. */
  readonly variant: string;
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
  /** The mean cost of the work that served each completed instruction (as leadTimeMeanHours). */
  readonly costPerInstructionUsd: number;
  /** Requests the models' rate limits refused (429s): 0 when no model has limits. */
  readonly requestsRefused: number;
  /** Hours agents waited on rate limits: for retries and for a place under a concurrency cap. */
  readonly rateLimitWaitHours: number;
  /** Executions by agents that looped, and reviews by agents that passed bad work. */
  readonly loops: number;
  readonly escapedDefects: number;
  /** Mean hours an instruction was held for approvals, request to completion (0: none). */
  readonly approvalWaitHours: number;
  /** Mean lead time of the P0 instructions completed (0: none). */
  readonly p0LeadTimeMeanHours: number;
  /** The agent pools' active agents, summed, each the time-weighted mean over the run (0: none). */
  readonly activeAgentsMean: number;
  /** What the pools' active agents cost by the hour, beside the work's cost (0: no pools). */
  readonly poolUpkeepUsd: number;
  /** The work's cost and the pools' upkeep together: what the org cost to run. */
  readonly totalCostUsd: number;
  /** Merges that conflicted, into team branches and into integration (0: git not modelled). */
  readonly mergeConflicts: number;
  /** Working hours spent syncing, merging, resolving conflicts, integrating and fixing builds. */
  readonly gitHours: number;
  /** max(critical path of real efforts, total effort ÷ IC capacity): no schedule beats it. */
  readonly lowerBoundHours: number;
  readonly events: number;
  readonly tasks: number;
  /** Tokens in and out, all of them. */
  readonly tokens: number;
  /** The most tasks started and not finished at once (after the warm-up). */
  readonly peakWip: number;
  /** Tasks' mean wait, release to first IN_PROGRESS, of tasks released after the warm-up. */
  readonly waitMeanHours: number;
  /** The bottleneck verdict: the resource with the largest share of critical-path time. */
  readonly bottleneck: string;
  /** Each lead's share of all critical-path hours (leads with none left out). */
  readonly leadShares: Readonly<Record<string, number>>;
  /** The scenario's own instructions (not arrivals or incidents): when each finished, or null. */
  readonly finished: ReadonlyArray<{ readonly id: string; readonly at: number | null }>;
  /** When the last instruction finished, if every instruction was done by the end; else null. */
  readonly allFinishedAt: number | null;
  /** MSER-5's warm-up for the tasks' waits in release order, in hours (0: none needed). */
  readonly suggestedWarmupHours: number;
  /**
   * The instructions done that have a work type (after the warm-up, as the lead time): each one's
   * type, lead time and the cost of the work that served it.
   */
  readonly typed: ReadonlyArray<{
    readonly workType: string;
    readonly leadTimeHours: number;
    readonly costUsd: number;
  }>;
}

export interface RowOptions {
  /** Statistics of the first hours left out: lead times, waits, breaches, escalations, peak WIP. */
  readonly warmupHours?: number;
  /** The instructions whose finish times the row keeps; default: all. */
  readonly instructions?: readonly string[];
  /** The variant's label. */
  readonly variant?: string;
}

/**
 * The makespan no schedule can beat, from the efforts the log records at each task's release:
 * the longest chain of real efforts (arrival offsets included), and the time the ICs' calendars
 * need to supply the total effort. Only finished instructions count, and no cancelled task; a run
 * that did not finish has no bound (NaN).
 */
export function lowerBound(input: LogInput): number {
  const log = viewOf(input);
  const end = log.records.at(-1);
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

export function rowOf(input: LogInput, options: RowOptions = {}): BatchRow {
  const log = viewOf(input);
  const warmup = options.warmupHours ?? 0;
  // Only what a row reads: the headline and the verdict, not the desks' queues or the standups.
  const s = headline(log);
  const { resources, verdict } = criticalPathVerdict(log);
  const ics = capacity(log).ics;
  const leads = new Set(
    ofType(log, 'run.start')[0]
      ?.people.filter((p) => p.role === 'DL')
      .map((p) => p.id),
  );
  const after = <T extends { t: number }>(list: readonly T[]) => list.filter((r) => r.t >= warmup);
  const completed = after(ofType(log, 'instruction.completed')).filter(
    (c) => c.t - c.leadTimeHours >= warmup,
  );
  const releases = [...timelines(log).values()]
    .filter((t) => t.releasedAt !== null && t.startedAt !== null)
    .sort((x, y) => (x.releasedAt ?? 0) - (y.releasedAt ?? 0));
  const waits = releases
    .filter((t) => (t.releasedAt ?? 0) >= warmup)
    .map((t) => (t.startedAt ?? 0) - (t.releasedAt ?? 0));
  const finishedAt = new Map(s.instructions.map((i) => [i.id, i.finishedAt]));
  const spentOn = new Map<string, number>();
  for (const w of ofType(log, 'work'))
    if (w.instruction !== undefined)
      spentOn.set(w.instruction, (spentOn.get(w.instruction) ?? 0) + w.costUsd);
  const declared = options.instructions ?? s.instructions.map((i) => i.id);
  const limits = rateLimits(log);
  const failures = agentFailures(log);
  const held = approvals(log);
  const pooled = pools(log) ?? [];
  const upkeep = pooled.reduce((a, p) => a + p.upkeepUsd, 0);
  const git = gitFigures(log);
  const typeOf = new Map(
    ofType(log, 'instruction.received').map((r) => [r.instruction, r.workType]),
  );
  const p0 = new Set(
    ofType(log, 'instruction.received')
      .filter((r) => r.priority === 0)
      .map((r) => r.instruction),
  );
  return {
    scenario: s.scenario,
    variant: options.variant ?? 'base',
    strategy: s.strategy,
    seed: s.seed,
    outcome: s.outcome,
    makespanHours: s.makespanHours,
    leadTimeMeanHours:
      warmup > 0 ? mean(completed.map((c) => c.leadTimeHours)) : s.leadTimeHours.mean,
    leadTimeP95Hours: s.leadTimeHours.p95,
    slaBreaches: after(ofType(log, 'task.slaBreach')).length,
    escalations: after(ofType(log, 'escalation.opened')).length,
    utilizationCv: coefficientOfVariation(ics.map((ic) => ic.utilization)),
    reworkRate: s.reworkRate,
    costUsd: s.costUsd,
    costPerInstructionUsd: round(mean(completed.map((c) => spentOn.get(c.instruction) ?? 0))),
    requestsRefused: limits?.refused ?? 0,
    rateLimitWaitHours: round((limits?.retryWaitHours ?? 0) + (limits?.concurrencyWaitHours ?? 0)),
    loops: failures?.loops ?? 0,
    escapedDefects: failures?.escapedDefects ?? 0,
    approvalWaitHours: round(held?.heldHours.mean ?? 0),
    p0LeadTimeMeanHours: round(
      mean(completed.filter((c) => p0.has(c.instruction)).map((c) => c.leadTimeHours)),
    ),
    activeAgentsMean: round(pooled.reduce((a, p) => a + p.meanSize, 0)),
    poolUpkeepUsd: round(upkeep),
    totalCostUsd: round(s.costUsd + upkeep),
    mergeConflicts: (git?.conflicts ?? 0) + (git?.integration?.conflicts ?? 0),
    gitHours: round(
      git === null
        ? 0
        : git.hours.sync + git.hours.merge + git.hours.conflict + git.hours.integration,
    ),
    // Rounded down, as the makespan is rounded to the nearest hundredth.
    lowerBoundHours: Math.floor(lowerBound(log) * 100) / 100,
    events: s.events,
    tasks: s.tasks.total,
    tokens: s.tokens.input + s.tokens.output,
    peakWip: peakWip(log, warmup),
    waitMeanHours: mean(waits),
    bottleneck: verdict.where,
    leadShares: Object.fromEntries(
      resources.filter((r) => leads.has(r.resource)).map((r) => [r.resource, r.share]),
    ),
    finished: declared.map((id) => ({ id, at: finishedAt.get(id) ?? null })),
    allFinishedAt: s.instructions.every((i) => i.finishedAt !== null)
      ? Math.max(0, ...s.instructions.map((i) => i.finishedAt ?? 0))
      : null,
    suggestedWarmupHours: suggestedWarmupHours(
      releases.map((t) => ({
        t: t.releasedAt ?? 0,
        value: (t.startedAt ?? 0) - (t.releasedAt ?? 0),
      })),
    ).hours,
    typed: completed.flatMap((c) => {
      const workType = typeOf.get(c.instruction);
      return workType === undefined
        ? []
        : [
            {
              workType,
              leadTimeHours: round(c.leadTimeHours),
              costUsd: round(spentOn.get(c.instruction) ?? 0),
            },
          ];
    }),
  };
}

/**
 * The most tasks started (first IN_PROGRESS) and not yet finished (COMPLETED or CANCELLED) at once,
 * at or after `from`: a task preempted back to PENDING still counts, its work begun.
 */
export function peakWip(input: LogInput, from = 0): number {
  const log = viewOf(input);
  const started = new Set<string>();
  let wip = 0;
  let peak = 0;
  let crossed = false;
  for (const r of log.records) {
    if (r.type !== 'task.transition') continue;
    // The level held when the warm-up ended counts too.
    if (!crossed && r.t >= from) {
      crossed = true;
      peak = wip;
    }
    if (r.to === 'IN_PROGRESS' && !started.has(r.task)) {
      started.add(r.task);
      wip++;
    } else if ((r.to === 'COMPLETED' || r.to === 'CANCELLED') && started.has(r.task)) {
      wip--;
    }
    if (crossed) peak = Math.max(peak, wip);
  }
  return peak;
}
