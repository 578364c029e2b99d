// Where work waits: time in each state, flow efficiency, the queues on each person's desk (so a
// lead whose reviews or planning hold work up shows) and in each domain's backlog, SLA breaches,
// escalations, each instruction's critical path with every hour attributed to a cause, and the
// verdict: the resource with the largest share of critical-path time.

import { isRitual } from '../domain/activity.ts';
import { ESCALATION_LADDER } from '../domain/escalation.ts';
import { TASK_STATES } from '../domain/task-states.ts';
import type { Hours } from '../kernel/time.ts';
import { criticalPaths, type InstructionPath } from './critical-path.ts';
import { type Distribution, distribution, round } from './stats.ts';
import {
  absences,
  availableHours,
  calendarAt,
  hoursWithin,
  interrupted,
  type LogInput,
  type LogView,
  ofType,
  runEnd,
  runStart,
  type TaskLife,
  timelines,
  viewOf,
} from './timeline.ts';
import { type ResourceShare, resourceShares, verdictOf } from './verdict.ts';

export interface DeskQueue {
  readonly person: string;
  readonly role: string;
  readonly activities: number;
  /** Hours activities waited on the desk before they started, summed, and per activity. */
  readonly waitHours: Hours;
  readonly wait: Distribution;
  readonly busyHours: Hours;
  readonly utilization: number;
  /** The kinds of work that waited longest there. */
  readonly byKind: Record<string, Hours>;
}

export interface BacklogWait {
  readonly team: string;
  readonly domain: string;
  /** Waits (a task's stays in the backlog), their total, mean and p95 hours. */
  readonly waits: number;
  readonly waitHours: Hours;
  readonly mean: Hours;
  readonly p95: Hours;
}

export type EscalationEnd = 'acted' | 'declined' | 'unresolved' | 'open';

export interface Escalations {
  total: number;
  /** Opened per route: a blocker type, or `sla` for a late task. */
  byRoute: Record<string, number>;
  /** How each ended: the outcome of its last decision, or `open` at the end of the run. */
  byOutcome: Record<EscalationEnd, number>;
  /** Per rung that closed it (or holds it, if open), how it ended. */
  byRung: Record<string, Record<EscalationEnd, number>>;
  /** Every decision taken, by action. */
  byAction: Record<string, number>;
  resolveHours: Distribution;
}

/** Where work waited and why: time per state, desks' queues, SLA breaches, escalations, backlogs, each instruction's critical path and the verdict. */
export interface Bottleneck {
  readonly stateHours: Record<
    string,
    { visits: number; mean: Hours; p95: Hours; totalHours: Hours }
  >;
  readonly flow: {
    workedHours: Hours;
    leadHours: Hours;
    efficiency: number;
    dependencyWaitHours: Hours;
  };
  readonly queues: DeskQueue[];
  /**
   * Breaches per state; of them, how many went as a late task to someone who could act
   * (`escalated`) and how many were of blockers already with someone (`onBlockers`); the rest
   * are reported only.
   */
  readonly slaBreaches: {
    byState: Record<string, number>;
    total: number;
    escalated: number;
    onBlockers: number;
  };
  readonly escalations: Escalations;
  /** Waiting in each domain's backlog for a WIP slot, over all tasks. */
  readonly backlogs: BacklogWait[];
  /** Each completed instruction's critical path, every hour of its lead time attributed. */
  readonly criticalPaths: InstructionPath[];
  /** Critical-path hours of all instructions, per resource, largest first. */
  readonly resources: ResourceShare[];
  readonly verdict: { where: string; evidence: string };
}

function bump(map: Record<string, number>, key: string, by = 1): void {
  map[key] = (map[key] ?? 0) + by;
}

/**
 * Per team and domain, how long tasks waited in the backlog for a WIP slot: each stay in
 * PENDING until the lead took up its assignment (the assignment's arrival on the lead's desk).
 */
