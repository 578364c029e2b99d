// The times the report's charts over time are sampled at: a round number of hours apart, so that a
// run of any length gives a few hundred points at most.

import type { Hours } from '../../kernel/time.ts';

/** The steps tried, shortest first: an hour, a few hours, a day, a week. */
const STEPS: readonly Hours[] = [1, 2, 4, 6, 12, 24, 48, 168, 336, 720];
/** At most this many steps from the start to the end of a run. */
export const MAX_SAMPLES = 400;

/** The shortest step that covers `end` hours in at most MAX_SAMPLES steps. */
export function stepFor(end: Hours): Hours {
  for (const step of STEPS) if (end / step <= MAX_SAMPLES) return step;
  return Math.ceil(end / MAX_SAMPLES / 720) * 720;
}

/** 0, step, 2·step … up to the first sample at or after `end`. */
export function sampleTimes(end: Hours, step: Hours): Hours[] {
  const times: Hours[] = [];
  for (let k = 0; ; k++) {
    times.push(k * step);
    if (k * step >= end) return times;
  }
}

/**
 * For each interval [from, to), adds `by` to `counts[k]` of every sample time in it: what a
 * count that held over the interval contributes to the samples.
 */
export function addOver(counts: number[], step: Hours, from: Hours, to: Hours, by = 1): void {
  const first = Math.max(0, Math.ceil(from / step));
  for (let k = first; k < counts.length && k * step < to; k++) counts[k] = (counts[k] ?? 0) + by;
}
