// Where reports may go: checked before a run, without creating or touching anything.

import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planOutput, type Segment } from '../../src/cli/out-dir.ts';
import { UsageError } from '../../src/cli/usage-error.ts';
import { snapshot } from './orgsim.ts';

const base = mkdtempSync(join(tmpdir(), 'orgsim-out-dir-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const named = (name: string, seed = '1'): Segment[] => [
  { name, from: "the scenario's name" },
  { name: seed, from: 'the seed' },
];

/** The message planOutput refuses with; fails the test if it accepts. */
const UNUSED = { dir: '/unused', label: 'the default folder' };

function refusal(out: string | undefined, segments: Segment[]): string {
  try {
    planOutput(out, { dir: base, label: 'the default folder' }, segments);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`planOutput accepted ${String(out)} with ${JSON.stringify(segments)}`);
}

describe('planOutput', () => {
  it('puts the report folder at <out>/<name>/<seed>, and creates nothing while checking', () => {
    const out = join(base, 'fresh', 'deeper');
    expect(planOutput(out, UNUSED, named('tier1', '7'))).toEqual({
      root: out,
      dir: join(base, 'fresh', 'deeper', 'tier1', '7'),
      label: `--out ${out}`,
    });
    expect(snapshot(base)).toEqual([]);
  });

  it('falls back to the default folder and names it as such when --out is not given', () => {
    const fallback = join(base, 'reports');
    const labelled = { dir: fallback, label: 'the default reports folder' };
    expect(planOutput(undefined, labelled, named('tier1')).label).toBe(
      `the default reports folder ${fallback}`,
    );
  });

  it('refuses a name that is empty, . or .., or holds a separator or NUL', () => {
    for (const name of ['', '.', '..', '../victim', '../../escaped', 'a/b', 'a\\b', 'a\0b', '/abs'])
      expect(refusal(base, named(name))).toBe(
        `the scenario's name ${JSON.stringify(name)} cannot name a report folder: it must be one folder name (letters, digits, ".", "_" and "-"; not "." or "..")`,
      );
  });

  it('refuses a name longer than a file system allows (255 bytes)', () => {
    expect(refusal(base, named('é'.repeat(128)))).toMatch(/cannot name a report folder/);
    expect(planOutput(base, UNUSED, named('e'.repeat(255))).dir).toBe(
      join(base, 'e'.repeat(255), '1'),
    );
  });

  it('accepts names that only look odd: dots inside, leading dots, dashes', () => {
    for (const name of ['..hidden', 'a..b', '.x', 'v1.2-rc_3'])
      expect(planOutput(base, UNUSED, named(name)).dir).toBe(join(base, name, '1'));
  });

  it('refuses an empty --out rather than writing into the current folder', () => {
    expect(refusal('', named('tier1'))).toBe('--out must be the path of a folder, got ""');
  });

  it('refuses --out on /proc, /sys and /dev, by path, before touching them', () => {
    expect(refusal('/proc/x', named('tier1'))).toBe(
      '--out /proc/x is on a pseudo file system (/proc), where reports cannot be written: give a folder on a disk',
    );
    expect(refusal('/sys', named('tier1'))).toMatch(
      /^--out \/sys is on a pseudo file system \(\/sys\)/,
    );
    expect(refusal('/dev/null/r', named('tier1'))).toMatch(/\(\/dev\)/);
    // /dev/shm is shared memory, a writable tmpfs: a folder there is a folder.
    expect(planOutput('/dev/shm/orgsim-r', UNUSED, named('tier1')).dir).toBe(
      '/dev/shm/orgsim-r/tier1/1',
    );
    // A prefix of the name is not the folder: /procedures is an ordinary path.
    // (Accepted as root; refused as not writable otherwise: either way not as a pseudo file system.)
    let said = '';
    try {
      planOutput('/procedures/x', UNUSED, named('tier1'));
    } catch (error) {
      said = (error as Error).message;
    }
    expect(said).not.toMatch(/pseudo/);
  });

  it('refuses a folder reached through a symbolic link into /proc, by its real path', () => {
    const link = join(base, 'to-proc');
    symlinkSync('/proc/self', link);
    expect(refusal(join(link, 'x'), named('tier1'))).toMatch(
      /is on a pseudo file system \(\/proc\)/,
    );
  });

  it('refuses --out that is a file, or under a file', () => {
    const file = join(base, 'plain.txt');
    writeFileSync(file, 'x');
    expect(refusal(file, named('tier1'))).toBe(
      `--out ${file} is a file, not a folder: give a folder (orgsim creates it if it is missing)`,
    );
    expect(refusal(join(file, 'a', 'b'), named('tier1'))).toBe(
      `--out ${join(file, 'a', 'b')} is under a file: ${file} is not a folder`,
    );
  });

  it('refuses a file or a symbolic link where the scenario folder goes', () => {
    const out = join(base, 'occupied');
    mkdirSync(out);
    writeFileSync(join(out, 'tier1'), 'x');
    expect(refusal(out, named('tier1'))).toBe(
      `${join(out, 'tier1')} is a file, not a folder: choose another --out, or move that file`,
    );
    symlinkSync(base, join(out, 'tier2'));
    expect(refusal(out, named('tier2'))).toMatch(
      new RegExp(
        `^${join(out, 'tier2')} is a symbolic link: orgsim writes reports only into real folders inside --out`,
      ),
    );
  });

  it('refuses an existing report folder without the marker, and accepts one with it', () => {
    const out = join(base, 'kept');
    mkdirSync(join(out, 'tier1', '1'), { recursive: true });
    writeFileSync(join(out, 'tier1', '1', 'mine.txt'), 'mine');
    expect(refusal(out, named('tier1'))).toBe(
      `${join(out, 'tier1', '1')} already exists and orgsim did not write it (it has no .orgsim marker): choose another --out, or remove it`,
    );
    // A marker that is not orgsim's JSON does not count either.
    writeFileSync(join(out, 'tier1', '1', '.orgsim'), 'hello');
    expect(refusal(out, named('tier1'))).toMatch(/orgsim did not write it/);
    writeFileSync(join(out, 'tier1', '1', '.orgsim'), '{"tool":"orgsim"}\n');
    expect(planOutput(out, UNUSED, named('tier1')).dir).toBe(join(out, 'tier1', '1'));
  });
});
