// The critical path of each instruction as it happened, with every hour of its lead time
// attributed to exactly one cause. Walking back from the instruction's completion: the task that
// finished last, its life from release to completion explained by what was happening to it (whose
// desk its work waited on, who worked it, whether it waited in its domain's backlog for a WIP slot
// or was blocked), then whichever input released it last — a dependency, or its Domain Lead's
// breakdown, the Tech Lead's plan and the EM's intake — back to the instruction's arrival. The
// segments tile [arrival, completion], so they sum to the lead time. docs/reports.md has the method.

import type { ActivityKind } from '../domain/activity.ts';
import { isRitual } from '../domain/activity.ts';
import { isWorking, nextChange } from '../domain/calendar.ts';
import type { Hours } from '../kernel/time.ts';
import type { LogRecord } from '../log/event-log.ts';
import {
  type Absences,
  absences,
  calendarAt,
  interrupted,
  type LogInput,
  type LogView,
  ofType,
  type RunStart,
  runStart,
  type TaskLife,
  throttleWaits,
  viewOf,
} from './timeline.ts';

type Work = Extract<LogRecord, { type: 'work' }>;

export const CAUSES = [
  'intake',
  'planning',
  'execution',
  'review',
  'handoff',
  'blocked',
  'queue',
  'backlog',
  'away',
  'offHours',
  'ritual',
  'incident',
  'budget',
  'change',
  'rateLimit',
  'loop',
  'approval',
  'merging',
  'conflict',
  'integration',
  'unexplained',
] as const;

/**
 * Why an hour of an instruction's lead time passed: work being done (`intake`, `planning`,
 * `execution`, `review`, `handoff`), a blocker (`blocked`: its escalation waiting or worked),
 * waiting on a person's desk behind other work (`queue`), while they were out (`away`) or off
 * their working hours (`offHours`: nights, weekends, their calendar's days off), in a
 * ritual (`ritual`) or on P0 work (`incident`), held because a budget was spent (`budget`),
 * waiting in a domain's backlog for a WIP slot (`backlog`), for a requirement change that
 * added the work (`change`), or for a model's rate limit (`rateLimit`: a 429's retry, or a place
 * under its concurrency cap); an agent's execution looping without progress (`loop`); git's
 * coordination (`merging`: a clone synced, a change merged; `conflict`: a merge conflict resolved,
 * docs/git.md); or a
 * human's approval of the finished instruction (`approval`: worked, or waited for).
 */
export type Cause = (typeof CAUSES)[number];

export interface Segment {
  readonly from: Hours;
  readonly to: Hours;
  readonly cause: Cause;
  /** A person's id, or a backlog as `team/domain`. */
  readonly resource: string;
  readonly task?: string;
}

export interface InstructionPath {
  readonly instruction: string;
  readonly receivedAt: Hours;
  readonly completedAt: Hours;
  readonly leadTimeHours: Hours;
  /** The chain of tasks, first to last. */
  readonly tasks: string[];
  readonly segments: Segment[];
  readonly byCause: Partial<Record<Cause, Hours>>;
}

const CAUSE_OF_KIND: Record<ActivityKind, Cause> = {
  standup: 'ritual',
  rebalance: 'ritual',
  escalation: 'blocked',
  intake: 'intake',
  strategicPlanning: 'planning',
  tacticalPlanning: 'planning',
  assignment: 'planning',
  peerReview: 'review',
  qaValidation: 'review',
  domainApproval: 'review',
  architectureReview: 'review',
  handoffVerification: 'handoff',
  handoffFix: 'handoff',
  approval: 'approval',
  execute: 'execution',
  sync: 'merging',
  merge: 'merging',
  conflictResolution: 'conflict',
  integration: 'integration',
  ciFix: 'integration',
};

/** One activity on a desk: when it arrived, and the slices in which it was worked. */
interface Activity {
  readonly person: string;
  readonly kind: ActivityKind;
  readonly queuedAt: Hours;
  readonly slices: Work[];
}

