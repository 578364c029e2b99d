// bench:assign — which assignment algorithm is best, and by how much. Every strategy on the same
// seeds of each scenario (common random numbers), so differences are paired; means with 95 %
// intervals, the paired difference against `weighted`, and makespan over the bound no schedule
// can beat. Usage: npm run bench:assign [-- --seeds 30 --scenarios tier3,tier4 --workers 2]

import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Table from 'cli-table3';
import type { BatchRow } from '../src/batch/row.ts';
import { replicationSeeds, strategyVariant } from '../src/batch/run-batch.ts';
import { type Estimate, estimate, pairedDifference } from '../src/batch/stats.ts';
import { compareWithRows } from '../src/decide/compare.ts';
import { isModulePath, isStrategyName, STRATEGY_NAMES } from '../src/domain/assignment/index.ts';
import { ScenarioError } from '../src/scenario/errors.ts';
import { loadScenario } from '../src/scenario/load.ts';
import { machine, today } from './measure.ts';

const { values } = parseArgs({
  options: {
    seeds: { type: 'string', default: '30' },
    scenarios: {
      type: 'string',
      default: 'tier3,tier4,multi-instruction-week,oversubscribed-backend,enterprise-50',
    },
    workers: { type: 'string' },
    // Built-in names and strategy modules alike (./my-strategy.js); `weighted` always comes first.
    strategies: { type: 'string', default: STRATEGY_NAMES.join(',') },
  },
});
const scenarios = (values.scenarios as string).split(',');
const seeds = replicationSeeds(1000, Number(values.seeds));
// Names and paths alike, checked here first: a bad file is one clear message, not a worker's stack.
for (const scenario of scenarios) {
  try {
    loadScenario(scenario);
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
}
const METRICS = [
  'makespanHours',
  'leadTimeMeanHours',
  'leadTimeP95Hours',
  'slaBreaches',
  'escalations',
  'utilizationCv',
  'reworkRate',
  'costUsd',
] as const;
type Metric = (typeof METRICS)[number];

interface Cell {
  scenario: string;
  strategy: string;
  metrics: Record<Metric, Estimate>;
  versusWeighted: Record<Metric, Estimate>;
  makespanOverBound: Estimate;
  stalled: number;
}

// One comparison per scenario (names and paths alike), every strategy a variant on the same
// seeds; `weighted` first, so each Δ is against it. The comparison's own rows feed the columns it
// does not have (utilisation CV, rework, makespan over the bound).
const asked = (values.strategies as string).split(',').filter((s) => s !== 'weighted');
const variants = [strategyVariant('weighted'), ...asked.map(strategyOption)];
/** A built-in strategy, or a module by its path (relative to the working directory). */
function strategyOption(name: string) {
  if (isStrategyName(name)) return strategyVariant(name);
  if (!isModulePath(name)) {
    console.error(
      `bench:assign: --strategies takes ${STRATEGY_NAMES.join(', ')} or strategy modules (./my-strategy.js), got "${name}"`,
    );
    process.exit(2);
  }
  return {
    label: `strategy=${basename(name, extname(name))}`,
    changes: [{ kind: 'set' as const, path: ['strategy'], value: resolve(name) }],
  };
}

const started = performance.now();
const cells: Cell[] = [];
const allRows: BatchRow[] = [];
let runs = 0;
for (const scenario of scenarios) {
  const { comparison, rows } = await compareWithRows(scenario, variants, {
    runs: seeds.length,
    seedBase: seeds[0] as number,
    ...(values.workers === undefined ? {} : { workers: Number(values.workers) }),
  }).catch((error: unknown) => {
    // A scenario, variant or strategy module at fault: its message, not a stack.
    const name = (error as Error)?.name ?? '';
    if (!['ScenarioError', 'VariantError', 'StrategyError'].includes(name)) throw error;
    console.error(`bench:assign: ${(error as Error).message}`);
    return process.exit(2);
  });
  const base = rows[0] ?? [];
  for (const [v, own] of rows.entries()) {
    runs += own.length;
    allRows.push(...own);
    const strategy = own[0]?.strategy ?? (variants[v]?.label ?? '').replace('strategy=', '');
    if (own.length !== seeds.length || base.length !== seeds.length) {
      console.error(
        `bench:assign: ${scenario} × ${strategy}: ${own.length} of ${seeds.length} runs came back; the cell cannot be computed`,
      );
      process.exit(1);
    }
    const done = own.filter((r) => r.outcome === 'done');
    const series = (m: Metric, list: readonly BatchRow[]) => list.map((r) => r[m]);
    cells.push({
      scenario: comparison.variants[v]?.scenario ?? scenario,
      strategy,
      metrics: Object.fromEntries(METRICS.map((m) => [m, estimate(series(m, own))])) as Record<
        Metric,
        Estimate
      >,
      versusWeighted: Object.fromEntries(
        METRICS.map((m) => [m, pairedDifference(series(m, own), series(m, base))]),
      ) as Record<Metric, Estimate>,
      // The bound exists for finished runs only; the others are counted as not done.
      makespanOverBound: estimate(done.map((r) => r.makespanHours / r.lowerBoundHours)),
      stalled: own.length - done.length,
    });
  }
}
const wallSeconds = (performance.now() - started) / 1000;

// A metric that is not a number for every run is a defect, not a cell to print as NaN.
for (const c of cells)
  for (const m of METRICS)
    if (!Number.isFinite(c.metrics[m].mean)) {
      console.error(
        `bench:assign: ${c.scenario} × ${c.strategy}: ${m} is not a number in some run`,
      );
      process.exit(1);
    }

const f = (e: Estimate, digits = 1) =>
  Number.isFinite(e.mean) ? `${e.mean.toFixed(digits)} ± ${e.ci95.toFixed(digits)}` : '—';
const info = machine();
const lines: string[] = [
  `# Assignment strategies compared, ${today()}`,
  '',
  `${seeds.length} seeds per cell (common random numbers), ${runs} runs in ${wallSeconds.toFixed(1)} s on ${info.cores} cores (${info.cpu}), Node ${info.node}. Mean ± 95 % CI; Δ is the paired difference against \`weighted\` (negative makespan is better); bound = makespan ÷ max(critical path of real efforts, total effort ÷ IC capacity).`,
  '',
];
for (const scenario of [...new Set(cells.map((c) => c.scenario))]) {
  const own = cells
    .filter((c) => c.scenario === scenario)
    .sort((a, b) => a.metrics.makespanHours.mean - b.metrics.makespanHours.mean);
  const table = new Table({
    head: [
      'strategy',
      'makespan h',
      'Δ vs weighted',
      '÷ bound',
      'lead mean h',
      'lead p95 h',
      'breaches',
      'escalations',
      'util CV',
      'rework',
      'cost $',
    ],
    style: { head: [], border: [], compact: true },
  });
  lines.push(
    `## ${scenario}`,
    '',
    '| strategy | makespan h | Δ vs weighted | ÷ bound | lead mean h | lead p95 h | SLA breaches | escalations | util CV | rework | cost $ |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  );
  for (const c of own) {
    const cellsRow = [
      c.strategy + (c.stalled > 0 ? ` (${c.stalled} not done)` : ''),
      f(c.metrics.makespanHours),
      c.strategy === 'weighted' ? '—' : f(c.versusWeighted.makespanHours),
      f(c.makespanOverBound, 2),
      f(c.metrics.leadTimeMeanHours),
      f(c.metrics.leadTimeP95Hours),
      f(c.metrics.slaBreaches, 0),
      f(c.metrics.escalations, 0),
      f(c.metrics.utilizationCv, 2),
      f(c.metrics.reworkRate, 3),
      f(c.metrics.costUsd, 0),
    ];
    table.push(cellsRow);
    lines.push(`| ${cellsRow.join(' | ')} |`);
  }
  lines.push('');
  console.log(`\n${scenario}`);
  console.log(table.toString());
}
console.log(
  `\n${runs} runs in ${wallSeconds.toFixed(1)} s on ${info.cores} cores, Node ${info.node}`,
);

const dir = join(import.meta.dirname, 'results');
mkdirSync(dir, { recursive: true });
const stem = join(dir, `assign-${today()}`);
writeFileSync(
  `${stem}.json`,
  `${JSON.stringify({ kind: 'assign', date: today(), machine: info, seeds, wallSeconds, cells, rows: allRows }, null, 2)}\n`,
);
writeFileSync(`${stem}.md`, `${lines.join('\n')}\n`);
console.log(`written: ${stem}.md and .json`);
