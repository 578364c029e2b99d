// Where orgsim's own files are — its package.json and the scenarios it ships — whether it runs
// from the TypeScript sources of a checkout or from the compiled dist/ of an installed package.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      const name = (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: unknown }).name;
      if (name === 'orgsim') return dir;
    }
    if (dirname(dir) === dir)
      throw new Error(
        `orgsim's package.json was not found above ${from}: the installation is broken`,
      );
  }
}

/** The folder holding orgsim's package.json. */
export const PACKAGE_ROOT = findRoot(import.meta.dirname);

/** orgsim's version, from its package.json. */
export const VERSION: string = (() => {
  const version = (
    JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as {
      version?: unknown;
    }
  ).version;
  return typeof version === 'string' ? version : 'unknown';
})();
