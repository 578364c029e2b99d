// Who is in the org: every person by id, the EM, the humans, each team's Tech Lead, leads and ICs,
// and the ICs lent across teams; the queries the flow asks of them (who leads a domain, who takes
// its work, who stands in for someone who is out, who hears a channel).

import { DOMAINS, type Domain, type IcSpec, skillIn } from '../domain/org.ts';
import type { UnstaffedWork } from '../domain/planning/instruction-plan.ts';
import { SimulationError } from '../kernel/kernel.ts';
import type { Hours } from '../kernel/time.ts';
import type { Person } from './world.ts';

export class Roster {
  readonly people = new Map<string, Person>();
  private em: Person | null = null;
  private readonly humanList: Person[] = [];
  private readonly techLeads = new Map<string, Person>();
  private readonly leads = new Map<string, Person>();
  private readonly icsByTeam = new Map<string, Person[]>();
  private readonly byTeam = new Map<string, Person[]>();
  /** ICs of other teams lent to each team. */
  private readonly lentInto = new Map<string, Set<Person>>();

  constructor(
    /** The current simulated time: loans run until an hour. */
    private readonly now: () => Hours,
    private readonly unstaffedWork: UnstaffedWork,
  ) {}

  /** The teams, in the order the org lists them. */
  teams(): string[] {
    return [...this.techLeads.keys()];
  }

  /** Files a new person under their role, team and domain. */
  add(p: Person): void {
    this.people.set(p.spec.id, p);
    if (p.role === 'EM') this.em = p;
    if (p.role === 'human') this.humanList.push(p);
    if (p.role === 'TL') this.techLeads.set(p.team, p);
    if (p.role === 'DL' && p.domain !== undefined) this.leads.set(`${p.team}/${p.domain}`, p);
    if (p.role === 'IC') push(this.icsByTeam, p.team, p);
    if (p.role !== 'EM' && p.role !== 'human') push(this.byTeam, p.team, p);
  }

  /** The person with `id`; an error if there is none. */
  person(id: string): Person {
    const p = this.people.get(id);
    if (p === undefined) throw new SimulationError(`No person "${id}" in the org.`);
    return p;
  }

  /** The team's lead for `domain`. */
  lead(team: string, domain: Domain): Person {
    const lead = this.leadOrNull(team, domain);
    if (lead === null) throw new SimulationError(`Team ${team} has no ${domain} lead.`);
    return lead;
  }

  /** The team's lead for `domain`, or null if it has none. */
  leadOrNull(team: string, domain: Domain): Person | null {
    return this.leads.get(`${team}/${domain}`) ?? null;
  }

  /** The humans who decide what reaches the top of the ladder. */
  humans(): Person[] {
    return this.humanList;
  }

  /** The team's Tech Lead. */
  techLead(team: string): Person {
    const tl = this.techLeads.get(team);
    if (tl === undefined) throw new SimulationError(`Team ${team} has no tech lead.`);
    return tl;
  }

  /** The Engineering Manager. */
  manager(): Person {
    if (this.em === null) throw new SimulationError('The org has no engineering manager.');
    return this.em;
  }

  /** Whether an IC is on loan to another domain or team right now. */
  onLoan(p: Person): boolean {
    return p.borrowed !== null && p.borrowed.until > this.now();
  }

  /** Lends an IC to `team`'s `domain` until `until` (the EM's rebalancing). */
  lend(p: Person, team: string, domain: Domain, until: Hours): void {
    p.borrowed = { team, domain, until };
    if (team !== p.team) {
      const set = this.lentInto.get(team) ?? new Set<Person>();
      set.add(p);
      this.lentInto.set(team, set);
    }
  }

  /**
   * The ICs who take `domain` work in `team`: its own, plus any lent to it (from another domain
   * or team); where the team has none of its own and the scenario lets others take such work,
   * its ICs with the skill.
   */
  pool(team: string, domain: Domain): Person[] {
    const out: Person[] = [];
    const ics = this.icsByTeam.get(team) ?? [];
    const covered = this.unstaffedWork === 'borrow' && !ics.some((p) => p.domain === domain);
    for (const p of ics) {
      if (this.onLoan(p)) {
        if (p.borrowed?.team === team && p.borrowed.domain === domain) out.push(p);
      } else if (p.domain === domain || (covered && skillIn(p.spec as IcSpec, domain) > 0)) {
        out.push(p);
      }
    }
    for (const p of this.lentInto.get(team) ?? [])
      if (this.onLoan(p) && p.borrowed?.team === team && p.borrowed.domain === domain) out.push(p);
    return out;
  }

  /** The backlogs an IC serves now, as team and domain: its own, a loan, and work it covers. */
  servedBy(ic: Person): Array<{ team: string; domain: Domain }> {
    const out: Array<{ team: string; domain: Domain }> = [];
    if (this.onLoan(ic) && ic.borrowed !== null)
      out.push({ team: ic.borrowed.team, domain: ic.borrowed.domain });
    else if (ic.domain !== undefined) out.push({ team: ic.team, domain: ic.domain });
    if (this.unstaffedWork === 'borrow') {
      const ics = this.icsByTeam.get(ic.team) ?? [];
      for (const d of DOMAINS)
        if (skillIn(ic.spec as IcSpec, d) > 0 && !ics.some((p) => p.domain === d))
          out.push({ team: ic.team, domain: d });
    }
    return out;
  }

  /** People of a team (its TL, leads and ICs). */
  team(team: string): readonly Person[] {
    return this.byTeam.get(team) ?? [];
  }

  /** Who does `seat`'s work now: the person, or while they are out, whoever covers for them. */
  standIn(seat: Person): Person {
    return seat.away && seat.cover !== null ? seat.cover : seat;
  }

  /** Whether anyone is at `seat` now: the person, or their cover. */
  staffed(seat: Person): boolean {
    return !seat.away || seat.cover !== null;
  }

  /**
   * Channels: `org` (everyone), `leads` (EM, TLs, DLs), `team/<t>` (a team's TL, leads and ICs),
   * `team/<t>/<domain>` (a DL and its ICs).
   */
  subscribers(channel: string): Person[] {
    if (channel === 'org') return [...this.people.values()];
    if (channel === 'leads') return [...this.people.values()].filter((p) => p.role !== 'IC');
    const [, team = '', domain] = channel.split('/');
    if (domain === undefined) return [...this.team(team)];
    return this.team(team).filter(
      (p) => p.domain === domain && (p.role === 'DL' || p.role === 'IC'),
    );
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
