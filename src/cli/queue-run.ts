// A decision command's queue, when it has --backend bullmq: the run's id from the question, the
// check that --resume names it, and the connection, opened before any run is sent.

import type { QueueBackend } from '../queue/submit.ts';
import { readScenario } from '../scenario/load.ts';
import type { DecideFlags } from './decide-options.ts';
import {
  checkQueueFlags,
  DEFAULT_CHUNK,
  DEFAULT_FALLBACK_SECONDS,
  DEFAULT_QUEUE,
  DEFAULT_SUBMIT_GIVE_UP_SECONDS,
} from './queue-options.ts';
import { UsageError } from './usage-error.ts';

/** The flags that change what a decision command runs: the question a run id stands for. */
const QUESTION_FLAGS = [
  'runs',
  'warmup',
  'limits',
  'strict',
  'vary',
  'by',
  'deadline',
  'date',
  'start',
  'budgetPerChange',
] as const;

export async function openBackend(
  command: string,
  names: readonly string[],
  seed: number,
  flags: DecideFlags & Partial<Record<(typeof QUESTION_FLAGS)[number], unknown>>,
): Promise<QueueBackend | undefined> {
  checkQueueFlags(flags);
  if (flags.backend !== 'bullmq') return undefined;
  const [{ redisTarget }, { runIdOf }, { openQueue }] = await Promise.all([
    import('../queue/connection.ts'),
    import('../queue/run-id.ts'),
    import('../queue/submit.ts'),
  ]);
  const target = redisTarget(flags.redis);
  const asked = Object.fromEntries(QUESTION_FLAGS.map((f) => [f, flags[f]]));
  const run = runIdOf({
    command,
    scenarios: names.map((name) => readScenario(name).text),
    flags: { ...asked, seedBase: seed },
  });
  if (flags.resume !== undefined && flags.resume !== run)
    throw new UsageError(
      `--resume ${flags.resume}: this command asks another question (its run is ${run}); give the scenario and flags of the command that was stopped`,
    );
  const queue = flags.queue ?? DEFAULT_QUEUE;
  const say = flags.quiet ? () => {} : (line: string) => process.stderr.write(`${line}\n`);
  const backend = await openQueue({
    target,
    queue,
    chunk: flags.chunk ?? DEFAULT_CHUNK,
    run,
    resume: flags.resume !== undefined,
    question: [command, ...names].join(' '),
    ...(flags.localFallback === undefined
      ? {}
      : {
          localFallbackSeconds:
            flags.localFallback === true ? DEFAULT_FALLBACK_SECONDS : flags.localFallback,
        }),
    ...(flags.workers === undefined ? {} : { localWorkers: flags.workers }),
    giveUpSeconds: flags.redisTimeout ?? DEFAULT_SUBMIT_GIVE_UP_SECONDS,
    say,
  });
  const workers = backend.workers();
  say(
    `run ${run}: queue "${queue}" on ${target.shown}, ${workers} worker${workers === 1 ? '' : 's'} connected`,
  );
  return backend;
}
