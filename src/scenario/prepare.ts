// What a configuration implies before it runs: every instruction's plan and the work requirement
// changes add to it, drawn up front from the instruction, the change and the seed alone (so
// staffing can be checked before anything runs, and `orgsim plan` can print the plans), and a
// Domain Lead for every domain a team's plans or hires bring work to.

import { DOMAINS, type Domain, type LeadSpec, type OrgSpec } from '../domain/org.ts';
import { addedPlan, addedWorkIssues, withAdded } from '../domain/planning/added-work.ts';
import {
  capableTeams,
  missingDomains,
  planDomains,
  planOf,
  unstaffedProblem,
  unstaffedSentence,
} from '../domain/planning/instruction-plan.ts';
import type { Plan } from '../domain/planning/plan.ts';
import { RandomSource } from '../kernel/random.ts';
import { grouped } from '../text/number.ts';
import type { InstructionSpec, SimConfig } from './config.ts';
import { MAX_ESTIMATE_HOURS } from './numbers.ts';

export type PlannedSpec = InstructionSpec & { readonly plan: Plan };

/** A configuration whose instructions all carry their plans. */
export type PlannedConfig = Omit<SimConfig, 'instructions'> & {
  readonly instructions: readonly PlannedSpec[];
};

/**
 * The configuration with every instruction's plan filled in, and the work each requirement change
 * adds drawn (stream `change/<instruction>/C<k>` for the k-th change adding to it).
 */
export function withPlans(config: SimConfig): PlannedConfig {
  const instructions = config.instructions.map((spec) =>
    spec.plan === undefined ? { ...spec, plan: planOf(spec, config.seed) } : (spec as PlannedSpec),
  );
  const byId = new Map(instructions.map((spec) => [spec.id, spec]));
  const sofar = new Map(instructions.map((spec) => [spec.id, spec.plan]));
  const count = new Map<string, number>();
  const changes = config.changes.map((change) => {
    const spec = byId.get(change.instruction);
    const plan = sofar.get(change.instruction);
    if (change.add === undefined || spec === undefined || plan === undefined) return change;
    const k = (count.get(spec.id) ?? 0) + 1;
    count.set(spec.id, k);
    const random = new RandomSource(config.seed).stream(`change/${spec.id}/C${k}`);
    const added = addedPlan(spec, plan, change.add, k, random);
    sofar.set(spec.id, withAdded(plan, added));
    return { ...change, add: { ...change.add, plan: added } };
  });
  return { ...config, instructions, changes };
}

/** An instruction's plan with the work every requirement change adds to it. */
function fullPlan(config: PlannedConfig, spec: PlannedSpec): Plan {
  let plan = spec.plan;
  for (const c of config.changes)
    if (c.instruction === spec.id && c.add?.plan !== undefined) plan = withAdded(plan, c.add.plan);
  return plan;
}

/** Domains a hire brings ICs to, per team. */
function hiredDomains(config: PlannedConfig): Array<{ team: string; domain: Domain }> {
  return config.hires.map((h) => ({ team: h.ic.team, domain: h.ic.domain }));
}

/** Per instruction (by index), why no team can run its plan; empty when every plan is staffed. */
export function staffingProblems(
  config: PlannedConfig,
): Array<{ index: number; message: string; missing: Domain[] }> {
  const extra = hiredDomains(config);
  const out: Array<{ index: number; message: string; missing: Domain[] }> = [];
  config.instructions.forEach((spec, index) => {
    if (capableTeams(spec.plan, config.org, config.unstaffedWork, extra).length === 0)
      out.push({
        index,
        message: unstaffedProblem(spec.id, spec.plan, config.org, config.unstaffedWork),
        missing: missingDomains(spec.plan, config.org, config.unstaffedWork),
      });
  });
  return out;
}

/**
 * Staffing problems grouped by `keyOf` (an instruction's index and missing domains → a key): one
 * sentence per group, naming the first few instructions and how many more, and every domain
 * they lack.
 */
export function groupedStaffing(
  config: PlannedConfig,
  keyOf: (index: number, missing: readonly Domain[]) => string,
): Array<{ index: number; message: string }> {
  const groups = new Map<string, { index: number; ids: string[]; missing: Set<Domain> }>();
  for (const p of staffingProblems(config)) {
    const key = keyOf(p.index, p.missing);
    const group = groups.get(key) ?? { index: p.index, ids: [], missing: new Set<Domain>() };
    group.ids.push(config.instructions[p.index]?.id ?? '');
    for (const d of p.missing) group.missing.add(d);
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => {
    const several = g.ids.length > 1;
    const more = g.ids.length > 3 ? ` and ${g.ids.length - 3} more` : '';
    const subject = several
      ? `the plans of ${g.ids.slice(0, 3).join(', ')}${more}`
      : `${g.ids[0]}'s plan`;
    const missing = DOMAINS.filter((d) => g.missing.has(d));
    return {
      index: g.index,
      message: unstaffedSentence(subject, several, missing, config.org, config.unstaffedWork),
    };
  });
}

