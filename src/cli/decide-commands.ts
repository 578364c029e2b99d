// The decision commands: forecast, compare and whatif. Each checks its scenario and --out, runs
// many replications on the worker pool with a progress bar, writes Markdown, JSON and HTML under
// reports/<scenario>/<command>/, and prints the report (or the JSON). SIGINT (SIGTERM) stops the
// runs and reports the replications finished, marked partial, then exits 130 (143); stopped
// before any finished, it writes nothing and exits the same way.

import { basename, extname } from 'node:path';
import { loadOptionsOf } from '../decide/checks.ts';
import { compare } from '../decide/compare.ts';
import { forecast, MAX_AUTO_RUNS } from '../decide/forecast.ts';
import { isMetric, METRICS, type Metric } from '../decide/metrics.ts';
import type { RunOptions } from '../decide/replicate.ts';
import type { Variant } from '../decide/variant.ts';
import { whatif } from '../decide/whatif.ts';
import type { QueueBackend } from '../queue/submit.ts';
import { compareBlocks } from '../report/decision/compare.ts';
import { runsCsv } from '../report/decision/csv.ts';
import { type Block, markdownOf, terminalOf } from '../report/decision/document.ts';
import { forecastBlocks } from '../report/decision/forecast.ts';
import { compareCharts, forecastCharts, page } from '../report/decision/page.ts';
import { whatifBlocks } from '../report/decision/whatif.ts';
import { loadScenario } from '../scenario/load.ts';
import { MAX_SEED } from '../scenario/numbers.ts';
import { deadlineOf } from './deadline.ts';
import type { DecideFlags } from './decide-options.ts';
import { markerText } from './marker.ts';
import { defaultReports, type Output, planOutput } from './out-dir.ts';
import { writeAtomically } from './output.ts';
import { progressBar } from './progress.ts';
import { openBackend } from './queue-run.ts';
import { type CaughtSignal, catchingSignals, Interrupted } from './signals.ts';
import { StoppedEarly } from './stopped-early.ts';
import { UsageError } from './usage-error.ts';
import { variantsOf } from './vary.ts';

interface Outcome<T> {
  readonly result: T;
  readonly stopped: CaughtSignal | null;
  readonly runs: number;
}

/**
 * Runs `work` with a progress bar, SIGINT and SIGTERM stopping the runs instead of the process:
 * the result then holds the runs finished.
 */
async function withStop<T extends { runs: number }>(
  flags: DecideFlags,
  work: (options: RunOptions) => Promise<T>,
  backend?: QueueBackend,
): Promise<Outcome<T>> {
  const controller = new AbortController();
  let stopped: CaughtSignal | null = null;
  const stop = (signal: CaughtSignal) => () => {
    stopped = signal;
    controller.abort();
  };
  const onInt = stop('SIGINT');
  const onTerm = stop('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  const bar = progressBar(
    Boolean(flags.quiet || flags.json),
    process.stderr,
    backend ? () => backend.workers() : undefined,
  );
  let finished = false;
  try {
    const result = await work({
      ...(backend ? { runner: backend.runner } : {}),
      ...(flags.workers === undefined ? {} : { workers: flags.workers }),
      ...(flags.warmup === undefined ? {} : { warmupHours: flags.warmup }),
      ...(flags.limits === undefined ? {} : { limits: flags.limits }),
      ...(flags.strict ? { strict: true } : {}),
      onProgress: (done, total) => bar.update(done, total),
      signal: controller.signal,
    });
    finished = true;
    return { result, stopped, runs: result.runs };
  } finally {
    bar.stop();
    if (backend) await settleQueue(backend, finished && stopped === null, flags);
    process.off('SIGINT', onInt);
    process.off('SIGTERM', onTerm);
  }
}

/**
 * After the runs: a run that ended is taken off the queue; a stopped or failed one stays there,
 * and the user is told how to go on with it.
 */
async function settleQueue(backend: QueueBackend, ended: boolean, flags: DecideFlags) {
  try {
    if (ended) await backend.finish();
    else if (!flags.quiet)
      process.stderr.write(
        `run ${backend.run}: the runs it finished stay in the queue for 7 days; add --resume ${backend.run} to the same command to go on\n`,
      );
  } finally {
    await backend.close();
  }
}

type CommandName = 'forecast' | 'compare' | 'whatif';

/** Writes the report's files, prints it, and ends as a stopped batch must. */
async function publish(
  command: CommandName,
  scenario: Identified,
  flags: DecideFlags,
  outcome: Outcome<object>,
  blocks: Block[],
  charts: string[],
  csv: string,
): Promise<void> {
  if (outcome.stopped !== null && outcome.runs === 0) throw new Interrupted(outcome.stopped);
  const { output } = scenario;
  const json = `${JSON.stringify(outcome.result, null, 2)}\n`;
  const files = {
    [`${command}.md`]: markdownOf(blocks),
    [`${command}.json`]: json,
    [`${command}.html`]: page(`${command} · ${scenario.name}`, charts, blocks),
    'runs.csv': csv,
  };
  await catchingSignals((signal) =>
    writeAtomically(output, files, { marker: markerText(scenario.name, scenario.seed), signal }),
  );
  if (flags.json) process.stdout.write(json);
  else if (!flags.quiet) {
    process.stdout.write(terminalOf(blocks));
    const shown = output.dir.startsWith(process.cwd())
      ? output.dir.slice(process.cwd().length + 1)
      : output.dir;
    process.stdout.write(`\nwritten: ${shown}/${command}.md, .json, .html and runs.csv\n`);
  }
  if (outcome.stopped !== null) throw new StoppedEarly(outcome.stopped, outcome.runs);
}

