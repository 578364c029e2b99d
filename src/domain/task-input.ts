// What a task actor is created with: everything the lifecycle machine's guards and SLA delays read.

import type { Hours } from '../kernel/time.ts';
import { type Gate, type GateOptions, requiredGates, skipsPlanning, type Tier } from './gates.ts';
import { DEFAULT_SLA, type SlaTable } from './sla.ts';

export interface TaskInput {
  readonly id: string;
  readonly tier: Tier;
  readonly estimateHours: Hours;
  /** The gates this task must pass, in order (see requiredGates). */
  readonly gates: readonly Gate[];
  readonly skipsPlanning: boolean;
  /** Whether a task in another domain consumes this one's output (a handoff is due). */
  readonly hasConsumer: boolean;
  /** Whether its change must be merged into its team branch before it completes (git modelled). */
  readonly awaitsMerge: boolean;
  readonly sla: SlaTable;
}

export interface TaskSpec extends GateOptions {
  readonly id: string;
  readonly tier: Tier;
  readonly estimateHours: Hours;
  readonly hasConsumer?: boolean;
  readonly awaitsMerge?: boolean;
  readonly sla?: SlaTable;
}

/** Resolves a task's input from its tier and traits, applying the defaults. */
export function taskInput(spec: TaskSpec): TaskInput {
  if (!(spec.estimateHours > 0) || !Number.isFinite(spec.estimateHours)) {
    throw new RangeError(
      `Task ${spec.id}: estimateHours must be a positive number of hours, got ${spec.estimateHours}.`,
    );
  }
  return {
    id: spec.id,
    tier: spec.tier,
    estimateHours: spec.estimateHours,
    gates: requiredGates(spec.tier, spec),
    skipsPlanning: skipsPlanning(spec.tier),
    hasConsumer: spec.hasConsumer ?? false,
    awaitsMerge: spec.awaitsMerge ?? false,
    sla: spec.sla ?? DEFAULT_SLA,
  };
}
