// The marker orgsim leaves in every report folder it writes. orgsim replaces a folder only if it
// holds this marker, so a folder it did not write (someone's files) is never deleted.

import { lstatSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const MARKER = '.orgsim';

const PACKAGE = resolve(import.meta.dirname, '..', '..', 'package.json');

function orgsimVersion(): string {
  const pkg: unknown = JSON.parse(readFileSync(PACKAGE, 'utf8'));
  const version = (pkg as { version?: unknown }).version;
  return typeof version === 'string' ? version : 'unknown';
}

/** The marker's text: which tool wrote the folder, and for which scenario and seed. */
export function markerText(scenario: string, seed: number): string {
  return `${JSON.stringify({ tool: 'orgsim', version: orgsimVersion(), scenario, seed })}\n`;
}

/** Whether `dir` holds a marker orgsim wrote: a plain file whose JSON says `tool: orgsim`. */
export function hasMarker(dir: string): boolean {
  const file = join(dir, MARKER);
  try {
    if (!lstatSync(file).isFile()) return false;
    const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return (data as { tool?: unknown } | null)?.tool === 'orgsim';
  } catch {
    return false;
  }
}
