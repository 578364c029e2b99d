// The forecast as a report: the headline figures with their intervals and percentiles, each
// instruction's finish and chance of meeting the deadline, the bottleneck across runs.

import type { Forecast } from '../../decide/forecast.ts';
import { METRICS } from '../../decide/metrics.ts';
import type { Block } from './document.ts';
import { figuresOf, meanCi, num, share, withUnit } from './figures.ts';
import { workTypeBlocks } from './work-types.ts';

/** Seeds `a–b` of a batch of runs. */
export function seedsOf(seedBase: number, runs: number): string {
  return runs === 1 ? `seed ${seedBase}` : `seeds ${seedBase}–${seedBase + runs - 1}`;
}

export function partialNote(partial: boolean): string[] {
  return partial
    ? [
        '**PARTIAL RESULT: stopped before the end.** The figures cover only the runs that finished; their intervals are wider than a full run would give.',
      ]
    : [];
}

export function forecastBlocks(f: Forecast): Block[] {
  const makespan = f.metrics.makespanHours;
  const deadline = f.deadlineHours;
  const blocks: Block[] = [
    {
      heading: `Forecast: ${f.scenario}${f.partial ? ' (partial)' : ''}`,
      level: 1,
      lines: [
        ...partialNote(f.partial),
        `${f.runsRule}; ${seedsOf(f.seedBase, f.runs)}. One run is one sample: every figure below is over all ${f.runs} runs.`,
        `**Makespan: P50 ${num(makespan.p50)} h, P85 ${num(makespan.p85)} h, P95 ${num(makespan.p95)} h** (mean ${meanCi(makespan.mean, makespan.ci95)} h, 95 % CI).`,
        ...(deadline === null
          ? []
          : [
              `**Chance of finishing everything by hour ${num(deadline)}: ${share(f.allByDeadline)}.**`,
            ]),
        `Outcomes: ${f.outcomes.map((o) => `${o.value} ${o.runs}`).join(', ')}.${f.warmupHours > 0 ? ` The first ${num(f.warmupHours)} h of every run are left out of the lead time, wait, breaches, escalations and peak WIP.` : ''}`,
      ],
      table: {
        head: ['figure', 'mean ± 95 % CI', 'P50', 'P85', 'P95', 'min', 'max'],
        rows: METRICS.map((m) => {
          const s = f.metrics[m];
          const fig = figuresOf(m);
          return [
            withUnit(m),
            fig.meanCi(s.mean, s.ci95),
            fig.num(s.p50),
            fig.num(s.p85),
            fig.num(s.p95),
            fig.num(s.min),
            fig.num(s.max),
          ];
        }),
      },
    },
  ];
  if (f.instructions.length > 0)
    blocks.push({
      heading: 'When each instruction finishes (hour on the run’s clock)',
      table: {
        head: [
          'instruction',
          'finished in',
          'mean ± 95 % CI',
          'P50',
          'P85',
          'P95',
          ...(deadline === null ? [] : [`by hour ${num(deadline)}`]),
        ],
        rows: f.instructions.map((i) => [
          i.id,
          `${i.finishedRuns} of ${f.runs} runs`,
          meanCi(i.finishedAt.mean, i.finishedAt.ci95),
          num(i.finishedAt.p50),
          num(i.finishedAt.p85),
          num(i.finishedAt.p95),
          ...(deadline === null ? [] : [share(i.byDeadline)]),
        ]),
      },
    });
  blocks.push(...workTypeBlocks(f.workTypes));
  blocks.push({
    heading: 'The bottleneck across runs',
    lines: [
      'How often each resource held the largest share of the critical path. One run’s verdict is one draw from this.',
    ],
    table: {
      head: ['resource', 'runs', 'share'],
      rows: f.bottlenecks.map((b) => [b.value, String(b.runs), share(b.share)]),
    },
  });
  blocks.push({
    heading: 'Warm-up',
    lines: [
      `MSER-5 on each run’s task waits in release order suggests leaving out the first ${num(f.suggestedWarmupHours.median)} h (median over runs; at most ${num(f.suggestedWarmupHours.max)} h). This matters for steady-state questions about a stream of arrivals (use \`--warmup\`); a one-off project has no steady state, and its makespan needs none.`,
    ],
  });
  return blocks;
}