function backlogWaits(log: LogView, tasks: Map<string, TaskLife>): BacklogWait[] {
  const picked = new Map<string, Hours[]>();
  for (const w of ofType(log, 'work')) {
    if (w.kind !== 'assignment' || w.task === undefined) continue;
    const list = picked.get(w.task) ?? [];
    if (!list.includes(w.queuedAt)) list.push(w.queuedAt);
    picked.set(w.task, list);
  }
  const by = new Map<string, number[]>();
  for (const t of tasks.values()) {
    const taken = (picked.get(t.id) ?? []).sort((a, b) => a - b);
    for (const v of t.visits) {
      if (v.state !== 'PENDING') continue;
      const until = taken.find((q) => q >= v.from && q <= v.to) ?? v.to;
      const key = `${t.team ?? ''}/${t.domain}`;
      const list = by.get(key) ?? [];
      list.push(until - v.from);
      by.set(key, list);
    }
  }
  return [...by.entries()]
    .map(([key, waits]) => {
      const [team = '', domain = ''] = key.split('/');
      const d = distribution(waits);
      return {
        team,
        domain,
        waits: waits.length,
        waitHours: round(waits.reduce((a, b) => a + b, 0)),
        mean: round(d.mean),
        p95: round(d.p95),
      };
    })
    .sort((a, b) => b.waitHours - a.waitHours || a.domain.localeCompare(b.domain));
}

const noEnds = (): Record<EscalationEnd, number> => ({
  acted: 0,
  declined: 0,
  unresolved: 0,
  open: 0,
});

/** Escalations by how they ended and at which rung, and every decision by action. */
function escalationsOf(log: LogView): Escalations {
  const opened = ofType(log, 'escalation.opened');
  const byRoute: Record<string, number> = {};
  for (const e of opened) bump(byRoute, e.route);
  // Who holds each escalation last: where it was opened, climbed to or referred to.
  const holder = new Map<string, string>(opened.map((e) => [e.escalation, e.role]));
  for (const c of ofType(log, 'escalation.climbed')) holder.set(c.escalation, c.role);
  const byAction: Record<string, number> = {};
  for (const d of ofType(log, 'escalation.decided')) {
    bump(byAction, d.action);
    if (d.outcome === 'referred')
      holder.set(d.escalation, d.action === 'askCapacity' ? 'EM' : 'human');
  }
  const ended = new Map(ofType(log, 'escalation.resolved').map((r) => [r.escalation, r]));
  const byOutcome = noEnds();
  const byRung: Record<string, Record<EscalationEnd, number>> = {};
  for (const e of opened) {
    const r = ended.get(e.escalation);
    const end: EscalationEnd = r === undefined ? 'open' : r.outcome;
    const rung =
      r === undefined ? (holder.get(e.escalation) ?? e.role) : ESCALATION_LADDER[r.level];
    byOutcome[end]++;
    const row = byRung[rung] ?? noEnds();
    row[end]++;
    byRung[rung] = row;
  }
  return {
    total: opened.length,
    byRoute,
    byOutcome,
    byRung,
    byAction,
    resolveHours: distribution([...ended.values()].map((r) => r.hoursToResolve)),
  };
}

