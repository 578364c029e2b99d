// Where a command writes its reports, checked before anything runs: a real folder strictly inside
// --out, on a file system orgsim can write to, and not a folder someone else wrote. Each refusal
// is a UsageError (exit 2) naming the path, the problem and what to do instead.

import { accessSync, constants, lstatSync, realpathSync, statfsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fsReason, isFsError } from './fs-reason.ts';
import { hasMarker, MARKER } from './marker.ts';
import { UsageError } from './usage-error.ts';

/** A folder name a command adds under --out, and where it comes from, for messages. */
export interface Segment {
  readonly name: string;
  readonly from: string;
}

export interface Output {
  /** --out, resolved. */
  readonly root: string;
  /** The report folder: `root` joined with the segments, strictly inside it. */
  readonly dir: string;
  /** How messages name --out: `--out x`, or the default folder. */
  readonly label: string;
}

// Kernel views, not storage: writing there fails oddly or hangs (a write to /proc can block).
const PSEUDO_ROOTS = ['/proc', '/sys', '/dev'];
const SHARED_MEMORY = '/dev/shm';
const PSEUDO_TYPES: ReadonlyMap<number, string> = new Map([
  [0x9fa0, 'proc'],
  [0x62656572, 'sysfs'],
  [0x1cd1, 'devpts'],
  [0x27e0eb, 'cgroup'],
  [0x63677270, 'cgroup2'],
  [0x64626720, 'debugfs'],
  [0x74726163, 'tracefs'],
  [0x73636673, 'securityfs'],
  [0x6165676c, 'pstore'],
  [0xcafe4a11, 'bpf'],
  [0x62656570, 'configfs'],
  [0xde5e81e4, 'efivarfs'],
]);

/** Where reports go without --out: `reports/` in the working directory, as a user expects of a CLI. */
export function defaultReports(): { readonly dir: string; readonly label: string } {
  return { dir: resolve('reports'), label: 'the default reports folder' };
}

/** The report folder `out/<segments…>`, after checking everything that can be checked up front. */
export function planOutput(
  out: string | undefined,
  fallback: { readonly dir: string; readonly label: string },
  segments: readonly Segment[],
): Output {
  if (out !== undefined && out.trim() === '')
    throw new UsageError(`--out must be the path of a folder, got "${out}"`);
  const root = resolve(out ?? fallback.dir);
  const label = out === undefined ? `${fallback.label} ${root}` : `--out ${out}`;
  for (const segment of segments) checkSegment(segment);
  const output = { root, dir: join(root, ...segments.map((s) => s.name)), label };
  checkInside(output);
  checkRoot(root, label);
  checkTarget(output);
  return output;
}

/** One folder name, nothing that moves elsewhere: not empty, `.`, `..`, a separator or NUL. */
function checkSegment({ name, from }: Segment): void {
  const structural =
    name === '' ||
    name === '.' ||
    name === '..' ||
    /[/\\\0]/.test(name) ||
    Buffer.byteLength(name) > 255;
  if (structural)
    throw new UsageError(
      `${from} ${JSON.stringify(name)} cannot name a report folder: it must be one folder name (letters, digits, ".", "_" and "-"; not "." or "..")`,
    );
}

function checkInside({ root, dir, label }: Output): void {
  const rel = relative(root, dir);
  if (rel === '' || isAbsolute(rel) || rel.split(sep)[0] === '..')
    throw new UsageError(`${dir} is not inside ${label}: orgsim writes reports only inside --out`);
}

function pseudoRoot(path: string): string | undefined {
  // /dev/shm is shared memory: a real, writable tmpfs, not a device.
  if (path === SHARED_MEMORY || path.startsWith(`${SHARED_MEMORY}/`)) return undefined;
  return PSEUDO_ROOTS.find((p) => path === p || path.startsWith(`${p}/`));
}

function pseudoType(path: string): string | undefined {
  try {
    return PSEUDO_TYPES.get(statfsSync(path).type);
  } catch {
    return undefined;
  }
}

/** The deepest path at or above `path` that exists. */
function nearestExisting(path: string, label: string): string {
  for (let p = path; ; p = dirname(p)) {
    try {
      statSync(p);
      return p;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (isFsError(error) && code !== 'ENOENT' && code !== 'ENOTDIR')
        throw new UsageError(`${label} cannot be used: ${p}: ${fsReason(error)}`);
      if (dirname(p) === p) return p;
    }
  }
}

/** --out is, or can become, a folder orgsim can write in, on a real file system. */
function checkRoot(root: string, label: string): void {
  const onPseudo = (where: string) =>
    new UsageError(
      `${label} is on a pseudo file system (${where}), where reports cannot be written: give a folder on a disk`,
    );
  const prefix = pseudoRoot(root);
  if (prefix !== undefined) throw onPseudo(prefix);
  const base = nearestExisting(root, label);
  if (!statSync(base).isDirectory())
    throw new UsageError(
      base === root
        ? `${label} is a file, not a folder: give a folder (orgsim creates it if it is missing)`
        : `${label} is under a file: ${base} is not a folder`,
    );
  const real = realpathSync(base);
  const realPrefix = pseudoRoot(real);
  if (realPrefix !== undefined) throw onPseudo(realPrefix);
  const type = pseudoType(base);
  if (type !== undefined) throw onPseudo(type);
  try {
    accessSync(base, constants.W_OK | constants.X_OK);
  } catch (error) {
    const why = isFsError(error) ? fsReason(error) : String(error);
    throw new UsageError(
      base === root
        ? `${label} is not writable: ${why}; choose another --out, or change its permissions`
        : `${label} cannot be created: ${base} is not writable: ${why}; choose another --out`,
    );
  }
}

/**
 * Below --out, everything on the way to the report folder that exists is a real folder (a symbolic
 * link could lead outside), and the report folder itself, if it exists, was written by orgsim.
 */
export function checkTarget({ root, dir, label }: Output): void {
  let path = root;
  for (const name of relative(root, dir).split(sep)) {
    path = join(path, name);
    let stats: ReturnType<typeof lstatSync>;
    try {
      stats = lstatSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      const why = isFsError(error) ? fsReason(error) : String(error);
      throw new UsageError(`${label}: ${path} cannot be used: ${why}`);
    }
    if (path === dir) break;
    if (stats.isSymbolicLink())
      throw new UsageError(
        `${path} is a symbolic link: orgsim writes reports only into real folders inside ${label}; remove the link, or choose another --out`,
      );
    if (!stats.isDirectory())
      throw new UsageError(
        `${path} is a file, not a folder: choose another --out, or move that file`,
      );
  }
  if (!lstatSync(dir).isDirectory() || !hasMarker(dir))
    throw new UsageError(
      `${dir} already exists and orgsim did not write it (it has no ${MARKER} marker): choose another --out, or remove it`,
    );
}
