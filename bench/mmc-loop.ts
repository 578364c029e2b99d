// The floor for comparison: the same M/M/c queue as the mmc scenario, written as a plain
// heap-based event loop with no actors, no log and no org — what a bare discrete-event loop costs.

import { EventQueue } from '../src/kernel/event-queue.ts';
import { RandomSource } from '../src/kernel/random.ts';

/** Serves `customers` through c servers; returns the mean wait in queue. */
export function mmcLoop(
  c: number,
  lambda: number,
  mu: number,
  customers: number,
  seed: number,
): number {
  const random = new RandomSource(seed);
  const arrivals = random.stream('arrivals');
  const service = random.stream('service');
  const queue = new EventQueue();
  const waiting: number[] = [];
  let head = 0;
  let free = c;
  let served = 0;
  let waitSum = 0;
  let now = 0;
  const depart = () => {
    free++;
    if (head < waiting.length) start(waiting[head++] as number);
  };
  const start = (arrivedAt: number) => {
    free--;
    waitSum += now - arrivedAt;
    served++;
    queue.push(now + service.exponential(1 / mu), 0, depart);
  };
  let arrived = 0;
  const arrive = () => {
    if (free > 0) start(now);
    else waiting.push(now);
    if (++arrived < customers) queue.push(now + arrivals.exponential(1 / lambda), 0, arrive);
  };
  queue.push(arrivals.exponential(1 / lambda), 0, arrive);
  for (let fire = queue.pop(); fire !== undefined; fire = queue.pop()) {
    now = queue.poppedTime;
    fire();
  }
  return waitSum / served;
}
