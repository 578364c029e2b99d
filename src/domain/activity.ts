// Activities: the units of a person's time. Every role works through a queue of them, one at a
// time, so planning, assigning, reviewing, escalations and standups compete with execution for
// the same hours, and any role can become the bottleneck.

import type { Hours } from '../kernel/time.ts';

export const ACTIVITY_KINDS = [
  'standup',
  'escalation',
  'intake',
  'strategicPlanning',
  'tacticalPlanning',
  'assignment',
  'peerReview',
  'qaValidation',
  'domainApproval',
  'architectureReview',
  'handoffVerification',
  'handoffFix',
  'rebalance',
  'approval',
  'execute',
  // Git coordination (docs/git.md): a clone or worktree brought up to date, a change merged into
  // its team branch, a merge conflict resolved.
  'sync',
  'merge',
  'conflictResolution',
  // A team branch merged into integration by its integrator; a broken integration build fixed.
  'integration',
  'ciFix',
] as const;

export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export interface Activity {
  readonly id: string;
  readonly kind: ActivityKind;
  /** Working hours still to do. */
  readonly workHours: Hours;
  /** Lower runs first; ties run in the order the activities arrived (seq). */
  readonly priority: number;
  readonly seq: number;
  /** When the activity arrived on the desk: the wait before it starts is the desk's queue. */
  readonly queuedAt: Hours;
  readonly task?: string;
  readonly instruction?: string;
  /** What else the activity is about: an escalation, a handoff, a strategic task. */
  readonly ref?: string;
  /** The priority (0 = P0 to 3) of the task or instruction it serves; none for rituals. */
  readonly workPriority?: number;
}

/** The daily rituals: they happen at their hour, pausing whatever the person is doing. */
export function isRitual(kind: ActivityKind): boolean {
  return kind === 'standup' || kind === 'rebalance';
}

/** Priority classes: rituals and escalations first, then reviews, then planning, then work. */
const CLASS: Record<ActivityKind, number> = {
  standup: 0,
  rebalance: 0,
  escalation: 1,
  peerReview: 2,
  qaValidation: 2,
  domainApproval: 2,
  architectureReview: 2,
  handoffVerification: 2,
  handoffFix: 2,
  approval: 2,
  intake: 3,
  strategicPlanning: 3,
  tacticalPlanning: 3,
  assignment: 3,
  // A merge or a conflict finishes work already reviewed; a sync comes before the work it serves.
  merge: 2,
  conflictResolution: 2,
  integration: 2,
  ciFix: 2,
  sync: 3,
  execute: 10,
};

/** An activity's queue priority; execution is further ordered by the task's priority (P0–P3). */
export function activityPriority(kind: ActivityKind, taskPriority = 3): number {
  return kind === 'execute' ? CLASS.execute + taskPriority : CLASS[kind];
}

function before(a: Activity, b: Activity): boolean {
  return a.priority !== b.priority ? a.priority < b.priority : a.seq < b.seq;
}

/** A new queue with `activity` in its place. Queues are short (a person's to-do list). */
export function enqueue(queue: readonly Activity[], activity: Activity): Activity[] {
  const out = queue.slice();
  let i = out.length;
  while (i > 0 && before(activity, out[i - 1] as Activity)) i--;
  out.splice(i, 0, activity);
  return out;
}

/**
 * Whether an activity may run while the desk is held (a spent budget): only work for a task or
 * instruction of priority `hold` or more urgent (0: P0 only; −1: nothing). `null`: no hold.
 */
export function mayRun(activity: Activity, hold: number | null): boolean {
  return hold === null || (activity.workPriority !== undefined && activity.workPriority <= hold);
}

/** The index of the first activity in `queue` that may run under `hold`, or −1. */
export function nextRunnable(queue: readonly Activity[], hold: number | null): number {
  if (hold === null) return queue.length > 0 ? 0 : -1;
  return queue.findIndex((a) => mayRun(a, hold));
}

/**
 * Git work on a change already reviewed (its merge, a conflict in it): it pauses the author's
 * execution of other work, as anyone stops to merge an approved change rather than leave it for
 * hours.
 */
function pausesExecution(kind: ActivityKind): boolean {
  return kind === 'merge' || kind === 'conflictResolution';
}

/**
 * Whether `next` should interrupt `current`: a ritual pauses anything but a ritual (it happens at
 * its hour), a merge or a conflict pauses execution, and P0 execution preempts lower-priority
 * execution.
 */
export function preempts(next: Activity, current: Activity): boolean {
  if (isRitual(next.kind)) return !isRitual(current.kind);
  if (pausesExecution(next.kind)) return current.kind === 'execute';
  return (
    next.kind === 'execute' &&
    current.kind === 'execute' &&
    next.priority === activityPriority('execute', 0) &&
    next.priority < current.priority
  );
}

/**
 * Whether anything waiting in `queue` that may run under `hold` preempts `current` (the queue is in
 * priority order).
 */
export function preemptedBy(
  queue: readonly Activity[],
  current: Activity,
  hold: number | null = null,
): boolean {
  if (hold !== null) return preemptedBy(runnable(queue, hold), current);
  const first = queue[0];
  if (first !== undefined && (isRitual(first.kind) || pausesExecution(first.kind)))
    return preempts(first, current);
  const firstExecute = queue.find((a) => a.kind === 'execute');
  return firstExecute !== undefined && preempts(firstExecute, current);
}

/**
 * Why `current` stops for what waits in `queue`: a ritual (or a merge) pauses it, P0 work
 * preempts it.
 */
export function interruptionBy(
  queue: readonly Activity[],
  hold: number | null = null,
): 'ritual' | 'preempted' {
  const first = hold === null ? queue[0] : runnable(queue, hold)[0];
  return first !== undefined && (isRitual(first.kind) || pausesExecution(first.kind))
    ? 'ritual'
    : 'preempted';
}

function runnable(queue: readonly Activity[], hold: number): Activity[] {
  return queue.filter((a) => mayRun(a, hold));
}
