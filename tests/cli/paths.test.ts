// A scenario's name becomes a folder under --out: whatever it says, nothing is written outside
// --out, and a folder orgsim did not write is never replaced.

import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { orgsim, REPORT_FILES, ROOT, STACK_FRAME, snapshot } from './orgsim.ts';

const base = mkdtempSync(join(tmpdir(), 'orgsim-paths-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const VERSION = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
).version;

/**
 * A one-task scenario named `name`, in a folder of its own: `home/out` (empty) is --out, with a
 * victim beside it (`../victim`) and room two levels up (`../../escaped`), all inside the folder.
 */
function tree(label: string, name: string): { dir: string; file: string; out: string } {
  const dir = join(base, label);
  mkdirSync(join(dir, 'home', 'out'), { recursive: true });
  mkdirSync(join(dir, 'home', 'victim', '1'), { recursive: true });
  writeFileSync(join(dir, 'home', 'victim', 'file.txt'), 'must survive\n');
  writeFileSync(join(dir, 'home', 'victim', '1', 'file.txt'), 'must survive too\n');
  const file = join(dir, 'scenario.yaml');
  writeFileSync(
    file,
    `name: ${JSON.stringify(name)}\ninstructions:\n  - { id: A, at: 0, tier: 1, priority: P2, title: One task, domains: [backend] }\n`,
  );
  return { dir, file, out: join(dir, 'home', 'out') };
}

describe.concurrent('a path-like scenario name', () => {
  it.for([
    ['escapes two levels', '../../escaped'],
    ['reaches a victim beside --out', '../victim'],
    ['is empty', ''],
    ['holds a separator', 'a/b'],
    ['is the folder itself', '.'],
    ['is absolute', '/tmp/orgsim-absolute'],
  ])(
    'that %s is refused with exit 2 and changes nothing anywhere',
    async ([label, name], { expect }) => {
      const { dir, file, out } = tree(label as string, name as string);
      const before = snapshot(dir);
      const r = await orgsim(['scenario', file, '--out', out, '--seed', '1']);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).not.toMatch(STACK_FRAME);
      expect(snapshot(dir)).toEqual(before);
    },
  );
});

describe('an existing report folder', () => {
  it('is refused when orgsim did not write it, and its files survive', async () => {
    const out = join(base, 'foreign');
    mkdirSync(join(out, 'tier1', '1'), { recursive: true });
    writeFileSync(join(out, 'tier1', '1', 'notes.txt'), 'mine\n');
    const r = await orgsim(['scenario', 'tier1', '--out', out, '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `${join(out, 'tier1', '1')} already exists and orgsim did not write it (it has no .orgsim marker): choose another --out, or remove it\n`,
    );
    expect(snapshot(out)).toEqual(['tier1/', 'tier1/1/', 'tier1/1/notes.txt: mine\n']);
  });

  it('is replaced when orgsim wrote it, and `report` refuses a foreign `regenerated` folder', async () => {
    const out = join(base, 'own');
    const dir = join(out, 'tier1', '1');
    expect((await orgsim(['scenario', 'tier1', '--out', out, '--quiet'])).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, '.orgsim'), 'utf8'))).toEqual({
      tool: 'orgsim',
      version: VERSION,
      scenario: 'tier1',
      seed: 1,
      host: hostname(),
    });
    writeFileSync(join(dir, 'stray.txt'), 'left by hand\n');
    expect((await orgsim(['scenario', 'tier1', '--out', out, '--quiet'])).code).toBe(0);
    // The same files as a fresh run: the stray one went with the folder it was left in.
    expect(readdirSync(dir).sort()).toEqual(REPORT_FILES);

    const elsewhere = join(base, 'regenerate');
    mkdirSync(join(elsewhere, 'regenerated'), { recursive: true });
    writeFileSync(join(elsewhere, 'regenerated', 'keep.md'), 'keep\n');
    const r = await orgsim(['report', join(dir, 'events.jsonl'), '--out', elsewhere, '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/regenerated already exists and orgsim did not write it/);
    expect(snapshot(elsewhere)).toEqual(['regenerated/', 'regenerated/keep.md: keep\n']);
  });
});
