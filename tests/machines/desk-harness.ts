// Shared by the desk's model-based test: the role desks, a catalogue of every transition a desk
// defines, an event alphabet that depends on the desk's state (times within the activity under
// way, ids of the activities on the desk), and a live desk on its own kernel, on either engine,
// whose pending timers can be read.

import type { AnyStateMachine, InspectionEvent, Snapshot } from 'xstate';
import type { DeskContext, DeskInput } from '../../machines/desk.ts';
import { DL_WORK, dlMachine } from '../../machines/dl.machine.ts';
import { EM_WORK, emMachine } from '../../machines/em.machine.ts';
import { HUMAN_WORK, humanMachine } from '../../machines/human.machine.ts';
import { IC_WORK, icMachine } from '../../machines/ic.machine.ts';
import { TL_WORK, tlMachine } from '../../machines/tl.machine.ts';
import type { Activity, ActivityKind } from '../../src/domain/activity.ts';
import { type Calendar, OFFICE_HOURS } from '../../src/domain/calendar.ts';
import type { Role } from '../../src/domain/org.ts';
import { type Engine, startMachine } from '../../src/engine/engine.ts';
import { Kernel, Priority, type Scheduled } from '../../src/kernel/kernel.ts';
import { definitionIds } from './transition-ids.ts';

export type ModelEvent = { type: string; at?: number; [key: string]: unknown };

/** A desk's snapshot as the graph and the live actors are compared on. */
export type DeskSnapshot = Snapshot<unknown> & { value: unknown; context: DeskContext };

export interface RoleDesk {
  role: Role;
  machine: AnyStateMachine;
  /** The work messages the role accepts. */
  work: readonly string[];
  input: DeskInput;
}

/** Each role's desk and the work messages it accepts (message type → activity). */
const DESKS: Record<Role, [AnyStateMachine, Record<string, ActivityKind>]> = {
  EM: [emMachine, EM_WORK],
  TL: [tlMachine, TL_WORK],
  DL: [dlMachine, DL_WORK],
  IC: [icMachine, IC_WORK],
  human: [humanMachine, HUMAN_WORK],
};

/** Overtime as the org grants it: the person's own window, four hours longer. */
export const OVERTIME: Calendar = { ...OFFICE_HOURS, hoursPerDay: 12 };

export const ROLE_DESKS: RoleDesk[] = (Object.keys(DESKS) as Role[]).map((role) => {
  const [machine, kinds] = DESKS[role];
  // Office hours from t = 0 (midnight): the first work waits for 09:00, later work runs inside
  // the window and across nights.
  const input = { id: `${role.toLowerCase()}-1`, role, calendar: OFFICE_HOURS };
  return { role, machine, work: Object.keys(kinds), input };
});

// ---------------------------------------------------------------------------------------------
// The transitions a desk defines

/**
 * Every transition the desk defines, keyed by the state it is taken from. A root transition
 * counts once per state, except in a state whose own transitions for that event always take it
 * first (an unguarded branch): there the root's can never be taken, by XState's own rules.
 */
export function definedTransitions(machine: AnyStateMachine): Set<string> {
  const ids = definitionIds(machine);
  const defined = new Set<string>();
  for (const node of Object.values(machine.root.states)) {
    for (const [d, id] of ids) {
      if (d.source === node) defined.add(`${node.key}|${id}`);
      if (d.source !== machine.root) continue;
      const own = node.transitions.get(d.eventType) ?? [];
      if (own.some((t) => t.guard === undefined)) continue;
      defined.add(`${node.key}|${id}`);
    }
  }
  return defined;
}

/** The activity-end timer events (`xstate.after.activityEnd.IC.working`), read off the machine. */
export function timerEvents(machine: AnyStateMachine): string[] {
  return Object.values(machine.root.states).flatMap((node) => node.after.map((t) => t.eventType));
}

// ---------------------------------------------------------------------------------------------
// The event alphabet

/** At most this many activities on a desk (under way and queued) before more work is offered. */
export const MAX_ACTIVITIES = 2;

/** Representative payloads: two tasks of different priority, an instruction, shared refs. */
const PAYLOADS = [
  { workHours: 10, task: 'A', priority: 2 },
  { workHours: 1, task: 'B', priority: 0, ref: 'R' },
  { workHours: 3, instruction: 'I', priority: 1, ref: 'R' },
] as const;

