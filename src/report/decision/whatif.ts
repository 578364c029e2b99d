// The what-if as a report: the answer in one line, then every single change ranked by the paired
// change in makespan, with its cost.

import type { Whatif } from '../../decide/whatif.ts';
import type { Block } from './document.ts';
import { num, signed } from './figures.ts';
import { partialNote, seedsOf } from './forecast.ts';

export function whatifBlocks(w: Whatif): Block[] {
  const base = w.comparison.variants[0]?.metrics.makespanHours;
  return [
    {
      heading: `What if: ${w.scenario}${w.partial ? ' (partial)' : ''}`,
      level: 1,
      lines: [
        ...partialNote(w.partial),
        `**${w.answer}**`,
        `Each change was run on ${seedsOf(w.seedBase, w.runs)}, the same as the base (common random numbers), so each Δ is paired run by run, with its 95 % CI. Base makespan: ${base ? `${num(base.mean)} h ± ${num(base.ci95 ?? Number.NaN)}` : '—'}.${w.budgetPerChange === null ? '' : ` Changes adding more than $${num(w.budgetPerChange, 0)} to the mean cost are not recommended.`}`,
      ],
      table: {
        head: [
          'change',
          'Δ makespan h (95 % CI)',
          'Δ cost $ (95 % CI)',
          'h saved per $1,000',
          'verdict',
        ],
        rows: w.changes.map((c) => [
          c.label,
          signed(c.makespanHours.mean, c.makespanHours.ci95),
          signed(c.costUsd.mean, c.costUsd.ci95, 0),
          c.hoursPer1000Usd === null ? '—' : num(c.hoursPer1000Usd),
          c.shortens
            ? c.withinBudget
              ? 'shortens'
              : 'shortens, over budget'
            : c.makespanHours.ci95 !== null && c.makespanHours.mean - c.makespanHours.ci95 > 0
              ? 'lengthens'
              : 'no detectable change',
        ]),
      },
    },
  ];
}
