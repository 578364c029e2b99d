// Timing helpers for benchmarks: wall time is allowed here (and only here, and in the CLI).

import { cpus } from 'node:os';

export interface Measurement {
  name: string;
  /** Operations per repetition. */
  ops: number;
  /** Median nanoseconds per operation over the repetitions. */
  nsPerOp: number;
  opsPerSecond: number;
}

/** Runs `body` (which performs `ops` operations) `repeats` times after a warm-up; keeps the median. */
export function measure(name: string, ops: number, body: () => void, repeats = 7): Measurement {
  body();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    body();
    times.push(performance.now() - start);
  }
  const ms = median(times);
  const nsPerOp = (ms * 1e6) / ops;
  return { name, ops, nsPerOp, opsPerSecond: 1e9 / nsPerOp };
}

/** The middle value (the upper one of an even count): what benchmarks quote. */
export function median(xs: readonly number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
}

export function machine(): { cores: number; cpu: string; node: string; platform: string } {
  const list = cpus();
  return {
    cores: list.length,
    cpu: list[0]?.model.trim() ?? 'unknown',
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
