// How each kind of failure ends a command: one line on stderr and an exit code that means
// something (see exit-codes.ts). Only a bug in orgsim is exit 1, and it asks to be reported.

import { CommanderError } from 'commander';
import { VariantError } from '../decide/staffing.ts';
import { SimulationError } from '../kernel/kernel.ts';
import { LogError } from '../log/read-log.ts';
import { ScenarioError } from '../scenario/errors.ts';
import { EXIT } from './exit-codes.ts';
import { Interrupted } from './signals.ts';
import { StoppedEarly } from './stopped-early.ts';
import { UsageError } from './usage-error.ts';

const REPORT_IT =
  'this is a bug in orgsim; please report it with the command and the scenario (run with --debug for the stack)';

/** Writes what went wrong to stderr and returns the exit code. */
export function exitCodeFor(error: unknown, debug: boolean): number {
  const say = (line: string) => {
    process.stderr.write(`${line}\n`);
    if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  };
  // Commander has already printed its message (unknown flag, missing argument…).
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  if (
    error instanceof ScenarioError ||
    error instanceof UsageError ||
    error instanceof LogError ||
    error instanceof VariantError
  ) {
    say(error.message);
    return EXIT.usage;
  }
  // From a worker thread an error keeps its name and message, not its class. A user's strategy
  // that misbehaves is the input's fault, not orgsim's.
  if (
    error instanceof Error &&
    ['ScenarioError', 'VariantError', 'StrategyError'].includes(error.name)
  ) {
    say(error.message);
    return EXIT.usage;
  }
  if (error instanceof StoppedEarly) {
    say(
      `orgsim: stopped by ${error.signal}; the report written holds the ${error.runs} run${error.runs === 1 ? '' : 's'} finished, marked partial`,
    );
    return error.signal === 'SIGINT' ? EXIT.sigint : EXIT.sigterm;
  }
  if (error instanceof Interrupted) {
    say(`orgsim: interrupted by ${error.signal}; nothing was written`);
    return error.signal === 'SIGINT' ? EXIT.sigint : EXIT.sigterm;
  }
  // A worker's second signal: it said so already.
  if (error instanceof Error && error.name === 'WorkerStopped')
    return (error as Error & { code: number }).code;
  // By name: a worker's failure comes back as its error's name and message.
  if (error instanceof Error && error.name === 'QueueError') {
    say(`orgsim: ${error.message}`);
    return EXIT.queue;
  }
  // By name, not class: the limit guard lives in the kernel and this file need not import it.
  if (error instanceof Error && error.name === 'RunLimitError') {
    say(`orgsim: ${error.message}`);
    return EXIT.limit;
  }
  if (error instanceof SimulationError) {
    say(`orgsim: the simulation failed: ${error.message} — ${REPORT_IT}`);
    return EXIT.bug;
  }
  say(
    `orgsim: internal error: ${error instanceof Error ? error.message : String(error)} — ${REPORT_IT}`,
  );
  return EXIT.bug;
}
