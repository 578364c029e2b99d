// Number formatting and rows shared by the terminal, Markdown and HTML reports.

import type { Summary } from '../collect/index.ts';

/** A figure for people: thousands separated, at most `digits` decimals. */
export const n = (v: number, digits = 1) =>
  v.toLocaleString('en-US', { maximumFractionDigits: digits });

export const pct = (v: number) => `${Math.round(v * 100)} %`;

/** One instruction as a table row: id, tier, priority, received, finished, lead time. */
export function instructionRow(i: Summary['instructions'][number]): Array<string | number> {
  return [
    i.id,
    i.tier,
    i.priority,
    n(i.receivedAt),
    i.finishedAt === null ? '—' : n(i.finishedAt),
    i.leadTimeHours === null ? '—' : n(i.leadTimeHours),
  ];
}

/** `1 task`, `3 tasks`; `plural` where adding an s will not do. */
export const count = (k: number, noun: string, plural = `${noun}s`) =>
  `${k.toLocaleString('en-US')} ${k === 1 ? noun : plural}`;

/** What became of a run's SLA breaches, in one sentence. */
export function breachesText(b: { total: number; escalated: number; onBlockers: number }): string {
  const reported = b.total - b.escalated - b.onBlockers;
  return `${count(b.total, 'breach', 'breaches')}: ${b.escalated} escalated as late tasks to someone who could act, ${b.onBlockers} on blockers already with someone, ${reported} reported only (nobody else could move them)`;
}
