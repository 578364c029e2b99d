// The queue backend end to end, as users run it: a real Redis (redis.ts), `orgsim worker`s as
// child processes, and forecast, compare and whatif with --backend bullmq, whose JSON must be the
// local pool's byte for byte, whatever happens to the workers; and every way it can go wrong.

import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Job, Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finished, orgsim, type Ran, start } from '../cli/orgsim.ts';
import { findRedis, freePort, type RedisServer, startRedis } from './redis.ts';

const binary = findRedis();
const dir = mkdtempSync(join(tmpdir(), 'orgsim-queue-'));
let redis: RedisServer;
let admin: Redis;

beforeAll(async () => {
  if (binary === null) return;
  redis = await startRedis(binary);
  admin = new Redis(redis.url);
});
afterAll(async () => {
  admin?.disconnect();
  await redis?.stop();
  rmSync(dir, { recursive: true, force: true });
});

interface Worker {
  readonly child: ChildProcess;
  readonly ended: Promise<Ran>;
  /** Resolves once the worker has finished `n` jobs. */
  done(n: number): Promise<void>;
}

function worker(url: string, queue: string, extra: readonly string[] = []): Worker {
  const child = start(['worker', '--redis', url, '--queue', queue, '--concurrency', '1', ...extra]);
  let log = '';
  const waiting: Array<{ n: number; resolve: () => void }> = [];
  const count = () => log.match(/^worker: done /gm)?.length ?? 0;
  child.stderr?.on('data', (d: Buffer) => {
    log += d.toString();
    for (const w of waiting.filter((w) => count() >= w.n)) w.resolve();
  });
  return {
    child,
    ended: finished(child),
    done: (n) =>
      new Promise((resolve) => {
        if (count() >= n) resolve();
        else waiting.push({ n, resolve });
      }),
  };
}

