// A variant of a scenario for one seed, as a worker runs it and as the main thread checks it
// first: its data validated and resolved, then its staffing changes, which must leave an org that
// can run (every plan staffed, the org whole). Every problem names the variant.

import type { SimConfig } from '../scenario/config.ts';
import { ScenarioError } from '../scenario/errors.ts';
import type { Limits } from '../scenario/limits.ts';
import {
  type LoadedScenario,
  type LoadOptions,
  type ScenarioSource,
  scenarioFrom,
} from '../scenario/load.ts';
import { orgProblems } from '../scenario/org-problems.ts';
import { groupedStaffing, type PlannedConfig } from '../scenario/prepare.ts';
import { configOf, VariantError } from './staffing.ts';
import { editsData, type Variant } from './variant.ts';

/** The load options a batch carries: its limits and strictness. */
export function loadOptionsOf(options: {
  readonly limits?: Partial<Limits>;
  readonly strict?: boolean;
}): LoadOptions {
  return {
    ...(options.limits === undefined ? {} : { limits: options.limits }),
    ...(options.strict ? { strict: true } : {}),
  };
}

/** `error` as a VariantError naming the variant, unless it names one already. */
function naming(variant: Variant, error: unknown): unknown {
  if (!(error instanceof Error) || error.message.startsWith('variant ')) return error;
  return new VariantError(`variant ${variant.label}: ${error.message}`);
}

/**
 * The config with the variant's staffing changes, held to the scenario's people limit, checked to
 * run; the same object when it has none. Throws VariantError naming the variant.
 */
export function staffedConfig(config: SimConfig, variant: Variant, maxPeople: number): SimConfig {
  try {
    const staffed = configOf(config, variant.changes, maxPeople);
    if (staffed === config) return config;
    const problems = [
      ...orgProblems(staffed),
      ...groupedStaffing(staffed as PlannedConfig, () => 'all').map((p) => p.message),
    ];
    if (problems.length > 0)
      throw new VariantError(`variant ${variant.label} cannot run: ${problems.join('; ')}`);
    return staffed;
  } catch (error) {
    throw error instanceof VariantError ? naming(variant, error) : error;
  }
}

/**
 * Replication `seed` of a variant of a read scenario, whose edited data is `data`. A value the
 * variant set that the schema refuses is a VariantError naming the variant and the field.
 */
export function variantScenario(
  source: ScenarioSource,
  data: Readonly<Record<string, unknown>>,
  variant: Variant,
  seed: number,
  load: LoadOptions,
): { readonly scenario: LoadedScenario; readonly config: SimConfig } {
  let scenario: LoadedScenario;
  try {
    scenario = scenarioFrom(source, { seed, ...load }, data);
  } catch (error) {
    if (error instanceof ScenarioError && variant.changes.some(editsData))
      throw naming(variant, error);
    throw error;
  }
  return { scenario, config: staffedConfig(scenario.config, variant, scenario.limits.people) };
}