/** What the collector reads once per log. */
interface Context {
  readonly keys: Keys;
  readonly start: RunStart;
  /** The run's people by id, with their calendars. */
  readonly people: Map<string, RunStart['people'][number]>;
  readonly away: Absences;
  readonly byPerson: Map<string, Work[]>;
  /** Each person's work by kind (`person|kind`) and end, in the order of `byPerson`. */
  readonly byEnd: ByTime<Work>;
  /** The slices of one activity (`person|kind|task`, then queuedAt), in the order of `byPerson`. */
  readonly byActivity: ByTime<Work>;
  /** Per person, the indexes in `byPerson` of ritual slices and of P0 work, ascending. */
  readonly rituals: Map<string, number[]>;
  readonly p0Work: Map<string, number[]>;
  readonly byTask: Map<string, Activity[]>;
  readonly priority: Map<string, number>;
  readonly tactical: Map<string, Extract<LogRecord, { type: 'plan.tactical' }>>;
  readonly strategic: Map<string, Extract<LogRecord, { type: 'plan.strategic' }>>;
  readonly decided: Map<string, Extract<LogRecord, { type: 'instruction.decided' }>>;
  readonly changes: Map<string, Hours[]>;
  /** When desks held all but P0 work because a budget was spent: [from, to). */
  readonly holds: Array<[Hours, Hours]>;
  /** Per person, when a rate limit of their model stopped them: [from, to]. */
  readonly throttles: Map<string, Array<[Hours, Hours]>>;
  /** The slices of executions that were looping. */
  readonly looping: Set<Work>;
  /** Per instruction that needed approvals: who was asked first, and the approvals worked. */
  readonly approvals: Map<string, { approvers: string[]; finished: Work[] }>;
  /** Workflow gates by id. */
  readonly gates: Map<string, GateLife>;
  /** When each task's change reached the run's target branch, when it is past its team branch. */
  readonly reached: Map<string, Hours>;
  /** Per backlog (`team/domain`), when a P0 task held one of its pool's WIP slots. */
  readonly p0Slots: Map<string, Array<[Hours, Hours]>>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Lists keyed by names and a time. The time is a second-level number key rather than part of a
 * string key: writing a double as text costs more than all the rest of an index's work.
 */
type ByTime<V> = Map<string, Map<Hours, V[]>>;

function pushAt<V>(map: ByTime<V>, key: string, t: Hours, value: V): void {
  let inner = map.get(key);
  if (inner === undefined) {
    inner = new Map();
    map.set(key, inner);
  }
  push(inner, t, value);
}

function getAt<V>(map: ByTime<V>, key: string, t: Hours): readonly V[] {
  return map.get(key)?.get(t) ?? [];
}

/** When each P0 task held a WIP slot of its pool: from ASSIGNED until it no longer held one. */
function p0SlotsOf(tasks: Map<string, TaskLife>): Map<string, Array<[Hours, Hours]>> {
  const out = new Map<string, Array<[Hours, Hours]>>();
  for (const t of tasks.values()) {
    if (t.priority !== 0 || t.team === null) continue;
    let from: Hours | null = null;
    for (const v of t.visits) {
      const holding =
        v.state === 'ASSIGNED' ||
        v.state === 'IN_PROGRESS' ||
        v.state === 'BLOCKED' ||
        v.state === 'ESCALATED' ||
        v.state === 'UNDER_REVIEW' ||
        v.state === 'DOMAIN_REVIEW';
      if (holding && from === null) from = v.from;
      if (!holding && from !== null) {
        push(out, `${t.team}/${t.domain}`, [from, v.from] as [Hours, Hours]);
        from = null;
      }
    }
    const last = t.visits.at(-1);
    if (from !== null && last !== undefined)
      push(out, `${t.team}/${t.domain}`, [from, last.to] as [Hours, Hours]);
  }
  return out;
}

/**
 * Joined keys, made once per pair and reused: the same key string every time, so a map hashes
 * it once rather than a fresh concatenation on every lookup.
 */
class Keys {
  private readonly joined = new Map<string, Map<string, string>>();

  of(a: string, b: string): string {
    let inner = this.joined.get(a);
    if (inner === undefined) {
      inner = new Map();
      this.joined.set(a, inner);
    }
    let key = inner.get(b);
    if (key === undefined) {
      key = `${a}|${b}`;
      inner.set(b, key);
    }
    return key;
  }

  /** `person|kind`: a desk's activities of one kind. */
  desk(person: string, kind: ActivityKind): string {
    return this.of(person, kind);
  }

