// The desk every role works at: a queue of activities done one at a time on the person's working
// calendar, on simulated time. Each role machine (em, tl, dl, ic) is this desk plus the messages
// that role accepts. Time reaches the desk only through events: every message carries `at`, and
// an activity's end is a delayed XState event on the kernel's clock.

import { assign, emit, setup } from 'xstate';
import {
  type Activity,
  type ActivityKind,
  activityPriority,
  enqueue,
  interruptionBy,
  mayRun,
  nextRunnable,
  preemptedBy,
} from '../src/domain/activity.ts';
import {
  type Calendar,
  finishTime,
  workingHoursBetween,
  workStart,
} from '../src/domain/calendar.ts';
import type { Role } from '../src/domain/org.ts';
import type { Hours } from '../src/kernel/time.ts';

export interface DeskInput {
  readonly id: string;
  readonly role: Role;
  readonly calendar: Calendar;
}

export interface DeskContext extends DeskInput {
  /** Simulated time of the last event the desk saw. */
  now: Hours;
  queue: Activity[];
  current: Activity | null;
  startedAt: Hours;
  endsAt: Hours;
  away: boolean;
  /**
   * While a budget is spent, only work for a task or instruction of this priority or more urgent
   * runs (0: P0 only; −1: nothing); null: no hold.
   */
  hold: number | null;
  /** Waiting out a 429 or for a free place under its model's concurrency cap: nothing starts. */
  throttled: boolean;
  seq: number;
}

/** Work a message brings: the receiving role maps it to an activity kind. */
export interface WorkMessage {
  readonly at: Hours;
  readonly workHours: Hours;
  readonly task?: string;
  readonly instruction?: string;
  readonly ref?: string;
  /** The priority, 0 (P0) to 3, of the task or instruction: execution order, and budget holds. */
  readonly priority?: number;
}

export type DeskEvent =
  | { type: 'outage.start'; at: Hours }
  | { type: 'outage.end'; at: Hours }
  /**
   * Stops work on `task` (a blocker, a cancellation), or the one activity `activity` (handed to
   * someone covering): the activities it names leave the desk.
   */
  | { type: 'work.drop'; at: Hours; task?: string; ref?: string; activity?: string }
  /** A broadcast on a channel the person subscribes to: read, it takes no desk time. */
  | { type: 'channel.message'; at: Hours; channel: string; kind: string }
  /** A budget is spent: work less urgent than `upTo` stops now and none starts until the release. */
  | { type: 'budget.hold'; at: Hours; upTo: number }
  | { type: 'budget.release'; at: Hours }
  /**
   * The person's model refused a request (a 429) or has no free place under its concurrency cap:
   * the activity under way stops (`throttled`) and nothing starts until `throttle.end`.
   */
  | { type: 'throttle.start'; at: Hours }
  | { type: 'throttle.end'; at: Hours }
  /**
   * The scope of `task` changed: the execution of it left on the desk takes `factor` times as
   * long. Under way, it stops (`rescaled`) and is queued again with its new remainder.
   */
  | { type: 'work.rescale'; at: Hours; task: string; factor: number }
  /**
   * The person's working hours change from now (overtime approved, or over): the activity under
   * way stops (`rescheduled`) and goes on at once on the new calendar.
   */
  | { type: 'calendar.set'; at: Hours; calendar: Calendar };

export type DeskEmitted =
  | {
      type: 'work.started';
      person: string;
      activity: Activity;
      at: Hours;
      /** When its working hours begin (the person's window may open later), and end. */
      startedAt: Hours;
      endsAt: Hours;
      /** The calendar the slice is worked on: a slice never spans a change of calendar. */
      calendar: Calendar;
    }
  | {
      type: 'work.finished';
      person: string;
      activity: Activity;
      startedAt: Hours;
      at: Hours;
      calendar: Calendar;
    }
  | {
      type: 'work.interrupted';
      person: string;
      activity: Activity;
      startedAt: Hours;
      at: Hours;
      /** Working hours the activity had left when it stopped. */
      remainingHours: Hours;
      reason: Interruption;
      calendar: Calendar;
    };