/** The same command on this machine's pool: the JSON every queue run must equal. */
async function local(args: readonly string[]): Promise<string> {
  const r = await orgsim([...args, '--json', '--out', join(dir, 'local')]);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

function queued(args: readonly string[], queue: string, extra: readonly string[] = []) {
  return [
    ...args,
    '--json',
    '--out',
    join(dir, queue),
    '--backend',
    'bullmq',
    '--redis',
    redis.url,
    '--queue',
    queue,
    ...extra,
  ];
}

/** What the run left in Redis under the queue: its jobs' keys and its record. */
async function leftovers(queue: string): Promise<string[]> {
  return (await admin.keys(`bull:${queue}:r*`)).concat(
    await admin.keys(`bull:${queue}:orgsim-run:*`),
  );
}

describe.skipIf(binary === null)('the queue backend', () => {
  it('gives the local pool’s JSON for forecast over two workers, and leaves nothing in Redis', async () => {
    const args = ['forecast', 'tier4', '--runs', '60'];
    const workers = [worker(redis.url, 'q1'), worker(redis.url, 'q1')];
    const [expected, r] = await Promise.all([
      local(args),
      orgsim(queued(args, 'q1', ['--chunk', '7'])),
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(expected);
    expect(await leftovers('q1')).toEqual([]);
    // SIGTERM: a worker finishes what it has (nothing) and exits 0.
    for (const w of workers) w.child.kill('SIGTERM');
    for (const w of workers) {
      const ended = await w.ended;
      expect(ended.code, ended.stderr).toBe(0);
      expect(ended.stderr).toContain('SIGTERM: finishing the 0 jobs under way, taking no more');
    }
  });

  it('gives the local pool’s JSON for compare and whatif', async () => {
    const w = worker(redis.url, 'q2', ['--concurrency', '2', '--idle-exit', '20']);
    const compare = [
      'compare',
      'tier2',
      '--vary',
      'strategy=weighted,least-loaded',
      '--runs',
      '12',
    ];
    const whatif = ['whatif', 'tier2', '--runs', '6'];
    const [c, cq] = await Promise.all([local(compare), orgsim(queued(compare, 'q2'))]);
    expect(cq.code, cq.stderr).toBe(0);
    expect(cq.stdout).toBe(c);
    const [wf, wq] = await Promise.all([local(whatif), orgsim(queued(whatif, 'q2'))]);
    expect(wq.code, wq.stderr).toBe(0);
    expect(wq.stdout).toBe(wf);
    // Without --runs, forecast asks for more runs batch by batch until its CI is narrow enough.
    const auto = ['forecast', 'tier2'];
    const [af, aq] = await Promise.all([local(auto), orgsim(queued(auto, 'q2'))]);
    expect(aq.code, aq.stderr).toBe(0);
    expect(aq.stdout).toBe(af);
    expect(JSON.parse(aq.stdout).runs).toBeGreaterThan(30);
    w.child.kill('SIGTERM');
    await w.ended;
  });

  it('gives the same JSON when a worker is killed in the middle of a job', async () => {
    const args = ['forecast', 'tier4', '--runs', '120'];
    const expected = local(args);
    const fast = ['--stall-timeout', '2'];
    const doomed = worker(redis.url, 'q3', fast);
    const survivor = worker(redis.url, 'q3', fast);
    const submitted = orgsim(queued(args, 'q3', ['--chunk', '5']));
    // Killed right after a job: it has taken its next one, which must go to the other worker.
    await doomed.done(2);
    doomed.child.kill('SIGKILL');
    const r = await submitted;
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(await expected);
    survivor.child.kill('SIGTERM');
    expect((await survivor.ended).code).toBe(0);
  }, 120_000);

  it('a worker exits 0 when idle for --idle-exit, and 143 on a second SIGTERM, its job going to another', async () => {
    const idle = await orgsim([
      'worker',
      '--redis',
      redis.url,
      '--queue',
      'q7',
      '--idle-exit',
      '1',
    ]);
    expect(idle.code, idle.stderr).toBe(0);
    expect(idle.stderr).toContain('worker: no job for 1 s: exiting (--idle-exit)');

    // One job of 30 git-mvp runs (some 3 s): stopped twice while it runs, the worker goes at
    // once, and the job goes to the other worker after the stall timeout.
    const args = ['forecast', 'git-mvp', '--runs', '30'];
    const expected = local(args);
    const first = worker(redis.url, 'q7', ['--stall-timeout', '2']);
    const submitted = orgsim(queued(args, 'q7', ['--chunk', '30']));
    while ((await admin.llen('bull:q7:active')) === 0) await new Promise((r) => setTimeout(r, 50));
    first.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 200));
    first.child.kill('SIGTERM');
    const stopped = await first.ended;
    expect(stopped.code, stopped.stderr).toBe(143);
    expect(stopped.stderr).toContain('SIGTERM: finishing the 1 job under way, taking no more');
    expect(stopped.stderr).toContain('SIGTERM again: stopping now');
    expect(stopped.stderr).not.toContain('worker: done');
    const second = worker(redis.url, 'q7', ['--stall-timeout', '2']);
    const r = await submitted;
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(await expected);
    second.child.kill('SIGTERM');
    expect((await second.ended).code).toBe(0);
  }, 120_000);

  it('on Ctrl-C takes its pending jobs off the queue, keeps the finished ones, and --resume uses them', async () => {
    // git-mvp: some 0.1 s a run, so that the command is still running when it is stopped.
    const args = ['forecast', 'git-mvp', '--runs', '60'];
    const expected = local(args);
    const w = worker(redis.url, 'q4');
    const child = start(queued(args, 'q4', ['--chunk', '3']));
    const stopped = finished(child);
    await w.done(2);
    child.kill('SIGINT');
    const s = await stopped;
    expect(s.code, s.stderr).toBe(130);
    const id = /add --resume (r[0-9a-f]{16}) to the same command/.exec(s.stderr)?.[1];
    expect(id, s.stderr).toBeDefined();
    w.child.kill('SIGTERM');
    await w.ended;
    // Nothing waits for a worker; the finished jobs and the run's record stay.
    expect(await admin.llen('bull:q4:wait')).toBe(0);
    expect(await admin.zcard('bull:q4:prioritized')).toBe(0);
    expect(await admin.exists(`bull:q4:orgsim-run:${id}`)).toBe(1);
    const kept = (await admin.zrange('bull:q4:completed', '0', '-1')).length;
    expect(kept).toBeGreaterThanOrEqual(2);

    // Asked again without --resume: told how to go on, nothing changed.
    const again = await orgsim(queued(args, 'q4'));
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`add --resume ${id} to go on with it`);
    const wrong = await orgsim(queued(args, 'q4', ['--resume', 'r0000000000000000']));
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain(`this command asks another question (its run is ${id})`);

    const w2 = worker(redis.url, 'q4', ['--idle-exit', '20']);
    const resumed = await orgsim(queued(args, 'q4', ['--chunk', '3', '--resume', id as string]));
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toBe(await expected);
    const taken = Number(
      /(\d+) runs finished before taken from the queue/.exec(resumed.stderr)?.[1],
    );
    expect(taken).toBe(kept * 3);
    expect(await leftovers('q4')).toEqual([]);
    w2.child.kill('SIGTERM');
    await w2.ended;
  }, 120_000);

  it('runs on this machine with --local-fallback when no worker serves the queue', async () => {
    const args = ['forecast', 'tier2', '--runs', '20'];
    const [expected, r] = await Promise.all([
      local(args),
      orgsim(queued(args, 'q5', ['--local-fallback', '1'])),
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(expected);
    expect(r.stderr).toContain('no worker took a job in 1 s: running the rest on this machine');
    expect(await leftovers('q5')).toEqual([]);
  });

  it('fails as the local run fails when a run fails on a worker, without retrying it', async () => {
    const args = ['forecast', 'tier4', '--runs', '10', '--limits', 'events=200'];
    const l = await orgsim([...args, '--out', join(dir, 'limit-local'), '--quiet']);
    expect(l.code).toBe(3);
    const w = worker(redis.url, 'q6', ['--idle-exit', '20']);
    const r = await orgsim([...queued(args, 'q6'), '--quiet']);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(l.stderr);
    // Failed once, for good: BullMQ made one attempt.
    const failed = await admin.zrange('bull:q6:failed', '0', '-1');
    expect(failed.length).toBeGreaterThan(0);
    const q6 = new Queue('q6', { connection: admin });
    for (const id of failed) expect((await Job.fromId(q6, id))?.attemptsMade).toBe(1);
    w.child.kill('SIGTERM');
    await w.ended;
  });
});

describe.skipIf(binary === null)('the queue backend without Redis', () => {
  it('exits 4 naming the URL, never its password, when Redis cannot be reached', async () => {
    const port = await freePort();
    const url = `redis://ops:hunter2@127.0.0.1:${port}`;
    const r = await orgsim([
      'forecast',
      'tier1',
      '--runs',
      '3',
      '--backend',
      'bullmq',
      '--redis',
      url,
      '--redis-timeout',
      '1',
      '--out',
      join(dir, 'unreachable'),
    ]);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(
      new RegExp(
        `^orgsim: cannot reach Redis at redis://ops:\\*\\*\\*@127\\.0\\.0\\.1:${port}/0 \\(.*ECONNREFUSED.*\\) after 1 s: start it`,
      ),
    );
    expect(r.stderr + r.stdout).not.toContain('hunter2');
    const w = await orgsim(['worker', '--redis', url, '--redis-timeout', '1']);
    expect(w.code).toBe(4);
    expect(w.stderr).toContain(`cannot reach Redis at redis://ops:***@127.0.0.1:${port}/0`);
    expect(w.stderr).not.toContain('hunter2');
  });

  it('exits 4 when Redis is lost in the middle of a run, the command and the worker alike', async () => {
    const own = await startRedis(binary as string);
    const w = worker(own.url, 'lost', ['--redis-timeout', '2']);
    // No worker serves this other queue: the command waits on Redis when it goes.
    const child = start([
      'forecast',
      'tier2',
      '--runs',
      '5',
      '--backend',
      'bullmq',
      '--redis',
      own.url,
      '--queue',
      'nobody',
      '--redis-timeout',
      '2',
      '--out',
      join(dir, 'lost'),
    ]);
    const ended = finished(child);
    await new Promise<void>((resolve) => {
      child.stderr?.on('data', (d: Buffer) => {
        if (d.toString().includes('connected')) resolve();
      });
    });
    await own.stop();
    const r = await ended;
    expect(r.code, r.stderr).toBe(4);
    expect(r.stderr).toContain(`orgsim: lost Redis at ${own.url}/0`);
    const wr = await w.ended;
    expect(wr.code, wr.stderr).toBe(4);
    expect(wr.stderr).toContain(`lost Redis at ${own.url}/0`);
  }, 60_000);
});
