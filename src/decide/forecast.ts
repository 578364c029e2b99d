// forecast: N replications of one scenario, reduced to what a delivery forecast quotes — each
// figure's mean ± 95 % CI and P50/P85/P95, each instruction's finish and its chance of meeting a
// deadline, and how often each resource was the bottleneck. Unless told how many runs, it runs
// until the makespan's CI half-width is within 5 % of its mean, or a cap.

import type { BatchRow } from '../batch/row.ts';
import { METRICS, type Metric, type RunFigures, runFigures } from './metrics.ts';
import { type Arm, checkArms, defaultSeedBase, type RunOptions, replicate } from './replicate.ts';
import { frequencies, round4, type SampleSummary, summarize } from './summarize.ts';
import { BASE } from './variant.ts';
import { type WorkTypeFigures, workTypesOf } from './work-types.ts';

export const FORECAST_SCHEMA_VERSION = 1;
/** Runs before the first look at the interval, when the number of runs is chosen automatically. */
export const PILOT_RUNS = 30;
/** The most runs chosen automatically. */
export const MAX_AUTO_RUNS = 1000;
/** The CI half-width of the makespan, as a share of its mean, that automatic runs aim for. */
export const TARGET_HALF_WIDTH = 0.05;

/** How forecast runs: replications (or automatic), seeds, a deadline, and the RunOptions. */
export interface ForecastOptions extends RunOptions {
  /** Replications; omitted, chosen automatically (see PILOT_RUNS, TARGET_HALF_WIDTH, MAX_AUTO_RUNS). */
  readonly runs?: number;
  /** Replication r runs seed seedBase + r; default: the scenario's own seed. */
  readonly seedBase?: number;
  /** Hours on the run's clock (from hour 0) by which instructions should be done. */
  readonly deadlineHours?: number;
}

/** How many runs gave a value (an outcome, a verdict), and their share. */
export interface Frequency {
  readonly value: string;
  readonly runs: number;
  readonly share: number;
}

/** forecast's result (forecast.json): the figures over the runs, deadlines, bottlenecks, runs. */
export interface Forecast {
  readonly schemaVersion: number;
  readonly kind: 'forecast';
  readonly scenario: string;
  readonly seedBase: number;
  readonly runs: number;
  /** How the number of runs was chosen, in a sentence. */
  readonly runsRule: string;
  /** Stopped before the end (Ctrl-C): the figures cover the runs finished. */
  readonly partial: boolean;
  readonly warmupHours: number;
  readonly deadlineHours: number | null;
  readonly outcomes: readonly Frequency[];
  readonly metrics: Readonly<Record<Metric, SampleSummary>>;
  /** The scenario's own instructions: when each finished (of the runs it did), and by the deadline. */
  readonly instructions: ReadonlyArray<{
    readonly id: string;
    readonly finishedRuns: number;
    readonly finishedAt: SampleSummary;
    /** Share of all runs in which it finished by the deadline; null without a deadline. */
    readonly byDeadline: number | null;
  }>;
  /** Share of runs in which every instruction (arrivals and incidents too) finished by the deadline. */
  readonly allByDeadline: number | null;
  /** The critical-path bottleneck verdict, run by run, counted. */
  readonly bottlenecks: readonly Frequency[];
  /** MSER-5 on each run's task waits in release order: the warm-up it suggests, over the runs. */
  readonly suggestedWarmupHours: {
    readonly method: 'MSER-5';
    readonly median: number;
    readonly max: number;
  };
  /** Per work type, every instruction done over all runs: lead times and costs (none: []). */
  readonly workTypes: readonly WorkTypeFigures[];
  /** Every run, in replication order. */
  readonly rows: readonly RunFigures[];
}

