// whatif: the staffing question answered directly. From the base org it builds one variant per
// single change — one IC more in each staffed domain, one fewer where there are several, twice the
// hours for a lead on the critical path, each outage or incident taken out — runs them all on
// common random numbers and ranks them by the paired change in makespan.

import { DOMAINS } from '../domain/org.ts';
import { loadScenario, readScenario } from '../scenario/load.ts';
import { grouped } from '../text/number.ts';
import { loadOptionsOf, staffedConfig } from './checks.ts';
import {
  type CompareOptions,
  type Comparison,
  comparisonOf,
  DEFAULT_COMPARE_RUNS,
} from './compare.ts';
import type { Metric } from './metrics.ts';
import { type Arm, checkArms, defaultSeedBase, type RunOptions, replicate } from './replicate.ts';
import { VariantError } from './staffing.ts';
import { round4 } from './summarize.ts';
import { BASE, type Variant } from './variant.ts';

export const WHATIF_SCHEMA_VERSION = 1;
/** A lead whose desk holds at least this share of the critical path, on average, gets a variant. */
export const LEAD_SHARE = 0.05;

/** compare's options and the most a change may add to the cost and still be recommended. */
export interface WhatifOptions extends CompareOptions {
  /** The most a change may add to the mean cost and still be recommended, in USD. */
  readonly budgetPerChange?: number;
}

/** One what-if change and its paired effect on the makespan and the cost. */
export interface Change {
  readonly label: string;
  /** Paired differences against the base: negative makespan is sooner. */
  readonly makespanHours: { readonly mean: number; readonly ci95: number | null };
  readonly costUsd: { readonly mean: number; readonly ci95: number | null };
  /** Hours of makespan saved per $1,000 of added cost; null unless it saves hours and costs more. */
  readonly hoursPer1000Usd: number | null;
  /** The makespan's CI lies wholly below zero: the change shortens it, at 95 %. */
  readonly shortens: boolean;
  readonly withinBudget: boolean;
}

/** whatif's result (whatif.json): the one-line answer, the changes ranked, the comparison. */
export interface Whatif {
  readonly schemaVersion: number;
  readonly kind: 'whatif';
  readonly scenario: string;
  readonly seedBase: number;
  readonly runs: number;
  readonly partial: boolean;
  readonly budgetPerChange: number | null;
  /** The answer in one line. */
  readonly answer: string;
  /** Best first: by paired Δ makespan. */
  readonly changes: readonly Change[];
  readonly comparison: Comparison;
}

/** The single changes to try on a scenario, given each lead's mean critical-path share. */
export function candidateChanges(
  scenario: string,
  leadShares: ReadonlyMap<string, number>,
  options: RunOptions = {},
): Variant[] {
  const loaded = loadScenario(scenario, loadOptionsOf(options));
  const { org } = loaded.config;
  const ics = org.teams.flatMap((t) => t.ics);
  const variants: Variant[] = [];
  for (const domain of DOMAINS) {
    const n = ics.filter((ic) => ic.domain === domain).length;
    if (n === 0) continue;
    variants.push({ label: `+1 ${domain} IC`, changes: [{ kind: 'addIcs', domain, by: 1 }] });
    if (n > 1)
      variants.push({ label: `−1 ${domain} IC`, changes: [{ kind: 'addIcs', domain, by: -1 }] });
  }
  for (const lead of org.teams.flatMap((t) => t.leads)) {
    if ((leadShares.get(lead.id) ?? 0) < LEAD_SHARE || lead.calendar.hoursPerDay >= 24) continue;
    variants.push({
      label: `+1 ${lead.domain} lead capacity (${lead.id}'s hours ×2)`,
      changes: [{ kind: 'leadHours', lead: lead.id, factor: 2 }],
    });
  }
  const events = readScenario(scenario).data.events;
  if (Array.isArray(events))
    for (const [index, e] of events.entries()) {
      const event = e as {
        type?: string;
        person?: string;
        title?: string;
        at?: number;
        from?: number;
      };
      if (event.type === 'outage')
        variants.push({
          label: `without the outage of ${event.person} (from hour ${event.from})`,
          changes: [{ kind: 'removeEvent', index }],
        });
      if (event.type === 'incident')
        variants.push({
          label: `without the incident at hour ${event.at}${event.title ? ` (${event.title})` : ''}`,
          changes: [{ kind: 'removeEvent', index }],
        });
    }
  return variants.filter((v) => {
    try {
      staffedConfig(loaded.config, v, loaded.limits.people);
      return true;
    } catch (error) {
      if (error instanceof VariantError) return false;
      throw error;
    }
  });
}

/**
 * Tries every single change to a scenario's org (±1 IC per domain, a lead's hours ×2, each outage or
 * incident removed) on common random numbers, and ranks them by the paired change in makespan.
 */