  /** `person|kind|task`: one task's activities of one kind on one desk. */
  activity(w: Work): string {
    return this.of(this.of(w.person, w.kind), w.task ?? '');
  }
}

function contextOf(log: LogView, tasks: Map<string, TaskLife>): Context {
  const keys = new Keys();
  const byPerson = new Map<string, Work[]>();
  const byTask = new Map<string, Activity[]>();
  // Activities interrupted and back on a desk: their next slice resumes them.
  // Keyed by `person|kind|task`, then by when the activity was queued.
  const resumable = new Map<string, Map<Hours, Activity>>();
  for (const w of ofType(log, 'work')) {
    push(byPerson, w.person, w);
    if (w.task === undefined) continue;
    const key = keys.activity(w);
    let byQueued = resumable.get(key);
    if (byQueued === undefined) {
      byQueued = new Map();
      resumable.set(key, byQueued);
    }
    let activity = byQueued.get(w.queuedAt);
    if (activity === undefined) {
      activity = { person: w.person, kind: w.kind, queuedAt: w.queuedAt, slices: [] };
      push(byTask, w.task, activity);
    }
    activity.slices.push(w);
    if (interrupted(w)) byQueued.set(w.queuedAt, activity);
    else byQueued.delete(w.queuedAt);
  }
  for (const list of byPerson.values()) list.sort((a, b) => a.startedAt - b.startedAt || a.t - b.t);
  const priority = new Map<string, number>();
  const tactical = new Map<string, Extract<LogRecord, { type: 'plan.tactical' }>>();
  for (const p of ofType(log, 'plan.tactical')) {
    tactical.set(p.strategic, p);
    for (const t of p.tasks) priority.set(t.id, t.priority);
  }
  // Indexes over the sorted lists, so that a planning step is found without a scan of its
  // person's whole history (the EM and the TL plan every instruction).
  const byEnd: ByTime<Work> = new Map();
  const byActivity: ByTime<Work> = new Map();
  const rituals = new Map<string, number[]>();
  const p0Work = new Map<string, number[]>();
  for (const [person, list] of byPerson)
    for (let i = 0; i < list.length; i++) {
      const w = list[i] as Work;
      pushAt(byEnd, keys.desk(w.person, w.kind), w.t, w);
      pushAt(byActivity, keys.activity(w), w.queuedAt, w);
      if (isRitual(w.kind)) push(rituals, person, i);
      if (w.task !== undefined && (priority.get(w.task) ?? 3) === 0) push(p0Work, person, i);
    }
  const changes = new Map<string, Hours[]>();
  for (const c of ofType(log, 'requirement.changed')) push(changes, c.instruction, c.t);
  const holds: Array<[Hours, Hours]> = [];
  const end = log.records.at(-1)?.t ?? 0;
  for (const e of ofType(log, 'budget.exhausted')) {
    if (e.policy !== 'p0Only' && e.policy !== 'stopRun') continue;
    const reset = ofType(log, 'budget.reset').find((r) => r.t > e.t && e.scope === 'day');
    holds.push([e.t, reset?.t ?? end]);
  }
  return {
    keys,
    start: runStart(log),
    people: new Map(runStart(log).people.map((p) => [p.id, p])),
    away: absences(log),
    throttles: throttleWaits(log),
    looping: loopingOf(log, byPerson),
    approvals: approvalsOf(log),
    gates: gatesOf(log),
    reached: reachedOf(log),
    byPerson,
    byEnd,
    byActivity,
    rituals,
    p0Work,
    byTask,
    priority,
    tactical,
    strategic: new Map(ofType(log, 'plan.strategic').map((p) => [p.instruction, p])),
    decided: new Map(ofType(log, 'instruction.decided').map((d) => [d.instruction, d])),
    changes,
    holds,
    p0Slots: p0SlotsOf(tasks),
  };
}

/**
 * The slices of looping executions: from each `loop` record on, the slices of the execution whose
 * slice stopped as the loop began (same person, task and `queuedAt`).
 */
function loopingOf(log: LogView, byPerson: Map<string, Work[]>): Set<Work> {
  const out = new Set<Work>();
  for (const loop of ofType(log, 'loop')) {
    const mine = (byPerson.get(loop.person) ?? []).filter((w) => w.task === loop.task);
    const before = mine.find((w) => w.t === loop.t && w.kind === 'execute');
    if (before === undefined) continue;
    for (const w of mine)
      if (w.kind === 'execute' && w.queuedAt === before.queuedAt && w.startedAt >= loop.t)
        out.add(w);
  }
  return out;
}

/** A workflow's gate: asked when its inputs were finished, satisfied at its last decision. */
interface GateLife {
  readonly instruction: string;
  readonly requestedAt: Hours;
  readonly after: readonly string[];
  readonly approvers: readonly string[];
  endedAt: Hours | null;
  /** The approvals worked for it, each ending at its decision. */
  readonly finished: Work[];
}

/** The workflow gates of the run, with the approval work that decided them. */
function gatesOf(log: LogView): Map<string, GateLife> {
  const out = new Map<string, GateLife>();
  for (const r of ofType(log, 'approval.requested'))
    if (r.gate !== undefined)
      out.set(r.gate, {
        instruction: r.instruction,
        requestedAt: r.t,
        after: r.after ?? [],
        approvers: r.approvers,
        endedAt: null,
        finished: [],
      });
  if (out.size === 0) return out;
  // A decision's approval work is its approver's stand-in's slice of kind approval ending then.
  const approvalsAt = new Map<string, Work>();
  for (const w of ofType(log, 'work'))
    if (w.kind === 'approval' && w.outcome === 'finished') approvalsAt.set(`${w.person}|${w.t}`, w);
  for (const d of ofType(log, 'approval.decided')) {
    const gate = d.gate === undefined ? undefined : out.get(d.gate);
    if (gate === undefined) continue;
    gate.endedAt = d.t;
    const w = approvalsAt.get(`${d.by}|${d.t}`);
    if (w !== undefined) gate.finished.push(w);
  }
  return out;
}

/**
 * When each task's change reached the run's target branch (docs/git.md): integration, or main;
 * nothing when git is not modelled or its changes end in their team branch.
 */
function reachedOf(log: LogView): Map<string, Hours> {
  const out = new Map<string, Hours>();
  const target = runStart(log).git?.target;
  if (target === 'integration')
    for (const r of ofType(log, 'git.integrated')) for (const t of r.tasks) out.set(t, r.t);
  if (target === 'main')
    for (const r of ofType(log, 'git.promoted')) for (const t of r.tasks) out.set(t, r.t);
  return out;
}

/** Per instruction that needed approvals: the humans asked first, and the approvals finished. */
function approvalsOf(log: LogView): Map<string, { approvers: string[]; finished: Work[] }> {
  const out = new Map<string, { approvers: string[]; finished: Work[] }>();
  for (const r of ofType(log, 'approval.requested')) {
    if (r.gate !== undefined) continue;
    const known = out.get(r.instruction);
    if (known === undefined) out.set(r.instruction, { approvers: [...r.approvers], finished: [] });
    else known.approvers.push(...r.approvers);
  }
  for (const w of ofType(log, 'work'))
    if (w.kind === 'approval' && w.outcome === 'finished' && w.instruction !== undefined)
      out.get(w.instruction)?.finished.push(w);
  return out;
}

/** Segments collected backwards: each new one ends where the previous one began. */
class Tiler {
  readonly segments: Segment[] = [];
  constructor(public cursor: Hours) {}

