// The organisation as data: domains, people, teams. The topology is a value a scenario builds;
// nothing here assumes the seed's 1 EM / 1 TL / 6 DL shape, which is only the default.

import type { Calendar } from './calendar.ts';

export const DOMAINS = ['frontend', 'backend', 'qa', 'devops', 'data', 'security'] as const;

export type Domain = (typeof DOMAINS)[number];

/** `human`: a person who governs (decides requirements and priority conflicts), with a desk. */
export type Role = 'EM' | 'TL' | 'DL' | 'IC' | 'human';

/** 1 (novice) to 5 (expert). */
export type SkillLevel = 1 | 2 | 3 | 4 | 5;

export interface PersonSpec {
  readonly id: string;
  readonly role: Role;
  readonly team: string;
  readonly calendar: Calendar;
  /** What an hour of this person's time costs beyond tokens (a human's rate); 0 for agents. */
  readonly costPerHour: number;
  /**
   * The model an agent runs on, from the scenario's model table; null: a person, who uses no
   * tokens; absent: the scenario's default model. Whoever has the role `human` is a person.
   */
  readonly model?: string | null;
}

export interface LeadSpec extends PersonSpec {
  readonly role: 'DL';
  readonly domain: Domain;
}

/** How an agent fails, over its model's odds (docs/agents.md, How agents fail). */
export type FailureOdds = Readonly<
  Partial<Record<'loop' | 'stopEarly' | 'passBadWork' | 'rejectGoodWork', number>>
>;

export interface IcSpec extends PersonSpec {
  readonly role: 'IC';
  readonly domain: Domain;
  /** Skill level per domain: the primary domain and any secondary skills. */
  readonly skills: Readonly<Partial<Record<Domain, SkillLevel>>>;
  readonly wipLimit: number;
  /** Its own failure odds, over its model's; absent: its model's. */
  readonly failures?: FailureOdds;
}

export interface TeamSpec {
  readonly id: string;
  readonly tl: PersonSpec;
  readonly leads: readonly LeadSpec[];
  readonly ics: readonly IcSpec[];
}

export interface OrgSpec {
  readonly em: PersonSpec;
  readonly teams: readonly TeamSpec[];
  /** The humans escalations reach at the top of the ladder: real people, with calendars. */
  readonly humans: readonly PersonSpec[];
}

export function allPeople(org: OrgSpec): PersonSpec[] {
  return [org.em, ...org.teams.flatMap((t) => [t.tl, ...t.leads, ...t.ics]), ...org.humans];
}

export function skillIn(ic: IcSpec, domain: Domain): number {
  return ic.skills[domain] ?? 0;
}
