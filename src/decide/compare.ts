// compare: variants of a scenario (or different scenario files) on common random numbers. Per
// variant each figure's mean ± CI and percentiles, its paired difference against the first
// variant with a CI, and a ranking with the variants that cannot be told from the best.

import type { BatchRow } from '../batch/row.ts';
import { type Estimate, pairedDifference } from '../batch/stats.ts';
import type { Frequency } from './forecast.ts';
import { METRICS, type Metric, type RunFigures, runFigures } from './metrics.ts';
import { type Arm, checkArms, defaultSeedBase, type RunOptions, replicate } from './replicate.ts';
import { subsetOfBest } from './select.ts';
import { frequencies, round4, type SampleSummary, summarize } from './summarize.ts';
import type { Variant } from './variant.ts';
import { type WorkTypeFigures, workTypesOf } from './work-types.ts';

export const COMPARE_SCHEMA_VERSION = 1;
export const DEFAULT_COMPARE_RUNS = 30;

/** How compare runs: replications, seeds, the figure it ranks by, and the RunOptions. */
export interface CompareOptions extends RunOptions {
  readonly runs?: number;
  /** Replication r runs seed seedBase + r in every variant; default: the first scenario's seed. */
  readonly seedBase?: number;
  /** The figure the ranking uses (lower is better); default makespanHours. */
  readonly rankBy?: Metric;
}

/** A variant minus the first, run by run: mean, 95 % CI half-width and sd of the differences. */
export interface PairedDifference {
  readonly mean: number;
  /** Half-width of the 95 % CI of the mean difference; null with fewer than 2 runs. */
  readonly ci95: number | null;
  readonly sd: number;
}

/** One variant of a comparison: its figures, its difference against the first, its runs. */
export interface VariantResult {
  readonly label: string;
  readonly scenario: string;
  readonly outcomes: readonly Frequency[];
  readonly metrics: Readonly<Record<Metric, SampleSummary>>;
  /** This variant minus the first, replication by replication (zero for the first). */
  readonly versusFirst: Readonly<Record<Metric, PairedDifference>>;
  readonly bottlenecks: readonly Frequency[];
  /** Per work type, every instruction done over the variant's runs (none: []). */
  readonly workTypes: readonly WorkTypeFigures[];
  /** Every run of the variant, in replication order. */
  readonly rows: readonly RunFigures[];
}

/** compare's result: per variant the figures and paired differences, and the ranking (compare.json). */
export interface Comparison {
  readonly schemaVersion: number;
  readonly kind: 'compare';
  readonly seedBase: number;
  readonly runs: number;
  readonly partial: boolean;
  readonly warmupHours: number;
  readonly variants: readonly VariantResult[];
  readonly ranking: {
    readonly by: Metric;
    readonly method: string;
    /** Labels, best mean first. */
    readonly order: readonly string[];
    /** Labels of the variants that cannot be told from the best at 95 %. */
    readonly best: readonly string[];
  };
}

export function differenceOf(e: Estimate): PairedDifference {
  return {
    mean: round4(e.mean),
    ci95: Number.isFinite(e.ci95) ? round4(e.ci95) : null,
    sd: round4(e.sd),
  };
}

/** Runs every variant of `scenario` (a name or a path) on the same seeds and compares them. */
export async function compare(
  scenario: string,
  variants: readonly Variant[],
  options: CompareOptions = {},
): Promise<Comparison> {
  return (await compareWithRows(scenario, variants, options)).comparison;
}

/** The comparison and the rows it was computed from, per variant in replication order. */
export async function compareWithRows(
  scenario: string,
  variants: readonly Variant[],
  options: CompareOptions = {},
): Promise<{ comparison: Comparison; rows: BatchRow[][] }> {
  if (variants.length === 0) throw new RangeError('compare needs at least one variant');
  const runs = options.runs ?? DEFAULT_COMPARE_RUNS;
  const first = variants[0]?.scenario ?? scenario;
  const seedBase = defaultSeedBase(first, options);
  const arms: Arm[] = variants.map((variant) => ({ scenario, variant }));
  checkArms(arms, seedBase, options);
  const rows = await replicate(arms, seedBase, 0, runs, options);
  const comparison = comparisonOf(arms, rows, {
    seedBase,
    partial: options.signal?.aborted === true,
    warmupHours: options.warmupHours ?? 0,
    rankBy: options.rankBy ?? 'makespanHours',
  });
  return { comparison, rows };
}

/** The comparison's figures from each arm's rows, in replication order (pure). */
export function comparisonOf(
  arms: readonly Arm[],
  rows: readonly (readonly BatchRow[])[],
  o: { seedBase: number; partial: boolean; warmupHours: number; rankBy: Metric },
): Comparison {
  const base = rows[0] ?? [];
  const series = (list: readonly BatchRow[], m: Metric) => list.map((r) => r[m]);
  const variants = arms.map((arm, a) => {
    const own = rows[a] ?? [];
    return {
      label: arm.variant.label,
      scenario: own[0]?.scenario ?? arm.variant.scenario ?? arm.scenario,
      outcomes: frequencies(own.map((r) => r.outcome)),
      metrics: Object.fromEntries(METRICS.map((m) => [m, summarize(series(own, m))])) as Record<
        Metric,
        SampleSummary
      >,
      versusFirst: Object.fromEntries(
        METRICS.map((m) => [m, differenceOf(pairedDifference(series(own, m), series(base, m)))]),
      ) as Record<Metric, PairedDifference>,
      bottlenecks: frequencies(own.map((r) => r.bottleneck)),
      workTypes: workTypesOf(own),
      rows: own.map(runFigures),
    };
  });
  const samples = rows.map((own) => series(own, o.rankBy));
  const best = new Set(subsetOfBest(samples));
  const order = variants
    .map((v, i) => ({ v, i }))
    .sort((x, y) => x.v.metrics[o.rankBy].mean - y.v.metrics[o.rankBy].mean || x.i - y.i);
  return {
    schemaVersion: COMPARE_SCHEMA_VERSION,
    kind: 'compare',
    seedBase: o.seedBase,
    runs: base.length,
    partial: o.partial,
    warmupHours: o.warmupHours,
    variants,
    ranking: {
      by: o.rankBy,
      method: 'subset selection on common random numbers (Nelson, Swann, Goldsman & Song 2001)',
      order: order.map(({ v }) => v.label),
      best: order.filter(({ i }) => best.has(i)).map(({ v }) => v.label),
    },
  };
}