  /** Attributes [from, cursor] to a cause, and moves the cursor back to `from`. */
  add(from: Hours, cause: Cause, resource: string, task?: string): void {
    const start = Math.min(from, this.cursor);
    if (this.cursor - start <= 0) {
      this.cursor = start;
      return;
    }
    const last = this.segments.at(-1);
    if (
      last &&
      last.from === this.cursor &&
      last.cause === cause &&
      last.resource === resource &&
      last.task === task
    ) {
      this.segments[this.segments.length - 1] = { ...last, from: start };
    } else {
      this.segments.push({
        from: start,
        to: this.cursor,
        cause,
        resource,
        ...(task === undefined ? {} : { task }),
      });
    }
    this.cursor = start;
  }
}

/** The index of the last slice (sorted by start) that started before `at`, or −1. */
function lastStartedBefore(slices: readonly Work[], at: Hours): number {
  let lo = 0;
  let hi = slices.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((slices[mid] as Work).startedAt < at) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** The largest entry of an ascending list that is below `bound`, or −1. */
function lastBelow(list: readonly number[] | undefined, bound: number): number {
  if (list === undefined) return -1;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as number) < bound) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? -1 : (list[lo - 1] as number);
}

/**
 * Explains [from, to] during which some activity waited on `person`'s desk, walking back from
 * `to`: the person was out, in a ritual, on P0 work (for non-P0 work), or busy with other work.
 */
