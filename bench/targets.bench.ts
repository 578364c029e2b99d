// bench:targets — where orgsim stands against the compiled-engine targets (issue 13), each measure
// beside its target, with the plain heap loop, the XState engine and (when the reference folder is
// there) SimPy 4 on the same M/M/c queue as baselines. SimPy runs paired: alternately with orgsim,
// medians of the pairs, so a noisy shared machine moves both alike.
// Usage: npm run build && npm run bench:targets [-- --replications 1000 --customers 20000
//   --scale 100000 --huge] (--huge adds 10,000 agents / 1,000,000 tasks; minutes and GBs today).
// SimPy: ORGSIM_REFERENCE=<folder with mmc_simpy4.py and vendor/> (default ../shared/reference).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Table from 'cli-table3';
import { parse } from 'yaml';
import { forecast } from '../src/decide/forecast.ts';
import { runSimulation } from '../src/org/run.ts';
import type { SimConfig } from '../src/scenario/config.ts';
import { loadScenario } from '../src/scenario/load.ts';
import { machine, median, today } from './measure.ts';
import { mmcLoop } from './mmc-loop.ts';

const { values } = parseArgs({
  options: {
    replications: { type: 'string', default: '1000' },
    customers: { type: 'string', default: '20000' },
    scale: { type: 'string', default: '100000' },
    huge: { type: 'boolean', default: false },
    pairs: { type: 'string', default: '5' },
  },
});
const replications = Number(values.replications);
const customers = Number(values.customers);
const scaleTasks = Number(values.scale);
const pairs = Number(values.pairs);
const root = resolve(import.meta.dirname, '..');
const info = machine();
const round = (v: number, digits = 2) => Math.round(v * 10 ** digits) / 10 ** digits;

// The M/M/c queue of the issue: λ = 8.5 per hour, μ = 1, c = 10, as orgsim's mmc org (the shipped
// mmc scenario with ten ICs and arrivals for customers / 8.5 hours).
const LAMBDA = 8.5;
function mmcFile(count: number, dir: string): string {
  const file = join(dir, `mmc-8.5-${count}.yaml`);
  const base = parse(readFileSync(join(root, 'scenarios', 'mmc.yaml'), 'utf8')) as {
    arrivals: Array<Record<string, unknown>>;
  };
  const scenario = {
    ...base,
    $schema: undefined,
    name: `mmc-8.5-${count}`,
    org: { ics: { backend: { count: 10, level: 3, wipLimit: 1, secondary: {} } } },
    arrivals: [{ ...base.arrivals[0], ratePerDay: LAMBDA * 24, until: count / LAMBDA }],
  };
  writeFileSync(file, JSON.stringify(scenario));
  return file;
}

const work = mkdtempSync(join(tmpdir(), 'orgsim-targets-'));
const mmcSmall = loadScenario(mmcFile(customers, work), {
  limits: { instructions: 10 * customers, tasks: 10 * customers },
});
const mmcBigFile = mmcFile(100_000, work);

/** Microseconds per task of an in-process run of `config` (a warm run; the median of `n`). */
function usPerTask(config: SimConfig, n: number): number {
  runSimulation(config, 'warm-up');
  const us: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const { world } = runSimulation(config, 'mmc');
    us.push(((performance.now() - t0) * 1000) / world.tasks.size);
  }
  return median(us);
}

