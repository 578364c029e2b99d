// The EM's daily capacity review (the standup is src/org/standup.ts): the EM forecasts each
// domain's next days, flags oversubscription and rebalances (borrows an IC with a secondary
// skill, or defers low-priority work).

import { workingHoursBetween } from '../domain/calendar.ts';
import { DOMAINS, type Domain, type IcSpec, skillIn } from '../domain/org.ts';
import { HOURS_PER_DAY, type Hours } from '../kernel/time.ts';
import { backlog, tryAssign } from './assigning.ts';
import type { Person, World } from './world.ts';

/** Working hours `person` has between now and the end of the forecast, outside outages. */
function availableHours(world: World, person: Person, until: Hours): Hours {
  let hours = workingHoursBetween(world.now, until, world.calendarOf(person));
  for (const o of world.config.outages) {
    if (o.person !== person.spec.id) continue;
    hours -= workingHoursBetween(
      Math.max(o.from, world.now),
      Math.min(o.to, until),
      world.calendarOf(person),
    );
  }
  return Math.max(0, hours);
}

/** The EM's capacity review: a forecast per team and domain, and a rebalance where it is short. */
export function reviewCapacity(world: World): void {
  const until = world.now + world.config.forecastHours;
  const teams = [
    ...new Set([...world.roster.people.values()].filter((p) => p.role === 'TL').map((p) => p.team)),
  ];
  for (const team of teams) {
    const short: Domain[] = [];
    const slack = new Map<Domain, number>();
    for (const domain of DOMAINS) {
      const pool = world.roster.pool(team, domain);
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
  return world.roster.pool(team, domain).filter((p) => p.domain === domain).length;
}

function hasBorrowedIn(world: World, team: string, domain: Domain): boolean {
  return world.roster.pool(team, domain).some((p) => p.domain !== domain);
}

/**
 * Lends an IC to `team`'s `domain` backlog until `until`, logged as a rebalance; the backlog is
 * served at once, and the IC's home backlog again when the loan ends.
 */
export function lendIc(
  world: World,
  lender: Person,
  team: string,
  domain: Domain,
  until: Hours,
): void {
  world.roster.lend(lender, team, domain, until);
  const home = lender.domain as Domain;
  world.after(until - world.now, () => tryAssign(world, lender.team, home));
  world.record({ type: 'rebalance', kind: 'borrow', team, domain, person: lender.spec.id, until });
  tryAssign(world, team, domain);
}

function rebalance(
  world: World,
  team: string,
  domain: Domain,
  slack: Map<Domain, number>,
  until: Hours,
): void {
  const lenders = [...world.roster.people.values()].filter(
    (p) =>
      p.role === 'IC' &&
      p.team === team &&
      p.domain !== domain &&
      !p.away &&
      !world.roster.onLoan(p) &&
      skillIn(p.spec as IcSpec, domain) > 0 &&
      (slack.get(p.domain as Domain) ?? 0) > 0 &&
      ownPool(world, team, p.domain as Domain) > 1 &&
      !hasBorrowedIn(world, team, p.domain as Domain),
  );
  lenders.sort((a, b) => skillIn(b.spec as IcSpec, domain) - skillIn(a.spec as IcSpec, domain));
  const lender = lenders[0];
  if (lender !== undefined) {
    slack.set(
      lender.domain as Domain,
      (slack.get(lender.domain as Domain) ?? 0) - world.config.forecastHours / 3,
    );
    lendIc(world, lender, team, domain, until);
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