/**
 * Why an activity stopped before its end: P0 work, a ritual at its hour, an outage, a drop, a
 * budget hold, a change of its task's scope, a change of the person's working hours, or a rate
 * limit of the person's model.
 */
export type Interruption =
  | 'preempted'
  | 'ritual'
  | 'outage'
  | 'dropped'
  | 'held'
  | 'rescaled'
  | 'rescheduled'
  | 'throttled';

export function deskContext(input: DeskInput): DeskContext {
  return {
    ...input,
    now: 0,
    queue: [],
    current: null,
    startedAt: 0,
    endsAt: 0,
    away: false,
    hold: null,
    throttled: false,
    seq: 0,
  };
}

/** The activity a work message becomes at this desk. */
export function activityFrom(
  context: DeskContext,
  kind: ActivityKind,
  message: WorkMessage,
): Activity {
  return {
    id: `${context.id}#${context.seq}`,
    kind,
    workHours: message.workHours,
    priority: activityPriority(kind, message.priority),
    seq: context.seq,
    queuedAt: message.at,
    ...(message.task === undefined ? {} : { task: message.task }),
    ...(message.instruction === undefined ? {} : { instruction: message.instruction }),
    ...(message.ref === undefined ? {} : { ref: message.ref }),
    ...(message.priority === undefined ? {} : { workPriority: message.priority }),
  };
}

/** Working hours the activity under way has left at `now`. */
export function remainingAt(context: DeskContext, now: Hours): Hours {
  const current = context.current as Activity;
  return Math.max(
    0,
    current.workHours - workingHoursBetween(context.startedAt, now, context.calendar),
  );
}

function remaining(context: DeskContext): Hours {
  return remainingAt(context, context.now);
}

/** Whether `activity` is execution of `task`. */
function executes(activity: Activity, task: string): boolean {
  return activity.kind === 'execute' && activity.task === task;
}

function matches(
  activity: Activity,
  event: { task?: string; ref?: string; activity?: string },
): boolean {
  return (
    (event.task !== undefined && activity.task === event.task) ||
    (event.ref !== undefined && activity.ref === event.ref) ||
    (event.activity !== undefined && activity.id === event.activity)
  );
}

/** A message that brings work; its type is one of the role's accepted message types. */
export type WorkEvent<M extends string> = WorkMessage & { type: M };

/**
 * Work taken over for a colleague who is out: whatever their role, it arrives as the activity it
 * would have been on their desk, so anyone can cover for anyone the org allows.
 */
export type CoverWork = WorkMessage & { type: 'cover.work'; kind: ActivityKind };

/**
 * Builds a role's machine: the desk, plus the messages the role accepts (`accepts` maps each
 * message type to the activity it becomes). A ritual (standup, capacity review) pauses whatever
 * is under way at its hour; P0 execution preempts lower-priority execution.
 */