/** Wall seconds and peak RSS (MB) of a whole process, through /usr/bin/time when it is there. */
function wholeProcess(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const timed = existsSync('/usr/bin/time');
  const t0 = performance.now();
  const r = timed
    ? spawnSync('/usr/bin/time', ['-f', 'peak-kb %M', cmd, ...args], {
        encoding: 'utf8',
        env: { ...process.env, ...env },
        maxBuffer: 1 << 28,
      })
    : spawnSync(cmd, args, {
        encoding: 'utf8',
        env: { ...process.env, ...env },
        maxBuffer: 1 << 28,
      });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0 && r.status !== 1)
    throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr.slice(-500)}`);
  const kb = /peak-kb (\d+)/.exec(r.stderr)?.[1];
  return {
    seconds,
    peakMb: kb === undefined ? null : Math.round(Number(kb) / 1024),
    stdout: r.stdout,
  };
}

const cli = join(root, 'bin', 'orgsim.js');
if (!existsSync(join(root, 'dist', 'src', 'cli', 'main.js')))
  throw new Error('bench:targets times the compiled command: run `npm run build` first.');
const reference = resolve(process.env.ORGSIM_REFERENCE ?? join(root, '..', 'shared', 'reference'));
const simpy = existsSync(join(reference, 'mmc_simpy4.py')) ? reference : null;

function simpyRun(count: number) {
  const run = wholeProcess(
    'python3',
    [join(reference, 'mmc_simpy4.py'), String(LAMBDA), '1', '10', String(count), '42', '--json'],
    { PYTHONPATH: join(reference, 'vendor') },
  );
  const out = JSON.parse(run.stdout) as { cpu_s: number; served: number };
  return { ...run, usPerCustomer: (out.cpu_s * 1e6) / out.served };
}

// 1. mmc in-process, paired with SimPy's own in-process time (its cpu_s over its customers).
const orgsimUs: number[] = [];
const simpyUs: number[] = [];
for (let i = 0; i < pairs; i++) {
  orgsimUs.push(usPerTask(mmcSmall.config, 1));
  if (simpy) simpyUs.push(simpyRun(customers).usPerCustomer);
}
const mmcUs = median(orgsimUs);
const simpyMmcUs = simpy ? median(simpyUs) : null;
const xstateMmcUs = usPerTask({ ...mmcSmall.config, engine: 'xstate' }, 1);
const loopCount = 2_000_000;
const l0 = performance.now();
mmcLoop(10, LAMBDA, 1, loopCount, 42);
const loopUs = ((performance.now() - l0) * 1000) / loopCount;

// 2. mmc at 100,000 customers as a whole command with every report written, paired with SimPy.
const out = join(work, 'out');
const commandRuns: Array<{ seconds: number; peakMb: number | null }> = [];
const simpyRuns: Array<{ seconds: number; peakMb: number | null }> = [];
for (let i = 0; i < Math.min(pairs, 3); i++) {
  commandRuns.push(
    wholeProcess(process.execPath, [
      cli,
      'scenario',
      mmcBigFile,
      '--out',
      out,
      '--format',
      'table,md,json,html',
      '--limits',
      'instructions=1000000,tasks=1000000',
    ]),
  );
  if (simpy) simpyRuns.push(simpyRun(100_000));
}
const mmcCommand = median(commandRuns.map((r) => r.seconds));
const mmcCommandRss = median(commandRuns.map((r) => r.peakMb ?? 0));
const simpyCommand = simpy ? median(simpyRuns.map((r) => r.seconds)) : null;

// 3. tier 4: in-process (fast and XState engines) and as a whole command.
const tier4 = loadScenario('tier4');
const tier4Ms = (engine: 'fast' | 'xstate') => {
  const config = { ...tier4.config, engine };
  runSimulation(config, 'tier4');
  const ms: number[] = [];
  for (let i = 0; i < 11; i++) {
    const t0 = performance.now();
    runSimulation(config, 'tier4');
    ms.push(performance.now() - t0);
  }
  return median(ms);
};
const tier4Fast = tier4Ms('fast');
const tier4Xstate = tier4Ms('xstate');
const tier4Command = median(
  Array.from(
    { length: 5 },
    () => wholeProcess(process.execPath, [cli, 'scenario', 'tier4', '--out', out]).seconds,
  ),
);

// 4. Tier-4 replications across the cores (a forecast, pool start-up included).
const r0 = performance.now();
await forecast('tier4', { runs: replications, seedBase: 1 });
const replicationSeconds = (performance.now() - r0) / 1000;

// 5. Scale: one simulated year of proportional work, each size in a process of its own (so its
// peak RSS is its own). 1,000 agents ↔ 100,000 tasks.
function scaleRun(tasks: number) {
  const agents = Math.round(tasks / 100);
  const script = `import { scaleConfig } from ${JSON.stringify(join(root, 'bench', 'scale-config.ts'))};
