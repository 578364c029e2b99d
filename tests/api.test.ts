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
        'logToArrow',
        'markdownReports',
        'replicationSeeds',
        'reportsOf',
        'runBatch',
        'runJobs',
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
    expect(orgsim.htmlReport(reports)).toContain('<figure data-chart="cfd">');
    expect(orgsim.terminalReport(reports, { colour: false })).toMatch(/^orgsim · tier1 · seed 1 /);
    expect(orgsim.scenarioNames()).toContain('tier4');
  });

  it('runs a strategy object given to runScenario as the same strategy named by its module', async () => {
    const file = join(ROOT, 'examples', 'strategies', 'cost-aware-critical-path.js');
    const factory = ((await import(file)) as { default: () => orgsim.AssignmentStrategy }).default;
    const byModule = orgsim.runScenario(orgsim.loadScenario('tier2', { strategy: file }));
    const byObject = orgsim.runScenario(orgsim.loadScenario('tier2'), { strategy: factory });
    expect(byObject.sha256()).toBe(byModule.sha256());
    const start = byObject.records[0];
    expect(start?.type === 'run.start' && start.strategy).toBe('cost-aware-critical-path');
    // And not the scenario's own strategy's run.
    expect(byObject.sha256()).not.toBe(orgsim.runScenario(orgsim.loadScenario('tier2')).sha256());
  });

  it('stops a strategy object that picks someone else, or is no strategy, with a StrategyError', () => {
    const tier1 = orgsim.loadScenario('tier1');
    const outsider: orgsim.AssignmentStrategy = {
      name: 'outsider',
      compare: () => 0,
      choose: (_task, candidates) => ({ ...(candidates[0] as orgsim.IcView), id: 'nobody' }),
    };
    expect(() => orgsim.runScenario(tier1, { strategy: outsider })).toThrow(
      /^strategy outsider chose "nobody" for task \S+, who is not one of its candidates/,
    );
    const none = {} as orgsim.AssignmentStrategy;
    expect(() => orgsim.runScenario(tier1, { strategy: none })).toThrow(orgsim.StrategyError);
    expect(() => orgsim.runScenario(tier1, { strategy: none })).toThrow(
      /^the strategy given to runScenario must be an object with choose\(task, candidates, context\)/,
    );
  });
});
