// The comparison as a report: the ranking with the variants that cannot be told from the best,
// then each figure per variant with its paired difference against the first variant.

import type { Comparison } from '../../decide/compare.ts';
import { METRICS } from '../../decide/metrics.ts';
import type { Block } from './document.ts';
import { figuresOf, withUnit } from './figures.ts';
import { partialNote, seedsOf } from './forecast.ts';
import { variantWorkTypeBlocks } from './work-types.ts';

export function compareBlocks(c: Comparison, title = 'Compare'): Block[] {
  const first = c.variants[0]?.label ?? '';
  const by = c.ranking.by;
  const f = figuresOf(by);
  const best = new Set(c.ranking.best);
  const byLabel = new Map(c.variants.map((v) => [v.label, v]));
  const blocks: Block[] = [
    {
      heading: `${title}: ${c.variants.length} variants × ${c.runs} runs${c.partial ? ' (partial)' : ''}`,
      level: 1,
      lines: [
        ...partialNote(c.partial),
        `Every variant ran ${seedsOf(c.seedBase, c.runs)} (common random numbers: the same plans, arrivals and efforts), so differences are paired run by run. Δ is each variant minus **${first}**, with its 95 % CI; a Δ whose interval excludes 0 is a real difference at 95 %.`,
        `★ marks the variants that cannot be told from the best ${withUnit(by)} at 95 % (${c.ranking.method}).`,
      ],
      table: {
        head: [
          'rank',
          'variant',
          `${withUnit(by)} mean ± CI`,
          `Δ vs ${first}`,
          'P50',
          'P85',
          'P95',
          'bottleneck (most runs)',
        ],
        rows: c.ranking.order.map((label, i) => {
          const v = byLabel.get(label);
          if (v === undefined) return [];
          const s = v.metrics[by];
          const diff = v.versusFirst[by];
          return [
            String(i + 1),
            `${best.has(label) ? '★ ' : ''}${label}`,
            f.meanCi(s.mean, s.ci95),
            label === first ? '—' : f.signed(diff.mean, diff.ci95),
            f.num(s.p50),
            f.num(s.p85),
            f.num(s.p95),
            v.bottlenecks[0] ? `${v.bottlenecks[0].value} (${v.bottlenecks[0].runs})` : '—',
          ];
        }),
      },
    },
  ];
  for (const m of METRICS) {
    if (m === by) continue;
    const g = figuresOf(m);
    blocks.push({
      heading: withUnit(m),
      table: {
        head: ['variant', 'mean ± 95 % CI', `Δ vs ${first}`, 'P50', 'P85', 'P95'],
        rows: c.variants.map((v) => [
          v.label,
          g.meanCi(v.metrics[m].mean, v.metrics[m].ci95),
          v.label === first ? '—' : g.signed(v.versusFirst[m].mean, v.versusFirst[m].ci95),
          g.num(v.metrics[m].p50),
          g.num(v.metrics[m].p85),
          g.num(v.metrics[m].p95),
        ]),
      },
    });
  }
  blocks.push(...variantWorkTypeBlocks(c.variants));
  return blocks;
}