import { runSimulation } from ${JSON.stringify(join(root, 'src', 'org', 'run.ts'))};
const t0 = performance.now();
const { world } = runSimulation(scaleConfig(${agents}), 'scale');
console.log(JSON.stringify({ seconds: (performance.now() - t0) / 1000, tasks: world.tasks.size, people: world.roster.people.size }));`;
  const file = join(work, `scale-${tasks}.ts`);
  writeFileSync(file, script);
  const run = wholeProcess(process.execPath, ['--import', 'tsx', file]);
  const got = JSON.parse(run.stdout) as { seconds: number; tasks: number; people: number };
  return {
    size: tasks,
    agents: got.people,
    tasks: got.tasks,
    seconds: got.seconds,
    peakMb: run.peakMb,
  };
}
const scale = [
  scaleTasks / 100,
  scaleTasks / 10,
  scaleTasks,
  ...(values.huge ? [1_000_000] : []),
].map(scaleRun);
const at = (tasks: number) => scale.find((s) => s.size === tasks);
const perTask = scale.map((s) => s.seconds / s.tasks);
const flatness = Math.max(...perTask) / Math.min(...perTask);
rmSync(work, { recursive: true, force: true });

// The targets of issue 13 beside what was measured.
type Row = [measure: string, target: string, now: string, met: boolean | null];
const big = at(100_000);
const huge = at(1_000_000);
const rows: Row[] = [
  ['mmc λ=8.5 c=10, in-process, µs per task', '≤ 2.5', `${round(mmcUs, 1)}`, mmcUs <= 2.5],
  [
    'mmc in-process, orgsim ÷ SimPy 4 (paired)',
    '≤ 1/3',
    simpyMmcUs === null
      ? 'SimPy not available'
      : `${round(mmcUs / simpyMmcUs)}× (SimPy ${round(simpyMmcUs, 1)} µs)`,
    simpyMmcUs === null ? null : mmcUs / simpyMmcUs <= 1 / 3,
  ],
  [
    'mmc in-process, orgsim ÷ plain loop',
    '≤ 12×',
    `${round(mmcUs / loopUs, 1)}× (loop ${round(loopUs, 3)} µs)`,
    mmcUs / loopUs <= 12,
  ],
  [
    'mmc 100k customers, whole command with reports, orgsim ÷ SimPy 4',
    '≤ ½',
    simpyCommand === null
      ? `${round(mmcCommand, 1)} s, SimPy not available`
      : `${round(mmcCommand / simpyCommand, 1)}× (${round(mmcCommand, 1)} s vs ${round(simpyCommand, 1)} s; ${mmcCommandRss} MB peak)`,
    simpyCommand === null ? null : mmcCommand / simpyCommand <= 0.5,
  ],
  [
    'tier4 in-process, ms per run',
    '≤ 3',
    `${round(tier4Fast, 1)} (XState engine ${round(tier4Xstate, 1)})`,
    tier4Fast <= 3,
  ],
  [
    '`orgsim scenario tier4`, whole command, s',
    '≤ 0.4',
    `${round(tier4Command)}`,
    tier4Command <= 0.4,
  ],
  [
    '10,000 tier-4 replications on the cores, s',
    '≤ 30',
    `${round((replicationSeconds * 10_000) / replications, 1)} (${replications} measured: ${round(replicationSeconds, 1)} s)`,
    (replicationSeconds * 10_000) / replications <= 30,
  ],
  [
    '1,000 agents / 100,000 tasks / a year',
    '≤ 5 s, ≤ 400 MB',
    big ? `${round(big.seconds, 1)} s, ${big.peakMb ?? '?'} MB peak` : 'not run (--scale 100000)',
    big ? big.seconds <= 5 && (big.peakMb ?? 0) <= 400 : null,
  ],
  [
    '10,000 agents / 1,000,000 tasks',
    '≤ 60 s, ≤ 2 GB',
    huge ? `${round(huge.seconds, 1)} s, ${huge.peakMb ?? '?'} MB peak` : 'not run (--huge)',
    huge ? huge.seconds <= 60 && (huge.peakMb ?? 0) <= 2048 : null,
  ],
  ['time per task, largest ÷ smallest size', '≤ 1.5×', `${round(flatness)}×`, flatness <= 1.5],
];
const results = {
  kind: 'targets',
  date: today(),
  machine: info,
  mmc: {
    usPerTask: round(mmcUs, 2),
    xstateUsPerTask: round(xstateMmcUs, 2),
    simpyUsPerCustomer: simpyMmcUs,
    loopUsPerCustomer: round(loopUs, 4),
    commandSeconds: round(mmcCommand),
    commandPeakMb: mmcCommandRss,
    simpyCommandSeconds: simpyCommand,
  },
  tier4: {
    msFast: round(tier4Fast),
    msXstate: round(tier4Xstate),
    commandSeconds: round(tier4Command),
    replications,
    replicationSeconds: round(replicationSeconds, 1),
  },
  scale,
  targets: rows.map(([measure, target, now, met]) => ({ measure, target, now, met })),
};

const yes = (met: boolean | null) => (met === null ? '—' : met ? 'yes' : 'no');
const t = new Table({
  head: ['measure', 'target', 'now', 'met'],
  style: { head: [], border: [], compact: true },
});
for (const [m, target, now, met] of rows) t.push([m, target, now, yes(met)]);
console.log(
  `orgsim against the engine targets — ${info.cores} cores, ${info.cpu}, Node ${info.node}`,
);
console.log(t.toString());
const dir = join(import.meta.dirname, 'results');
mkdirSync(dir, { recursive: true });
const stem = join(dir, `targets-${today()}`);
writeFileSync(`${stem}.json`, `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(
  `${stem}.md`,
  [
    `# Engine targets, ${today()}`,
    '',
    `${info.cores} cores, ${info.cpu}, Node ${info.node}, ${info.platform}. Medians; SimPy paired.`,
    '',
    '| measure | target | now | met |',
    '|---|---|---|---|',
    ...rows.map(([m, target, now, met]) => `| ${m} | ${target} | ${now} | ${yes(met)} |`),
    '',
    '| agents | tasks | s | µs per task | peak RSS MB |',
    '|---|---|---|---|---|',
    ...scale.map(
      (s) =>
        `| ${s.agents} | ${s.tasks} | ${round(s.seconds)} | ${round((s.seconds * 1e6) / s.tasks, 1)} | ${s.peakMb ?? '?'} |`,
    ),
    '',
  ].join('\n'),
);
console.log(`written: ${stem}.md and .json`);