function waitOn(
  ctx: Context,
  tiler: Tiler,
  person: string,
  from: Hours,
  waitCause: Cause,
  taskPriority: number,
  task: string | undefined,
): void {
  const slices = ctx.byPerson.get(person) ?? [];
  const outages = ctx.away.outages.get(person) ?? [];
  const throttles = ctx.throttles.get(person) ?? [];
  // With no outage and no budget hold in play, every step back through plain work (not a ritual,
  // not P0 work when that matters) gives the same cause: jump to the end of the last slice that
  // is not plain in one step. The steps would have merged into this one segment anyway.
  const uniform =
    outages.length === 0 &&
    throttles.length === 0 &&
    (taskPriority === 0 || ctx.holds.length === 0);
  const p0Matters = taskPriority > 0 && waitCause === 'queue';
  while (tiler.cursor > from) {
    const at = tiler.cursor;
    if (uniform) {
      const i = lastStartedBefore(slices, at);
      const special = Math.max(
        lastBelow(ctx.rituals.get(person), i + 1),
        p0Matters ? lastBelow(ctx.p0Work.get(person), i + 1) : -1,
      );
      if (special < i || i < 0) {
        const floor = special < 0 ? from : Math.max(from, (slices[special] as Work).t);
        if (floor < at) {
          tiler.add(floor, waitCause, person, task);
          continue;
        }
      }
    }
    const out = outages.find(([a, b]) => a < at && b >= at);
    if (out !== undefined) {
      tiler.add(Math.max(from, out[0]), 'away', person, task);
      continue;
    }
    const throttled = throttles.find(([a, b]) => a < at && b >= at);
    if (throttled !== undefined) {
      tiler.add(Math.max(from, throttled[0]), 'rateLimit', person, task);
      continue;
    }
    let since = from;
    for (const [, b] of outages) if (b < at) since = Math.max(since, b);
    for (const [, b] of throttles) if (b < at) since = Math.max(since, b);
    // Slices do not overlap and are sorted by start: the last one to start before `at` either
    // covers the instant just before it or ended earlier.
    let cause: Cause = waitCause;
    const s = slices[lastStartedBefore(slices, at)];
    const hold = taskPriority > 0 ? ctx.holds.find(([a, b]) => a < at && b >= at) : undefined;
    if (s !== undefined) {
      if (s.t < at) {
        since = Math.max(since, s.t);
        // Nothing under way on the desk while a spent budget held it.
        if (hold !== undefined) {
          cause = 'budget';
          since = Math.max(since, hold[0]);
        }
      } else {
        const p0 = s.task !== undefined && (ctx.priority.get(s.task) ?? 3) === 0;
        if (isRitual(s.kind)) cause = 'ritual';
        else if (p0 && taskPriority > 0 && waitCause === 'queue') cause = 'incident';
        since = Math.max(since, s.startedAt);
      }
    }
    tiler.add(since, cause, person, task);
  }
}

/** Explains one activity of a task over [its arrival on the desk, the cursor]. */
function throughActivity(
  ctx: Context,
  tiler: Tiler,
  a: { person: string; kind: ActivityKind; queuedAt: Hours; slices: readonly Work[] },
  taskPriority: number,
  task: string | undefined,
): void {
  const working = CAUSE_OF_KIND[a.kind];
  const waiting: Cause = a.kind === 'escalation' ? 'blocked' : 'queue';
  for (let i = a.slices.length - 1; i >= 0 && tiler.cursor > a.queuedAt; i--) {
    const s = a.slices[i] as Work;
    if (s.startedAt >= tiler.cursor) continue;
    if (s.t < tiler.cursor) waitOn(ctx, tiler, a.person, s.t, waiting, taskPriority, task);
    const cause = ctx.looping.has(s) ? 'loop' : working;
    tiler.add(Math.max(s.startedAt, a.queuedAt), cause, a.person, task);
  }
  if (tiler.cursor > a.queuedAt)
    waitOn(ctx, tiler, a.person, a.queuedAt, waiting, taskPriority, task);
}

