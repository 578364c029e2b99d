// Kernel micro-benchmarks: what one event costs through the raw queue, through the kernel, and
// through an XState `after` transition on the kernel clock; and what a whole task lifecycle costs.
// Run with `npm run bench:kernel`; results are printed and written to bench/results/.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Table from 'cli-table3';
import { createActor, setup } from 'xstate';
import { taskInput } from '../src/domain/task-input.ts';
import { kernelClock } from '../src/kernel/clock.ts';
import { EventQueue } from '../src/kernel/event-queue.ts';
import { Kernel } from '../src/kernel/kernel.ts';
import { RandomSource } from '../src/kernel/random.ts';
import { EventLog } from '../src/log/event-log.ts';
import { startTask } from '../src/org/task-actor.ts';
import { type Measurement, machine, measure, today } from './measure.ts';

const noop = () => {};

/** schedule+pop pairs on a queue that holds `pending` other events (the steady state of a run). */
function queueCycle(pending: number, ops: number): () => void {
  const times = new RandomSource(1).stream('bench');
  const deltas = Float64Array.from({ length: 4096 }, () => times.exponential(pending / 1000));
  const queue = new EventQueue();
  for (let i = 0; i < pending; i++) queue.push(times.exponential(pending / 1000), 0, noop);
  let now = 0;
  return () => {
    for (let i = 0; i < ops; i++) {
      queue.push(now + (deltas[i & 4095] as number), 0, noop);
      queue.pop();
      now = queue.poppedTime;
    }
  };
}

/** Events that each schedule the next one, run through the kernel's step loop. */
function kernelChain(chains: number, ops: number): () => void {
  return () => {
    const kernel = new Kernel();
    let left = ops;
    const fire = () => {
      if (--left > 0) kernel.schedule(1, fire);
    };
    for (let i = 0; i < chains; i++) kernel.schedule(i / chains, fire);
    kernel.run();
  };
}

const ticker = setup({
  types: { context: {} as { period: number }, input: {} as { period: number } },
  delays: { period: ({ context }) => context.period },
}).createMachine({
  context: ({ input }) => input,
  initial: 'tick',
  states: { tick: { after: { period: { target: 'tick', reenter: true } } } },
});

/** `actors` XState actors, each re-arming an `after` timer; `ops` timer transitions in total. */
function xstateAfter(actors: number, ops: number): () => void {
  return () => {
    const kernel = new Kernel();
    const clock = kernelClock(kernel);
    const all = Array.from({ length: actors }, (_, i) =>
      createActor(ticker, { input: { period: 1 + i / actors }, clock }).start(),
    );
    while (kernel.eventsFired < ops && kernel.step()) {
      // each step is one `after` transition
    }
    for (const actor of all) actor.stop();
  };
}

/** Whole tier-4 lifecycles: plan, assign, start, submit, four gates, handoff; SLA timers armed throughout. */
function lifecycles(tasks: number): () => void {
  const input = taskInput({ id: 'T', tier: 4, estimateHours: 4, hasConsumer: true });
  return () => {
    const kernel = new Kernel();
    const log = new EventLog();
    for (let i = 0; i < tasks; i++) {
      const t = startTask(kernel, log, input, { engine: 'xstate' });
      t.send({ type: 'task.plan' });
      t.send({ type: 'task.assign', assignee: 'ic-1' });
      t.send({ type: 'task.start' });
      t.send({ type: 'task.submit' });
      t.send({ type: 'review.approved', gate: 'peerReview', reviewer: 'ic-2' });
      t.send({ type: 'review.approved', gate: 'qaValidation', reviewer: 'qa-1' });
      t.send({ type: 'review.approved', gate: 'domainApproval', reviewer: 'dl' });
      t.send({ type: 'review.approved', gate: 'architectureReview', reviewer: 'tl' });
      t.send({ type: 'handoff.accepted' });
    }
    kernel.run();
  };
}

const results: Measurement[] = [
  measure('queue: schedule + pop, 1k pending', 1_000_000, queueCycle(1_000, 1_000_000)),
  measure('queue: schedule + pop, 100k pending', 1_000_000, queueCycle(100_000, 1_000_000)),
  measure('kernel: schedule + step, 1k chains', 1_000_000, kernelChain(1_000, 1_000_000)),
  measure('XState after via kernel clock, 1 actor', 100_000, xstateAfter(1, 100_000)),
  measure('XState after via kernel clock, 1k actors', 100_000, xstateAfter(1_000, 100_000)),
  measure('task lifecycle, tier 4 (per task)', 2_000, lifecycles(2_000), 5),
];

const info = machine();
const table = new Table({ head: ['benchmark', 'ns/op', 'ops/s'] });
for (const r of results) {
  table.push([r.name, r.nsPerOp.toFixed(0), Math.round(r.opsPerSecond).toLocaleString('en-US')]);
}
console.log(`orgsim kernel benchmarks — ${info.cores} cores, ${info.cpu}, Node ${info.node}`);
console.log(table.toString());

const dir = join(import.meta.dirname, 'results');
mkdirSync(dir, { recursive: true });
const stem = join(dir, `kernel-${today()}`);
writeFileSync(
  `${stem}.json`,
  `${JSON.stringify({ date: today(), machine: info, results }, null, 2)}\n`,
);
const md = [
  `# Kernel benchmarks, ${today()}`,
  '',
  `${info.cores} cores, ${info.cpu}, Node ${info.node}, ${info.platform}. Median of repeated runs.`,
  '',
  '| benchmark | ns/op | ops/s |',
  '|---|---:|---:|',
  ...results.map(
    (r) =>
      `| ${r.name} | ${r.nsPerOp.toFixed(0)} | ${Math.round(r.opsPerSecond).toLocaleString('en-US')} |`,
  ),
  '',
];
writeFileSync(`${stem}.md`, md.join('\n'));
console.log(`written: ${stem}.md and .json`);
