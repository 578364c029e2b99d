// The public API (src/index.ts): exactly the names the README documents, a scenario given as an
// object runs as its file does, and one run's reports through the library are the reviewed ones.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import * as orgsim from '../src/index.ts';
import { ROOT } from './cli/orgsim.ts';

describe('the public API', () => {
  it('exports exactly the documented values', () => {
    // The README's API section lists these; anything else is internal.
    expect(Object.keys(orgsim).sort()).toEqual(
      [
        'EventLog',
        'METRICS',
        'ScenarioError',
        'StrategyError',
        'VariantError',
        'collect',
        'compare',
        'forecast',
        'htmlReport',
        'loadScenario',
        'loadScenarioObject',
        'markdownReports',
        'replicationSeeds',
        'reportsOf',
        'runBatch',
        'runScenario',
        'scenarioNames',
        'strategyVariant',
        'terminalReport',
        'whatif',
      ].sort(),
    );
  });

  it('runs a scenario given as an object exactly as its file', () => {
    const data = parse(readFileSync(join(ROOT, 'scenarios', 'tier2.yaml'), 'utf8')) as Record<
      string,
      unknown
    >;
    const fromObject = orgsim.runScenario(orgsim.loadScenarioObject(data));
    const fromFile = orgsim.runScenario(orgsim.loadScenario('tier2'));
    expect(fromObject.sha256()).toBe(fromFile.sha256());
  });

  it('names an object scenario by its label in every problem, with the field and the fix', () => {
    const bad = () =>
      orgsim.loadScenarioObject(
        { name: 'my-org', instructions: [{ at: 0, tier: 9 }] },
        { label: 'my-org' },
      );
    expect(bad).toThrow(orgsim.ScenarioError);
    expect(bad).toThrow(/^my-org:\d+:\d+: instructions\[0\]\.tier /m);
  });

  it('gives tier1’s reviewed summary and every report format from one run', () => {
    const log = orgsim.runScenario(orgsim.loadScenario('tier1'));
    const reports = orgsim.reportsOf(log);
    const golden = readFileSync(join(ROOT, 'tests', 'golden', 'tier1.summary.json'), 'utf8');
    expect(`${JSON.stringify(reports.summary, null, 2)}\n`).toBe(golden);
    expect(Object.keys(orgsim.markdownReports(reports)).sort()).toEqual([
      'bottleneck.md',
      'capacity.md',
      'cost.md',
      'standup.md',
      'summary.md',
    ]);
    expect(orgsim.htmlReport(reports)).toContain('<svg');
    expect(orgsim.terminalReport(reports, { colour: false })).toMatch(/^orgsim · tier1 · seed 1 /);
    expect(orgsim.scenarioNames()).toContain('tier4');
  });
});
