// Quality gates: which ones a task must pass, in what order, and in which review state.

import type { TaskState } from './task-states.ts';

export const GATES = [
  'peerReview',
  'qaValidation',
  'domainApproval',
  'architectureReview',
] as const;

export type Gate = (typeof GATES)[number];

export type Tier = 1 | 2 | 3 | 4;

export const TIERS: readonly Tier[] = [1, 2, 3, 4];

/** The review state each gate is held in. */
export const GATE_STATE: Record<Gate, 'UNDER_REVIEW' | 'DOMAIN_REVIEW'> = {
  peerReview: 'UNDER_REVIEW',
  qaValidation: 'UNDER_REVIEW',
  domainApproval: 'DOMAIN_REVIEW',
  architectureReview: 'DOMAIN_REVIEW',
};

export interface GateOptions {
  /** Scenario switches: a gate set to false is skipped for every task. */
  readonly enabled?: Partial<Record<Gate, boolean>>;
  /** For tiers 3–4: false exempts this task from architecture review. */
  readonly architectural?: boolean;
}

/** Whether the tier applies a gate before the scenario's switches: the tier's own rule. */
function tierApplies(gate: Gate, tier: Tier, options: GateOptions): boolean {
  switch (gate) {
    case 'peerReview':
      return true;
    case 'qaValidation':
    case 'domainApproval':
      return tier >= 2;
    case 'architectureReview':
      return tier >= 3 && options.architectural !== false;
  }
}

/**
 * The gates a task must pass, in the order it meets them. Tier 1 takes the short path (peer
 * review only); QA validation and domain approval apply from tier 2; architecture review from 3.
 */
export function requiredGates(tier: Tier, options: GateOptions = {}): Gate[] {
  return GATES.filter(
    (gate) => tierApplies(gate, tier, options) && options.enabled?.[gate] !== false,
  );
}

/** Tier 1 skips tactical planning: the one task goes from PENDING straight to ASSIGNED. */
export function skipsPlanning(tier: Tier): boolean {
  return tier === 1;
}

/**
 * Where a task goes after passing `passed` of its `gates`: the review state of the next gate, or
 * READY_FOR_HANDOFF once all are passed.
 */
export function stateAfterGates(gates: readonly Gate[], passed: number): TaskState {
  const next = gates[passed];
  return next === undefined ? 'READY_FOR_HANDOFF' : GATE_STATE[next];
}
