// Per work type, in a forecast or a comparison: how many were done per run, and the spread of
// their lead times and costs, each instruction done one sample.

import type { WorkTypeFigures } from '../../decide/work-types.ts';
import type { Block } from './document.ts';
import { num } from './figures.ts';

const HEAD = [
  'done per run',
  'lead time P50 (h)',
  'P85',
  'P95',
  'cost mean ($)',
  'P50',
  'P85',
  'P95',
];

function cells(w: WorkTypeFigures): string[] {
  const { leadTimeHours: lead, costUsd: cost } = w;
  return [
    num(w.donePerRun, 2),
    num(lead.p50),
    num(lead.p85),
    num(lead.p95),
    num(cost.mean, 2),
    num(cost.p50, 2),
    num(cost.p85, 2),
    num(cost.p95, 2),
  ];
}

const LINE =
  'Every instruction done is one sample, over all runs: P85 is the lead time (or the cost of the work that served it) that 85 % of them came within.';

/** A forecast's work types; none when its instructions have none. */
export function workTypeBlocks(types: readonly WorkTypeFigures[]): Block[] {
  if (types.length === 0) return [];
  return [
    {
      heading: 'Per work type',
      lines: [LINE],
      table: { head: ['work type', ...HEAD], rows: types.map((w) => [w.workType, ...cells(w)]) },
    },
  ];
}

/** A comparison's work types, variant by variant; none when no variant's instructions have any. */
export function variantWorkTypeBlocks(
  variants: ReadonlyArray<{
    readonly label: string;
    readonly workTypes: readonly WorkTypeFigures[];
  }>,
): Block[] {
  if (variants.every((v) => v.workTypes.length === 0)) return [];
  return [
    {
      heading: 'Per work type',
      lines: [LINE],
      table: {
        head: ['variant', 'work type', ...HEAD],
        rows: variants.flatMap((v) => v.workTypes.map((w) => [v.label, w.workType, ...cells(w)])),
      },
    },
  ];
}
