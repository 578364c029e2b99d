// A lockfile for an empty project that depends on the packed tarball: orgsim's own production
// dependencies exactly as its lockfile pins them, so that `npm ci --offline` installs from the npm
// cache alone — the tarballs and metadata that `npm ci` of the checkout left there (a plain
// `npm install` would ask the registry for the newest versions).

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface LockEntry {
  readonly dev?: boolean;
  readonly devOptional?: boolean;
  readonly [key: string]: unknown;
}

/**
 * Where the registry keeps a locked package's tarball. orgsim's lockfile leaves it out (npm's
 * `omit-lockfile-registry-resolved`), and without it `npm ci` asks for the package's metadata,
 * which the cache may not hold; with it, the tarball is found in the cache by its integrity.
 */
function tarballUrl(path: string, entry: LockEntry): string {
  const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
  const file = name.slice(name.lastIndexOf('/') + 1);
  return `https://registry.npmjs.org/${name}/-/${file}-${String(entry.version)}.tgz`;
}

export function projectFor(root: string, tarball: string, name: string) {
  const ours = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    version: string;
    license: string;
    dependencies: Record<string, string>;
    engines: Record<string, string>;
  };
  const spec = `file:${tarball}`;
  const integrity = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;
  const packages: Record<string, unknown> = {
    '': { name, dependencies: { orgsim: spec } },
    'node_modules/orgsim': {
      version: pkg.version,
      resolved: spec,
      integrity,
      license: pkg.license,
      dependencies: pkg.dependencies,
      bin: { orgsim: 'bin/orgsim.js' },
      engines: pkg.engines,
    },
  };
  // `devOptional`: a package both a dev dependency and an optional one of production (BullMQ's
  // msgpackr-extract needs detect-libc, which a dev tool needs too): to the installed package, an
  // optional dependency.
  for (const [path, entry] of Object.entries(ours.packages)) {
    if (!path.startsWith('node_modules/') || entry.dev) continue;
    const { devOptional, ...rest } = entry;
    packages[path] = {
      resolved: tarballUrl(path, entry),
      ...rest,
      ...(devOptional ? { optional: true } : {}),
    };
  }
  return {
    packageJson: { name, private: true, type: 'module', dependencies: { orgsim: spec } },
    lockfile: { name, lockfileVersion: 3, requires: true, packages },
  };
}