/**
 * Waiting in a backlog back to `from`: while a P0 task held one of the pool's WIP slots, a task
 * that is not P0 waited because of the incident; otherwise, for a slot.
 */
function inBacklog(ctx: Context, tiler: Tiler, backlog: string, from: Hours, life: TaskLife): void {
  const slots = life.priority > 0 ? (ctx.p0Slots.get(backlog) ?? []) : [];
  while (tiler.cursor > from) {
    const at = tiler.cursor;
    const held = slots.find(([a, b]) => a < at && b >= at);
    if (held !== undefined) {
      tiler.add(Math.max(from, held[0]), 'incident', backlog, life.id);
      continue;
    }
    let since = from;
    for (const [, b] of slots) if (b < at) since = Math.max(since, b);
    tiler.add(since, 'backlog', backlog, life.id);
  }
}

/** The state a task was in just before `t`. */
function stateBefore(life: TaskLife, t: Hours): string | null {
  for (const v of life.visits) if (v.from < t && v.to >= t) return v.state;
  return null;
}

/** Explains a task's life from its release to the cursor, by its activities, then its states. */
function throughTask(ctx: Context, tiler: Tiler, life: TaskLife): void {
  const release = life.releasedAt ?? life.plannedAt;
  const activities = ctx.byTask.get(life.id) ?? [];
  const backlogOf = `${life.team ?? ''}/${life.domain}`;
  while (tiler.cursor > release) {
    const at = tiler.cursor;
    // The activity of this task that was under way, or else waiting, just before `at`; among
    // several, the one that went on longest (it is what the task waited for).
    let best: Activity | undefined;
    let bestEnd = Number.NEGATIVE_INFINITY;
    for (const a of activities) {
      if (a.queuedAt >= at) continue;
      const end = (a.slices.at(-1) as Work).t;
      if (end >= at && end > bestEnd) {
        best = a;
        bestEnd = end;
      }
    }
    if (best !== undefined) {
      // Explain this activity down to its arrival or the release, whichever comes later; the
      // activities' own tiling handles the part it covers.
      const floor = Math.max(release, best.queuedAt);
      const before = tiler.cursor;
      throughActivity(ctx, tiler, { ...best, queuedAt: floor }, life.priority, life.id);
      if (tiler.cursor < before) continue;
    }
    // No activity: the task waited in its state. Find since when nothing covered it.
    let since = release;
    for (const a of activities) {
      const end = (a.slices.at(-1) as Work).t;
      if (end < at) since = Math.max(since, end);
    }
    for (const v of life.visits) if (v.from < at && v.to >= at) since = Math.max(since, v.from);
    const state = stateBefore(life, at);
    const holder = life.holders.filter((h) => h.t < at).at(-1)?.person;
    if ((state === 'ASSIGNED' || state === 'IN_PROGRESS') && holder !== undefined)
      // Its work sat on the holder's desk and the log has no slice of it (it left the desk
      // unworked: taken back or moved by the lead): it waited there.
      waitOn(ctx, tiler, holder, since, 'queue', life.priority, life.id);
    else if (state === 'PENDING') inBacklog(ctx, tiler, backlogOf, since, life);
    else if (state === 'BLOCKED' || state === 'ESCALATED')
      tiler.add(since, 'blocked', 'escalation', life.id);
    else tiler.add(since, 'unexplained', state ?? 'unknown', life.id);
  }
}

/** The work record of a planning step: `person`'s `kind` activity that ended at `t`. */
function stepAt(
  ctx: Context,
  person: string,
  kind: ActivityKind,
  t: Hours,
  queuedAt?: Hours,
): Work | undefined {
  let found: Work | undefined;
  for (const w of getAt(ctx.byEnd, ctx.keys.desk(person, kind), t)) {
    if (queuedAt === undefined || w.queuedAt === queuedAt) return w;
    found ??= w;
  }
  return found;
}

/** One planning step (one activity, whole: with the slices it was resumed from) back to its arrival. */
function throughStep(ctx: Context, tiler: Tiler, w: Work | undefined): void {
  if (w === undefined) return;
  const same = getAt(ctx.byActivity, ctx.keys.activity(w), w.queuedAt).filter((s) => s.t <= w.t);
  const slices = [w];
  for (let i = same.indexOf(w) - 1; i >= 0 && interrupted(same[i] as Work); i--)
    slices.unshift(same[i] as Work);
  throughActivity(
    ctx,
    tiler,
    { person: w.person, kind: w.kind, queuedAt: w.queuedAt, slices },
    3,
    undefined,
  );
}

