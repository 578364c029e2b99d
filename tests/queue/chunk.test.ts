// What a worker runs: a chunk's rows are the local pool's rows for its seeds, from the scenario's
// text as the job carries it; and the jobs a worker must refuse, with the reason.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { runChunk } from '../../src/batch/chunk.ts';
import { runJob } from '../../src/batch/job.ts';
import { VERSION } from '../../src/package-root.ts';
import type { ChunkJob } from '../../src/queue/payload.ts';
import { sha256 } from '../../src/queue/payload.ts';
import { refusal } from '../../src/queue/worker.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'orgsim-chunk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('runChunk', () => {
  it("returns, seed by seed, the rows runJob returns, from the scenario's text alone", () => {
    const file = join(ROOT, 'scenarios', 'tier4.yaml');
    const text = readFileSync(file, 'utf8');
    const variant = {
      label: 'strategy=least-loaded',
      changes: [{ kind: 'set' as const, path: ['strategy'], value: 'least-loaded' }],
    };
    const rows = runChunk({
      // A file that does not exist: the worker reads the text, not the disk.
      arm: { scenario: 'tier4', source: { text, file: join(dir, 'elsewhere.yaml') }, variant },
      firstSeed: 7,
      count: 3,
    });
    expect(rows.map((r) => r.seed)).toEqual([7, 8, 9]);
    for (const [k, row] of rows.entries())
      expect(isDeepStrictEqual(row, runJob({ scenario: 'tier4', seed: 7 + k, variant }))).toBe(
        true,
      );
  });
});

describe('refusal', () => {
  const job = (over: Partial<ChunkJob>): ChunkJob => ({
    orgsim: VERSION,
    run: 'r1',
    chunk: { arm: { scenario: 'tier1' }, firstSeed: 1, count: 1 },
    modules: {},
    ...over,
  });

  it("takes a job of this worker's version whose modules are here as the submitter had them", () => {
    const module = join(dir, 'mine.mjs');
    writeFileSync(module, 'export default {};\n');
    expect(refusal(job({}))).toBeNull();
    expect(refusal(job({ modules: { [module]: sha256('export default {};\n') } }))).toBeNull();
  });

  it('refuses another version, a missing module and a module that differs, saying what to do', () => {
    expect(refusal(job({ orgsim: '0.0.1-other' }))).toBe(
      `the job was submitted by orgsim 0.0.1-other and this worker runs ${VERSION}: run workers of the submitter's version`,
    );
    const missing = join(dir, 'absent.mjs');
    expect(refusal(job({ modules: { [missing]: sha256('x') } }))).toMatch(
      new RegExp(
        `^strategy module ${missing} is not on this worker \\(.+\\): install it at the same path as on the submitting machine$`,
      ),
    );
    const changed = join(dir, 'changed.mjs');
    writeFileSync(changed, 'export default { name: "b" };\n');
    expect(
      refusal(job({ modules: { [changed]: sha256('export default { name: "a" };\n') } })),
    ).toMatch(/differs from the submitter's: deploy the same file$/);
  });
});
