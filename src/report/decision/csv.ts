// Every run of a decision command as CSV, one line per run and variant, for a spreadsheet or a
// notebook: the variant, the seed, how the run ended, its verdict and every figure.

import { stringify } from 'csv-stringify/sync';
import { METRICS, type RunFigures } from '../../decide/metrics.ts';

export function runsCsv(
  variants: ReadonlyArray<{ label: string; rows: readonly RunFigures[] }>,
): string {
  const records = variants.flatMap((v) =>
    v.rows.map((r) => [v.label, r.seed, r.outcome, r.bottleneck, ...METRICS.map((m) => r[m])]),
  );
  return stringify(records, {
    header: true,
    columns: ['variant', 'seed', 'outcome', 'bottleneck', ...METRICS],
  });
}