/** Work covered for a colleague: a ritual, P0 execution, and P2 execution. */
const COVER = [
  { kind: 'standup', workHours: 0.5 },
  { kind: 'execute', workHours: 1, task: 'B', priority: 0 },
  { kind: 'execute', workHours: 2, task: 'A', priority: 2 },
] as const;

type Instant = 'now' | 'later' | 'mid' | 'end';

/**
 * When an event arrives: `now` (the instant of the desk's last event) or `later` (five hours on)
 * when nothing is under way; while an activity is under way, `mid` (halfway to its end) or `end`
 * (the instant it ends, when a message goes first and the timer after it). An activity due this
 * instant has no halfway: `mid` is `now` and there is no separate `end`.
 */
function instant(s: DeskSnapshot, which: Instant): number | undefined {
  const { now, endsAt } = s.context;
  switch (which) {
    case 'now':
      return now;
    case 'later':
      return now + 5;
    case 'mid':
      return endsAt > now ? (now + endsAt) / 2 : now;
    case 'end':
      return endsAt > now ? endsAt : undefined;
  }
}

/**
 * The events offered in snapshot `s`:
 * - work, while the desk holds fewer than MAX_ACTIVITIES activities: on an empty desk every work
 *   message of the role with two payloads, on a desk with work each message with one; and
 *   covered work. It arrives `now` on an idle or away desk, `mid` on a working one;
 * - every desk event with its variants, `later` when nothing is under way and `mid` when
 *   something is; those that can stop the activity under way also at its `end`;
 * - the activity-end timer, while working;
 * - the outage event the state ignores, `now` (it moves no clock), to see both engines ignore it.
 */
export function alphabet(desk: RoleDesk): (s: DeskSnapshot) => ModelEvent[] {
  const timers = timerEvents(desk.machine);
  const payloads = (type: string, i: number) =>
    [PAYLOADS[i % 3], PAYLOADS[(i + 1) % 3]].map((p) => ({ type, ...p }));
  const all = desk.work.flatMap(payloads);
  const one = desk.work.flatMap((type, i) => payloads(type, i).slice(0, 1));
  const cover = COVER.map((p) => ({ type: 'cover.work', ...p }));
  return (s) => {
    const c = s.context;
    const working = s.value === 'working';
    const events: ModelEvent[] = [];
    const add = (event: ModelEvent, ...which: Instant[]) => {
      for (const w of which) {
        const at = instant(s, w);
        if (at !== undefined) events.push({ ...event, at });
      }
    };
    const around: Instant[] = working ? ['mid'] : ['later'];
    const stopping: Instant[] = working ? ['mid', 'end'] : ['later'];
    const held = c.queue.length + (c.current === null ? 0 : 1);
    if (held < MAX_ACTIVITIES) {
      for (const w of [...(held === 0 ? all : one), ...cover]) add(w, working ? 'mid' : 'now');
    }
    add({ type: 'work.drop', task: 'A' }, ...around);
    add({ type: 'work.drop', ref: 'R' }, ...around);
    for (const a of [c.current, c.queue[0]]) {
      if (a !== null && a !== undefined) add({ type: 'work.drop', activity: a.id }, ...stopping);
    }
    add({ type: 'channel.message', channel: 'incidents', kind: 'alert' }, ...around);
    add({ type: 'budget.hold', upTo: 0 }, ...stopping);
    add({ type: 'budget.hold', upTo: 1 }, ...around);
    add({ type: 'budget.release' }, ...around);
    add({ type: 'work.rescale', task: 'A', factor: 2 }, ...stopping);
    add({ type: 'work.rescale', task: 'A', factor: 0.5 }, ...around);
    add({ type: 'calendar.set', calendar: OVERTIME }, ...stopping);
    add({ type: 'calendar.set', calendar: OFFICE_HOURS }, ...around);
    add({ type: 'throttle.start' }, ...stopping);
    add({ type: 'throttle.end' }, ...around);
    if (s.value === 'away') add({ type: 'outage.end' }, ...around);
    else add({ type: 'outage.start' }, ...stopping);
    add({ type: s.value === 'away' ? 'outage.start' : 'outage.end' }, 'now');
    if (working) for (const type of timers) events.push({ type });
    return events;
  };
}

/** An activity as the graph tells desks apart: a ritual, execution or other, P0 or not. */
function label(a: Activity): string {
  const cls =
    a.kind === 'execute' ? 'x' : a.kind === 'standup' || a.kind === 'rebalance' ? 'r' : 'o';
  return `${cls}${a.workPriority === undefined ? '' : a.workPriority === 0 ? '0' : 'p'}`;
}

