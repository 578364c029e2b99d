// One run of a scenario written in code (./two-features.ts), its reports, and the same in
// Markdown: the library's single-run path. Run: npx tsx examples/run.ts
import { loadScenarioObject, markdownReports, reportsOf, runScenario } from '../src/index.ts';
import { scenario } from './two-features.ts';

const log = runScenario(loadScenarioObject(scenario));
const { summary } = reportsOf(log);
console.log(
  `${summary.scenario}: ${summary.outcome} in ${summary.makespanHours} h, $${summary.costUsd}`,
);
console.log(`bottleneck: ${summary.bottleneck.where}`);
console.log(`event log ${log.size} records, sha256 ${log.sha256()}`);
console.log(`${Object.keys(markdownReports(reportsOf(log))).length} Markdown reports`);
