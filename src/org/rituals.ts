// The daily rituals. The standup: each IC reports yesterday / today / blockers to its lead, each
// lead rolls its team's reports up to the TL, the TL to the EM. The capacity review: the EM
// forecasts each domain's next days, flags oversubscription and rebalances (borrows an IC with a
// secondary skill, or defers low-priority work).

import type { DeskContext } from '../../machines/desk.ts';
import { workingHoursBetween } from '../domain/calendar.ts';
import { DOMAINS, type Domain, type IcSpec, skillIn } from '../domain/org.ts';
import { HOURS_PER_DAY, type Hours } from '../kernel/time.ts';
import { backlog, tryAssign } from './flow.ts';
import type { Person, World } from './world.ts';

export interface StandupReport {
  readonly person: string;
  readonly yesterday: string[];
  readonly today: string[];
  readonly blockers: string[];
}

/** Per day, the reports each lead and TL is waiting for. */
export interface StandupState {
  day: number;
  readonly awaiting: Map<string, number>;
  readonly reports: Map<string, StandupReport[]>;
  readonly rollups: Map<string, unknown[]>;
}

export function newStandupState(): StandupState {
  return { day: -1, awaiting: new Map(), reports: new Map(), rollups: new Map() };
}

/** The day's standup call: every IC who is in reports to its lead. */
export function callStandup(world: World, state: StandupState, day: number): void {
  state.day = day;
  state.awaiting.clear();
  state.reports.clear();
  state.rollups.clear();
  for (const p of world.people.values()) {
    if (p.role === 'DL') state.awaiting.set(p.spec.id, 0);
    if (p.role === 'TL') state.awaiting.set(p.spec.id, 0);
  }
  for (const p of world.people.values()) {
    if (p.role === 'DL')
      state.awaiting.set(
        world.techLead(p.team).spec.id,
        (state.awaiting.get(world.techLead(p.team).spec.id) ?? 0) + 1,
      );
    if (p.role === 'TL')
      state.awaiting.set(
        world.manager().spec.id,
        (state.awaiting.get(world.manager().spec.id) ?? 0) + 1,
      );
    if (p.role !== 'IC' || p.away) continue;
    const lead = world.lead(p.team, p.domain as Domain).spec.id;
    state.awaiting.set(lead, (state.awaiting.get(lead) ?? 0) + 1);
    world.deliver(p, {
      type: 'standup.call',
      workHours: world.config.overheads.standupHours.IC,
      ref: `standup-${day}`,
    });
  }
  for (const p of world.people.values())
    if (p.role === 'DL' && state.awaiting.get(p.spec.id) === 0) rollUp(world, state, p);
}

function taskStates(world: World, ids: Iterable<string>): Array<[string, unknown]> {
  return [...ids].map((id) => [id, world.task(id).actor.getSnapshot().value]);
}

/** What an IC says at standup, read off its desk and the tasks it holds. */
function reportOf(world: World, person: Person): StandupReport {
  const desk = person.actor.getSnapshot().context as DeskContext;
  const since = world.now - HOURS_PER_DAY;
  const yesterday = [...person.workedSince.entries()]
    .filter(([, t]) => t >= since)
    .map(([id]) => id);
  const today = [desk.current, ...desk.queue].flatMap((a) =>
    a?.kind === 'execute' && a.task ? [a.task] : [],
  );
  const blockers = taskStates(world, person.held)
    .filter(([, s]) => s === 'blocked' || s === 'escalated')
    .map(([id]) => id);
  return { person: person.spec.id, yesterday, today: [...new Set(today)], blockers };
}

/** Files what `to` heard; true once it has everything it waits for today. */
function collect<T>(state: StandupState, heard: Map<string, T[]>, to: Person, item: T): boolean {
  const list = heard.get(to.spec.id) ?? [];
  list.push(item);
  heard.set(to.spec.id, list);
  return list.length === state.awaiting.get(to.spec.id);
}

/** A standup activity finished on someone's desk. */
export function standupDone(
  world: World,
  state: StandupState,
  person: Person,
  ref: string | undefined,
): void {
  if (ref !== `standup-${state.day}`) return;
  if (person.role === 'IC') {
    const lead = world.lead(person.team, person.domain as Domain);
    const report = reportOf(world, person);
    world.message('standup', 'standup.report', person.spec.id, lead, null, { content: report });
    if (collect(state, state.reports, lead, report)) {
      world.deliver(lead, {
        type: 'standup.report',
        workHours: world.config.overheads.standupHours.DL,
        ref: `standup-${state.day}`,
      });
    }
    return;
  }
  rollUp(world, state, person);
}