/** Before a task's release: its latest input, a dependency or its breakdown and what led to it. */
function upstream(
  ctx: Context,
  tiler: Tiler,
  tasks: Map<string, TaskLife>,
  life: TaskLife,
  receivedAt: Hours,
): TaskLife | undefined {
  let inputs = life.dependsOn;
  // Through workflow gates: the wait for their approval, then what they followed.
  for (;;) {
    const latest = latestInput(ctx, tasks, inputs);
    if (latest === undefined || latest.endedAt < life.plannedAt) break;
    tiler.add(latest.endedAt, 'unexplained', 'release', life.id);
    if (latest.task !== undefined) return latest.task;
    const gate = latest.gate as GateLife;
    throughGate(ctx, tiler, gate);
    inputs = gate.after;
  }
  // Released by its Domain Lead's breakdown: that step, the TL's plan before it, the EM's intake.
  tiler.add(life.plannedAt, 'unexplained', 'release', life.id);
  const breakdown = ctx.tactical.get(life.strategic);
  if (breakdown !== undefined)
    throughStep(ctx, tiler, stepAt(ctx, breakdown.by, 'tacticalPlanning', breakdown.t));
  const plan = ctx.strategic.get(life.instruction);
  const change = (ctx.changes.get(life.instruction) ?? []).filter((t) => t <= tiler.cursor).at(-1);
  if (plan !== undefined && tiler.cursor > plan.t && change !== undefined && change >= plan.t) {
    // Work a requirement change added: it could not start before the change.
    tiler.add(change, 'change', 'requirement change', life.id);
    tiler.add(receivedAt, 'change', 'requirement change');
    return undefined;
  }
  if (plan !== undefined) {
    tiler.add(plan.t, 'unexplained', 'plan', life.id);
    const decided = ctx.decided.get(life.instruction);
    throughStep(ctx, tiler, stepAt(ctx, plan.by, 'strategicPlanning', plan.t, decided?.t));
    if (decided !== undefined) {
      tiler.add(decided.t, 'unexplained', 'intake');
      throughStep(ctx, tiler, stepAt(ctx, decided.by, 'intake', decided.t, receivedAt));
    }
  }
  tiler.add(receivedAt, 'unexplained', 'arrival');
  return undefined;
}

/** Of tasks and gates, the one finished last (a task on a tie), if any finished. */
function latestInput(
  ctx: Context,
  tasks: Map<string, TaskLife>,
  ids: readonly string[],
): { endedAt: Hours; task?: TaskLife; gate?: GateLife } | undefined {
  let latest: { endedAt: Hours; task?: TaskLife; gate?: GateLife } | undefined;
  for (const d of ids) {
    const task = tasks.get(d);
    const gate = ctx.gates.get(d);
    const endedAt = task?.endedAt ?? gate?.endedAt ?? null;
    if (endedAt === null) continue;
    const tie = endedAt === latest?.endedAt && task !== undefined && latest.task === undefined;
    if (latest === undefined || endedAt > latest.endedAt || tie)
      latest = task === undefined ? { endedAt, gate: gate as GateLife } : { endedAt, task };
  }
  return latest;
}

/** A workflow gate: the approval that satisfied it, and the wait for it on its first approver. */
function throughGate(ctx: Context, tiler: Tiler, gate: GateLife): void {
  const decisive = gate.finished.filter((w) => w.t === tiler.cursor).at(-1);
  if (decisive !== undefined) throughStep(ctx, tiler, decisive);
  if (tiler.cursor > gate.requestedAt)
    tiler.add(gate.requestedAt, 'approval', gate.approvers[0] ?? 'approval');
}

/**
 * Between an instruction's last task and its completion: its changes reaching the target branch
 * (`integration`: the team branch merged into integration, CI, the promotion to main), when that
 * completed it; else the approval that completed it, worked or waited for on its approver's desk,
 * and any wait no approval explains (a timeout's) on the first human asked; or a workflow's last
 * gate. Without any of them the gap is unexplained.
 */
