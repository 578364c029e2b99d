// The daily standup, at its hour: every IC present reports yesterday / today / blockers to its
// Domain Lead, each lead rolls its reports up to the TL, and the TL to the EM. A standup pauses
// whatever the person is doing (src/domain/activity.ts), so it never waits behind a day of work;
// each day's reports and roll-ups are filed under the day of the call, even when one comes late.

import type { DeskContext } from '../../machines/desk.ts';
import type { BlockerType } from '../domain/escalation.ts';
import type { Domain } from '../domain/org.ts';
import type { Hours } from '../kernel/time.ts';
import { backlog } from './assigning.ts';
import type { Person, TaskState, World } from './world.ts';

export interface Blocker {
  readonly task: string;
  readonly type: BlockerType;
  readonly ageHours: Hours;
}

export interface StandupReport {
  readonly day: number;
  readonly person: string;
  /** Tasks the person finished executing since its last standup report. */
  readonly yesterday: string[];
  /** Tasks the person has work on: under way or queued on its desk. */
  readonly today: string[];
  readonly blockers: Blocker[];
}

/** One day's standup: who each lead and the EM still wait for, and what they heard. */
interface Day {
  readonly awaiting: Map<string, number>;
  readonly heard: Map<string, unknown[]>;
}

export interface StandupState {
  readonly days: Map<number, Day>;
  /** When each person last reported: "yesterday" is what they finished since. */
  readonly lastReport: Map<string, Hours>;
}

export function newStandupState(): StandupState {
  return { days: new Map(), lastReport: new Map() };
}

/** A day's standup work; done by someone covering for `seat`, it names the seat. */
const ref = (day: number, seat?: string) => `standup-${day}${seat === undefined ? '' : `@${seat}`}`;

/** The day of a standup activity, and whose standup it is when someone covers for them. */
function parse(activityRef: string | undefined): { day: number; seat?: string } | null {
  const match = /^standup-(\d+)(?:@(.+))?$/.exec(activityRef ?? '');
  if (match === null) return null;
  return match[2] === undefined
    ? { day: Number(match[1]) }
    : { day: Number(match[1]), seat: match[2] };
}

/** The ref of a standup activity handed to someone covering for `seat`. */
export function coveredRef(activityRef: string | undefined, seat: Person): string | undefined {
  const parsed = parse(activityRef);
  return parsed === null || parsed.seat !== undefined ? activityRef : ref(parsed.day, seat.spec.id);
}

/** Whom a person's standup goes up to: an IC's home lead, a DL's TL, a TL's EM. */
function upTo(world: World, p: Person): Person | null {
  if (p.role === 'IC') return world.roster.leadOrNull(p.team, p.domain as Domain);
  if (p.role === 'DL') return world.roster.techLead(p.team);
  if (p.role === 'TL') return world.roster.manager();
  return null;
}

/**
 * The day's call: every IC present is called; leads expect one item from each seat staffed below.
 * A lead's seat is staffed while the lead is present or someone covers for them.
 */
export function callStandup(world: World, state: StandupState, day: number): void {
  const today: Day = { awaiting: new Map(), heard: new Map() };
  state.days.set(day, today);
  const present = [...world.roster.people.values()].filter((p) =>
    p.role === 'IC' ? !p.away : (p.role === 'DL' || p.role === 'TL') && world.roster.staffed(p),
  );
  for (const p of present) {
    const up = upTo(world, p);
    if (up === null || !world.roster.staffed(up)) continue;
    today.awaiting.set(up.spec.id, (today.awaiting.get(up.spec.id) ?? 0) + 1);
  }
  for (const p of present) {
    if (p.role !== 'IC') continue;
    world.messages.deliver(p, {
      type: 'standup.call',
      workHours: world.config.overheads.standupHours.IC,
      ref: ref(day),
    });
  }
  // A lead with nobody to hear from rolls up at once.
  for (const p of present)
    if (p.role === 'DL' && (today.awaiting.get(p.spec.id) ?? 0) === 0) rollUp(world, state, p, day);
}

/**
 * The org held no standup while it was idle, the last one it skipped at `t`: what anyone finished
 * before then counts as reported, so the next standup's "yesterday" starts there, as it would have.
 */
export function skipStandups(world: World, state: StandupState, t: Hours): void {
  for (const p of world.roster.people.values()) {
    const last = state.lastReport.get(p.spec.id);
    if (p.role === 'IC' && (last === undefined || last < t)) state.lastReport.set(p.spec.id, t);
  }
}

/** Blockers on the tasks a person holds, with their type and how long they have stood. */
function blockersOf(world: World, tasks: Iterable<TaskState>): Blocker[] {
  const out: Blocker[] = [];
  for (const t of tasks) {
    if (t.blockedAt === null || t.terminal) continue;
    const type = t.actor.getSnapshot().context.blocker;
    if (type !== null) out.push({ task: t.plan.id, type, ageHours: world.now - t.blockedAt });
  }
  return out;
}

