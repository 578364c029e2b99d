// What a configuration implies before it runs: every instruction's plan, drawn up front from the
// instruction and the seed alone (so staffing can be checked before anything runs, and `orgsim
// plan` can print it), and a Domain Lead for every domain a team's plans or hires bring work to.

import { DOMAINS, type Domain, type LeadSpec, type OrgSpec } from '../domain/org.ts';
import {
  capableTeams,
  planDomains,
  planOf,
  unstaffedProblem,
} from '../domain/planning/instruction-plan.ts';
import type { Plan } from '../domain/planning/plan.ts';
import type { InstructionSpec, SimConfig } from './config.ts';

export type PlannedSpec = InstructionSpec & { readonly plan: Plan };

/** A configuration whose instructions all carry their plans. */
export type PlannedConfig = Omit<SimConfig, 'instructions'> & {
  readonly instructions: readonly PlannedSpec[];
};

/** The configuration with every instruction's plan filled in. */
export function withPlans(config: SimConfig): PlannedConfig {
  return {
    ...config,
    instructions: config.instructions.map((spec) =>
      spec.plan === undefined
        ? { ...spec, plan: planOf(spec, config.seed) }
        : (spec as PlannedSpec),
    ),
  };
}

/** Domains a hire brings ICs to, per team. */
function hiredDomains(config: PlannedConfig): Array<{ team: string; domain: Domain }> {
  return config.hires.map((h) => ({ team: h.ic.team, domain: h.ic.domain }));
}

/** Per instruction (by index), why no team can run its plan; empty when every plan is staffed. */
export function staffingProblems(config: PlannedConfig): Array<{ index: number; message: string }> {
  const extra = hiredDomains(config);
  const out: Array<{ index: number; message: string }> = [];
  config.instructions.forEach((spec, index) => {
    if (capableTeams(spec.plan, config.org, config.unstaffedWork, extra).length === 0)
      out.push({
        index,
        message: unstaffedProblem(spec.id, spec.plan, config.org, config.unstaffedWork),
      });
  });
  return out;
}

/** The teams that may take each instruction, by id: those able to staff every domain of its plan. */
export function teamsFor(config: PlannedConfig): Map<string, string[]> {
  const extra = hiredDomains(config);
  return new Map(
    config.instructions.map((spec) => [
      spec.id,
      capableTeams(spec.plan, config.org, config.unstaffedWork, extra),
    ]),
  );
}

/**
 * The org with a lead for every domain that will have work in a team: domains its hires staff
 * and, where ICs of other domains take unstaffed work, every domain of a plan it may run.
 */
export function withLeads(config: PlannedConfig): OrgSpec {
  const needs = new Map<string, Set<Domain>>();
  const need = (team: string, domain: Domain) => {
    const set = needs.get(team) ?? new Set<Domain>();
    set.add(domain);
    needs.set(team, set);
  };
  for (const h of hiredDomains(config)) need(h.team, h.domain);
  if (config.unstaffedWork === 'borrow') {
    const teams = teamsFor(config);
    for (const spec of config.instructions)
      for (const team of teams.get(spec.id) ?? [])
        for (const d of planDomains(spec.plan)) need(team, d);
  }
  const org = config.org;
  const prefixed = org.teams.length > 1;
  return {
    ...org,
    teams: org.teams.map((team) => {
      const missing = [...(needs.get(team.id) ?? [])].filter(
        (d) => !team.leads.some((l) => l.domain === d),
      );
      if (missing.length === 0) return team;
      const leads: LeadSpec[] = [
        ...team.leads,
        ...missing.map((domain) => ({
          id: `${prefixed ? `${team.id}/` : ''}dl-${domain}`,
          role: 'DL' as const,
          team: team.id,
          domain,
          calendar: team.tl.calendar,
          costPerHour: 0,
        })),
      ];
      leads.sort((a, b) => DOMAINS.indexOf(a.domain) - DOMAINS.indexOf(b.domain));
      return { ...team, leads };
    }),
  };
}
