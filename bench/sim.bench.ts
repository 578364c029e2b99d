// bench:sim — how fast and how far the simulator goes: a whole tier-4 run in-process and across
// cores, events per second, where the time goes (CPU profile), a scale series of orgs from 5 to
// 1,000 agents, and the mmc scenario beside a plain heap loop of the same queue.
// Usage: npm run bench:sim [-- --max-agents 100 --runs 10 --replications 1000]

import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Table from 'cli-table3';
import { rowOf } from '../src/batch/row.ts';
import { forecast } from '../src/decide/forecast.ts';
import { whatif } from '../src/decide/whatif.ts';
import { mmcMeanWait } from '../src/domain/queueing.ts';
import { runSimulation } from '../src/org/run.ts';
import { loadScenario } from '../src/scenario/load.ts';
import { machine, median, today } from './measure.ts';
import { mmcLoop } from './mmc-loop.ts';
import { scaleConfig } from './scale-config.ts';

const { values } = parseArgs({
  options: {
    'max-agents': { type: 'string', default: '100' },
    runs: { type: 'string', default: '10' },
    replications: { type: 'string', default: '1000' },
  },
});
const maxAgents = Number(values['max-agents']);
const runs = Number(values.runs);
const replications = Number(values.replications);
const info = machine();

// 1. A whole tier-4 run, in-process.
const tier4 = loadScenario('tier4');
runSimulation(tier4.config, 'tier4');
const times: number[] = [];
let events = 0;
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  const { world } = runSimulation(tier4.config, 'tier4');
  times.push(performance.now() - t0);
  events = world.kernel.eventsFired;
}
const tier4Ms = median(times);

// 2. The decision layer across all cores (worker threads), pool start-up included: a forecast of
// `replications` tier-4 runs (target: 1,000 in ≤ 20 s on 2 cores), and whatif with 30 runs per
// change (target ≤ 60 s).
const b0 = performance.now();
await forecast('tier4', { runs: replications, seedBase: 1 });
const batchSeconds = (performance.now() - b0) / 1000;
const runsPerSecond = replications / batchSeconds;
const w0 = performance.now();
const changes = (await whatif('tier4', { runs: 30 })).changes.length;
const whatifSeconds = (performance.now() - w0) / 1000;

// 3. Where the time goes: a CPU profile of tier-4 runs, samples grouped by part of the code.
function profile(body: () => void): Record<string, number> {
  const session = new Session();
  session.connect();
  let result: Record<string, number> = {};
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 200 });
  session.post('Profiler.start');
  body();
  session.post('Profiler.stop', (error, { profile: p }) => {
    if (error) throw error;
    const self = new Map<number, number>();
    for (const id of p.samples ?? []) self.set(id, (self.get(id) ?? 0) + 1);
    const groups: Record<string, number> = {};
    let total = 0;
    for (const node of p.nodes) {
      const n = self.get(node.id) ?? 0;
      if (n === 0) continue;
      const url = node.callFrame.url;
      const group = url.includes('/src/engine/')
        ? 'fast engine (machines interpreted)'
        : url.includes('/xstate/')
          ? 'XState transitions'
          : url.includes('/src/kernel/')
            ? 'kernel'
            : url.includes('/src/domain/assignment/')
              ? 'assignment'
              : url.includes('/src/collect/')
                ? 'collection'
                : url.includes('/machines/')
                  ? 'machine actions and guards'
                  : url.includes('/src/org/')
                    ? 'org host (flow, messages)'
                    : url.includes('/src/')
                      ? 'other orgsim code'
                      : node.callFrame.functionName === '(garbage collector)'
                        ? 'garbage collection'
                        : 'runtime and other';
      groups[group] = (groups[group] ?? 0) + n;
      total += n;
    }
    result = Object.fromEntries(
      Object.entries(groups)
        .map(([k, v]) => [k, Math.round((1000 * v) / total) / 10])
        .sort((a, b) => (b[1] as number) - (a[1] as number)),
    );
  });
  session.disconnect();
  return result;
}
// What a replication does: a tier-4 run, then its row collected from the event log.
const breakdown = profile(() => {
  for (let i = 0; i < 5; i++) rowOf(runSimulation(tier4.config, 'tier4').log.records);
});

// 4. The scale series: proportional work over a simulated year.
interface ScaleRow {
  agents: number;
  tasks: number;
  wallSeconds: number;
  msPerTask: number;
  eventsPerSecond: number;
  heapMb: number;
  rssMb: number;
}
const scale: ScaleRow[] = [];
for (const agents of [5, 15, 50, 100, 500, 1000].filter((a) => a <= maxAgents)) {
  const config = scaleConfig(agents);
  global.gc?.();
  const t0 = performance.now();
  const { world } = runSimulation(config, `scale-${agents}`);
  const wall = (performance.now() - t0) / 1000;
  const mem = process.memoryUsage();
  // Peak resident memory of the process so far: the series grows, so it is this run's peak.
  const peakRss = process.resourceUsage().maxRSS * 1024;
  scale.push({
    agents: world.roster.people.size,
    tasks: world.tasks.size,
    wallSeconds: Math.round(wall * 100) / 100,
    msPerTask: Math.round((1000 * wall * 1000) / world.tasks.size) / 1000,
    eventsPerSecond: Math.round(world.kernel.eventsFired / wall),
    heapMb: Math.round(mem.heapUsed / 1e6),
    rssMb: Math.round(peakRss / 1e6),
  });
}

