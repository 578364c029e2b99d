// Warnings: legal input almost certainly not meant. Each is located in the file, carried by the
// run into its log and listed in the summary; --strict (the loader's `strict`) makes it an error.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reportsOf } from '../../src/collect/index.ts';
import { runSimulation } from '../../src/org/run.ts';
import { ScenarioError } from '../../src/scenario/errors.ts';
import { loadScenario, scenarioNames } from '../../src/scenario/load.ts';

const dir = mkdtempSync(join(tmpdir(), 'orgsim-warn-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function scenarioFile(name: string, yaml: string): string {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, yaml);
  return file;
}

// One tier-1 instruction; its plan is drawn from the seed, so its cheapest task is worked out
// from the plan itself below rather than assumed.
const CASES = [
  {
    name: 'a horizon before the first instruction',
    yaml: 'horizonHours: 50\ninstructions:\n  - { at: 100, tier: 1 }\n',
    warning:
      /:1:15: horizonHours ends the run at 50 h, before the first instruction arrives \(at 100 h\): nothing will run/,
  },
  {
    name: 'a horizon before some instructions',
    yaml: 'horizonHours: 50\ninstructions:\n  - { at: 0, tier: 1 }\n  - { at: 60, tier: 1 }\n  - { at: 70, tier: 1 }\n',
    warning:
      /horizonHours ends the run at 50 h, before 2 of 3 instructions arrive \(the first of them at 60 h\)/,
  },
  {
    name: 'an in-progress SLA shorter than the estimate',
    yaml: 'instructions:\n  - { at: 0, tier: 1 }\nsla: { IN_PROGRESS: { timesEstimate: 0.5 } }\n',
    warning:
      /:3:\d+: sla\.IN_PROGRESS\.timesEstimate is 0\.5: the SLA is shorter than the estimate/,
  },
  {
    name: 'a review SLA shorter than the shortest review',
    yaml: 'instructions:\n  - { at: 0, tier: 1 }\nsla: { UNDER_REVIEW: 0.1 }\noverheads: { reviewMinHours: 0.5 }\n',
    warning:
      /:3:22: sla\.UNDER_REVIEW makes the UNDER_REVIEW SLA \(0\.1 h\) shorter than the work it times \(a peer review takes at least 0\.5 h\)/,
  },
  {
    name: 'an approval longer than its default SLA',
    yaml: 'instructions:\n  - { at: 0, tier: 1 }\noverheads: { domainApprovalHours: 9 }\n',
    warning:
      /:3:\d+: overheads\.domainApprovalHours makes the DOMAIN_REVIEW SLA \(8 h\) shorter than the work it times \(a domain approval takes 9 h\)/,
  },
];

describe('warnings', () => {
  for (const [i, c] of CASES.entries()) {
    it(`warns of ${c.name}, and --strict refuses it`, () => {
      const file = scenarioFile(`warn-${i}`, c.yaml);
      const scenario = loadScenario(file);
      expect(scenario.warnings).toHaveLength(1);
      // The file's base name, whatever the working directory: the warning goes into the log.
      expect(scenario.warnings[0]?.startsWith(`warn-${i}.yaml:`)).toBe(true);
      expect(scenario.warnings[0]).toMatch(c.warning);
      expect(() => loadScenario(file, { strict: true })).toThrow(ScenarioError);
      expect(() => loadScenario(file, { strict: true })).toThrow(/\(an error with --strict\)/);
    });
  }

  it('warns of a budget below the cheapest task’s own work, priced from its plan', () => {
    // One task with a fixed plan: 2 h of light coding (complexity 2) at 50,000 tokens an hour,
    // $3 per million tokens: $0.30 of tokens before any review or overhead.
    const yaml =
      'instructions:\n  - at: 0\n    tier: 1\n    plan: { strategic: [{ id: s, domain: backend, tasks: [{ id: t, estimateHours: 2, complexity: 2 }] }] }\ncost: { budgetUsd: 0.25, usdPerMillionTokens: 3, tokensPerHour: { lightCoding: 50000 } }\n';
    const below = loadScenario(scenarioFile('budget-low', yaml));
    expect(below.warnings).toHaveLength(1);
    expect(below.warnings[0]).toMatch(
      /cost\.budgetUsd is \$0\.25, less than the cheapest task's own work costs \(\$0\.30\)/,
    );
    const enough = loadScenario(scenarioFile('budget-ok', yaml.replace('0.25', '0.31')));
    expect(enough.warnings).toEqual([]);
  });

  it('lists the warnings in the run’s summary, from the event log', () => {
    const scenario = loadScenario(scenarioFile('listed', CASES[2]?.yaml ?? ''));
    const { log } = runSimulation(scenario.config, scenario.name, {
      warnings: scenario.warnings,
    });
    expect(reportsOf(log).summary.warnings).toEqual(scenario.warnings);
  });

  it('finds nothing to warn of in the shipped scenarios', () => {
    for (const name of scenarioNames()) expect(loadScenario(name).warnings, name).toEqual([]);
  });
});
