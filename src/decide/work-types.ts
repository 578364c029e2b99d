// Per work type, over every run of a forecast or a comparison's variant: how many instructions of
// the type were done, and the spread of their lead times and of their cost. Each instruction done
// is one sample, pooled over the runs: "what does a feature cost, P85?" is about features, not
// about the mean feature of a run.

import type { BatchRow } from '../batch/row.ts';
import type { Distribution } from '../collect/stats.ts';
import { round4, summarize } from './summarize.ts';

export interface WorkTypeFigures {
  readonly workType: string;
  /** Instructions of the type done, over all runs, and per run on average. */
  readonly done: number;
  readonly donePerRun: number;
  /** Each one's lead time (arrival to completion) and the cost of the work that served it. */
  readonly leadTimeHours: Distribution;
  readonly costUsd: Distribution;
}

/** A pooled sample as the collectors give one, to the decision reports' 4 decimals. */
function pooled(values: readonly number[]): Distribution {
  const { n, mean, p50, p85, p95, max } = summarize(values);
  return { n, mean, p50, p85, p95, max };
}

/** The work types of the runs' instructions done, in the order they first appear. */
export function workTypesOf(rows: readonly BatchRow[]): WorkTypeFigures[] {
  const by = new Map<string, { lead: number[]; cost: number[] }>();
  for (const row of rows)
    for (const i of row.typed) {
      const own = by.get(i.workType) ?? { lead: [], cost: [] };
      if (own.lead.length === 0) by.set(i.workType, own);
      own.lead.push(i.leadTimeHours);
      own.cost.push(i.costUsd);
    }
  return [...by].map(([workType, { lead, cost }]) => ({
    workType,
    done: lead.length,
    donePerRun: rows.length === 0 ? 0 : round4(lead.length / rows.length),
    leadTimeHours: pooled(lead),
    costUsd: pooled(cost),
  }));
}
