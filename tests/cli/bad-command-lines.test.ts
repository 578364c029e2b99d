// A corpus of command lines a careless or hostile user types. Each must end with exit code 2, say
// once what is wrong (the flag, the path, the allowed values), print no stack trace, and write
// nothing: not in a fresh --out, and not among the fixtures it points at.

import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgsim, STACK_FRAME, snapshot } from './orgsim.ts';

const base = mkdtempSync(join(tmpdir(), 'orgsim-bad-lines-'));
const fixtures = join(base, 'fixtures');
const aFile = join(fixtures, 'a-file.txt');
const log = join(fixtures, 'run', 'events.jsonl');
const readOnly = join(fixtures, 'read-only');
const filled = join(fixtures, 'filled');
const linked = join(fixtures, 'linked');
const foreign = join(fixtures, 'foreign');
let before: string[] = [];

// chmod does not stop root, so as root an unwritable --out is a folder on /proc instead.
const isRoot = process.getuid?.() === 0;
const unwritable = isRoot ? '/proc/self/orgsim-out' : join(readOnly, 'out');
const unwritableSays = isRoot
  ? 'is on a pseudo file system (/proc)'
  : `cannot be created: ${readOnly} is not writable: permission denied (EACCES); choose another --out`;

beforeAll(async () => {
  mkdirSync(fixtures);
  writeFileSync(aFile, 'not a folder\n');
  // A real event log, for `report`.
  const run = await orgsim(['scenario', 'tier1', '--out', join(base, 'run-out'), '--quiet']);
  expect(run.code).toBe(0);
  mkdirSync(join(fixtures, 'run'));
  copyFileSync(join(base, 'run-out', 'tier1', '1', 'events.jsonl'), log);
  mkdirSync(readOnly, { mode: 0o500 });
  mkdirSync(filled);
  writeFileSync(join(filled, 'tier1'), 'a file where the scenario folder would go\n');
  mkdirSync(join(fixtures, 'elsewhere'));
  mkdirSync(linked);
  symlinkSync(join(fixtures, 'elsewhere'), join(linked, 'tier1'));
  mkdirSync(join(foreign, 'tier1', '1'), { recursive: true });
  writeFileSync(join(foreign, 'tier1', '1', 'notes.txt'), 'my notes\n');
  // Legal, but almost certainly not meant: the horizon ends before the work arrives.
  writeFileSync(
    join(fixtures, 'warned.yaml'),
    'horizonHours: 50\ninstructions:\n  - { at: 100, tier: 1 }\n',
  );
  writeFileSync(
    join(fixtures, 'big.yaml'),
    'org:\n  ics: { backend: 3000 }\ninstructions:\n  - { at: 0, tier: 1, domains: [backend] }\n',
  );
  before = snapshot(fixtures);
}, 60_000);

afterAll(() => {
  chmodSync(readOnly, 0o700);
  rmSync(base, { recursive: true, force: true });
});

interface BadLine {
  readonly args: readonly string[];
  /** Appended to `args`: `--out` a fresh empty folder that must stay empty. */
  readonly freshOut?: boolean;
  readonly says: string;
}

