// A new hire's ramp-up: how productive they are in their first days, rising linearly from a
// starting share to full over a number of days. Agents start at full productivity; people learn.

import { HOURS_PER_DAY, type Hours } from '../kernel/time.ts';

export interface RampUp {
  /** When the ramp starts: the hire's first hour. */
  readonly from: Hours;
  /** Days (24 h each, not working days) until the hire is fully productive; 0: at once. */
  readonly days: number;
  /** Productivity at `from`, in (0, 1]. */
  readonly startProductivity: number;
}

/** The hire's productivity at `t`: `startProductivity` at `from`, 1 after `days`, linear between. */
export function productivity(ramp: RampUp | null, t: Hours): number {
  if (ramp === null || ramp.days <= 0) return 1;
  const progress = (t - ramp.from) / (ramp.days * HOURS_PER_DAY);
  if (progress >= 1) return 1;
  return ramp.startProductivity + (1 - ramp.startProductivity) * Math.max(0, progress);
}