/** The forecast of a scenario (a name from scenarios/ or a path). */
export async function forecast(scenario: string, options: ForecastOptions = {}): Promise<Forecast> {
  const seedBase = defaultSeedBase(scenario, options);
  const arms: Arm[] = [{ scenario, variant: BASE }];
  checkArms(arms, seedBase, options);
  const progress = { done: 0, total: options.runs ?? PILOT_RUNS };
  let rows: BatchRow[] = [];
  let rule: string;
  const more = async (count: number) => {
    const [got = []] = await replicate(arms, seedBase, rows.length, count, options, progress);
    rows = [...rows, ...got];
    return got.length === count;
  };
  if (options.runs !== undefined) {
    await more(options.runs);
    rule = `${options.runs} runs, as asked`;
  } else {
    rule = '';
    let whole = await more(PILOT_RUNS);
    while (whole) {
      const m = summarize(rows.map((r) => r.makespanHours));
      if (!(m.mean > 0)) {
        rule = `${rows.length} runs: no instruction finished in any of them, so there is no makespan to narrow down`;
        break;
      }
      const relative = (m.ci95 ?? 0) / m.mean;
      if (!(relative > TARGET_HALF_WIDTH)) {
        rule = `${rows.length} runs, chosen automatically: the makespan's 95 % CI half-width is ${pct(relative)} of its mean (target ≤ ${pct(TARGET_HALF_WIDTH)})`;
        break;
      }
      if (rows.length >= MAX_AUTO_RUNS) {
        rule = `${rows.length} runs, the cap for automatic runs: the makespan's 95 % CI half-width is still ${pct(relative)} of its mean (target ${pct(TARGET_HALF_WIDTH)}); ask for more with --runs`;
        break;
      }
      // The runs the target needs if the spread holds (half-width shrinks as 1/√n), in tens.
      const need = Math.ceil((rows.length * (relative / TARGET_HALF_WIDTH) ** 2) / 10) * 10;
      const next = Math.min(MAX_AUTO_RUNS, Math.max(need, rows.length + 10));
      progress.total = next;
      whole = await more(next - rows.length);
    }
  }
  const partial = options.signal?.aborted === true;
  if (partial) rule = `${rows.length} runs finished before the forecast was stopped`;
  return forecastOf(scenario, rows, { ...options, seedBase, rule, partial });
}

const pct = (v: number) => `${(v * 100).toFixed(1)} %`;

/** The forecast's figures from its rows (pure: the same rows give the same forecast). */
export function forecastOf(
  scenario: string,
  rows: readonly BatchRow[],
  o: ForecastOptions & { seedBase: number; rule: string; partial: boolean },
): Forecast {
  const deadline = o.deadlineHours ?? null;
  const ids = rows[0]?.finished.map((f) => f.id) ?? [];
  const instructions = ids.map((id, k) => {
    const at = rows.map((r) => r.finished[k]?.at ?? null);
    const done = at.filter((t): t is number => t !== null);
    return {
      id,
      finishedRuns: done.length,
      finishedAt: summarize(done),
      byDeadline:
        deadline === null ? null : round4(done.filter((t) => t <= deadline).length / rows.length),
    };
  });
  // Every instruction, arrivals and incidents too; a run with one unfinished misses the deadline.
  const allDone = (r: BatchRow) =>
    deadline !== null && r.allFinishedAt !== null && r.allFinishedAt <= deadline;
  const warmups = summarize(rows.map((r) => r.suggestedWarmupHours));
  return {
    schemaVersion: FORECAST_SCHEMA_VERSION,
    kind: 'forecast',
    scenario: rows[0]?.scenario ?? scenario,
    seedBase: o.seedBase,
    runs: rows.length,
    runsRule: o.rule,
    partial: o.partial,
    warmupHours: o.warmupHours ?? 0,
    deadlineHours: deadline,
    outcomes: frequencies(rows.map((r) => r.outcome)),
    metrics: Object.fromEntries(
      METRICS.map((m) => [m, summarize(rows.map((r) => r[m]))]),
    ) as Record<Metric, SampleSummary>,
    instructions,
    allByDeadline: deadline === null ? null : round4(rows.filter(allDone).length / rows.length),
    bottlenecks: frequencies(rows.map((r) => r.bottleneck)),
    suggestedWarmupHours: { method: 'MSER-5', median: warmups.p50, max: warmups.max },
    workTypes: workTypesOf(rows),
    rows: rows.map(runFigures),
  };
}
