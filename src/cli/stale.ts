// Temporary folders a killed orgsim left beside a report folder (`<seed>.tmp-<pid>` while writing,
// `<seed>.old-<pid>` while replacing): a later write removes those whose process is gone, and
// never those of a live process, which may be writing them right now.

import { lstatSync, readdirSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { MARKER, readMarker } from './marker.ts';

const TEMPORARY = /^(.*)\.(?:tmp|old)-(\d+)$/;
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

/** A temporary folder untouched this long is no one's work in progress, whoever wrote it. */
export const QUIET_MS = 10 * 60 * 1000;

/** Whether nothing in the folder (or the folder itself) changed in the last QUIET_MS. */
function quiet(path: string): boolean {
  const now = Date.now();
  const recent = (p: string) => now - lstatSync(p).mtimeMs < QUIET_MS;
  if (recent(path)) return false;
  return !readdirSync(path).some((name) => recent(join(path, name)));
}

/**
 * Whether `path`, named after process `pid`, is a temporary folder orgsim left behind. It must be
 * orgsim's: it holds the marker, or nothing but a marker being written, or nothing (killed right
 * after it was made). A marker from this host names a pid this process can check; a folder from
 * another host (a container sharing the volume) or of unknown origin must also have been quiet
 * for QUIET_MS, since its writer may be alive where this process cannot see it.
 */
function isStale(path: string, pid: number): boolean {
  try {
    if (!lstatSync(path).isDirectory()) return false;
    const marker = readMarker(path);
    if (marker !== null) {
      if (marker.host === hostname()) return !isAlive(pid);
      return !isAlive(pid) && quiet(path);
    }
    const names = readdirSync(path);
    const starting =
      names.length === 0 ||
      (names.length === 1 && names[0] === MARKER && lstatSync(join(path, MARKER)).isFile());
    return starting && !isAlive(pid) && quiet(path);
  } catch {
    return false;
  }
}

/**
 * Removes the stale temporary folders beside `target` in `parent` (those of its own name, and,
 * beside a seed's folder, those of the other seeds); returns their paths. Folders of other names
 * are never looked at: the parent of `report`'s folder is the user's own --out.
 */
export function removeStaleTemporaries(parent: string, target: string): string[] {
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = TEMPORARY.exec(name);
    const base = match?.[1] ?? '';
    if (base !== target && !(/^\d+$/.test(base) && /^\d+$/.test(target))) continue;
    const pid = Number(match?.[2]);
    if (!Number.isSafeInteger(pid) || pid <= 0 || pid > MAX_PID || pid === process.pid) continue;
    const path = join(parent, name);
    if (!isStale(path, pid)) continue;
    try {
      rmSync(path, { recursive: true, force: true });
      removed.push(path);
    } catch {
      // Someone else's leftover this process cannot remove: not a reason to fail this write.
    }
  }
  return removed;
}
