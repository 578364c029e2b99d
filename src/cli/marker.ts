// The marker orgsim leaves in every report folder it writes. orgsim replaces a folder only if it
// holds this marker, so a folder it did not write (someone's files) is never deleted.

import { lstatSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { VERSION } from '../package-root.ts';

export const MARKER = '.orgsim';

/**
 * The marker's text: which tool wrote the folder, for which scenario and seed, and on which host
 * (so that a later run can tell whether the pid in a temporary folder's name is one it can check).
 */
export function markerText(scenario: string, seed: number): string {
  return `${JSON.stringify({ tool: 'orgsim', version: VERSION, scenario, seed, host: hostname() })}\n`;
}

/** The marker's fields, or null when `dir` holds none that orgsim wrote. */
export function readMarker(dir: string): { readonly host?: string } | null {
  const file = join(dir, MARKER);
  try {
    if (!lstatSync(file).isFile()) return null;
    const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if ((data as { tool?: unknown } | null)?.tool !== 'orgsim') return null;
    const host = (data as { host?: unknown }).host;
    return typeof host === 'string' ? { host } : {};
  } catch {
    return null;
  }
}

/** Whether `dir` holds a marker orgsim wrote: a plain file whose JSON says `tool: orgsim`. */
export function hasMarker(dir: string): boolean {
  return readMarker(dir) !== null;
}
