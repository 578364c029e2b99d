// Determinism: a run is a function of its seed. Hundreds of task actors driven by seeded random
// choices on the kernel must write a byte-identical event log for the same seed, and a different
// one for another seed.

import { describe, expect, it } from 'vitest';
import { TIERS, type Tier } from '../src/domain/gates.ts';
import { taskInput } from '../src/domain/task-input.ts';
import type { Engine } from '../src/engine/engine.ts';
import { IdFactory } from '../src/kernel/ids.ts';
import { Kernel } from '../src/kernel/kernel.ts';
import { RandomSource } from '../src/kernel/random.ts';
import { EventLog } from '../src/log/event-log.ts';
import { startTask } from '../src/org/task-actor.ts';
import { eventAlphabet } from './machines/task-harness.ts';

const MOVES = eventAlphabet().filter((e) => e.type !== 'task.cancel');

/** Runs `tasks` task actors; each acts every Exp(2h) with a seeded choice among its accepted events. */
function randomWalk(seed: number, engine: Engine = 'fast', tasks = 200): EventLog {
  const kernel = new Kernel();
  const log = new EventLog();
  const random = new RandomSource(seed);
  const arrivals = random.stream('arrivals');
  const choices = random.stream('choices');
  const ids = new IdFactory();
  for (let i = 0; i < tasks; i++) {
    const input = taskInput({
      id: ids.next('T'),
      tier: arrivals.pick(TIERS) as Tier,
      estimateHours: arrivals.int(1, 16),
      hasConsumer: arrivals.bernoulli(0.3),
    });
    kernel.schedule(arrivals.exponential(1), () => {
      const actor = startTask(kernel, log, input, { engine });
      let moves = 0;
      const act = () => {
        const snapshot = actor.getSnapshot();
        if (snapshot.status !== 'active') return;
        if (++moves > 40) {
          actor.send({ type: 'task.cancel', reason: 'timebox' });
          return;
        }
        const enabled = MOVES.filter((e) => snapshot.can(e));
        if (enabled.length > 0) actor.send(choices.pick(enabled));
        kernel.schedule(choices.exponential(2), act);
      };
      kernel.schedule(choices.exponential(2), act);
    });
  }
  kernel.run();
  return log;
}

describe('determinism', () => {
  it('writes a byte-identical event log for the same seed', () => {
    const a = randomWalk(20261122);
    const b = randomWalk(20261122);
    expect(a.size).toBeGreaterThan(2000);
    expect(a.toJsonLines()).toBe(b.toJsonLines());
    expect(a.sha256()).toBe(b.sha256());
  });

  it('writes the same log on XState as on the fast engine', () => {
    expect(randomWalk(20261201, 'xstate').toJsonLines()).toBe(randomWalk(20261201).toJsonLines());
  });

  it('writes a different event log for another seed', () => {
    expect(randomWalk(1).sha256()).not.toBe(randomWalk(2).sha256());
  });

  it('covers transitions, gates and SLA breaches, so the hash covers them all', () => {
    const kinds = new Set(randomWalk(3).records.map((r) => r.type));
    expect([...kinds].sort()).toEqual(['task.gate', 'task.slaBreach', 'task.transition']);
  });
});
