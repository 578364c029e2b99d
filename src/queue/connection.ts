// Where the queue is: a Redis URL from --redis or ORGSIM_REDIS_URL, with credentials from the URL
// or from ORGSIM_REDIS_USERNAME and ORGSIM_REDIS_PASSWORD, and the ioredis clients BullMQ is
// given. A password is never printed: messages show the URL with `***` in its place. A client
// that cannot reach Redis for `giveUpSeconds` stops trying and reports why, so nothing waits
// forever on a Redis that is gone.

import { Redis, type RedisOptions } from 'ioredis';
import { UsageError } from '../cli/usage-error.ts';
import { QueueError } from './errors.ts';

export interface RedisTarget {
  readonly host: string;
  readonly port: number;
  readonly db: number;
  readonly username?: string;
  readonly password?: string;
  readonly tls: boolean;
  /** The URL as messages show it: the password, if any, as `***`. */
  readonly shown: string;
}

/** The Redis to use: `flag` (--redis), else ORGSIM_REDIS_URL; UsageError when neither is usable. */
export function redisTarget(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): RedisTarget {
  const given = flag ?? env.ORGSIM_REDIS_URL;
  const from = flag === undefined ? 'ORGSIM_REDIS_URL' : '--redis';
  if (given === undefined || given.trim() === '')
    throw new UsageError(
      'the queue needs a Redis: give --redis redis://host:port[/db] (or set ORGSIM_REDIS_URL)',
    );
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    throw new UsageError(
      `${from} must be a URL like redis://host:6379/0, got "${redact(given)}": check its spelling`,
    );
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:')
    throw new UsageError(
      `${from} must start with redis:// (or rediss:// for TLS), got "${url.protocol}//": e.g. redis://127.0.0.1:6379`,
    );
  if (url.hostname === '')
    throw new UsageError(`${from} names no host: e.g. redis://127.0.0.1:6379`);
  const port = url.port === '' ? 6379 : Number(url.port);
  const path = url.pathname.replace(/^\//, '');
  if (path !== '' && !/^\d+$/.test(path))
    throw new UsageError(
      `${from}: the database after the port must be a whole number (redis://host:6379/0), got "/${path}"`,
    );
  const db = path === '' ? 0 : Number(path);
  const username = decodeURIComponent(url.username) || env.ORGSIM_REDIS_USERNAME || undefined;
  const password = decodeURIComponent(url.password) || env.ORGSIM_REDIS_PASSWORD || undefined;
  const user = username === undefined ? '' : `${encodeURIComponent(username)}`;
  const auth = password === undefined ? (user === '' ? '' : `${user}@`) : `${user}:***@`;
  return {
    host: url.hostname,
    port,
    db,
    ...(username === undefined ? {} : { username }),
    ...(password === undefined ? {} : { password }),
    tls: url.protocol === 'rediss:',
    shown: `${url.protocol}//${auth}${url.host}/${db}`,
  };
}

/** `text` with the password of any URL in it replaced by `***`. */
export function redact(text: string): string {
  return text.replace(/(\w+:\/\/[^:/@\s]*:)[^@\s]*@/g, '$1***@');
}

/** A connection to `target` and a promise that rejects when it is lost for good. */
export interface Connection {
  readonly client: Redis;
  /** Rejects with a QueueError once the client has given up reconnecting. */
  readonly lost: Promise<never>;
  /** Resolves once connected; rejects as `lost` when Redis cannot be reached in time. */
  readonly ready: Promise<void>;
  /** Closes the client at once (pending commands fail). */
  close(): void;
}

/**
 * An ioredis client for BullMQ (commands wait for a reconnection rather than fail, as BullMQ
 * needs), which gives up after `giveUpSeconds` without Redis, connecting or reconnecting.
 */
export function connect(target: RedisTarget, giveUpSeconds: number): Connection {
  let downSince: number | null = null;
  let lastError = 'no answer';
  let onLost: (error: QueueError) => void = () => {};
  const lost = new Promise<never>((_, reject) => {
    onLost = reject;
  });
  // Nobody may await `lost` (a command that finishes first); that is not an unhandled rejection.
  lost.catch(() => {});
  let everReady = false;
  const options: RedisOptions = {
    host: target.host,
    port: target.port,
    db: target.db,
    ...(target.username === undefined ? {} : { username: target.username }),
    ...(target.password === undefined ? {} : { password: target.password }),
    ...(target.tls ? { tls: {} } : {}),
    maxRetriesPerRequest: null,
    connectTimeout: Math.min(10_000, giveUpSeconds * 1000),
    retryStrategy: () => {
      const now = performance.now();
      downSince ??= now;
      if (now - downSince >= giveUpSeconds * 1000) return null;
      return 250;
    },
  };
  const client = new Redis(options);
  client.on('error', (error: Error) => {
    lastError = redact(error.message);
  });
  client.on('ready', () => {
    everReady = true;
    downSince = null;
  });
  client.on('end', () => {
    onLost(
      new QueueError(
        everReady
          ? `lost Redis at ${target.shown} (${lastError}) and could not reconnect for ${giveUpSeconds} s: check that it is running and reachable, then run the command again (add --resume <run-id> to keep the runs finished)`
          : `cannot reach Redis at ${target.shown} (${lastError}) after ${giveUpSeconds} s: start it (redis-server) or give the right --redis`,
      ),
    );
  });
  const ready = Promise.race([
    new Promise<void>((resolve) => {
      if (client.status === 'ready') resolve();
      else client.once('ready', () => resolve());
    }),
    lost,
  ]);
  return {
    client,
    lost,
    ready,
    close: () => client.disconnect(),
  };
}
