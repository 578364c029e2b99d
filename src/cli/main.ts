// The orgsim command line: `scenario`, `standup` and `report`. Thin: it parses flags, loads the
// scenario, runs it, and hands the log to the collectors and formatters. Bad input exits with 2
// and one clear message per problem; --debug adds stack traces.

import { dirname, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { reportsOf } from '../collect/index.ts';
import { METRICS } from '../decide/metrics.ts';
import { STRATEGY_NAMES } from '../domain/assignment/index.ts';
import { ENGINES } from '../engine/engine.ts';
import { runSimulation } from '../org/run.ts';
import { VERSION } from '../package-root.ts';
import { standupMarkdown } from '../report/markdown.ts';
import { plansDocument, plansText } from '../report/plan.ts';
import { terminalReport, useColour } from '../report/terminal.ts';
import {
  DEFAULT_LIMITS,
  EVENTS_BASE,
  EVENTS_PER_TASK,
  type Limits,
  parseLimits,
} from '../scenario/limits.ts';
import { loadScenario, scenarioNames } from '../scenario/load.ts';
import { withPlans } from '../scenario/prepare.ts';
import { type DecideFlags, withDecideOptions } from './decide-options.ts';
import { exitCodeFor } from './errors.ts';
import { EXIT } from './exit-codes.ts';
import { runInterruptibly } from './interruptible-run.ts';
import { markerText } from './marker.ts';
import { defaultReports, planOutput } from './out-dir.ts';
import { writeAtomically } from './output.ts';
import { endQuietlyOnBrokenPipe } from './pipes.ts';
import {
  positive,
  queueOption,
  redisOption,
  redisTimeoutOption,
  withQueueOptions,
} from './queue-options.ts';
import { DEFAULT_FORMATS, FORMATS, type Format, reportFiles } from './render.ts';
import { catchingSignals } from './signals.ts';
import { UsageError } from './usage-error.ts';
import {
  DEFAULT_STALL_SECONDS,
  WORKER_GIVE_UP_SECONDS,
  type WorkerFlags,
  WorkerStopped,
} from './worker-flags.ts';

/** The parser of a flag that takes a whole number ≥ 0; its messages name the flag. */
function wholeNumberOption(flag: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^\d+$/.test(value))
      throw new UsageError(`${flag} must be a whole number ≥ 0, got "${value}"`);
    if (!Number.isSafeInteger(n))
      throw new UsageError(
        `${flag} must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER}, got "${value}"`,
      );
    return n;
  };
}

/** The parser of a flag that takes hours: a finite number ≥ 0. */
function hoursOption(flag: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n < 0)
      throw new UsageError(`${flag} must be a number of hours ≥ 0, got "${value}"`);
    return n;
  };
}

/** The parser of a flag that takes an amount in USD: a finite number ≥ 0. */
function dollarsOption(flag: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n < 0)
      throw new UsageError(`${flag} must be an amount in USD ≥ 0 (e.g. 5000), got "${value}"`);
    return n;
  };
}

function seedOption(): Option {
  return new Option('--seed <n>', 'override the scenario’s seed').argParser(
    wholeNumberOption('--seed'),
  );
}

/** `--format`: which reports to print and write. */
function formatOption(): Option {
  return new Option(
    '--format <list>',
    'table,md,json,html: what to print and write; arrow adds events.arrow (the log for pandas, polars or DuckDB), trace adds trace.json (for ui.perfetto.dev)',
  )
    .default(new Set(DEFAULT_FORMATS), 'table,md,json,html')
    .argParser(formatsOption);
}

function formatsOption(value: string): Set<Format> {
  const asked = value
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  if (asked.length === 0)
    throw new UsageError(
      `--format takes ${FORMATS.join(', ')} (comma-separated), got "${value}": name at least one`,
    );
  const bad = asked.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (bad.length > 0)
    throw new UsageError(
      `--format takes ${FORMATS.join(', ')} (comma-separated), got "${bad.join(',')}"`,
    );
  return new Set(asked as Format[]);
}

/**
 * The decision commands' code (the worker pool, statistics, their reports), loaded when one of
 * them runs: every other command starts without it.
 */