/** What an IC says at standup, read off its desk and the tasks it holds. */
function reportOf(world: World, state: StandupState, person: Person, day: number): StandupReport {
  const desk = person.actor.getSnapshot().context as DeskContext;
  const since = state.lastReport.get(person.spec.id) ?? Number.NEGATIVE_INFINITY;
  const yesterday: string[] = [];
  for (const [id, t] of person.finished) if (t > since) yesterday.push(id);
  const today = new Set<string>();
  for (const a of [desk.current, ...desk.queue])
    if (a?.kind === 'execute' && a.task !== undefined) today.add(a.task);
  const held = [...person.held].map((id) => world.task(id));
  return {
    day,
    person: person.spec.id,
    yesterday,
    today: [...today],
    blockers: blockersOf(world, held),
  };
}

/** Files what `to` heard for `day`; true once it has everything it waits for. */
function hear(day: Day, to: Person, item: unknown): boolean {
  const list = day.heard.get(to.spec.id) ?? [];
  list.push(item);
  day.heard.set(to.spec.id, list);
  return list.length === day.awaiting.get(to.spec.id);
}

/** A standup activity finished on someone's desk. */
export function standupDone(
  world: World,
  state: StandupState,
  person: Person,
  activityRef: string | undefined,
): void {
  const parsed = parse(activityRef);
  if (parsed === null) return;
  const { day } = parsed;
  if (parsed.seat !== undefined) {
    rollUp(world, state, world.roster.person(parsed.seat), day, person);
    return;
  }
  if (person.role === 'IC') {
    const report = reportOf(world, state, person, day);
    state.lastReport.set(person.spec.id, world.now);
    const lead = upTo(world, person);
    if (lead === null) return;
    world.messages.message('standup', 'standup.report', person.spec.id, lead, null, {
      content: report,
    });
    deliverWhenComplete(world, state, day, lead, report);
    return;
  }
  rollUp(world, state, person, day);
}

/**
 * `to`'s seat heard `item`; with everything in, its standup work goes on the desk of whoever sits
 * there now (at once): the person, or the one covering for them.
 */
function deliverWhenComplete(
  world: World,
  state: StandupState,
  day: number,
  to: Person,
  item: unknown,
): void {
  const today = state.days.get(day);
  if (today === undefined || !world.roster.staffed(to) || !hear(today, to, item)) return;
  world.messages.deliver(to, {
    type: to.role === 'DL' ? 'standup.report' : 'standup.rollup',
    workHours: world.config.overheads.standupHours[to.role === 'human' ? 'EM' : to.role],
    ref: world.roster.standIn(to) === to ? ref(day) : ref(day, to.spec.id),
  });
}

/** The oldest wait and size of each domain backlog of a team: what the EM's roll-up names. */
function biggestBacklog(world: World, team: string) {
  let best: { domain: Domain; tasks: number; oldestHours: Hours } | null = null;
  for (const lead of world.roster.team(team)) {
    if (lead.role !== 'DL' || lead.domain === undefined) continue;
    const waiting = backlog(world, team, lead.domain);
    if (waiting.length === 0 || (best !== null && waiting.length <= best.tasks)) continue;
    const oldest = waiting.reduce((m, t) => Math.min(m, t.waitingSince), Number.POSITIVE_INFINITY);
    best = { domain: lead.domain, tasks: waiting.length, oldestHours: world.now - oldest };
  }
  return best;
}

/**
 * A lead (DL, TL) rolls up what it heard to the next level (`by` them, or whoever covers for
 * them); the EM's read closes the day.
 */
function rollUp(
  world: World,
  state: StandupState,
  person: Person,
  day: number,
  by: Person = world.roster.standIn(person),
): void {
  if (person.role === 'EM' || person.role === 'IC') return;
  const heard = state.days.get(day)?.heard.get(person.spec.id) ?? [];
  const up = upTo(world, person);
  if (up === null) return;
  let content: Record<string, unknown>;
  if (person.role === 'DL') {
    const reports = heard as StandupReport[];
    const waiting = backlog(world, person.team, person.domain as Domain);
    content = {
      day,
      domain: person.domain,
      reports: reports.length,
      done: reports.reduce((n, r) => n + r.yesterday.length, 0),
      planned: reports.reduce((n, r) => n + r.today.length, 0),
      blockers: reports.flatMap((r) => r.blockers),
      backlog: waiting.length,
      oldestBacklogHours:
        waiting.length === 0
          ? 0
          : world.now -
            waiting.reduce((m, t) => Math.min(m, t.waitingSince), Number.POSITIVE_INFINITY),
    };
  } else {
    const team = world.roster.team(person.team);
    const idle = team
      .filter((p) => p.role === 'IC' && !p.away && p.held.size === 0 && deskEmpty(p))
      .map((p) => p.spec.id);
    const held = team.flatMap((p) => [...p.held].map((id) => world.task(id)));
    content = {
      day,
      team: person.team,
      leads: heard,
      idle,
      biggestBacklog: biggestBacklog(world, person.team),
      blockers: blockersOf(world, held),
    };
  }
  world.messages.message('standup', 'standup.rollup', by.spec.id, up, null, { content });
  deliverWhenComplete(world, state, day, up, content);
}

function deskEmpty(p: Person): boolean {
  const desk = p.actor.getSnapshot().context as DeskContext;
  return desk.current === null && desk.queue.every((a) => a.kind === 'standup');
}