export async function whatif(scenario: string, options: WhatifOptions = {}): Promise<Whatif> {
  const runs = options.runs ?? DEFAULT_COMPARE_RUNS;
  const seedBase = defaultSeedBase(scenario, options);
  const base: Arm = { scenario, variant: BASE };
  checkArms([base], seedBase, options);
  // The base first: its critical paths say which leads are worth more hours.
  const progress = { done: 0, total: runs };
  const [baseRows = []] = await replicate([base], seedBase, 0, runs, options, progress);
  const shares = new Map<string, number>();
  for (const row of baseRows)
    for (const [lead, share] of Object.entries(row.leadShares))
      shares.set(lead, (shares.get(lead) ?? 0) + share / baseRows.length);
  // Stopped during the base runs: the base alone, no change tried.
  const stoppedEarly = options.signal?.aborted === true;
  const arms: Arm[] = stoppedEarly
    ? []
    : candidateChanges(scenario, shares, options).map((variant) => ({ scenario, variant }));
  checkArms(arms, seedBase, options);
  progress.total = runs * (arms.length + 1);
  const rows =
    arms.length === 0 ? [] : await replicate(arms, seedBase, 0, baseRows.length, options, progress);
  // Interrupted: the replications every variant finished.
  const n = Math.min(baseRows.length, ...rows.map((r) => r.length));
  const comparison = comparisonOf(
    [base, ...arms],
    [baseRows, ...rows].map((r) => r.slice(0, n)),
    {
      seedBase,
      partial: options.signal?.aborted === true,
      warmupHours: options.warmupHours ?? 0,
      rankBy: 'makespanHours' satisfies Metric,
    },
  );
  const budget = options.budgetPerChange ?? null;
  const changes = comparison.variants
    .slice(1)
    .map((v): Change => {
      const dm = v.versusFirst.makespanHours;
      const dc = v.versusFirst.costUsd;
      return {
        label: v.label,
        makespanHours: { mean: dm.mean, ci95: dm.ci95 },
        costUsd: { mean: dc.mean, ci95: dc.ci95 },
        hoursPer1000Usd: dc.mean > 0 && dm.mean < 0 ? round4((-dm.mean / dc.mean) * 1000) : null,
        shortens: dm.ci95 !== null && dm.mean + dm.ci95 < 0,
        withinBudget: budget === null || dc.mean <= budget,
      };
    })
    .sort((a, b) => a.makespanHours.mean - b.makespanHours.mean);
  return {
    schemaVersion: WHATIF_SCHEMA_VERSION,
    kind: 'whatif',
    scenario: comparison.variants[0]?.scenario ?? scenario,
    seedBase,
    runs: comparison.runs,
    partial: comparison.partial,
    budgetPerChange: budget,
    answer: stoppedEarly
      ? `Stopped during the base runs: no change was tried (${comparison.runs} base runs finished).`
      : answerOf(changes, comparison.runs),
    changes,
    comparison,
  };
}

/** A signed figure as the answer says it: no sign when it rounds to zero. */
function signedText(v: number, unit: 'h' | '$'): string {
  const size = grouped(Math.abs(v), 0);
  const sign = size === '0' ? '' : v < 0 ? '−' : '+';
  return unit === 'h' ? `${sign}${size} h` : `${sign}$${size}`;
}

/** `−108 h ± 21 (95 %)`; one run has no interval. */
function makespanText(c: Change): string {
  const ci = c.makespanHours.ci95;
  return `makespan ${signedText(c.makespanHours.mean, 'h')}${ci === null ? ' (one run, no interval)' : ` ± ${ci.toFixed(0)} (95 %)`}`;
}

/** The best change worth making, in a sentence: the one that shortens the makespan most, within budget. */
export function answerOf(changes: readonly Change[], runs: number): string {
  const pick = changes.find((c) => c.shortens && c.withinBudget);
  if (pick !== undefined)
    return `${phrase(pick.label)}: ${makespanText(pick)}, ${signedText(pick.costUsd.mean, '$')}.`;
  const overBudget = changes.find((c) => c.shortens);
  if (overBudget !== undefined)
    return `Only changes over the budget per change shorten the makespan detectably; the best: ${phrase(overBudget.label)}, ${makespanText(overBudget)}, ${signedText(overBudget.costUsd.mean, '$')}.`;
  const best = changes[0];
  return best === undefined
    ? 'No single change to try: the org has no domain, lead or event to vary.'
    : `No single change shortens the makespan detectably in ${runs} runs (closest: ${phrase(best.label)}, ${makespanText(best)}); try more runs.`;
}

/** A change's label as an imperative: `+1 security IC` → `Add a security IC`. */
function phrase(label: string): string {
  const add = /^\+1 (\w+) IC$/.exec(label);
  if (add) return `Add a${/^[aeiou]/.test(add[1] ?? '') ? 'n' : ''} ${add[1]} IC`;
  const remove = /^−1 (\w+) IC$/.exec(label);
  if (remove) return `Take away a${/^[aeiou]/.test(remove[1] ?? '') ? 'n' : ''} ${remove[1]} IC`;
  const lead = /^\+1 (\w+) lead capacity \((.+)\)$/.exec(label);
  if (lead) return `Give the ${lead[1]} lead twice the hours (${lead[2]})`;
  return label.charAt(0).toUpperCase() + label.slice(1);
}
