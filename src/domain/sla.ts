// Per-state SLAs: how long a task may sit in a state before the breach escalates it.
// Every value is in simulated hours, except IN_PROGRESS, which scales with the task's estimate.

import type { Hours } from '../kernel/time.ts';
import type { TaskState } from './task-states.ts';

export type SlaState = Exclude<TaskState, 'COMPLETED' | 'CANCELLED'>;

export type SlaTable = Record<Exclude<SlaState, 'IN_PROGRESS'>, Hours> & {
  /** IN_PROGRESS may last this multiple of the task's estimate. */
  IN_PROGRESS: { timesEstimate: number };
};

/** The defaults a scenario overrides state by state. `Infinity` switches a state's SLA off. */
export const DEFAULT_SLA: Readonly<SlaTable> = Object.freeze({
  PENDING: 48,
  IN_PLANNING: 4,
  ASSIGNED: 8,
  IN_PROGRESS: { timesEstimate: 2 },
  BLOCKED: 2,
  ESCALATED: 8,
  UNDER_REVIEW: 8,
  DOMAIN_REVIEW: 8,
  READY_FOR_HANDOFF: 4,
});

/** The SLA in hours of `state` for a task with the given estimate. */
export function slaHours(table: SlaTable, state: SlaState, estimateHours: Hours): Hours {
  if (state === 'IN_PROGRESS') return table.IN_PROGRESS.timesEstimate * estimateHours;
  return table[state];
}