/** A lead (DL, TL) rolls up what it heard to the next level; the EM's read closes the day. */
function rollUp(world: World, state: StandupState, person: Person): void {
  if (person.role === 'EM') return;
  const reports = state.reports.get(person.spec.id) ?? [];
  const content =
    person.role === 'DL'
      ? {
          domain: person.domain,
          reports: reports.length,
          done: reports.reduce((n, r) => n + r.yesterday.length, 0),
          planned: reports.reduce((n, r) => n + r.today.length, 0),
          blockers: reports.flatMap((r) => r.blockers),
          backlog: backlog(world, person.team, person.domain as Domain).length,
        }
      : { team: person.team, leads: state.rollups.get(person.spec.id) ?? [] };
  const up = person.role === 'DL' ? world.techLead(person.team) : world.manager();
  world.message('standup', 'standup.rollup', person.spec.id, up, null, { content });
  if (collect(state, state.rollups, up, content)) {
    world.deliver(up, {
      type: 'standup.rollup',
      workHours: world.config.overheads.standupHours[up.role],
      ref: `standup-${state.day}`,
    });
  }
}

/** Working hours `person` has between now and the end of the forecast, outside outages. */
function availableHours(world: World, person: Person, until: Hours): Hours {
  let hours = workingHoursBetween(world.now, until, person.spec.calendar);
  for (const o of world.config.outages) {
    if (o.person !== person.spec.id) continue;
    hours -= workingHoursBetween(
      Math.max(o.from, world.now),
      Math.min(o.to, until),
      person.spec.calendar,
    );
  }
  return Math.max(0, hours);
}

/** The EM's capacity review: a forecast per team and domain, and a rebalance where it is short. */
export function reviewCapacity(world: World): void {
  const until = world.now + world.config.forecastHours;
  const teams = [
    ...new Set([...world.people.values()].filter((p) => p.role === 'TL').map((p) => p.team)),
  ];
  for (const team of teams) {
    const short: Domain[] = [];
    const slack = new Map<Domain, number>();
    for (const domain of DOMAINS) {
      const pool = world.pool(team, domain);
      const ics = pool.map((p) => {
        let held = 0;
        for (const id of p.held) held += world.task(id).effortLeft;
        return {
          id: p.spec.id,
          availableHours: availableHours(world, p, until),
          committedHours: held,
        };
      });
      const available = ics.reduce((h, ic) => h + ic.availableHours, 0);
      let committed = ics.reduce((h, ic) => h + ic.committedHours, 0);
      for (const t of backlog(world, team, domain)) committed += t.plan.estimateHours;
      const oversubscribed = committed > available;
      world.record({
        type: 'capacity.forecast',
        team,
        domain,
        availableHours: available,
        committedHours: committed,
        oversubscribed,
        ics,
      });
      slack.set(domain, available - committed);
      if (oversubscribed && backlog(world, team, domain).length > 0) short.push(domain);
    }
    for (const domain of short) rebalance(world, team, domain, slack, until);
  }
}

/** ICs whose home is `domain` and who are not lent out. */
function ownPool(world: World, team: string, domain: Domain): number {
  return world.pool(team, domain).filter((p) => p.domain === domain).length;
}

function hasBorrowedIn(world: World, team: string, domain: Domain): boolean {
  return world.pool(team, domain).some((p) => p.domain !== domain);
}

function rebalance(
  world: World,
  team: string,
  domain: Domain,
  slack: Map<Domain, number>,
  until: Hours,
): void {
  const lenders = [...world.people.values()].filter(
    (p) =>
      p.role === 'IC' &&
      p.team === team &&
      p.domain !== domain &&
      !p.away &&
      (p.borrowed === null || p.borrowed.until <= world.now) &&
      skillIn(p.spec as IcSpec, domain) > 0 &&
      (slack.get(p.domain as Domain) ?? 0) > 0 &&
      ownPool(world, team, p.domain as Domain) > 1 &&
      !hasBorrowedIn(world, team, p.domain as Domain),
  );
  lenders.sort((a, b) => skillIn(b.spec as IcSpec, domain) - skillIn(a.spec as IcSpec, domain));
  const lender = lenders[0];
  if (lender !== undefined) {
    lender.borrowed = { domain, until };
    // When the loan ends the IC is back in its own pool: its home backlog must be served again.
    const home = lender.domain as Domain;
    world.after(until - world.now, () => tryAssign(world, team, home));
    slack.set(
      lender.domain as Domain,
      (slack.get(lender.domain as Domain) ?? 0) - world.config.forecastHours / 3,
    );
    world.record({
      type: 'rebalance',
      kind: 'borrow',
      team,
      domain,
      person: lender.spec.id,
      until,
    });
    tryAssign(world, team, domain);
    return;
  }
  // No one to borrow: push the lowest-priority waiting work back a day, if more urgent work waits.
  const waiting = backlog(world, team, domain);
  let lowest = 0;
  for (const t of waiting) lowest = Math.max(lowest, t.priority);
  if (waiting.every((t) => t.priority === lowest)) return;
  const deferred = waiting.filter((t) => t.priority === lowest);
  for (const t of deferred) t.deferredUntil = world.now + HOURS_PER_DAY;
  // When the deferral ends the tasks are eligible again: serve the backlog then.
  world.after(HOURS_PER_DAY, () => tryAssign(world, team, domain));
  world.record({
    type: 'rebalance',
    kind: 'defer',
    team,
    domain,
    tasks: deferred.map((t) => t.plan.id),
    until: world.now + HOURS_PER_DAY,
  });
}