const decideCommands = () => import('./decide-commands.ts');

/** Prints a spinner-free progress line on a TTY when a run lasts long enough to notice. */
function progressReporter(quiet: boolean): ((now: number) => void) | undefined {
  if (quiet || !process.stderr.isTTY) return undefined;
  const started = performance.now();
  return (now) => {
    if (performance.now() - started > 1000)
      process.stderr.write(`\r  simulating… day ${Math.floor(now / 24)}   `);
  };
}

function limitsOption(value: string): Partial<Limits> {
  const limits = parseLimits(value);
  if (typeof limits === 'string') throw new UsageError(`--limits ${limits}`);
  return limits;
}

/** The flags every command that loads a scenario takes. */
function withLoadOptions(command: Command): Command {
  return command
    .option('--strict', 'treat warnings (legal input, almost certainly not meant) as errors')
    .addOption(
      new Option(
        '--limits <list>',
        `raise or lower size limits knowingly, e.g. tasks=200000; the defaults: ${Object.entries(
          DEFAULT_LIMITS,
        )
          .filter(([k]) => k !== 'events')
          .map(([k, v]) => `${k}=${v}`)
          .join(
            ',',
          )}, events ${EVENTS_BASE} + ${EVENTS_PER_TASK} per task (at most ${DEFAULT_LIMITS.events})`,
      ).argParser(limitsOption),
    );
}

interface LoadFlags {
  seed?: number;
  strict?: boolean;
  limits?: Partial<Limits>;
}

/** Loads a scenario with the flags' overrides and prints its warnings on stderr. */
function load(name: string, flags: LoadFlags & { strategy?: string; engine?: string }) {
  const scenario = loadScenario(name, {
    ...(flags.seed === undefined ? {} : { seed: flags.seed }),
    ...(flags.strategy === undefined ? {} : { strategy: flags.strategy }),
    ...(flags.engine === undefined ? {} : { engine: flags.engine }),
    ...(flags.limits === undefined ? {} : { limits: flags.limits }),
    ...(flags.strict ? { strict: true } : {}),
  });
  for (const warning of scenario.warnings) process.stderr.write(`warning: ${warning}\n`);
  return scenario;
}

interface ScenarioFlags extends LoadFlags {
  strategy?: string;
  engine?: string;
  out?: string;
  format: Set<Format>;
  json?: boolean;
  quiet?: boolean;
}