/**
 * Graph key: the state, the activity under way and the queue summarized (see `label`), the hold,
 * the calendar, and whether the activity under way is due this instant (its timer and a message
 * can then meet). Times and hours are left out, or the graph would never end: the key stands for
 * many concrete states, and the traversal goes on from the first it reached.
 */
export function serialize(s: DeskSnapshot): string {
  const c = s.context;
  return JSON.stringify([
    s.value,
    c.current === null ? null : label(c.current),
    c.current !== null && c.endsAt <= c.now,
    c.queue.map(label),
    c.hold !== null,
    c.throttled,
    c.calendar.hoursPerDay,
  ]);
}

// ---------------------------------------------------------------------------------------------
// A live desk

/** When a callback is due, its tie-breaking priority, and the order it was scheduled in. */
interface Entry {
  readonly time: number;
  readonly priority: number;
  readonly seq: number;
}

/** A kernel that knows which of its callbacks are still to fire, and what fired last. */
export class WatchedKernel extends Kernel {
  readonly live = new Map<Scheduled, Entry>();
  lastFired: Entry | null = null;
  private scheduled = 0;

  override schedule(delay: number, fire: () => void, priority: number = Priority.event) {
    const entry = { time: this.now + delay, priority, seq: this.scheduled++ };
    return this.track((watched) => super.schedule(delay, watched, priority), fire, entry);
  }

  override scheduleAt(time: number, fire: () => void, priority: number = Priority.event) {
    const entry = { time, priority, seq: this.scheduled++ };
    return this.track((watched) => super.scheduleAt(time, watched, priority), fire, entry);
  }

  override cancel(handle: Scheduled): boolean {
    this.live.delete(handle);
    return super.cancel(handle);
  }

  private track(push: (fire: () => void) => Scheduled, fire: () => void, entry: Entry): Scheduled {
    const handle = push(() => {
      this.live.delete(handle);
      this.lastFired = entry;
      fire();
    });
    this.live.set(handle, entry);
    return handle;
  }
}

export interface LiveDesk {
  kernel: WatchedKernel;
  actor: { send(event: never): void; getSnapshot(): unknown };
  /** Every emitted event with the time it was emitted, JSON-encoded, in order. */
  emitted: string[];
  failures: unknown[];
  /**
   * What is pending on the kernel (each callback's time and priority) and the events the actor
   * has scheduled and not yet received.
   */
  timers(): string;
}

/** The events a live actor has scheduled and not yet received, by type. */
function scheduledEvents(engine: Engine, actor: unknown): string[] {
  if (engine === 'xstate') {
    const system = (actor as { system: { getSnapshot(): { _scheduledEvents: object } } }).system;
    return Object.values(system.getSnapshot()._scheduledEvents)
      .map((e: { event: { type: string } }) => e.event.type)
      .sort();
  }
  const timers = (actor as { timers?: Map<string, Scheduled> }).timers;
  if (!(timers instanceof Map))
    throw new Error(
      'FlatActor no longer keeps its pending timers in `timers`: update scheduledEvents() in tests/machines/desk-harness.ts.',
    );
  return [...timers.keys()].sort();
}

/** A desk on its own kernel; on XState, watched for the transitions it takes (into `covered`). */
export function liveDesk(desk: RoleDesk, engine: Engine, covered: Set<string>): LiveDesk {
  const kernel = new WatchedKernel();
  const emitted: string[] = [];
  const failures: unknown[] = [];
  const ids = definitionIds(desk.machine);
  let previous = 'idle';
  const inspect = (event: InspectionEvent) => {
    if (event.type !== '@xstate.microstep') return;
    for (const definition of event._transitions) {
      const id = ids.get(definition);
      if (id === undefined)
        throw new Error(`A transition outside the catalogue was taken from ${previous}.`);
      covered.add(`${previous}|${id}`);
    }
    previous = String((event.snapshot as unknown as { value: unknown }).value);
  };
  const actor = startMachine(desk.machine, kernel, desk.input, {
    engine,
    onEmit: (event) => emitted.push(JSON.stringify([kernel.now, event])),
    onFailure: (error) => failures.push(error),
    inspect: engine === 'xstate' ? inspect : undefined,
  });
  const timers = () => {
    const onKernel = [...kernel.live.values()]
      .sort((a, b) => a.time - b.time || a.priority - b.priority || a.seq - b.seq)
      .map((e) => [e.time, e.priority]);
    return JSON.stringify({ onKernel, events: scheduledEvents(engine, actor) });
  };
  return { kernel, actor, emitted, failures, timers };
}
