// The figures a forecast, a comparison and a what-if report per variant: each read from a run's
// row, each better when lower. The labels and units are what the reports print.

import type { BatchRow } from '../batch/row.ts';

/** The figures every decision report gives per variant, each better when lower. */
export const METRICS = [
  'makespanHours',
  'leadTimeMeanHours',
  'waitMeanHours',
  'costUsd',
  'tokens',
  'slaBreaches',
  'escalations',
  'peakWip',
  'costPerInstructionUsd',
  'requestsRefused',
  'rateLimitWaitHours',
  'loops',
  'escapedDefects',
  'approvalWaitHours',
  'p0LeadTimeMeanHours',
  'activeAgentsMean',
  'poolUpkeepUsd',
  'totalCostUsd',
  'mergeConflicts',
  'gitHours',
] as const;

/** The name of one of the figures in METRICS. */
export type Metric = (typeof METRICS)[number];

export const METRIC_INFO: Readonly<
  Record<Metric, { readonly label: string; readonly unit: string }>
> = {
  makespanHours: { label: 'makespan', unit: 'h' },
  leadTimeMeanHours: { label: 'instruction lead time, mean', unit: 'h' },
  waitMeanHours: { label: 'task wait for work, mean', unit: 'h' },
  costUsd: { label: 'cost', unit: '$' },
  tokens: { label: 'tokens', unit: '' },
  slaBreaches: { label: 'SLA breaches', unit: '' },
  escalations: { label: 'escalations', unit: '' },
  peakWip: { label: 'peak WIP', unit: 'tasks' },
  costPerInstructionUsd: { label: 'cost per instruction done', unit: '$' },
  requestsRefused: { label: 'requests refused by rate limits (429s)', unit: '' },
  rateLimitWaitHours: { label: 'hours waiting on rate limits', unit: 'h' },
  loops: { label: 'agent executions that looped', unit: '' },
  escapedDefects: { label: 'escaped defects (bad work an agent passed)', unit: '' },
  approvalWaitHours: { label: 'hours an instruction waited for approvals, mean', unit: 'h' },
  p0LeadTimeMeanHours: { label: 'P0 lead time, mean', unit: 'h' },
  activeAgentsMean: { label: 'active agents in pools, mean', unit: '' },
  poolUpkeepUsd: { label: 'pool upkeep (agent-hours at their price)', unit: '$' },
  totalCostUsd: { label: 'total cost (work and pool upkeep)', unit: '$' },
  mergeConflicts: { label: 'merge conflicts', unit: '' },
  gitHours: { label: 'hours on git: syncs, merges, conflicts, integration', unit: 'h' },
};

export function isMetric(name: string): name is Metric {
  return (METRICS as readonly string[]).includes(name);
}

export function seriesOf(rows: readonly BatchRow[], metric: Metric): number[] {
  return rows.map((r) => r[metric]);
}

/** One run as the reports list it: its seed, how it ended, its verdict and every figure. */
export type RunFigures = {
  readonly seed: number;
  readonly outcome: string;
  readonly bottleneck: string;
} & Readonly<Record<Metric, number>>;

export function runFigures(row: BatchRow): RunFigures {
  return {
    seed: row.seed,
    outcome: row.outcome,
    bottleneck: row.bottleneck,
    ...(Object.fromEntries(METRICS.map((m) => [m, row[m]])) as Record<Metric, number>),
  };
}