async function runScenario(name: string, flags: ScenarioFlags): Promise<void> {
  const started = performance.now();
  const scenario = load(name, flags);
  // Checked before the run, so that nothing is simulated for a folder that cannot be written.
  const output = planOutput(flags.out, defaultReports(), [
    { name: scenario.name, from: "the scenario's name" },
    { name: String(scenario.config.seed), from: 'the seed' },
  ]);
  const progress = progressReporter(Boolean(flags.quiet || flags.json));
  const simStarted = performance.now();
  // Signals are caught while the run and the write go on, and abort them with nothing written;
  // in between, while the reports are computed, they keep their default action.
  const { log } = await catchingSignals((signal) =>
    runInterruptibly(
      scenario.config,
      scenario.name,
      {
        warnings: scenario.warnings,
        limits: scenario.limits,
        ...(progress ? { progress } : {}),
      },
      signal,
    ),
  );
  const simMs = performance.now() - simStarted;
  if (progress) process.stderr.write('\r\x1b[K');
  const reports = reportsOf(log);
  const { dir } = output;
  const marker = markerText(scenario.name, scenario.config.seed);
  const files = await reportFiles(reports, log, flags.format, { copyLog: true });
  await catchingSignals((signal) => writeAtomically(output, files, { marker, signal }));
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(reports.summary, null, 2)}\n`);
    return;
  }
  if (flags.quiet || !flags.format.has('table')) return;
  const shown = dir.startsWith(process.cwd()) ? dir.slice(process.cwd().length + 1) : dir;
  process.stdout.write(
    terminalReport(reports, {
      colour: useColour(process.stdout),
      wallMs: performance.now() - started,
      outDir: shown,
    }),
  );
  process.stdout.write(`(simulation ${Math.round(simMs)} ms)\n`);
}

export function program(): Command {
  const cli = new Command('orgsim')
    .description('Simulate a software organisation on virtual time and report where it breaks.')
    .version(VERSION, '-V, --version', 'print the version')
    .option('--debug', 'show stack traces on errors')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  withLoadOptions(cli.command('scenario'))
    .argument(
      '<scenario>',
      `a name from scenarios/ (${scenarioNames().join(', ')}) or a path to a .yaml file`,
    )
    .description('run a scenario and print its reports; the files go to reports/<scenario>/<seed>/')
    .addOption(seedOption())
    .addOption(
      new Option(
        '--strategy <name|path>',
        `override the assignment strategy: ${STRATEGY_NAMES.join(', ')}, or a strategy module (./my-strategy.js)`,
      ),
    )
    .addOption(
      new Option(
        '--engine <engine>',
        'fast (default) or xstate: the same log, xstate is slower',
      ).choices(ENGINES),
    )
    .option('--out <dir>', 'write reports under <dir>/<scenario>/<seed>/ instead of reports/')
    .addOption(formatOption())
    .option('--json', 'print only the JSON summary on stdout')
    .option('--quiet', 'print nothing but errors')
    .action(async (name: string, flags: ScenarioFlags) => runScenario(name, flags));
  withLoadOptions(cli.command('standup'))
    .argument('<scenario>', 'a scenario name or path')
    .description('run a scenario and print its standups, day by day')
    .addOption(seedOption())
    .addOption(
      new Option('--day <n>', 'only this simulated day (from 0)').argParser(
        wholeNumberOption('--day'),
      ),
    )
    .action((name: string, flags: LoadFlags & { day?: number }) => {
      const scenario = load(name, flags);
      const { log } = runSimulation(scenario.config, scenario.name, {
        warnings: scenario.warnings,
        limits: scenario.limits,
      });
      const reports = reportsOf(log);
      const days = reports.standup.filter((d) => flags.day === undefined || d.day === flags.day);
      if (flags.day !== undefined && days.length === 0) {
        const held = reports.standup.map((d) => d.day);
        throw new UsageError(
          `--day ${flags.day}: no standup that day; standups were held on days ${held.length > 0 ? `${held[0]} to ${held.at(-1)}` : '(none)'}`,
        );
      }
      process.stdout.write(standupMarkdown(reports.summary, days));
    });
  withLoadOptions(cli.command('plan'))
    .argument('<scenario>', 'a scenario name or path')
    .description('print the plans the run will execute, without running it')
    .addOption(seedOption())
    .option('--json', 'print the plans as JSON')
    .action((name: string, flags: LoadFlags & { json?: boolean }) => {
      const scenario = load(name, flags);
      const doc = plansDocument(
        scenario.name,
        scenario.config.seed,
        withPlans(scenario.config).instructions,
      );
      process.stdout.write(flags.json ? `${JSON.stringify(doc, null, 2)}\n` : plansText(doc));
    });
  const parsers = { whole: wholeNumberOption, hours: hoursOption };
  withQueueOptions(withDecideOptions(withLoadOptions(cli.command('forecast')), parsers))
    .argument('<scenario>', 'a scenario name or path')
    .description(
      'run many replications and forecast: makespan, finish dates, cost and their percentiles',
    )
    .addOption(
      new Option(
        '--deadline <hours>',
        'hour on the run’s clock to meet: the chance of making it',
      ).argParser(hoursOption('--deadline')),
    )
    .option('--date <YYYY-MM-DD>', 'the deadline as a date (with --start): the end of that day')
    .option('--start <YYYY-MM-DD>', 'the date of the run’s day 0, a Monday (for --date)')
    .action(async (name: string, flags: DecideFlags) =>
      (await decideCommands()).runForecast(name, flags),
    );
  withQueueOptions(withDecideOptions(withLoadOptions(cli.command('compare')), parsers))
    .argument('<scenarios...>', 'a scenario to vary, or two or more scenario files to compare')
    .description('compare variants on common random numbers: paired differences and which are best')
    .option(
      '--vary <key=v1,v2>',
      'a field by its path (strategy, overheads.intakeHours, ics.security, …) and its values; repeat for every combination',
      (value: string, list: string[]) => [...list, value],
      [] as string[],
    )
    .option('--by <metric>', `rank by this figure, lower is better (${METRICS.join(', ')})`)
    .action(async (names: string[], flags: DecideFlags & { vary?: string[]; by?: string }) =>
      (await decideCommands()).runCompare(names, flags),
    );
  withQueueOptions(withDecideOptions(withLoadOptions(cli.command('whatif')), parsers))
    .argument('<scenario>', 'a scenario name or path')
    .description(
      'try every single staffing change and event removal; rank them by the makespan they save',
    )
    .addOption(
      new Option(
        '--budget-per-change <usd>',
        'recommend only changes adding at most this much to the mean cost',
      ).argParser(dollarsOption('--budget-per-change')),
    )
    .action(async (name: string, flags: DecideFlags & { budgetPerChange?: number }) =>
      (await decideCommands()).runWhatif(name, flags),
    );
  cli
    .command('worker')
    .description(
      'serve a queue: run the replications forecast, compare and whatif send with --backend bullmq',
    )
    .addOption(redisOption())
    .addOption(queueOption())
    .addOption(
      new Option(
        '--concurrency <k>',
        'jobs at once, each on a thread (default: one per core)',
      ).argParser(positive('--concurrency')),
    )
    .addOption(
      new Option(
        '--stall-timeout <seconds>',
        `how soon a job of a worker that died goes to another (default: ${DEFAULT_STALL_SECONDS})`,
      ).argParser(positive('--stall-timeout')),
    )
    .addOption(
      new Option(
        '--idle-exit <seconds>',
        'exit once no job has come for this long (default: never)',
      ).argParser(positive('--idle-exit')),
    )
    .addOption(redisTimeoutOption(WORKER_GIVE_UP_SECONDS))
    .option('--quiet', 'print nothing but errors')
    .action(async (flags: WorkerFlags) => {
      const code = await (await import('./worker-command.ts')).runWorkerCommand(flags);
      if (code !== EXIT.ok) throw new WorkerStopped(code);
    });
  cli
    .command('report')
    .argument('<events.jsonl>', 'an event log written by a run')
    .description('regenerate every report from a saved event log')
    .option('--out <dir>', 'write the reports to <dir> (default: beside the log)')
    .addOption(formatOption())
    .option('--quiet', 'print nothing but errors')
    .action(async (file: string, flags: { out?: string; quiet?: boolean; format: Set<Format> }) => {
      // Always a folder of its own, `regenerated`, so nothing the user keeps in --out is replaced.
      // A given --out is checked before the log is read (a large log takes a while to read and
      // check); the default, the log's own folder, after: a missing log is the problem to name.
      const where = () =>
        planOutput(flags.out, { dir: dirname(resolve(file)), label: "the log's folder" }, [
          { name: 'regenerated', from: 'the folder' },
        ]);
      const early = flags.out === undefined ? undefined : where();
      const { readLog } = await import('../log/read-log.ts');
      const log = readLog(file);
      const output = early ?? where();
      const reports = reportsOf(log);
      const files = await reportFiles(reports, log, flags.format, { copyLog: false });
      const marker = markerText(reports.summary.scenario, reports.summary.seed);
      await catchingSignals((signal) => writeAtomically(output, files, { marker, signal }));
      if (!flags.quiet && flags.format.has('table'))
        process.stdout.write(terminalReport(reports, { colour: useColour(process.stdout) }));
    });
  return cli;
}

export async function main(argv: readonly string[]): Promise<number> {
  try {
    await program().parseAsync(argv as string[], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    return exitCodeFor(error, argv.includes('--debug'));
  }
}

endQuietlyOnBrokenPipe();
process.exitCode = await main(process.argv.slice(2));
// The command is done and has written everything: whatever it leaves behind (a client of a lost
// Redis still reconnecting) must not keep the process alive. A timer that keeps nothing alive by
// itself; it gives stdout and stderr time to drain.
setTimeout(() => process.exit(), 5000).unref();