function throughApproval(
  ctx: Context,
  tiler: Tiler,
  instruction: string,
  from: Hours,
  tasks: readonly string[],
): void {
  // Its changes reaching the target branch completed it: the wait was integration's.
  if (tasks.some((t) => ctx.reached.get(t) === tiler.cursor)) {
    tiler.add(from, 'integration', 'integration');
    return;
  }
  const approval = ctx.approvals.get(instruction);
  if (approval === undefined) {
    // A workflow's last gate, nothing after it: its approval completed the instruction.
    for (const gate of ctx.gates.values())
      if (gate.instruction === instruction && gate.endedAt === tiler.cursor) {
        throughGate(ctx, tiler, gate);
        break;
      }
    if (tiler.cursor > from) tiler.add(from, 'unexplained', 'completion');
    return;
  }
  const decisive = approval.finished.filter((w) => w.t === tiler.cursor).at(-1);
  if (decisive !== undefined) throughStep(ctx, tiler, decisive);
  if (tiler.cursor > from) tiler.add(from, 'approval', approval.approvers[0] ?? 'approval');
}

/**
 * Waits on a desk split by its person's calendar: the hours inside their working windows stay
 * `queue`, the hours outside them are `offHours` (nobody was at the desk to be queued behind).
 */
function offHours(ctx: Context, segments: readonly Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const seg of segments) {
    const person = seg.cause === 'queue' ? ctx.people.get(seg.resource) : undefined;
    if (person === undefined || nextChange(seg.from, person.calendar) === Infinity) {
      out.push(seg);
      continue;
    }
    let t = seg.from;
    while (t < seg.to) {
      const calendar = calendarAt(ctx.away, person, t);
      const to = Math.min(seg.to, nextChange(t, calendar));
      const cause: Cause = isWorking(t, calendar) ? 'queue' : 'offHours';
      const last = out.at(-1);
      if (
        last !== undefined &&
        last.cause === cause &&
        last.resource === seg.resource &&
        last.to === t &&
        last.task === seg.task
      )
        out[out.length - 1] = { ...last, to };
      else out.push({ ...seg, from: t, to, cause });
      t = to;
    }
  }
  return out;
}

/** Every completed instruction's critical path, attributed hour by hour. */
export function criticalPaths(input: LogInput, tasks: Map<string, TaskLife>): InstructionPath[] {
  const log = viewOf(input);
  const completed = ofType(log, 'instruction.completed');
  if (completed.length === 0) return [];
  const ctx = contextOf(log, tasks);
  const received = new Map(ofType(log, 'instruction.received').map((r) => [r.instruction, r.t]));
  const lastOf = new Map<string, TaskLife>();
  const byInstruction = new Map<string, string[]>();
  for (const t of tasks.values()) push(byInstruction, t.instruction, t.id);
  const tasksOf = (instruction: string) => byInstruction.get(instruction) ?? [];
  for (const t of tasks.values()) {
    if (t.endedAt === null || t.outcome !== 'COMPLETED') continue;
    const best = lastOf.get(t.instruction);
    if (best === undefined || t.endedAt >= (best.endedAt ?? 0)) lastOf.set(t.instruction, t);
  }
  return completed.map((c) => {
    const receivedAt = received.get(c.instruction) ?? c.t - c.leadTimeHours;
    const tiler = new Tiler(c.t);
    const chain: string[] = [];
    let life = lastOf.get(c.instruction);
    if (life !== undefined && (life.endedAt as Hours) < c.t)
      throughApproval(ctx, tiler, c.instruction, life.endedAt as Hours, tasksOf(c.instruction));
    while (life !== undefined) {
      chain.unshift(life.id);
      throughTask(ctx, tiler, life);
      life = upstream(ctx, tiler, tasks, life, receivedAt);
    }
    tiler.add(receivedAt, 'unexplained', 'arrival');
    const segments = offHours(ctx, tiler.segments.reverse());
    const byCause: Partial<Record<Cause, Hours>> = {};
    for (const s of segments) byCause[s.cause] = (byCause[s.cause] ?? 0) + (s.to - s.from);
    return {
      instruction: c.instruction,
      receivedAt,
      completedAt: c.t,
      leadTimeHours: c.t - receivedAt,
      tasks: chain,
      segments,
      byCause,
    };
  });
}
