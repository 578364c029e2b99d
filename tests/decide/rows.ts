// Batch rows built by hand for the decision layer's pure functions: only the figures a test sets
// differ from zero.

import type { BatchRow } from '../../src/batch/row.ts';

export function row(over: Partial<BatchRow> = {}): BatchRow {
  return {
    scenario: 'hand',
    variant: 'base',
    strategy: 'weighted',
    seed: 1,
    outcome: 'done',
    makespanHours: 0,
    leadTimeMeanHours: 0,
    leadTimeP95Hours: 0,
    slaBreaches: 0,
    escalations: 0,
    utilizationCv: 0,
    reworkRate: 0,
    costUsd: 0,
    costPerInstructionUsd: 0,
    requestsRefused: 0,
    rateLimitWaitHours: 0,
    loops: 0,
    escapedDefects: 0,
    approvalWaitHours: 0,
    p0LeadTimeMeanHours: 0,
    activeAgentsMean: 0,
    poolUpkeepUsd: 0,
    totalCostUsd: 0,
    mergeConflicts: 0,
    gitHours: 0,
    lowerBoundHours: 0,
    events: 0,
    tasks: 0,
    tokens: 0,
    peakWip: 0,
    waitMeanHours: 0,
    bottleneck: 'none',
    leadShares: {},
    finished: [],
    allFinishedAt: null,
    suggestedWarmupHours: 0,
    typed: [],
    ...over,
  };
}

/** Rows with these makespans, seeds 1, 2, … */
export const makespans = (values: readonly number[], over: Partial<BatchRow> = {}) =>
  values.map((makespanHours, i) => row({ makespanHours, seed: i + 1, ...over }));
