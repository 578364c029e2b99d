// The flags every decision command (forecast, compare, whatif) takes, apart from what runs them
// (decide-commands.ts): the command line is built from these at start-up, and the commands'
// code is loaded only when one of them runs.

import { type Command, Option } from 'commander';
import type { Limits } from '../scenario/limits.ts';
import type { QueueFlags } from './queue-options.ts';
import { UsageError } from './usage-error.ts';

export interface DecideFlags extends QueueFlags {
  runs?: number;
  workers?: number;
  seedBase?: number;
  warmup?: number;
  json?: boolean;
  quiet?: boolean;
  out?: string;
  strict?: boolean;
  limits?: Partial<Limits>;
}

/** The flags every decision command takes. */
export function withDecideOptions(
  command: Command,
  parsers: {
    whole: (flag: string) => (v: string) => number;
    hours: (flag: string) => (v: string) => number;
  },
): Command {
  return command
    .addOption(
      new Option('--runs <n>', 'replications (seeds seed-base, seed-base + 1, …)').argParser(
        runsOption,
      ),
    )
    .addOption(
      new Option(
        '--workers <k>',
        'worker threads (default: one per core; 0 runs in this thread)',
      ).argParser(parsers.whole('--workers')),
    )
    .addOption(
      new Option(
        '--seed-base <s>',
        "the first replication's seed (default: the scenario's seed)",
      ).argParser(parsers.whole('--seed-base')),
    )
    .addOption(
      new Option(
        '--warmup <hours>',
        'leave the first hours of every run out of the rate statistics',
      ).argParser(parsers.hours('--warmup')),
    )
    .option('--out <dir>', 'write the report under <dir>/<scenario>/<command>/ instead of reports/')
    .option('--json', 'print only the JSON on stdout')
    .option('--quiet', 'print nothing but errors (no progress bar)');
}

/** --runs: a whole number of replications, at least one. */
function runsOption(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1)
    throw new UsageError(`--runs must be a whole number ≥ 1, got "${value}"`);
  return n;
}
