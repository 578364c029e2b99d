// Which resource the critical paths spent their time on: each segment's person or backlog is
// grouped into the resource a designer can change — a domain's IC pool (an IC's desk or its
// domain's backlog), a lead, the EM, a human — and the verdict names the one with the largest
// share of critical-path time, with the waits behind it as evidence.

import type { Hours } from '../kernel/time.ts';
import { grouped } from '../text/number.ts';
import type { Cause, InstructionPath } from './critical-path.ts';
import type { RunStart } from './timeline.ts';

export interface ResourceShare {
  /** `team/domain` for an IC pool, else a person's id (or `blockers`, `requirement changes`). */
  readonly resource: string;
  readonly label: string;
  readonly hours: Hours;
  /** Of all critical-path hours. */
  readonly share: number;
  readonly byCause: Partial<Record<Cause, Hours>>;
  /** The people whose desks the hours were spent at, for the evidence. */
  readonly people: Record<string, Hours>;
}

type Person = RunStart['people'][number];

function groupOf(
  resource: string,
  people: Map<string, Person>,
  teams: number,
): { key: string; label: string } {
  const p = people.get(resource);
  const pool = (team: string, domain: string) => ({
    key: `${team}/${domain}`,
    label: teams > 1 ? `${team} ${domain} ICs` : `${domain} ICs`,
  });
  if (p === undefined) {
    const [team, domain] = resource.split('/');
    if (team !== undefined && domain !== undefined) return pool(team, domain);
    return { key: resource, label: resource };
  }
  if (p.role === 'IC') return pool(p.team, p.domain ?? '');
  return {
    key: p.id,
    label: p.role === 'DL' ? `${p.id} (${p.domain} lead)` : `${p.id} (${p.role})`,
  };
}

/** Critical-path hours per resource, largest first. */
export function resourceShares(
  paths: readonly InstructionPath[],
  start: RunStart,
  hired: ReadonlyArray<{ person: string; team: string; domain: string }> = [],
): ResourceShare[] {
  const people = new Map<string, Person>(start.people.map((p) => [p.id, p]));
  for (const h of hired)
    if (!people.has(h.person))
      people.set(h.person, {
        id: h.person,
        role: 'IC',
        team: h.team,
        domain: h.domain as Person['domain'] & string,
        calendar: { hoursPerDay: 24, startHour: 0 },
      });
  const teams = new Set(start.people.filter((p) => p.role === 'TL').map((p) => p.team)).size;
  const total = paths.reduce((h, p) => h + p.leadTimeHours, 0);
  const by = new Map<
    string,
    {
      label: string;
      hours: number;
      byCause: Partial<Record<Cause, Hours>>;
      people: Record<string, Hours>;
    }
  >();
  for (const path of paths) {
    for (const s of path.segments) {
      const hours = s.to - s.from;
      const { key, label } = groupOf(s.resource, people, teams);
      const entry = by.get(key) ?? { label, hours: 0, byCause: {}, people: {} };
      entry.hours += hours;
      entry.byCause[s.cause] = (entry.byCause[s.cause] ?? 0) + hours;
      entry.people[s.resource] = (entry.people[s.resource] ?? 0) + hours;
      by.set(key, entry);
    }
  }
  return [...by.entries()]
    .map(([resource, e]) => ({
      resource,
      label: e.label,
      hours: e.hours,
      share: total > 0 ? e.hours / total : 0,
      byCause: e.byCause,
      people: e.people,
    }))
    .sort((a, b) => b.hours - a.hours || a.resource.localeCompare(b.resource));
}

const PHRASE: Record<Cause, string> = {
  backlog: 'waiting in the backlog for a WIP slot',
  queue: 'queued behind other work',
  execution: 'executing',
  review: 'reviewing',
  planning: 'planning and assigning',
  intake: 'in intake',
  handoff: 'checking handoffs',
  blocked: 'on blockers',
  away: 'with the person out',
  offHours: 'outside their working hours',
  ritual: 'in rituals',
  incident: 'displaced by P0 work',
  budget: 'held by a spent budget',
  change: 'waiting for a requirement change',
  rateLimit: 'waiting on rate limits',
  loop: 'looping',
  approval: 'awaiting approval',
  merging: 'syncing and merging',
  conflict: 'resolving merge conflicts',
  integration: 'waiting for integration, CI and promotion to main',
  unexplained: 'unexplained',
};

const h = (v: number) => `${grouped(Math.round(v))} h`;

/** The resource with the largest share of critical-path time, and the hours behind it. */
export function verdictOf(
  shares: readonly ResourceShare[],
  paths: readonly InstructionPath[],
): { where: string; evidence: string } {
  const top = shares[0];
  if (top === undefined || top.hours <= 0)
    return { where: 'none', evidence: 'no instruction was completed' };
  const total = paths.reduce((s, p) => s + p.leadTimeHours, 0);
  const causes = Object.entries(top.byCause)
    .filter(([, v]) => (v ?? 0) >= 0.5)
    .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
    .map(([c, v]) => `${h(v ?? 0)} ${PHRASE[c as Cause]}`);
  // For a pool, whose desks (the backlog's own key is not a desk).
  const desks = Object.entries(top.people)
    .filter(([p]) => p !== top.resource && !p.includes('/'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([p, v]) => `${p}'s desk ${h(v)}`);
  const of =
    paths.length === 1 ? 'the critical path' : `the ${paths.length} instructions' critical paths`;
  return {
    where: top.label,
    evidence: `${Math.round(top.share * 100)} % of ${of} (${h(top.hours)} of ${h(total)}): ${causes.join(', ')}${desks.length > 0 && top.resource.includes('/') ? ` (${desks.join(', ')})` : ''}`,
  };
}
