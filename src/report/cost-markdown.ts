// The cost report as Markdown: tokens and USD per role, model, activity kind, work type (when
// instructions have one), instruction and person.

import type { CostFigures, Costs } from '../collect/cost.ts';
import type { Summary } from '../collect/summary.ts';
import { n, table, title } from './format.ts';

function rows(figures: Record<string, CostFigures>): Array<Array<string | number>> {
  return Object.entries(figures).map(([key, f]) => [
    key,
    n(f.hours),
    n(f.tokensIn, 0),
    n(f.tokensCached, 0),
    n(f.tokensOut, 0),
    `$${n(f.usd, 2)}`,
  ]);
}

const SECTIONS = [
  ['role', 'byRole', 'By role'],
  ['model', 'byModel', 'By model'],
  ['activity', 'byKind', 'By kind of activity'],
  ['work type', 'byWorkType', 'By work type'],
  ['instruction', 'byInstruction', 'By instruction'],
  ['person', 'byPerson', 'By person'],
] as const;

export function costMarkdown(s: Summary, c: Costs): string {
  const t = c.total;
  return [
    title(s, 'Cost'),
    '',
    `Total: $${n(t.usd, 2)} for ${n(t.hours)} working hours, ${n(t.tokensIn, 0)} tokens in${t.tokensCached > 0 ? ` (${n(t.tokensCached, 0)} of them read from the cache)` : ''} and ${n(t.tokensOut, 0)} out. Work that served no instruction (standups, capacity reviews) is \`overhead\`.`,
    '',
    ...SECTIONS.flatMap(([what, key, heading]) => {
      const figures = c[key];
      if (figures === undefined) return [];
      return [
        `## ${heading}`,
        '',
        table([what, 'hours', 'tokens in', 'of them cached', 'tokens out', 'USD'], rows(figures)),
        '',
      ];
    }),
  ].join('\n');
}
