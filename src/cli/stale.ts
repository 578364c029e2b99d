// Temporary folders a killed orgsim left beside a report folder (`<seed>.tmp-<pid>` while writing,
// `<seed>.old-<pid>` while replacing): a later write removes those whose process is gone, and
// never those of a live process, which may be writing them right now.

import { lstatSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { hasMarker, MARKER } from './marker.ts';

const TEMPORARY = /\.(?:tmp|old)-(\d+)$/;
/** Linux's PID_MAX_LIMIT: a larger number is not a pid orgsim wrote. */
const MAX_PID = 4_194_304;

/** Whether a process with this pid exists (EPERM: it does, it is someone else's). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/**
 * orgsim's own temporary folder: it holds the marker, or nothing but a marker being written, or
 * nothing at all (killed right after it was made).
 */
function isOrgsimTemporary(path: string): boolean {
  try {
    if (!lstatSync(path).isDirectory()) return false;
    const names = readdirSync(path);
    if (names.length === 0 || hasMarker(path)) return true;
    return names.length === 1 && names[0] === MARKER && lstatSync(join(path, MARKER)).isFile();
  } catch {
    return false;
  }
}

/** Removes the stale temporary folders in `parent`; returns their paths. */
export function removeStaleTemporaries(parent: string): string[] {
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const pid = Number(TEMPORARY.exec(name)?.[1]);
    if (!Number.isSafeInteger(pid) || pid <= 0 || pid > MAX_PID || pid === process.pid) continue;
    const path = join(parent, name);
    if (isAlive(pid) || !isOrgsimTemporary(path)) continue;
    try {
      rmSync(path, { recursive: true, force: true });
      removed.push(path);
    } catch {
      // Someone else's leftover this process cannot remove: not a reason to fail this write.
    }
  }
  return removed;
}
