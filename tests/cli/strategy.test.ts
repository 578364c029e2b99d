// A user's strategy through the command line: named in a scenario file (relative to it), with
// --strategy (relative to the working directory), and beside the built-in ones in compare, on
// worker threads. A misbehaving one exits 2 naming itself.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { orgsim, ROOT, STACK_FRAME } from './orgsim.ts';

const dir = mkdtempSync(join(tmpdir(), 'orgsim-strategy-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const EXAMPLE = 'examples/strategies/cost-aware-critical-path.js';

describe.concurrent('a strategy module', () => {
  it('runs when a scenario file names it, relative to the file, and is reported by its name', async ({
    expect,
  }) => {
    writeFileSync(join(dir, 'my-strategy.mjs'), readFileSync(join(ROOT, EXAMPLE), 'utf8'));
    const tier3 = readFileSync(join(ROOT, 'scenarios', 'tier3.yaml'), 'utf8')
      .replace('$schema: ./schema.json\n', '')
      .replace(/^strategy: .*$/m, '');
    writeFileSync(join(dir, 'mine.yaml'), `${tier3}\nstrategy: ./my-strategy.mjs\n`);
    const r = await orgsim([
      'scenario',
      join(dir, 'mine.yaml'),
      '--json',
      '--out',
      join(dir, 'out1'),
    ]);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.strategy).toBe('cost-aware-critical-path');
    expect(s.outcome).toBe('done');
    // The same run again: the same log.
    const again = await orgsim([
      'scenario',
      join(dir, 'mine.yaml'),
      '--json',
      '--out',
      join(dir, 'out2'),
    ]);
    expect(JSON.parse(again.stdout).eventLogSha256).toBe(s.eventLogSha256);
  });

  it('runs with --strategy and beside the built-in ones in compare, on worker threads', async ({
    expect,
  }) => {
    const one = await orgsim([
      'scenario',
      'tier2',
      '--strategy',
      EXAMPLE,
      '--json',
      '--out',
      join(dir, 'o3'),
    ]);
    expect(one.code, one.stderr).toBe(0);
    expect(JSON.parse(one.stdout).strategy).toBe('cost-aware-critical-path');
    const c = await orgsim([
      'compare',
      'tier2',
      '--vary',
      `strategy=weighted,${EXAMPLE}`,
      '--runs',
      '3',
      '--workers',
      '2',
      '--json',
      '--out',
      join(dir, 'o4'),
    ]);
    expect(c.code, c.stderr).toBe(0);
    const result = JSON.parse(c.stdout);
    expect(result.variants.map((v: { label: string }) => v.label)).toEqual([
      'strategy=weighted',
      `strategy=${EXAMPLE}`,
    ]);
    // Replication 0 of the module's variant is the --strategy run above (seed 2, tier2's own).
    expect(result.variants[1].rows[0].makespanHours).toBe(JSON.parse(one.stdout).makespanHours);
  });

  it('that picks someone who is not a candidate stops the run with exit 2, naming it', async ({
    expect,
  }) => {
    writeFileSync(
      join(dir, 'stranger.mjs'),
      "export default { choose: () => ({ id: 'ic-nobody' }) };",
    );
    const r = await orgsim([
      'scenario',
      'tier1',
      '--strategy',
      join(dir, 'stranger.mjs'),
      '--out',
      join(dir, 'o5'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^strategy stranger chose "ic-nobody" for task \S+, who is not one of its candidates \(.+\): return one of the candidates it is given\n$/,
    );
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  it('that exports no strategy is refused at load, naming the field', async ({ expect }) => {
    writeFileSync(join(dir, 'empty.mjs'), 'export const x = 1;');
    const r = await orgsim([
      'scenario',
      'tier1',
      '--strategy',
      join(dir, 'empty.mjs'),
      '--out',
      join(dir, 'o6'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^scenarios\/tier1\.yaml(:\d+:\d+)?: strategy .*empty\.mjs must export \(as default\)/,
    );
  });

  it('that is neither a built-in name nor a path is refused with both kinds named', async ({
    expect,
  }) => {
    const r = await orgsim([
      'scenario',
      'tier1',
      '--strategy',
      'fastest',
      '--out',
      join(dir, 'o7'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'scenarios/tier1.yaml:3:1: strategy must be one of weighted, round-robin, specialist, affinity, cost-optimized, least-loaded, critical-path-first, or the path of a strategy module (./my-strategy.js), got "fastest"\n',
    );
  });
});
