// Runs the command line as a user runs it, in a subprocess, and looks at what it left on disk.

import { type ChildProcess, spawn } from 'node:child_process';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');

/** What a run writes into its report folder with every format, sorted: listed by hand. */
export const REPORT_FILES = [
  '.orgsim',
  'bottleneck.json',
  'bottleneck.md',
  'capacity.json',
  'capacity.md',
  'command-center.html',
  'cost.json',
  'cost.md',
  'events.jsonl',
  'report.html',
  'standup.json',
  'standup.md',
  'summary.json',
  'summary.md',
];

export interface Ran {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** `orgsim <args>` as a child process, from the repository root, without colour. */
export function start(args: readonly string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** What a started child printed and how it ended. */
export function finished(child: ChildProcess): Promise<Ran> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  return new Promise((done) =>
    child.on('close', (code, signal) => done({ code, signal, stdout, stderr })),
  );
}

export function orgsim(args: readonly string[], env: Record<string, string> = {}): Promise<Ran> {
  return finished(start(args, env));
}

/** A stack trace's frame line: what no user-facing error may print. */
export const STACK_FRAME = /\n\s+at /;

/**
 * Everything under `dir`, sorted: each folder as `path/`, each file as `path: content`, each
 * symbolic link as `path -> target`. Two equal snapshots mean nothing was added, removed or changed.
 */
export function snapshot(dir: string): string[] {
  const entries: string[] = [];
  const walk = (rel: string) => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      const path = rel === '' ? name : `${rel}/${name}`;
      const full = join(dir, path);
      const stats = lstatSync(full);
      if (stats.isSymbolicLink()) entries.push(`${path} -> ${readlinkSync(full)}`);
      else if (stats.isDirectory()) {
        entries.push(`${path}/`);
        walk(path);
      } else entries.push(`${path}: ${readFileSync(full, 'utf8')}`);
    }
  };
  walk('');
  return entries;
}
