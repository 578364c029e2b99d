// The queue backend against the local pool, on this machine (npm run bench:queue, after npm run
// build): the overhead per queue job, the chunk size, the speed-up with 1, 2 and 4 workers, and
// the check — `forecast tier4 --runs 2000 --backend bullmq` with two workers gives the
// local pool's JSON, also with one worker killed in the middle. Every command is the built CLI as
// a user runs it; workers are started and connected before the clock starts. Wall times are
// medians of REPEATS; Redis is Debian's redis-server on a free loopback port.
//
// Options: --quick (fewer runs and repeats, to try the script), --only=overhead,chunks,speedup,check
// (some sections; neither writes bench/results/).

import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findRedis, startRedis } from '../tests/queue/redis.ts';
import { machine, median, today } from './measure.ts';

const quick = process.argv.includes('--quick');
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const section = (name: string) => only === undefined || only.includes(name);
const REPEATS = quick ? 1 : 3;
const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'orgsim.js');
const out = mkdtempSync(join(tmpdir(), 'orgsim-queue-bench-'));

const binary = findRedis();
if (binary === null) process.exit(2);
const redis = await startRedis(binary);
let queues = 0;

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
}

function orgsim(args: readonly string[]): Promise<Ran> {
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  return new Promise((resolve) =>
    child.on('close', (code) =>
      resolve({ code, stdout, stderr, seconds: (performance.now() - started) / 1000 }),
    ),
  );
}

interface Started {
  child: ChildProcess;
  /** Resolves when the worker has finished `n` jobs. */
  done(n: number): Promise<void>;
}

/** A worker on `queue`, connected. */
async function worker(queue: string, threads: number): Promise<Started> {
  const child = spawn(
    process.execPath,
    [
      BIN,
      'worker',
      '--redis',
      redis.url,
      '--queue',
      queue,
      '--concurrency',
      String(threads),
      '--stall-timeout',
      '5',
    ],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  const waiting: Array<{ n: number; resolve: () => void }> = [];
  const count = () => log.match(/^worker: done /gm)?.length ?? 0;
  let connected: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    connected = resolve;
  });
  child.stderr?.on('data', (d: Buffer) => {
    log += d.toString();
    if (log.includes('thread')) connected();
    for (const w of waiting.filter((w) => count() >= w.n)) w.resolve();
  });
  await ready;
  return {
    child,
    done: (n) =>
      new Promise((resolve) => {
        if (count() >= n) resolve();
        else waiting.push({ n, resolve });
      }),
  };
}

async function stop(workers: readonly Started[]): Promise<void> {
  await Promise.all(
    workers.map(
      (w) =>
        new Promise<void>((resolve) => {
          w.child.once('close', () => resolve());
          w.child.kill('SIGTERM');
        }),
    ),
  );
}

const local = (args: readonly string[]) => orgsim([...args, '--json', '--out', join(out, 'local')]);

/** The command's arguments to run it on `queue`, printing its JSON. */
function onQueue(args: readonly string[], queue: string): string[] {
  return [
    ...args,
    '--json',
    '--out',
    join(out, queue),
    '--backend',
    'bullmq',
    '--redis',
    redis.url,
    '--queue',
    queue,
  ];
}

/** The command on a queue served by `count` workers of `threads` threads each. */
async function queued(
  args: readonly string[],
  count: number,
  threads: number,
  chunk: number,
): Promise<Ran> {
  const queue = `bench${++queues}`;
  const workers = await Promise.all(Array.from({ length: count }, () => worker(queue, threads)));
  const ran = await orgsim([...onQueue(args, queue), '--chunk', String(chunk)]);
  await stop(workers);
  return ran;
}

function checked(ran: Ran, what: string): Ran {
  if (ran.code !== 0) throw new Error(`${what} exited ${ran.code}: ${ran.stderr}`);
  return ran;
}

async function timed(
  what: string,
  run: () => Promise<Ran>,
): Promise<{ seconds: number; stdout: string }> {
  const times: number[] = [];
  let stdout = '';
  for (let i = 0; i < REPEATS; i++) {
    const ran = checked(await run(), what);
    times.push(ran.seconds);
    stdout = ran.stdout;
  }
  const seconds = median(times);
  process.stderr.write(`${what}: ${seconds.toFixed(2)} s\n`);
  return { seconds, stdout };
}

const result: Record<string, unknown> = { kind: 'queue', date: today(), machine: machine() };
const lines: string[] = [`# The queue backend against the local pool (${today()})`, ''];

// 1. Overhead per job: tier1 (a few ms a run) one run per job on one single-threaded worker,
// against the same runs on one local thread.
if (section('overhead')) {
  const runs = quick ? 100 : 400;
  const args = ['forecast', 'tier1', '--runs', String(runs)];
  const base = await timed(`local, 1 thread, tier1 × ${runs}`, () =>
    local([...args, '--workers', '1']),
  );
  const q = await timed(`queue, 1 worker × 1 thread, chunk 1, tier1 × ${runs}`, () =>
    queued(args, 1, 1, 1),
  );
  const perJobMs = ((q.seconds - base.seconds) * 1000) / runs;
  result.overhead = { runs, localSeconds: base.seconds, queueSeconds: q.seconds, perJobMs };
  lines.push(
    '## Overhead per job',
    '',
    `tier1, ${runs} runs, one run per job, one worker of one thread against one local thread: ${q.seconds.toFixed(2)} s against ${base.seconds.toFixed(2)} s, **${perJobMs.toFixed(1)} ms per job**.`,
    '',
  );
}