// 5. The floor: mmc through orgsim beside a plain heap loop of the same queue.
// Warm runs: the median of five, as for tier 4.
const mmc = loadScenario('mmc');
let mmcTasks = 0;
const mmcTimes: number[] = [];
for (let i = 0; i < 6; i++) {
  const m0 = performance.now();
  const { world: mmcWorld } = runSimulation(mmc.config, 'mmc');
  if (i > 0) mmcTimes.push((performance.now() - m0) / 1000);
  mmcTasks = mmcWorld.tasks.size;
}
const mmcSeconds = median(mmcTimes);
const loopCustomers = 2_000_000;
const l0 = performance.now();
const loopWait = mmcLoop(3, 2.4, 1, loopCustomers, 5);
const loopSeconds = (performance.now() - l0) / 1000;
const orgsimRate = mmcTasks / mmcSeconds;
const loopRate = loopCustomers / loopSeconds;

const results = {
  kind: 'sim',
  date: today(),
  machine: info,
  tier4: {
    msPerRunMedian: Math.round(tier4Ms * 10) / 10,
    events,
    eventsPerSecond: Math.round(events / (tier4Ms / 1000)),
    replications,
    replicationSeconds: Math.round(batchSeconds * 10) / 10,
    runsPerSecondAllCores: Math.round(runsPerSecond * 10) / 10,
    whatifChanges: changes,
    whatifSeconds: Math.round(whatifSeconds * 10) / 10,
  },
  profile: breakdown,
  scale,
  mmc: {
    orgsimTasksPerSecond: Math.round(orgsimRate),
    loopTasksPerSecond: Math.round(loopRate),
    ratio: Math.round((loopRate / orgsimRate) * 10) / 10,
    loopMeanWait: Math.round(loopWait * 1000) / 1000,
    erlangC: Math.round(mmcMeanWait(3, 2.4, 1) * 1000) / 1000,
  },
};

const t = new Table({ head: ['measure', 'value'], style: { head: [], border: [], compact: true } });
t.push([
  'tier-4 run, in-process (median)',
  `${results.tier4.msPerRunMedian} ms, ${events} events, ${results.tier4.eventsPerSecond.toLocaleString('en-US')} events/s`,
]);
t.push([
  `forecast tier4, ${replications} runs on ${info.cores} cores`,
  `${results.tier4.replicationSeconds} s (${results.tier4.runsPerSecondAllCores} runs/s)`,
]);
t.push([
  `whatif tier4, 30 runs × ${changes + 1} variants on ${info.cores} cores`,
  `${results.tier4.whatifSeconds} s`,
]);
t.push([
  'mmc through orgsim',
  `${results.mmc.orgsimTasksPerSecond.toLocaleString('en-US')} tasks/s`,
]);
t.push([
  'mmc as a plain heap loop',
  `${results.mmc.loopTasksPerSecond.toLocaleString('en-US')} tasks/s (mean wait ${results.mmc.loopMeanWait} h, Erlang C ${results.mmc.erlangC} h)`,
]);
t.push(['actor layer cost (loop ÷ orgsim)', `${results.mmc.ratio}×`]);
console.log(`orgsim simulator benchmarks — ${info.cores} cores, ${info.cpu}, Node ${info.node}`);
console.log(t.toString());
const p = new Table({
  head: ['where a tier-4 replication’s time goes', 'share %'],
  style: { head: [], border: [], compact: true },
});
for (const [k, v] of Object.entries(breakdown)) p.push([k, v]);
console.log(p.toString());
const s = new Table({
  head: ['agents', 'tasks', 'wall s', 'ms/task', 'events/s', 'heap MB', 'peak RSS MB'],
  style: { head: [], border: [], compact: true },
});
for (const r of scale)
  s.push([
    r.agents,
    r.tasks,
    r.wallSeconds,
    r.msPerTask,
    r.eventsPerSecond.toLocaleString('en-US'),
    r.heapMb,
    r.rssMb,
  ]);
console.log(s.toString());

const dir = join(import.meta.dirname, 'results');
mkdirSync(dir, { recursive: true });
const stem = join(dir, `sim-${today()}`);
writeFileSync(`${stem}.json`, `${JSON.stringify(results, null, 2)}\n`);
const md = [
  `# Simulator benchmarks, ${today()}`,
  '',
  `${info.cores} cores, ${info.cpu}, Node ${info.node}, ${info.platform}.`,
  '',
  '| measure | value |',
  '|---|---|',
  `| tier-4 run, in-process (median of ${runs}) | ${results.tier4.msPerRunMedian} ms (${events} events, ${results.tier4.eventsPerSecond} events/s) |`,
  `| forecast tier4, ${replications} runs on ${info.cores} cores | ${results.tier4.replicationSeconds} s (${results.tier4.runsPerSecondAllCores} runs/s) |`,
  `| whatif tier4, 30 runs × ${changes + 1} variants on ${info.cores} cores | ${results.tier4.whatifSeconds} s |`,
  `| mmc through orgsim | ${results.mmc.orgsimTasksPerSecond} tasks/s |`,
  `| mmc as a plain heap loop | ${results.mmc.loopTasksPerSecond} tasks/s |`,
  `| loop ÷ orgsim | ${results.mmc.ratio}× |`,
  '',
  '| where a tier-4 replication’s time goes | share % |',
  '|---|---|',
  ...Object.entries(breakdown).map(([k, v]) => `| ${k} | ${v} |`),
  '',
  '| agents | tasks | wall s | ms/task | events/s | heap MB | peak RSS MB |',
  '|---|---|---|---|---|---|---|',
  ...scale.map(
    (r) =>
      `| ${r.agents} | ${r.tasks} | ${r.wallSeconds} | ${r.msPerTask} | ${r.eventsPerSecond} | ${r.heapMb} | ${r.rssMb} |`,
  ),
  '',
];
writeFileSync(`${stem}.md`, md.join('\n'));
console.log(`written: ${stem}.md and .json`);
