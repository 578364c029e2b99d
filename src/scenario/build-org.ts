// Builds an org from a compact description (ICs per domain, per team) or from people described
// one by one: the EM, a TL per team, a lead per staffed domain, and the ICs with their skills.

import { ALWAYS, type Calendar, OFFICE_WEEKDAYS } from '../domain/calendar.ts';
import {
  DOMAINS,
  type Domain,
  type FailureOdds,
  type IcSpec,
  type LeadSpec,
  type OrgSpec,
  type SkillLevel,
  type TeamSpec,
} from '../domain/org.ts';

/**
 * Who does a piece of the org's work: an agent on `model`, or a person. Set on the org, a team, an
 * IC group or an IC; the nearest setting wins, `person` over `model` at one level.
 */
export interface WorkerInput {
  readonly model?: string;
  readonly person?: true;
}

/** The worker of the nearest layer that says: a model name, null for a person, or the default. */
function workerOf(...layers: ReadonlyArray<WorkerInput | undefined>): { model?: string | null } {
  for (const layer of layers) {
    if (layer?.person === true) return { model: null };
    if (layer?.model !== undefined) return { model: layer.model };
  }
  return {};
}

export interface IcGroupInput extends WorkerInput {
  readonly count: number;
  /** The primary skill's level; by default 3, 4, 5 in turn. */
  readonly level?: SkillLevel;
  readonly secondary?: Readonly<Partial<Record<Domain, SkillLevel>>>;
  readonly wipLimit?: number;
  readonly calendar?: Calendar;
  readonly costPerHour?: number;
  readonly failures?: FailureOdds;
}

export interface PersonInput extends WorkerInput {
  readonly id: string;
  readonly domain: Domain;
  readonly skills?: Readonly<Partial<Record<Domain, SkillLevel>>>;
  readonly wipLimit?: number;
  readonly calendar?: Calendar;
  readonly costPerHour?: number;
  readonly failures?: FailureOdds;
}

export interface TeamInput extends WorkerInput {
  readonly id: string;
  /** The calendar of the team's TL, leads and ICs unless an IC sets one; by default the org's. */
  readonly calendar?: Calendar;
  readonly ics?: Readonly<Partial<Record<Domain, number | IcGroupInput>>>;
  readonly people?: readonly PersonInput[];
}

export interface HumanInput {
  readonly id: string;
  readonly calendar?: Calendar;
  readonly costPerHour?: number;
}

export interface OrgInput extends WorkerInput {
  readonly calendar?: Calendar;
  readonly wipLimit?: number;
  readonly teams: readonly TeamInput[];
  /** Default: one human, `human-1`, on the org's calendar, or office hours Monday to Friday. */
  readonly humans?: readonly HumanInput[];
}

/** The human an org has unless it names its own: a sponsor on office hours, Monday to Friday. */
export const DEFAULT_HUMANS: readonly HumanInput[] = [{ id: 'human-1' }];

/** A secondary skill each domain's ICs have by default, so rebalancing has someone to borrow. */
export const DEFAULT_SECONDARY: Readonly<Record<Domain, Domain>> = {
  frontend: 'backend',
  backend: 'data',
  qa: 'frontend',
  devops: 'security',
  data: 'backend',
  security: 'devops',
};

/** One IC of a group: the i-th (from 0) of `domain` in `team`. */
export function icOf(
  id: string,
  team: string,
  domain: Domain,
  i: number,
  group: IcGroupInput,
  defaults: { calendar: Calendar; wipLimit: number; worker?: WorkerInput },
): IcSpec {
  const secondary = group.secondary ?? { [DEFAULT_SECONDARY[domain]]: 2 as SkillLevel };
  return {
    id,
    role: 'IC',
    team,
    domain,
    calendar: group.calendar ?? defaults.calendar,
    costPerHour: group.costPerHour ?? 0,
    wipLimit: group.wipLimit ?? defaults.wipLimit,
    skills: { ...secondary, [domain]: group.level ?? ((3 + (i % 3)) as SkillLevel) },
    ...workerOf(group, defaults.worker),
    ...(group.failures === undefined ? {} : { failures: group.failures }),
  };
}

export function buildOrg(input: OrgInput): OrgSpec {
  const orgCalendar = input.calendar ?? ALWAYS;
  const wipLimit = input.wipLimit ?? 2;
  const prefixed = input.teams.length > 1;
  const teams: TeamSpec[] = input.teams.map((t) => {
    const prefix = prefixed ? `${t.id}/` : '';
    const calendar = t.calendar ?? orgCalendar;
    const worker = workerOf(t, input);
    const inherited: WorkerInput =
      worker.model === null
        ? { person: true }
        : worker.model === undefined
          ? {}
          : { model: worker.model };
    const defaults = { calendar, wipLimit, worker: inherited };
    const ics: IcSpec[] = [];
    for (const domain of DOMAINS) {
      const entry = t.ics?.[domain];
      if (entry === undefined) continue;
      const group = typeof entry === 'number' ? { count: entry } : entry;
      for (let i = 0; i < group.count; i++) {
        ics.push(icOf(`${prefix}ic-${domain}-${i + 1}`, t.id, domain, i, group, defaults));
      }
    }
    for (const p of t.people ?? []) {
      ics.push({
        id: p.id,
        role: 'IC',
        team: t.id,
        domain: p.domain,
        calendar: p.calendar ?? calendar,
        costPerHour: p.costPerHour ?? 0,
        wipLimit: p.wipLimit ?? wipLimit,
        skills: { [p.domain]: 3 as SkillLevel, ...p.skills },
        ...workerOf(p, inherited),
        ...(p.failures === undefined ? {} : { failures: p.failures }),
      });
    }
    const staffed = DOMAINS.filter((d) => ics.some((ic) => ic.domain === d));
    const leads: LeadSpec[] = staffed.map((domain) => ({
      id: `${prefix}dl-${domain}`,
      role: 'DL',
      team: t.id,
      domain,
      calendar,
      costPerHour: 0,
      ...worker,
    }));
    return {
      id: t.id,
      tl: { id: `${prefix}tl`, role: 'TL', team: t.id, calendar, costPerHour: 0, ...worker },
      leads,
      ics,
    };
  });
  return {
    em: {
      id: 'em',
      role: 'EM',
      team: 'org',
      calendar: orgCalendar,
      costPerHour: 0,
      ...workerOf(input),
    },
    teams,
    humans: (input.humans ?? DEFAULT_HUMANS).map((h) => ({
      id: h.id,
      role: 'human' as const,
      team: 'org',
      // The org's calendar is everyone's; an org of agents (no calendar) still has office humans.
      calendar: h.calendar ?? input.calendar ?? OFFICE_WEEKDAYS,
      costPerHour: h.costPerHour ?? 0,
    })),
  };
}
