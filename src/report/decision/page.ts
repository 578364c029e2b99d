// A decision report as one self-contained HTML page: its charts (inline SVG), then the same
// blocks the Markdown report has. No scripts, no network.

import type { Comparison } from '../../decide/compare.ts';
import type { Forecast } from '../../decide/forecast.ts';
import { comparisonChart } from '../comparison-chart.ts';
import { distributionChart } from '../distribution-chart.ts';
import { markdownToHtml } from '../html.ts';
import { esc } from '../svg.ts';
import { type Block, markdownOf } from './document.ts';
import { scaleOf, unitOf, withUnit } from './figures.ts';

const STYLE =
  'body{font:14px/1.45 system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}table{border-collapse:collapse;margin:.6em 0}th,td{border:1px solid #ccc;padding:2px 8px;text-align:left}th{background:#f3f5f8}figure{margin:1em 0}figcaption{font-weight:600}code{background:#f3f3f3}h2{border-bottom:2px solid #4f7cac;padding-bottom:.2em;margin-top:2em}';

export function page(title: string, charts: readonly string[], blocks: readonly Block[]): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>orgsim · ${esc(title)}</title>
<style>${STYLE}</style>
</head><body>
${markdownToHtml(markdownOf(blocks.slice(0, 1)))}
${charts.join('\n')}
${markdownToHtml(markdownOf(blocks.slice(1)))}
</body></html>
`;
}

/** The makespan's distribution over the runs, with P50, P85, P95 and the deadline marked. */
export function forecastCharts(f: Forecast): string[] {
  const m = f.metrics.makespanHours;
  // The chart writes each mark's value after its label.
  const marks = [
    { label: 'P50', value: m.p50 },
    { label: 'P85', value: m.p85 },
    { label: 'P95', value: m.p95 },
    ...(f.deadlineHours === null ? [] : [{ label: 'deadline', value: f.deadlineHours }]),
  ];
  return [
    distributionChart(
      `Makespan over ${f.runs} runs: histogram and cumulative share`,
      f.rows.map((r) => r.makespanHours),
      marks,
      'h',
    ),
    distributionChart(
      `Cost over ${f.runs} runs`,
      f.rows.map((r) => r.costUsd),
      [
        { label: 'P50', value: f.metrics.costUsd.p50 },
        { label: 'P85', value: f.metrics.costUsd.p85 },
        { label: 'P95', value: f.metrics.costUsd.p95 },
      ],
      '$',
    ),
  ];
}

/** Per figure, the variants side by side: mean with CI, P50–P95, min–max, the best marked. */
export function compareCharts(c: Comparison): string[] {
  const best = new Set(c.ranking.best);
  const shown = [c.ranking.by, ...(c.ranking.by === 'costUsd' ? [] : ['costUsd' as const])];
  return shown.map((m) => {
    // In the unit the tables use: tokens in millions.
    const k = scaleOf(m);
    return comparisonChart(
      `${withUnit(m)} by variant${m === c.ranking.by ? ' (★ cannot be told from the best)' : ''}`,
      c.variants.map((v) => {
        const s = v.metrics[m];
        return {
          label: v.label,
          mean: s.mean / k,
          ci95: s.ci95 === null ? Number.NaN : s.ci95 / k,
          p50: s.p50 / k,
          p85: s.p85 / k,
          p95: s.p95 / k,
          min: s.min / k,
          max: s.max / k,
          best: m === c.ranking.by && best.has(v.label),
        };
      }),
      unitOf(m),
    );
  });
}
