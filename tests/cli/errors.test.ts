// What each kind of failure prints and which exit code it gives: 1 is kept for bugs in orgsim.

import { CommanderError } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exitCodeFor } from '../../src/cli/errors.ts';
import { Interrupted } from '../../src/cli/signals.ts';
import { UsageError } from '../../src/cli/usage-error.ts';
import { SimulationError } from '../../src/kernel/kernel.ts';
import { ScenarioError } from '../../src/scenario/errors.ts';

/** exitCodeFor's exit code and everything it wrote to stderr. */
function ending(error: unknown, debug = false): { code: number; stderr: string } {
  let stderr = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  const code = exitCodeFor(error, debug);
  vi.restoreAllMocks();
  return { code, stderr };
}

afterEach(() => vi.restoreAllMocks());

const REPORT_IT =
  ' — this is a bug in orgsim; please report it with the command and the scenario (run with --debug for the stack)\n';

/** Like the one the limit guard will throw: recognised by its name alone. */
class RunLimitError extends Error {
  override readonly name = 'RunLimitError';
}

describe('exitCodeFor', () => {
  it('gives 2 and the message alone for the user’s mistakes', () => {
    expect(ending(new UsageError('--day must be a whole number ≥ 0, got "abc"'))).toEqual({
      code: 2,
      stderr: '--day must be a whole number ≥ 0, got "abc"\n',
    });
    const scenario = new ScenarioError('x.yaml', [
      { path: ['seed'], line: 1, column: 7, message: 'must be ≥ 0, got -1' },
    ]);
    expect(ending(scenario)).toEqual({ code: 2, stderr: 'x.yaml:1:7: seed must be ≥ 0, got -1\n' });
  });

  it('gives 2 for what commander refused (it printed its own message), and 0 for --help', () => {
    expect(ending(new CommanderError(1, 'commander.unknownOption', 'x'))).toEqual({
      code: 2,
      stderr: '',
    });
    expect(ending(new CommanderError(0, 'commander.helpDisplayed', '(outputHelp)')).code).toBe(0);
  });

  it('gives 130 for SIGINT and 143 for SIGTERM, saying nothing was written', () => {
    expect(ending(new Interrupted('SIGINT'))).toEqual({
      code: 130,
      stderr: 'orgsim: interrupted by SIGINT; nothing was written\n',
    });
    expect(ending(new Interrupted('SIGTERM'))).toEqual({
      code: 143,
      stderr: 'orgsim: interrupted by SIGTERM; nothing was written\n',
    });
  });

  it('gives 3 for a run stopped by a limit, with its message', () => {
    expect(ending(new RunLimitError('stopped at 20,000,000 events (--limits events=…)'))).toEqual({
      code: 3,
      stderr: 'orgsim: stopped at 20,000,000 events (--limits events=…)\n',
    });
  });

  it('gives 1 only for a bug, and asks for it to be reported', () => {
    expect(ending(new TypeError('x is undefined'))).toEqual({
      code: 1,
      stderr: `orgsim: internal error: x is undefined${REPORT_IT}`,
    });
    expect(ending(new SimulationError('time travel: 3 < 5'))).toEqual({
      code: 1,
      stderr: `orgsim: the simulation failed: time travel: 3 < 5${REPORT_IT}`,
    });
    expect(ending('a thrown string')).toEqual({
      code: 1,
      stderr: `orgsim: internal error: a thrown string${REPORT_IT}`,
    });
  });

  it('adds the stack with --debug, and only then', () => {
    const error = new UsageError('bad flag');
    expect(ending(error, false).stderr).toBe('bad flag\n');
    expect(ending(error, true).stderr).toBe(`bad flag\n${error.stack}\n`);
  });
});
