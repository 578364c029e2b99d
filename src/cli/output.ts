// Writes a run's reports as a whole or not at all: everything goes to a temporary folder beside
// the target, which replaces the previous report only once complete. A failed run leaves nothing.

import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function writeAtomically(dir: string, files: Readonly<Record<string, string>>): void {
  mkdirSync(dirname(dir), { recursive: true });
  const temp = `${dir}.tmp-${process.pid}`;
  const old = `${dir}.old-${process.pid}`;
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp);
  try {
    for (const [name, content] of Object.entries(files)) writeFileSync(join(temp, name), content);
    if (existsSync(dir)) renameSync(dir, old);
    renameSync(temp, dir);
    rmSync(old, { recursive: true, force: true });
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    if (!existsSync(dir) && existsSync(old)) renameSync(old, dir);
    throw error;
  }
}
