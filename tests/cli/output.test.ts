// Writing a report folder whole or not at all: the marker, replacing only orgsim's own folders,
// an interrupted write that leaves nothing, stale temporary folders, and file system errors.

import { spawnSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { markerText } from '../../src/cli/marker.ts';
import { planOutput } from '../../src/cli/out-dir.ts';
import { writeAtomically } from '../../src/cli/output.ts';
import { Interrupted } from '../../src/cli/signals.ts';
import { isAlive, QUIET_MS, removeStaleTemporaries } from '../../src/cli/stale.ts';
import { UsageError } from '../../src/cli/usage-error.ts';
import { ROOT, snapshot } from './orgsim.ts';

const base = mkdtempSync(join(tmpdir(), 'orgsim-output-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const VERSION = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
).version;
const MARKER = `{"tool":"orgsim","version":"${VERSION}","scenario":"tier1","seed":1,"host":${JSON.stringify(hostname())}}\n`;
/** A marker written on another host (a container sharing the volume): its pid means nothing here. */
const FOREIGN = `{"tool":"orgsim","version":"${VERSION}","scenario":"tier1","seed":1,"host":"elsewhere-${hostname()}"}\n`;

/** Back-dates a folder and its files past the quiet period. */
function quietSince(path: string, ms = QUIET_MS + 60_000): void {
  const then = new Date(Date.now() - ms);
  for (const name of readdirSync(path)) utimesSync(join(path, name), then, then);
  utimesSync(path, then, then);
}
const files = { 'summary.md': '# Summary\n', 'events.jsonl': '{"type":"run.start"}\n' };
const never = new AbortController().signal;

function outputIn(out: string) {
  return planOutput(out, { dir: '/unused', label: 'the default folder' }, [
    { name: 'tier1', from: "the scenario's name" },
    { name: '1', from: 'the seed' },
  ]);
}

/** A pid that no process has any more: a child that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  const pid = Number(child.stdout);
  expect(isAlive(pid)).toBe(false);
  return pid;
}

describe('writeAtomically', () => {
  it('writes the files and a marker naming the tool, its version, the scenario and the seed', async () => {
    const out = join(base, 'first');
    await writeAtomically(outputIn(out), files, { marker: markerText('tier1', 1), signal: never });
    expect(snapshot(out)).toEqual([
      'tier1/',
      'tier1/1/',
      `tier1/1/.orgsim: ${MARKER}`,
      'tier1/1/events.jsonl: {"type":"run.start"}\n',
      'tier1/1/summary.md: # Summary\n',
    ]);
  });

  it('replaces a folder it wrote, dropping what the old one held', async () => {
    const out = join(base, 'again');
    const output = outputIn(out);
    await writeAtomically(output, { 'old.md': 'old\n' }, { marker: MARKER, signal: never });
    await writeAtomically(output, { 'new.md': 'new\n' }, { marker: MARKER, signal: never });
    expect(snapshot(out)).toEqual([
      'tier1/',
      'tier1/1/',
      `tier1/1/.orgsim: ${MARKER}`,
      'tier1/1/new.md: new\n',
    ]);
  });

  it('refuses, at write time too, a folder that appeared without the marker, and deletes nothing', async () => {
    const out = join(base, 'raced');
    const output = outputIn(out);
    mkdirSync(output.dir, { recursive: true });
    writeFileSync(join(output.dir, 'precious.txt'), 'keep me');
    await expect(writeAtomically(output, files, { marker: MARKER, signal: never })).rejects.toThrow(
      `${output.dir} already exists and orgsim did not write it`,
    );
    expect(snapshot(out)).toEqual(['tier1/', 'tier1/1/', 'tier1/1/precious.txt: keep me']);
  });

  it('interrupted, removes its temporary folder and the folders it created, and throws the signal', async () => {
    const out = join(base, 'interrupted', 'deep');
    const controller = new AbortController();
    const writing = writeAtomically(outputIn(out), files, {
      marker: MARKER,
      signal: controller.signal,
    });
    controller.abort(new Interrupted('SIGTERM'));
    await expect(writing).rejects.toEqual(new Interrupted('SIGTERM'));
    // `interrupted/` did not exist before: it goes too.
    expect(snapshot(base).filter((p) => p.startsWith('interrupted'))).toEqual([]);
  });

  it('interrupted while replacing, keeps the previous report as it was', async () => {
    const out = join(base, 'kept');
    const output = outputIn(out);
    await writeAtomically(output, { 'old.md': 'old\n' }, { marker: MARKER, signal: never });
    const controller = new AbortController();
    const writing = writeAtomically(output, files, { marker: MARKER, signal: controller.signal });
    controller.abort(new Interrupted('SIGINT'));
    await expect(writing).rejects.toBeInstanceOf(Interrupted);
    expect(snapshot(out)).toEqual([
      'tier1/',
      'tier1/1/',
      `tier1/1/.orgsim: ${MARKER}`,
      'tier1/1/old.md: old\n',
    ]);
  });

  it('turns a file system error into a usage error naming the path and the reason', async () => {
    const out = join(base, 'blocked');
    const output = outputIn(out);
    // After the check and before the write, a file takes the place of the scenario folder.
    mkdirSync(out);
    writeFileSync(join(out, 'tier1'), 'in the way');
    const error = await writeAtomically(output, files, { marker: MARKER, signal: never }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe(
      `--out ${out}: cannot write the reports to ${output.dir}: ${join(out, 'tier1')}: something already exists there (EEXIST)`,
    );
    expect(snapshot(out)).toEqual(['tier1: in the way']);
  });

  it('removes the temporary folders of dead processes beside the target, not those of live ones', async () => {
    const out = join(base, 'stale');
    const parent = join(out, 'tier1');
    const dead = deadPid();
    const live = process.ppid;
    mkdirSync(join(parent, `1.tmp-${dead}`), { recursive: true });
    writeFileSync(join(parent, `1.tmp-${dead}`, '.orgsim'), MARKER);
    mkdirSync(join(parent, `7.old-${dead}`)); // killed right after mkdir: empty, long ago
    quietSince(join(parent, `7.old-${dead}`));
    mkdirSync(join(parent, `3.tmp-${dead}`)); // killed while writing its marker, long ago
    writeFileSync(join(parent, `3.tmp-${dead}`, '.orgsim'), '');
    quietSince(join(parent, `3.tmp-${dead}`));
    mkdirSync(join(parent, `4.tmp-${dead}`)); // empty, but just made: its writer may be elsewhere
    mkdirSync(join(parent, `2.tmp-${live}`));
    writeFileSync(join(parent, `2.tmp-${live}`, '.orgsim'), MARKER);
    mkdirSync(join(parent, `notes.tmp-${dead}`)); // not orgsim's: no marker and not empty
    writeFileSync(join(parent, `notes.tmp-${dead}`, 'draft.txt'), 'mine');
    await writeAtomically(outputIn(out), files, { marker: MARKER, signal: never });
    expect(snapshot(parent).filter((p) => !/^1\/./.test(p))).toEqual([
      '1/',
      `2.tmp-${live}/`,
      `2.tmp-${live}/.orgsim: ${MARKER}`,
      `4.tmp-${dead}/`,
      `notes.tmp-${dead}/`,
      `notes.tmp-${dead}/draft.txt: mine`,
    ]);
  });

  it('leaves a temporary folder from another host alone while it is being written', async () => {
    const parent = join(base, 'shared', 'tier1');
    const pid = deadPid(); // dead here, but the pid of a live writer in another container
    const busy = join(parent, `5.tmp-${pid}`);
    const done = join(parent, `6.tmp-${pid}`);
    for (const dir of [busy, done]) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, '.orgsim'), FOREIGN);
      writeFileSync(join(dir, 'events.jsonl'), '{}\n');
    }
    quietSince(done);
    expect(removeStaleTemporaries(parent, '1')).toEqual([done]);
    expect(snapshot(busy)).toEqual([`.orgsim: ${FOREIGN}`, 'events.jsonl: {}\n']);
  });
});

describe('removeStaleTemporaries', () => {
  it('leaves alone names that only look like temporary folders, and files', () => {
    const parent = join(base, 'lookalikes');
    mkdirSync(parent);
    for (const name of ['1.tmp-0', '1.tmp-99999999', '1.tmp-', '1.tmp-abc', `1.tmp-${process.pid}`])
      mkdirSync(join(parent, name));
    writeFileSync(join(parent, `1.tmp-${deadPid()}`), 'a file');
    const before = snapshot(parent);
    expect(removeStaleTemporaries(parent, '1')).toEqual([]);
    expect(snapshot(parent)).toEqual(before);
  });

  it('looks only at folders named after the target beside a report folder in the user’s --out', () => {
    // `report --out DIR` writes DIR/regenerated: DIR is the user's, and its other folders too.
    const parent = join(base, 'users-out');
    const dead = deadPid();
    const mine = [`backup.old-${dead}`, `keep.tmp-${dead}`, `7.tmp-${dead}`];
    for (const name of mine) mkdirSync(join(parent, name), { recursive: true });
    mkdirSync(join(parent, `regenerated.tmp-${dead}`));
    writeFileSync(join(parent, `regenerated.tmp-${dead}`, '.orgsim'), MARKER);
    for (const name of [...mine, `regenerated.tmp-${dead}`]) quietSince(join(parent, name));
    expect(removeStaleTemporaries(parent, 'regenerated')).toEqual([
      join(parent, `regenerated.tmp-${dead}`),
    ]);
    expect(snapshot(parent)).toEqual(mine.sort().map((name) => `${name}/`));
  });

  it('does nothing where there is no folder', () => {
    expect(removeStaleTemporaries(join(base, 'nowhere'), '1')).toEqual([]);
  });
});
