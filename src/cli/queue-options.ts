// The flags that send a decision command's runs to a BullMQ queue (--backend bullmq) and the
// `orgsim worker` command's flags. Parsed at start-up; the queue's code loads only when used.

import { type Command, Option } from 'commander';
import { UsageError } from './usage-error.ts';

export const BACKENDS = ['local', 'bullmq'] as const;
export type Backend = (typeof BACKENDS)[number];

/** Replications per queue job unless --chunk says otherwise (chosen in bench/queue.bench.ts). */
export const DEFAULT_CHUNK = 10;
/** Seconds without any worker before --local-fallback runs here. */
export const DEFAULT_FALLBACK_SECONDS = 10;
export const DEFAULT_QUEUE = 'orgsim';
/** How long a submitting command waits for an unreachable Redis before it gives up (exit 4). */
export const DEFAULT_SUBMIT_GIVE_UP_SECONDS = 10;

/** --redis-timeout: how long Redis may be unreachable, connecting or reconnecting. */
export function redisTimeoutOption(fallback: number): Option {
  return new Option(
    '--redis-timeout <seconds>',
    `give up (exit 4) after Redis has been unreachable this long (default: ${fallback})`,
  ).argParser(positive('--redis-timeout'));
}

export interface QueueFlags {
  backend?: Backend;
  redis?: string;
  queue?: string;
  chunk?: number;
  resume?: string;
  localFallback?: number | true;
  redisTimeout?: number;
}

function backendOption(value: string): Backend {
  if (!(BACKENDS as readonly string[]).includes(value))
    throw new UsageError(`--backend takes ${BACKENDS.join(' or ')}, got "${value}"`);
  return value as Backend;
}

/** A positive whole number; messages name the flag. */
export function positive(flag: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1)
      throw new UsageError(`${flag} must be a whole number ≥ 1, got "${value}"`);
    return n;
  };
}

/** A queue's name: what BullMQ takes in a key, no `:`. */
export function queueName(value: string): string {
  if (!/^[A-Za-z0-9_.-]{1,100}$/.test(value))
    throw new UsageError(
      `--queue must be 1 to 100 letters, digits, '.', '_' or '-', got "${value}"`,
    );
  return value;
}

function runIdOption(value: string): string {
  if (!/^r[0-9a-f]{16}$/.test(value))
    throw new UsageError(
      `--resume takes the run id a stopped command printed (r and 16 hex digits), got "${value}"`,
    );
  return value;
}

/** --redis: where the queue is; the submitting commands and `orgsim worker` alike. */
export function redisOption(): Option {
  return new Option(
    '--redis <url>',
    'the queue\u2019s Redis: redis://[user:password@]host:port[/db] (default: $ORGSIM_REDIS_URL)',
  );
}

/** --queue: which queue on that Redis. */
export function queueOption(): Option {
  return new Option(
    '--queue <name>',
    `the queue\u2019s name (default: ${DEFAULT_QUEUE})`,
  ).argParser(queueName);
}

/** The queue flags of forecast, compare and whatif. */
export function withQueueOptions(command: Command): Command {
  return command
    .addOption(
      new Option(
        '--backend <name>',
        'where the runs go: local (this machine\u2019s threads) or bullmq (a queue served by `orgsim worker`)',
      ).argParser(backendOption),
    )
    .addOption(redisOption())
    .addOption(queueOption())
    .addOption(
      new Option('--chunk <n>', `replications per queue job (default: ${DEFAULT_CHUNK})`).argParser(
        positive('--chunk'),
      ),
    )
    .addOption(
      new Option(
        '--resume <run-id>',
        'attach to a stopped run in the queue: its finished jobs are kept',
      ).argParser(runIdOption),
    )
    .addOption(redisTimeoutOption(DEFAULT_SUBMIT_GIVE_UP_SECONDS))
    .addOption(
      new Option(
        '--local-fallback [seconds]',
        `run here when no worker serves the queue for this long (default: ${DEFAULT_FALLBACK_SECONDS})`,
      ).argParser(positive('--local-fallback')),
    );
}

/** The queue flags given without --backend bullmq: a mistake worth saying. */
export function checkQueueFlags(flags: QueueFlags): void {
  if (flags.backend === 'bullmq') return;
  const stray = (
    [
      ['--redis', flags.redis],
      ['--queue', flags.queue],
      ['--chunk', flags.chunk],
      ['--resume', flags.resume],
      ['--local-fallback', flags.localFallback],
      ['--redis-timeout', flags.redisTimeout],
    ] as const
  )
    .filter(([, v]) => v !== undefined)
    .map(([f]) => f);
  if (stray.length > 0)
    throw new UsageError(
      `${stray.join(', ')} ${stray.length === 1 ? 'is' : 'are'} for the queue: add --backend bullmq, or leave ${stray.length === 1 ? 'it' : 'them'} out`,
    );
}
