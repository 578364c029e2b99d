// Writes a command's reports as a whole or not at all: everything goes to a temporary folder
// beside the target (`<dir>.tmp-<pid>`), which replaces the previous report only once complete,
// and only if orgsim wrote that report. A failed or interrupted write leaves nothing behind: not
// the temporary folder, and not the empty folders it created on the way.

import { existsSync, mkdirSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fsReason, isFsError } from './fs-reason.ts';
import { MARKER } from './marker.ts';
import { checkTarget, type Output } from './out-dir.ts';
import type { FileContent } from './render.ts';
import { removeStaleTemporaries } from './stale.ts';
import { UsageError } from './usage-error.ts';

export interface WriteOptions {
  /** The text of the marker file that says orgsim wrote the folder. */
  readonly marker: string;
  /** Aborted by SIGINT or SIGTERM: the write stops, cleans up and throws the signal's reason. */
  readonly signal: AbortSignal;
}

// Test hook, read only by tests/cli/signals.test.ts: holds a write open for this many
// milliseconds once its marker is written, so that a test can signal it mid-write. It changes no output.
const TEST_PAUSE_MS = Number(process.env.ORGSIM_TEST_PAUSE_WRITE_MS ?? 0);

export async function writeAtomically(
  output: Output,
  files: Readonly<Record<string, FileContent>>,
  { marker, signal }: WriteOptions,
): Promise<void> {
  const { dir } = output;
  const parent = dirname(dir);
  const temp = `${dir}.tmp-${process.pid}`;
  const old = `${dir}.old-${process.pid}`;
  let created: string | undefined;
  try {
    created = mkdirSync(parent, { recursive: true });
    checkTarget(output);
    removeStaleTemporaries(parent, basename(dir));
    rmSync(temp, { recursive: true, force: true });
    await mkdir(temp);
    // At once, not in chunks: a temporary folder is recognisably orgsim's from its start.
    writeFileSync(join(temp, MARKER), marker);
    if (TEST_PAUSE_MS > 0) await sleep(TEST_PAUSE_MS, undefined, { signal });
    for (const [name, content] of Object.entries(files))
      await writeFile(join(temp, name), content, { signal });
    signal.throwIfAborted();
    // No await from here on: a signal cannot fall between taking the old folder away and
    // putting the new one in its place.
    if (existsSync(dir)) renameSync(dir, old);
    renameSync(temp, dir);
  } catch (error) {
    // Best effort: the error that stopped the write is the one worth reporting.
    bestEffort(() => rmSync(temp, { recursive: true, force: true }));
    bestEffort(() => !existsSync(dir) && existsSync(old) && renameSync(old, dir));
    if (created !== undefined) removeEmptyFolders(parent, created);
    if (signal.aborted) throw signal.reason;
    throw asUsageError(error, output);
  }
  bestEffort(() => rmSync(old, { recursive: true, force: true }));
}

function bestEffort(step: () => unknown): void {
  try {
    step();
  } catch {
    // Nothing more can be done; a later run removes what is left (see stale.ts).
  }
}

/** Removes `from` and its parents up to `upTo` (the first folder this write created) while empty. */
function removeEmptyFolders(from: string, upTo: string): void {
  for (let path = from; ; path = dirname(path)) {
    try {
      rmdirSync(path);
    } catch {
      return;
    }
    if (path === upTo || dirname(path) === path) return;
  }
}

/** A file system failure is the disk's or the user's, not a bug: exit 2 with the path and why. */
function asUsageError(error: unknown, { dir, label }: Output): unknown {
  if (!isFsError(error)) return error;
  return new UsageError(
    `${label}: cannot write the reports to ${dir}: ${error.path ?? dir}: ${fsReason(error)}`,
  );
}