interface Identified {
  readonly name: string;
  readonly seed: number;
  readonly output: Output;
}

/** The scenario's name, its first seed and the report folder, all checked before anything runs. */
function identify(command: CommandName, name: string, flags: DecideFlags): Identified {
  const s = loadScenario(name, loadOptionsOf(flags));
  for (const warning of s.warnings) process.stderr.write(`warning: ${warning}\n`);
  const seed = flags.seedBase ?? s.config.seed;
  const last = seed + (flags.runs ?? MAX_AUTO_RUNS) - 1;
  if (last > MAX_SEED)
    throw new UsageError(
      `--seed-base ${seed}: the runs would need seeds up to ${last}, past the largest seed ${MAX_SEED}; give a smaller --seed-base`,
    );
  const output = planOutput(flags.out, defaultReports(), [
    { name: s.name, from: "the scenario's name" },
    { name: command, from: 'the command' },
  ]);
  return { name: s.name, seed, output };
}

export async function runForecast(
  name: string,
  flags: DecideFlags & { deadline?: number; date?: string; start?: string },
): Promise<void> {
  const deadline = deadlineOf(flags);
  const scenario = identify('forecast', name, flags);
  const backend = await openBackend('forecast', [name], scenario.seed, flags);
  const outcome = await withStop(
    flags,
    (options) =>
      forecast(name, {
        ...options,
        ...(flags.runs === undefined ? {} : { runs: flags.runs }),
        seedBase: scenario.seed,
        ...(deadline === undefined ? {} : { deadlineHours: deadline }),
      }),
    backend,
  );
  const f = outcome.result;
  await publish(
    'forecast',
    scenario,
    flags,
    outcome,
    forecastBlocks(f),
    forecastCharts(f),
    runsCsv([{ label: 'base', rows: f.rows }]),
  );
}

/** A scenario file given as a variant: labelled by its file's name. */
function fileVariant(path: string): Variant {
  return { label: basename(path, extname(path)), scenario: path, changes: [] };
}

export async function runCompare(
  names: readonly string[],
  flags: DecideFlags & { vary?: string[]; by?: string },
): Promise<void> {
  const [first = '', ...others] = names;
  const vary = flags.vary ?? [];
  if (others.length === 0 && vary.length === 0)
    throw new UsageError(
      'compare needs variants: --vary key=v1,v2 (e.g. --vary strategy=weighted,critical-path-first) or two or more scenario files',
    );
  const by = flags.by ?? 'makespanHours';
  if (!isMetric(by)) throw new UsageError(`--by takes one of ${METRICS.join(', ')}, got "${by}"`);
  const files = others.length === 0 ? [undefined] : [first, ...others];
  const variants = files.flatMap((file) =>
    variantsOf(vary, file === undefined ? undefined : fileVariant(file)),
  );
  const labels = new Set(variants.map((v) => v.label));
  if (labels.size !== variants.length)
    throw new UsageError(
      'compare: two variants have the same name; give each scenario file its own name, or each --vary value once',
    );
  const scenario = identify('compare', first, flags);
  const backend = await openBackend('compare', names, scenario.seed, flags);
  const outcome = await withStop(
    flags,
    (options) =>
      compare(first, variants, {
        ...options,
        ...(flags.runs === undefined ? {} : { runs: flags.runs }),
        seedBase: scenario.seed,
        rankBy: by as Metric,
      }),
    backend,
  );
  const c = outcome.result;
  await publish(
    'compare',
    scenario,
    flags,
    outcome,
    compareBlocks(c),
    compareCharts(c),
    runsCsv(c.variants),
  );
}

export async function runWhatif(
  name: string,
  flags: DecideFlags & { budgetPerChange?: number },
): Promise<void> {
  const scenario = identify('whatif', name, flags);
  const backend = await openBackend('whatif', [name], scenario.seed, flags);
  const outcome = await withStop(
    flags,
    (options) =>
      whatif(name, {
        ...options,
        ...(flags.runs === undefined ? {} : { runs: flags.runs }),
        seedBase: scenario.seed,
        ...(flags.budgetPerChange === undefined ? {} : { budgetPerChange: flags.budgetPerChange }),
      }),
    backend,
  );
  const w = outcome.result;
  await publish(
    'whatif',
    scenario,
    flags,
    outcome,
    whatifBlocks(w),
    compareCharts(w.comparison),
    runsCsv(w.comparison.variants),
  );
}