// 2. The chunk size: tier4 on two single-threaded workers.
if (section('chunks')) {
  const runs = quick ? 200 : 600;
  const args = ['forecast', 'tier4', '--runs', String(runs)];
  const rows: Array<{ chunk: number; seconds: number }> = [];
  for (const chunk of [1, 5, 10, 25, 100]) {
    const { seconds } = await timed(
      `queue, 2 workers × 1 thread, chunk ${chunk}, tier4 × ${runs}`,
      () => queued(args, 2, 1, chunk),
    );
    rows.push({ chunk, seconds });
  }
  result.chunks = { runs, rows };
  lines.push(
    '## Chunk size',
    '',
    `tier4, ${runs} runs, two workers of one thread each:`,
    '',
    '| replications per job | wall (s) |',
    '|---:|---:|',
    ...rows.map((r) => `| ${r.chunk} | ${r.seconds.toFixed(2)} |`),
    '',
  );
}

// 3. Speed-up: tier4 on the local pool (one thread per core) and on 1, 2 and 4 workers.
if (section('speedup')) {
  const runs = quick ? 200 : 1000;
  const args = ['forecast', 'tier4', '--runs', String(runs)];
  const pool = await timed(`local pool (2 threads), tier4 × ${runs}`, () => local(args));
  const one = await timed(`local, 1 thread, tier4 × ${runs}`, () =>
    local([...args, '--workers', '1']),
  );
  const rows: Array<{ workers: number; threads: number; seconds: number; same: boolean }> = [];
  for (const [workers, threads] of [
    [1, 1],
    [2, 1],
    [4, 1],
    [1, 2],
  ] as const) {
    const q = await timed(`queue, ${workers} workers × ${threads} threads, tier4 × ${runs}`, () =>
      queued(args, workers, threads, 10),
    );
    rows.push({ workers, threads, seconds: q.seconds, same: q.stdout === pool.stdout });
  }
  result.speedup = { runs, poolSeconds: pool.seconds, oneThreadSeconds: one.seconds, rows };
  lines.push(
    '## Speed-up',
    '',
    `tier4, ${runs} runs (chunk 10). Local: the pool of ${machine().cores} threads ${pool.seconds.toFixed(2)} s, one thread ${one.seconds.toFixed(2)} s.`,
    '',
    '| workers × threads | wall (s) | against one local thread | against the local pool | JSON as the pool’s |',
    '|---|---:|---:|---:|---|',
    ...rows.map(
      (r) =>
        `| ${r.workers} × ${r.threads} | ${r.seconds.toFixed(2)} | ×${(one.seconds / r.seconds).toFixed(2)} | ×${(pool.seconds / r.seconds).toFixed(2)} | ${r.same ? 'yes' : '**no**'} |`,
    ),
    '',
  );
}

// 4. The check: 2,000 runs, two workers, and again with one killed in the middle.
if (section('check')) {
  const runs = quick ? 200 : 2000;
  const args = ['forecast', 'tier4', '--runs', String(runs)];
  const expected = checked(await local(args), 'local').stdout;
  const same = (await queued(args, 2, 1, 10)).stdout === expected;
  const queue = `bench${++queues}`;
  const doomed = await worker(queue, 1);
  const survivor = await worker(queue, 1);
  const submitted = orgsim(onQueue(args, queue));
  await doomed.done(Math.floor(runs / 10 / 4));
  doomed.child.kill('SIGKILL');
  const killed = checked(await submitted, 'the run with a killed worker');
  await stop([survivor]);
  const sameKilled = killed.stdout === expected;
  result.check = { runs, same, sameKilled, killedRunSeconds: killed.seconds };
  lines.push(
    '## The issue’s check',
    '',
    `\`forecast tier4 --runs ${runs} --backend bullmq\`, two workers: JSON identical to the local pool’s: **${same ? 'yes' : 'no'}**. With one worker killed (SIGKILL) after a quarter of its jobs, the job it held taken by the other after the stall timeout (5 s): **${sameKilled ? 'yes' : 'no'}** (${killed.seconds.toFixed(1)} s).`,
    '',
  );
}

lines.push(
  `Machine: ${machine().cores} cores, ${machine().cpu}, Node ${machine().node}. Medians of ${REPEATS}.`,
);
await redis.stop();
rmSync(out, { recursive: true, force: true });
const dir = join(ROOT, 'bench', 'results');
mkdirSync(dir, { recursive: true });
if (!quick && only === undefined) {
  writeFileSync(join(dir, `queue-${today()}.json`), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(join(dir, `queue-${today()}.md`), `${lines.join('\n')}\n`);
}
process.stdout.write(`${lines.join('\n')}\n`);
