// Problems that make an org impossible to run, each saying what to fix: checked when a scenario is
// resolved, and again before a run of a configuration built in code.

import { calendarProblems } from '../domain/calendar.ts';
import { allPeople, DOMAINS, type IcSpec } from '../domain/org.ts';
import type { SimConfig } from './config.ts';
import { outageIssues } from './outage-issues.ts';

/** Problems that make an org impossible to run, each saying what to fix. */
export function orgProblems(config: SimConfig): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const p of [...allPeople(config.org), ...config.hires.map((h) => h.ic)]) {
    if (ids.has(p.id)) problems.push(`two people share the id "${p.id}": give each a unique id`);
    ids.add(p.id);
  }
  for (const p of [...allPeople(config.org), ...config.hires.map((h) => h.ic)]) {
    for (const problem of calendarProblems(p.calendar))
      problems.push(`the calendar of ${p.id} ${problem}`);
  }
  for (const team of config.org.teams) {
    const staffed = new Set(team.ics.map((ic) => ic.domain));
    for (const domain of DOMAINS) {
      if (staffed.has(domain) && !team.leads.some((l) => l.domain === domain)) {
        problems.push(
          `team ${team.id} has ${domain} ICs but no ${domain} lead: add one under its leads`,
        );
      }
    }
    if (staffed.size === 0) problems.push(`team ${team.id} has no ICs: give it at least one`);
    for (const ic of team.ics as readonly IcSpec[]) {
      if (!(ic.wipLimit >= 1))
        problems.push(`${ic.id}: wipLimit must be at least 1, got ${ic.wipLimit}`);
    }
  }
  for (const h of config.hires) {
    if (!(h.rampUpDays >= 0))
      problems.push(`hire ${h.ic.id}: rampUpDays must be ≥ 0, got ${h.rampUpDays}`);
    if (!(h.startProductivity > 0 && h.startProductivity <= 1))
      problems.push(
        `hire ${h.ic.id}: startProductivity must be > 0 and ≤ 1, got ${h.startProductivity}`,
      );
  }
  return problems;
}

/** The outages' problems as sentences, for a configuration built without the scenario loader. */
export function outageProblems(config: SimConfig): string[] {
  return outageIssues(config).map((issue) => {
    const o = config.outages[issue.outage];
    return `the outage of ${o?.person} (from ${o?.from}): ${issue.field} ${issue.message}`;
  });
}