export function roleMachine<M extends string>(role: Role, accepts: Record<M, ActivityKind>) {
  type Event = DeskEvent | WorkEvent<M> | CoverWork;
  type Dropped = Extract<DeskEvent, { type: 'work.drop' }>;
  type Hold = Extract<DeskEvent, { type: 'budget.hold' }>;
  type Rescaled = Extract<DeskEvent, { type: 'work.rescale' }>;
  type Recalendared = Extract<DeskEvent, { type: 'calendar.set' }>;
  const isWork = (event: Event): event is WorkEvent<M> | CoverWork =>
    event.type === 'cover.work' || event.type in accepts;
  const kindOf = (event: WorkEvent<M> | CoverWork): ActivityKind =>
    event.type === 'cover.work' ? (event as CoverWork).kind : accepts[event.type as M];
  const interrupted = (context: DeskContext, reason: Interruption, factor = 1) => ({
    type: 'work.interrupted' as const,
    person: context.id,
    activity: context.current as Activity,
    // Stopped before its window opened, it never began.
    startedAt: Math.min(context.startedAt, context.now),
    at: context.now,
    remainingHours: remaining(context) * factor,
    reason,
    calendar: context.calendar,
  });
  return setup({
    types: {
      context: {} as DeskContext,
      input: {} as DeskInput,
      events: {} as Event,
      emitted: {} as DeskEmitted,
    },
    guards: {
      hasWork: ({ context }) =>
        !context.away && !context.throttled && nextRunnable(context.queue, context.hold) >= 0,
      shouldPreempt: ({ context }) =>
        context.current !== null && preemptedBy(context.queue, context.current, context.hold),
      holdsCurrent: ({ context, event }) =>
        event.type === 'budget.hold' &&
        context.current !== null &&
        !mayRun(context.current, (event as Hold).upTo),
      dropsCurrent: ({ context, event }) =>
        event.type === 'work.drop' &&
        context.current !== null &&
        matches(context.current, event as Dropped),
      rescalesCurrent: ({ context, event }) =>
        event.type === 'work.rescale' &&
        context.current !== null &&
        executes(context.current, (event as Rescaled).task),
    },
    actions: {
      tick: assign(({ context, event }) => ({ now: 'at' in event ? event.at : context.now })),
      take: assign(({ context, event }) => {
        if (!isWork(event)) return {};
        const activity = activityFrom(context, kindOf(event), event);
        return { queue: enqueue(context.queue, activity), seq: context.seq + 1 };
      }),
      startNext: assign(({ context }) => {
        const i = nextRunnable(context.queue, context.hold);
        const next = context.queue[i];
        const rest = i === 0 ? context.queue.slice(1) : context.queue.filter((_, j) => j !== i);
        const endsAt = next
          ? finishTime(context.now, next.workHours, context.calendar)
          : context.now;
        return {
          current: next ?? null,
          queue: rest,
          // Taken up outside working hours, the work begins when the person's window opens.
          startedAt: Math.min(endsAt, workStart(context.now, context.calendar)),
          endsAt,
        };
      }),
      announceStart: emit(({ context }) => ({
        type: 'work.started' as const,
        person: context.id,
        activity: context.current as Activity,
        at: context.now,
        startedAt: context.startedAt,
        endsAt: context.endsAt,
        calendar: context.calendar,
      })),
      finish: emit(({ context }) => ({
        type: 'work.finished' as const,
        person: context.id,
        activity: context.current as Activity,
        startedAt: context.startedAt,
        at: context.endsAt,
        calendar: context.calendar,
      })),
      clearCurrent: assign(({ context }) => ({ now: context.endsAt, current: null })),
      reportPreempted: emit(({ context }) =>
        interrupted(context, interruptionBy(context.queue, context.hold)),
      ),
      reportHeld: emit(({ context }) => interrupted(context, 'held')),
      reportOutage: emit(({ context }) => interrupted(context, 'outage')),
      reportDropped: emit(({ context }) => interrupted(context, 'dropped')),
      // The work it had left, at its new scope.
      reportRescaled: emit(({ context, event }) =>
        interrupted(context, 'rescaled', (event as Rescaled).factor),
      ),
      requeueCurrent: assign(({ context }) => ({
        queue: enqueue(context.queue, {
          ...(context.current as Activity),
          workHours: remaining(context),
        }),
        current: null,
      })),
      forgetCurrent: assign({ current: () => null }),
      dropQueued: assign(({ context, event }) => ({
        queue:
          event.type === 'work.drop'
            ? context.queue.filter((a) => !matches(a, event as Dropped))
            : context.queue,
      })),
      setHold: assign(({ context, event }) => ({
        hold: event.type === 'budget.hold' ? (event as Hold).upTo : context.hold,
      })),
      releaseHold: assign({ hold: () => null }),
      reportThrottled: emit(({ context }) => interrupted(context, 'throttled')),
      setThrottled: assign({ throttled: () => true }),
      clearThrottled: assign({ throttled: () => false }),
      reportRescheduled: emit(({ context }) => interrupted(context, 'rescheduled')),
      setCalendar: assign(({ context, event }) => ({
        calendar:
          event.type === 'calendar.set' ? (event as Recalendared).calendar : context.calendar,
      })),
      rescaleQueued: assign(({ context, event }) => {
        const { task, factor } = event as Rescaled;
        return {
          queue: context.queue.map((a) =>
            executes(a, task) ? { ...a, workHours: a.workHours * factor } : a,
          ),
        };
      }),
      startOutage: assign({ away: () => true }),
      endOutage: assign({ away: () => false }),
    },
    delays: {
      activityEnd: ({ context }) => context.endsAt - context.now,
    },
  }).createMachine({
    id: role,
    context: ({ input }) => deskContext(input),
    initial: 'idle',
    on: {
      ...(Object.fromEntries(
        Object.keys(accepts).map((type) => [type, { actions: ['tick', 'take'] }]),
      ) as Record<M, { actions: ['tick', 'take'] }>),
      'cover.work': { actions: ['tick', 'take'] as const },
      'work.drop': { actions: ['tick', 'dropQueued'] as const },
      'work.rescale': { actions: ['tick', 'rescaleQueued'] as const },
      'calendar.set': { actions: ['tick', 'setCalendar'] as const },
      'channel.message': { actions: 'tick' as const },
      'budget.hold': { actions: ['tick', 'setHold'] as const },
      'budget.release': { actions: ['tick', 'releaseHold'] as const },
      'throttle.start': { actions: ['tick', 'setThrottled'] as const },
      'throttle.end': { actions: ['tick', 'clearThrottled'] as const },
    },
    states: {
      idle: {
        always: { guard: 'hasWork', target: 'working' },
        on: { 'outage.start': { target: 'away', actions: ['tick', 'startOutage'] } },
      },
      working: {
        entry: ['startNext', 'announceStart'],
        always: {
          guard: 'shouldPreempt',
          target: 'working',
          reenter: true,
          actions: ['reportPreempted', 'requeueCurrent'],
        },
        after: { activityEnd: { target: 'idle', actions: ['finish', 'clearCurrent'] } },
        on: {
          'outage.start': {
            target: 'away',
            actions: ['tick', 'reportOutage', 'requeueCurrent', 'startOutage'],
          },
          'work.drop': [
            {
              guard: 'dropsCurrent',
              target: 'idle',
              actions: ['tick', 'reportDropped', 'forgetCurrent', 'dropQueued'],
            },
            { actions: ['tick', 'dropQueued'] },
          ],
          'budget.hold': [
            {
              guard: 'holdsCurrent',
              target: 'idle',
              actions: ['tick', 'setHold', 'reportHeld', 'requeueCurrent'],
            },
            { actions: ['tick', 'setHold'] },
          ],
          'work.rescale': [
            {
              guard: 'rescalesCurrent',
              target: 'working',
              reenter: true,
              actions: ['tick', 'reportRescaled', 'requeueCurrent', 'rescaleQueued'],
            },
            { actions: ['tick', 'rescaleQueued'] },
          ],
          'throttle.start': {
            target: 'idle',
            actions: ['tick', 'setThrottled', 'reportThrottled', 'requeueCurrent'],
          },
          // The slice so far is logged on the old calendar; the rest goes on on the new one.
          'calendar.set': {
            target: 'working',
            reenter: true,
            actions: ['tick', 'reportRescheduled', 'requeueCurrent', 'setCalendar'],
          },
        },
      },
      away: {
        on: { 'outage.end': { target: 'idle', actions: ['tick', 'endOutage'] } },
      },
    },
  });
}
