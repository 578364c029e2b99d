// Golden tests: tier 1 to 4 at their fixed seeds produce the summaries checked in beside this file,
// and tier 1 the Markdown reports and the terminal report too. A change to any of them is a change
// in behaviour: review the diff, then refresh the files with
// `UPDATE_GOLDEN=1 npx vitest run tests/golden`. A missing file fails until that creates it.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collect, type Reports } from '../../src/collect/index.ts';
import { runSimulation } from '../../src/org/run.ts';
import { allMarkdown } from '../../src/report/markdown.ts';
import { terminalReport } from '../../src/report/terminal.ts';
import { loadScenario } from '../../src/scenario/load.ts';

const update = process.env.UPDATE_GOLDEN === '1';

/** `actual` must equal the golden file `name` beside this test; with UPDATE_GOLDEN=1 it becomes it. */
function expectGolden(name: string, actual: string): void {
  const file = join(import.meta.dirname, name);
  if (update) writeFileSync(file, actual);
  if (!existsSync(file))
    expect.fail(
      `${file} is missing: create it with \`UPDATE_GOLDEN=1 npx vitest run tests/golden\`, read it, and commit it.`,
    );
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

const reportsOf = (name: string): Reports => {
  const scenario = loadScenario(name);
  const { log } = runSimulation(scenario.config, scenario.name);
  return collect(log.records, log.sha256());
};

describe('golden summaries', () => {
  for (const name of ['tier1', 'tier2', 'tier3', 'tier4']) {
    it(`${name} gives the reviewed summary`, () => {
      expectGolden(`${name}.summary.json`, `${JSON.stringify(reportsOf(name).summary, null, 2)}\n`);
    });
  }

  it.skipIf(update)('fails on a missing golden file, saying how to create it', () => {
    expect(() => expectGolden('tier0.missing.json', '{}\n')).toThrow(/UPDATE_GOLDEN=1 npx vitest/);
    expect(existsSync(join(import.meta.dirname, 'tier0.missing.json'))).toBe(false);
  });
});

describe('golden tier1 reports', () => {
  // Run afresh in each test (tier1 is small), so that mutation testing credits every test with the
  // code it exercises.
  const reports = () => reportsOf('tier1');
  const markdown = ['summary.md', 'capacity.md', 'bottleneck.md', 'standup.md', 'cost.md'];

  it('has a golden file for every Markdown report', () => {
    expect(Object.keys(allMarkdown(reports()))).toEqual(markdown);
  });

  for (const file of markdown) {
    it(`tier1 gives the reviewed ${file}`, () => {
      expectGolden(`tier1.${file}`, allMarkdown(reports())[file] ?? '');
    });
  }

  it('tier1 gives the reviewed terminal report', () => {
    expectGolden('tier1.terminal.txt', terminalReport(reports(), { colour: false }));
  });
});