export function bottleneck(input: LogInput): Bottleneck {
  const log = viewOf(input);
  const start = runStart(log);
  const end = runEnd(log);
  const tasks = timelines(log);
  const perState = new Map<string, number[]>();
  for (const t of tasks.values()) {
    for (const v of t.visits) {
      const list = perState.get(v.state);
      if (list) list.push(v.to - v.from);
      else perState.set(v.state, [v.to - v.from]);
    }
  }
  const stateHours: Bottleneck['stateHours'] = {};
  for (const s of TASK_STATES) {
    const values = perState.get(s);
    if (!values) continue;
    const d = distribution(values);
    stateHours[s] = {
      visits: d.n,
      mean: round(d.mean),
      p95: round(d.p95),
      totalHours: round(values.reduce((a, b) => a + b, 0)),
    };
  }
  let worked = 0;
  let lead = 0;
  let dependencyWait = 0;
  for (const t of tasks.values()) {
    if (t.outcome !== 'COMPLETED' || t.releasedAt === null || t.endedAt === null) continue;
    worked += t.workedHours;
    lead += t.endedAt - t.releasedAt;
    dependencyWait += t.releasedAt - t.plannedAt;
  }
  const first = ofType(log, 'instruction.received')[0]?.t ?? 0;
  const workOf = new Map<string, Array<ReturnType<typeof ofType<'work'>>[number]>>();
  for (const w of ofType(log, 'work')) {
    const list = workOf.get(w.person);
    if (list) list.push(w);
    else workOf.set(w.person, [w]);
  }
  const away = absences(log);
  const queues: DeskQueue[] = start.people.map((p) => {
    const work = workOf.get(p.id) ?? [];
    const waits: number[] = [];
    const byKind: Record<string, number> = {};
    // Activities interrupted and put back on the desk, by kind, task and arrival: their next
    // slice resumes them and carries no wait of its own.
    // Keyed by kind and task, then arrival (a number key: writing a double as text is slow).
    const resumable = new Map<string, Set<Hours>>();
    let busy = 0;
    for (const w of work) {
      busy += hoursWithin(w, first, end, calendarAt(away, p, w.startedAt));
      // A ritual is held at its hour: its time is the person's, never work waiting.
      if (isRitual(w.kind)) continue;
      const key = `${w.kind}/${w.task ?? ''}`;
      let arrivals = resumable.get(key);
      if (arrivals === undefined) {
        arrivals = new Set();
        resumable.set(key, arrivals);
      }
      const resumed = arrivals.delete(w.queuedAt);
      if (interrupted(w)) arrivals.add(w.queuedAt);
      if (resumed) continue;
      waits.push(w.startedAt - w.queuedAt);
      bump(byKind, w.kind, w.startedAt - w.queuedAt);
    }
    const available = availableHours(away, p, first, end);
    return {
      person: p.id,
      role: p.domain ? `${p.role} ${p.domain}` : p.role,
      activities: waits.length,
      waitHours: round(waits.reduce((a, b) => a + b, 0)),
      wait: distribution(waits),
      busyHours: round(busy),
      utilization: available > 0 ? round(busy / available, 3) : 0,
      byKind: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, round(v)])),
    };
  });
  queues.sort((a, b) => b.waitHours - a.waitHours || a.person.localeCompare(b.person));
  const byState: Record<string, number> = {};
  for (const b of ofType(log, 'task.slaBreach')) bump(byState, b.state);
  const escalations = escalationsOf(log);
  const { paths, resources, verdict } = criticalPathVerdict(log);
  return {
    stateHours,
    flow: {
      workedHours: round(worked),
      leadHours: round(lead),
      efficiency: lead > 0 ? round(worked / lead, 3) : 0,
      dependencyWaitHours: round(dependencyWait),
    },
    queues,
    slaBreaches: {
      byState,
      total: Object.values(byState).reduce((a, b) => a + b, 0),
      escalated: ofType(log, 'escalation.opened').filter((e) => e.route === 'sla').length,
      onBlockers: (byState.BLOCKED ?? 0) + (byState.ESCALATED ?? 0),
    },
    escalations,
    backlogs: backlogWaits(log, tasks),
    criticalPaths: paths,
    resources,
    verdict,
  };
}

/**
 * The critical paths, each resource's share of them, and the verdict: the part of the bottleneck
 * analysis a batch row needs, without the desks' queues and the backlogs.
 */
export function criticalPathVerdict(input: LogInput) {
  const log = viewOf(input);
  const paths = criticalPaths(log, timelines(log));
  const resources = resourceShares(paths, runStart(log), ofType(log, 'hire'));
  return { paths, resources, verdict: verdictOf(resources, paths) };
}
