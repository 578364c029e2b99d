// A Redis of the tests' own: Debian's redis-server (`apt-get install redis-server`), or the one
// REDIS_SERVER_PATH names, started on a free loopback port with nothing saved to disk and stopped
// by the tests. Where there is none the queue tests are skipped with a message, unless
// ORGSIM_QUEUE_TESTS=required (CI) makes that an error.

import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, Socket } from 'node:net';

const CANDIDATES = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'];

/** The redis-server to start, or null with the reason printed. */
export function findRedis(): string | null {
  const named = process.env.REDIS_SERVER_PATH;
  const found = named ?? CANDIDATES.find((path) => existsSync(path)) ?? null;
  if (found !== null && existsSync(found)) return found;
  const why = named
    ? `REDIS_SERVER_PATH is ${named}, and there is no such file`
    : `no redis-server at ${CANDIDATES.join(', ')}`;
  if (process.env.ORGSIM_QUEUE_TESTS === 'required')
    throw new Error(`The queue tests need Redis: ${why}. Install it: apt-get install redis-server`);
  console.warn(
    `Skipping the queue tests: ${why}. Install Debian's redis-server (apt-get install redis-server) or set REDIS_SERVER_PATH to run them.`,
  );
  return null;
}

/** A loopback port nothing listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface RedisServer {
  readonly port: number;
  readonly url: string;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

/** Whether something answers on the port. */
function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.connect(port, '127.0.0.1');
  });
}

export async function startRedis(binary: string): Promise<RedisServer> {
  const port = await freePort();
  const child = spawn(
    binary,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (let i = 0; i < 100 && !(await answers(port)); i++)
    await new Promise((r) => setTimeout(r, 50));
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    process: child,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