export interface ChangeIssue {
  /** The change's position in the configuration's list. */
  readonly change: number;
  /** Where in the change: `['add', 'domain']`. */
  readonly path: ReadonlyArray<string | number>;
  readonly message: string;
}

/**
 * What is wrong with the work requirement changes add: unknown or repeated task ids, cycles, and
 * work in a domain that no team able to run the instruction's plan has people for.
 */
/** Estimates a chain of rescales may not push a task past: the bounds of a planned estimate. */
const RESCALED_HOURS = { min: 0.001, max: MAX_ESTIMATE_HOURS } as const;

function rescaleProblem(instruction: string, sized: ReadonlyMap<string, number>): string | null {
  let largest = 0;
  let smallest = Number.POSITIVE_INFINITY;
  for (const h of sized.values()) {
    largest = Math.max(largest, h);
    smallest = Math.min(smallest, h);
  }
  if (largest > RESCALED_HOURS.max)
    return `makes a task of ${instruction} ${largest.toPrecision(3)} h with the rescales before it, over the ${grouped(RESCALED_HOURS.max)} h a task may be estimated at: rescale less`;
  if (smallest < RESCALED_HOURS.min)
    return `makes a task of ${instruction} ${smallest.toPrecision(3)} h with the rescales before it, under the ${RESCALED_HOURS.min} h a task may be estimated at: rescale less`;
  return null;
}

export function changeIssues(config: PlannedConfig): ChangeIssue[] {
  const extra = hiredDomains(config);
  const out: ChangeIssue[] = [];
  const sofar = new Map(config.instructions.map((spec) => [spec.id, spec.plan]));
  // Each task's estimate as the changes so far leave it (at most: as if none had started).
  const estimates = new Map(
    config.instructions.map((spec) => [
      spec.id,
      new Map(spec.plan.tactical.map((t) => [t.id, t.estimateHours])),
    ]),
  );
  const oversized = new Set<string>();
  config.changes.forEach((change, index) => {
    const plan = sofar.get(change.instruction);
    const sized = estimates.get(change.instruction);
    if (sized !== undefined && change.rescale !== undefined) {
      for (const [id, hours] of sized) sized.set(id, hours * change.rescale);
      const problem = rescaleProblem(change.instruction, sized);
      // Said once, at the first rescale that goes too far: the later ones only go further.
      if (problem !== null && !oversized.has(change.instruction)) {
        oversized.add(change.instruction);
        out.push({ change: index, path: ['rescale'], message: problem });
      }
    }
    if (plan === undefined)
      out.push({
        change: index,
        path: ['instruction'],
        message: `names no instruction: "${change.instruction}"`,
      });
    if (change.rescale !== undefined && !(change.rescale > 0))
      out.push({ change: index, path: ['rescale'], message: `must be > 0, got ${change.rescale}` });
    if (plan !== undefined) {
      const known = new Set(plan.tactical.map((t) => t.id));
      (change.tasks ?? []).forEach((task, k) => {
        if (!known.has(task))
          out.push({
            change: index,
            path: ['cancel', k],
            message: `names no task of ${change.instruction} at that time: "${task}" (its tasks: ${[...known].slice(0, 5).join(', ')}${known.size > 5 ? ', …' : ''})`,
          });
      });
    }
    const added = change.add?.plan;
    if (change.add === undefined || added === undefined || plan === undefined) return;
    for (const issue of addedWorkIssues(plan, change.add, added))
      out.push({ change: index, path: ['add', ...issue.path], message: issue.message });
    for (const t of added.tactical) sized?.set(t.id, t.estimateHours);
    const next = withAdded(plan, added);
    sofar.set(change.instruction, next);
    const { org, unstaffedWork } = config;
    if (
      capableTeams(plan, org, unstaffedWork, extra).length > 0 &&
      capableTeams(next, org, unstaffedWork, extra).length === 0
    )
      out.push({
        change: index,
        path: ['add', 'domain'],
        message: unstaffedProblem(change.instruction, next, org, unstaffedWork, true),
      });
  });
  return out;
}

/** The staffing problems as sentences: instructions lacking the same people named together. */
export function staffingSummary(config: PlannedConfig): string[] {
  return groupedStaffing(config, (_, missing) => missing.join(',')).map((g) => g.message);
}

/**
 * The teams that may take each instruction, by id: those able to staff every domain of its plan
 * and of the work requirement changes add to it.
 */
export function teamsFor(config: PlannedConfig): Map<string, string[]> {
  const extra = hiredDomains(config);
  return new Map(
    config.instructions.map((spec) => [
      spec.id,
      capableTeams(fullPlan(config, spec), config.org, config.unstaffedWork, extra),
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
        for (const d of planDomains(fullPlan(config, spec))) need(team, d);
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