const corpus: Record<string, BadLine> = {
  'an unknown command': { args: ['frob'], says: "unknown command 'frob'" },
  'an unknown backend': {
    args: ['forecast', 'tier1', '--backend', 'celery'],
    freshOut: true,
    says: '--backend takes local or bullmq, got "celery"',
  },
  'a queue flag without the queue': {
    args: ['forecast', 'tier1', '--redis', 'redis://h:6379', '--chunk', '5'],
    freshOut: true,
    says: '--redis, --chunk are for the queue: add --backend bullmq, or leave them out',
  },
  'the queue without a Redis': {
    args: ['compare', 'tier1', '--vary', 'strategy=weighted,round-robin', '--backend', 'bullmq'],
    freshOut: true,
    says: 'the queue needs a Redis: give --redis redis://host:port[/db] (or set ORGSIM_REDIS_URL)',
  },
  'a Redis URL of another scheme, with a password': {
    args: ['whatif', 'tier1', '--backend', 'bullmq', '--redis', 'http://u:hunter2@h:6379'],
    freshOut: true,
    says: '--redis must start with redis:// (or rediss:// for TLS), got "http://": e.g. redis://127.0.0.1:6379',
  },
  'a chunk of no replications': {
    args: ['forecast', 'tier1', '--backend', 'bullmq', '--chunk', '0'],
    freshOut: true,
    says: '--chunk must be a whole number ≥ 1, got "0"',
  },
  'a run id that is not one': {
    args: ['forecast', 'tier1', '--backend', 'bullmq', '--resume', 'yesterday'],
    freshOut: true,
    says: '--resume takes the run id a stopped command printed (r and 16 hex digits), got "yesterday"',
  },
  'a queue name with a colon': {
    args: ['worker', '--queue', 'a:b'],
    says: `--queue must be 1 to 100 letters, digits, '.', '_' or '-', got "a:b"`,
  },
  'a worker of no threads': {
    args: ['worker', '--concurrency', '0'],
    says: '--concurrency must be a whole number ≥ 1, got "0"',
  },
  'an unknown flag': {
    args: ['scenario', 'tier1', '--sede', '3'],
    freshOut: true,
    says: "unknown option '--sede'",
  },
  'a flag of another command': {
    args: ['plan', 'tier1', '--out', 'x'],
    says: "unknown option '--out'",
  },
  'a missing scenario argument': {
    args: ['scenario'],
    says: "missing required argument 'scenario'",
  },
  'a flag without its value': {
    args: ['scenario', 'tier1', '--seed'],
    says: "option '--seed <n>' argument missing",
  },
  'one argument too many': {
    args: ['scenario', 'tier1', 'tier2'],
    freshOut: true,
    says: "too many arguments for 'scenario'",
  },
  'a negative seed': {
    args: ['scenario', 'tier1', '--seed', '-1'],
    freshOut: true,
    says: '--seed must be a whole number ≥ 0, got "-1"',
  },
  'a fractional seed': {
    args: ['scenario', 'tier1', '--seed', '1.5'],
    freshOut: true,
    says: '--seed must be a whole number ≥ 0, got "1.5"',
  },
  'a seed that is not a number': {
    args: ['scenario', 'tier1', '--seed', 'abc'],
    freshOut: true,
    says: '--seed must be a whole number ≥ 0, got "abc"',
  },
  'a seed beyond the exact integers': {
    args: ['scenario', 'tier1', '--seed', '99999999999999999999'],
    freshOut: true,
    says: '--seed must be a whole number from 0 to 9007199254740991, got "99999999999999999999"',
  },
  'a day that is not a number': {
    args: ['standup', 'tier1', '--day', 'abc'],
    says: '--day must be a whole number ≥ 0, got "abc"',
  },
  'a negative day': {
    args: ['standup', 'tier1', '--day', '-3'],
    says: '--day must be a whole number ≥ 0, got "-3"',
  },
  'an unknown strategy': {
    args: ['scenario', 'tier1', '--strategy', 'fastest'],
    freshOut: true,
    says: 'strategy must be one of weighted, round-robin, specialist, affinity, cost-optimized, least-loaded, critical-path-first, or the path of a strategy module (./my-strategy.js), got "fastest"',
  },
  'an unknown engine': {
    args: ['scenario', 'tier1', '--engine', 'warp'],
    freshOut: true,
    says: "argument 'warp' is invalid. Allowed choices are fast, xstate",
  },
  'an empty format': {
    args: ['scenario', 'tier1', '--format', ''],
    freshOut: true,
    says: '--format takes table, md, json, html, arrow, trace (comma-separated), got ""',
  },
  'a format of commas only': {
    args: ['scenario', 'tier1', '--format', ','],
    freshOut: true,
    says: '--format takes table, md, json, html, arrow, trace (comma-separated), got ","',
  },
  'an unknown format': {
    args: ['scenario', 'tier1', '--format', 'pdf'],
    freshOut: true,
    says: '--format takes table, md, json, html, arrow, trace (comma-separated), got "pdf"',
  },
  'two unknown formats among good ones': {
    args: ['scenario', 'tier1', '--format', 'md,pdf,svg'],
    freshOut: true,
    says: 'got "pdf,svg"',
  },
  'a scenario name that does not exist': {
    args: ['scenario', 'no-such-scenario'],
    freshOut: true,
    says: 'no-such-scenario: (the file) is not a scenario name',
  },
  'an empty --out': {
    args: ['scenario', 'tier1', '--out', ''],
    says: '--out must be the path of a folder, got ""',
  },
  '--out a file': {
    args: ['scenario', 'tier1', '--out', aFile],
    says: `--out ${aFile} is a file, not a folder`,
  },
  '--out under a file': {
    args: ['scenario', 'tier1', '--out', join(aFile, 'reports')],
    says: `is under a file: ${aFile} is not a folder`,
  },
  '--out that cannot be written': {
    args: ['scenario', 'tier1', '--out', unwritable],
    says: unwritableSays,
  },
  '--out on /proc': {
    args: ['scenario', 'tier1', '--out', '/proc/x'],
    says: '--out /proc/x is on a pseudo file system (/proc)',
  },
  '--out on /sys': {
    args: ['scenario', 'tier1', '--out', '/sys/kernel'],
    says: '--out /sys/kernel is on a pseudo file system (/sys)',
  },
  '--out on /dev': {
    args: ['scenario', 'tier1', '--out', '/dev/orgsim'],
    says: '--out /dev/orgsim is on a pseudo file system (/dev)',
  },
  '--out whose scenario folder is a file': {
    args: ['scenario', 'tier1', '--out', filled],
    says: `${join(filled, 'tier1')} is a file, not a folder`,
  },
  '--out whose scenario folder is a symbolic link': {
    args: ['scenario', 'tier1', '--out', linked],
    says: `${join(linked, 'tier1')} is a symbolic link`,
  },
  '--out whose report folder orgsim did not write': {
    args: ['scenario', 'tier1', '--out', foreign],
    says: `${join(foreign, 'tier1', '1')} already exists and orgsim did not write it`,
  },
  'report on a missing file': {
    args: ['report', join(fixtures, 'missing.jsonl')],
    says: `${join(fixtures, 'missing.jsonl')} does not exist`,
  },
  'report on a folder': { args: ['report', fixtures], says: `${fixtures} is a folder` },
  'report --out a file': {
    args: ['report', log, '--out', aFile],
    says: `--out ${aFile} is a file, not a folder`,
  },
  'an unknown limit': {
    args: ['plan', 'tier1', '--limits', 'speed=3'],
    says: '--limits has an unknown limit "speed": the limits are people, tasks, instructions, events, hours',
  },
  'a limit that is not a number': {
    args: ['plan', 'tier1', '--limits', 'tasks=lots'],
    says: '--limits tasks must be a whole number ≥ 1, got "lots"',
  },
  'an empty --limits': {
    args: ['plan', 'tier1', '--limits', ''],
    says: '--limits takes key=value pairs',
  },
  'a warning under --strict': {
    args: ['scenario', join(fixtures, 'warned.yaml'), '--strict'],
    freshOut: true,
    says: 'before the first instruction arrives (at 100 h): nothing will run: raise horizonHours or remove it (an error with --strict)',
  },
  'a scenario over the people limit': {
    args: ['scenario', join(fixtures, 'big.yaml')],
    freshOut: true,
    says: 'about 3,004 people (ICs, leads, TLs, the EM, humans and hires), over the limit of 2,000',
  },
  'a limit lowered below the scenario': {
    args: ['scenario', 'tier4', '--limits', 'tasks=100'],
    freshOut: true,
    says: 'over the limit of 100. Make it smaller, or raise the limit knowingly with --limits tasks=',
  },
  'report --out a file, checked before the log is read': {
    args: ['report', join(fixtures, 'no-such.jsonl'), '--out', aFile],
    says: `--out ${aFile} is a file, not a folder`,
  },
  'report --out on /proc': {
    args: ['report', log, '--out', '/proc/x'],
    says: '--out /proc/x is on a pseudo file system (/proc)',
  },
};

describe.concurrent('a bad command line', () => {
  it.for(Object.entries(corpus))(
    '%s exits 2 and says what is wrong, once',
    async ([, bad], { expect }) => {
      const out = mkdtempSync(join(base, 'out-'));
      const r = await orgsim(bad.freshOut ? [...bad.args, '--out', out] : bad.args);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(bad.says);
      expect(r.stderr.split(bad.says).length - 1).toBe(1);
      expect(r.stderr).not.toMatch(STACK_FRAME);
      expect(r.stdout).toBe('');
      expect(snapshot(out)).toEqual([]);
    },
  );
});

describe('the corpus', () => {
  it('holds at least 20 command lines', () => {
    expect(Object.keys(corpus).length).toBeGreaterThanOrEqual(20);
  });

  it('changed nothing among the files and folders it pointed at', () => {
    expect(snapshot(fixtures)).toEqual(before);
  });
});
