// Number formatting, rows and Markdown tables shared by the terminal, Markdown and HTML reports.

import type { Summary } from '../collect/index.ts';
import { grouped } from '../text/number.ts';

/** A figure for people: thousands separated, at most `digits` decimals. */
export const n = (v: number, digits = 1) => grouped(v, digits);

export const pct = (v: number) => `${Math.round(v * 100)} %`;

/**
 * One instruction as a table row: id, tier, priority, received, finished (or refused, denied or
 * failed, and why), lead time.
 */
export function instructionRow(i: Summary['instructions'][number]): Array<string | number> {
  const unfinished =
    i.status === 'refused'
      ? `refused (${i.reason})`
      : i.status === 'denied' || i.status === 'failed'
        ? (i.reason ?? i.status)
        : '—';
  return [
    i.id,
    i.tier,
    i.priority,
    n(i.receivedAt),
    i.finishedAt === null ? unfinished : n(i.finishedAt),
    i.leadTimeHours === null ? '—' : n(i.leadTimeHours),
  ];
}

/** `1 task`, `3 tasks`; `plural` where adding an s will not do. */
export const count = (k: number, noun: string, plural = `${noun}s`) =>
  `${grouped(k)} ${k === 1 ? noun : plural}`;

/** What became of a run's SLA breaches, in one sentence. */
export function breachesText(b: { total: number; escalated: number; onBlockers: number }): string {
  const reported = b.total - b.escalated - b.onBlockers;
  return `${count(b.total, 'breach', 'breaches')}: ${b.escalated} escalated as late tasks to someone who could act, ${b.onBlockers} on blockers already with someone, ${reported} reported only (nobody else could move them)`;
}

/** A Markdown table. */
export function table(
  head: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number>>,
): string {
  const line = (cells: ReadonlyArray<string | number>) =>
    `| ${cells.map((c) => String(c).replaceAll('|', '\\|')).join(' | ')} |`;
  return [line(head), `|${head.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}

/** A Markdown report's heading: what it is, and which run. */
export function title(s: Summary, what: string): string {
  return `# ${what}: ${s.scenario} (seed ${s.seed}, ${s.strategy})`;
}

/** The largest few of a breakdown of hours, as `cause 1.5 h, …`. */
export function topHours(byKey: Readonly<Record<string, number | undefined>>, k = 3): string {
  return Object.entries(byKey)
    .sort((x, y) => (y[1] ?? 0) - (x[1] ?? 0))
    .slice(0, k)
    .map(([key, v]) => `${key} ${n(v ?? 0)} h`)
    .join(', ');
}
