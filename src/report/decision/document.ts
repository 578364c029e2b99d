// A decision report as blocks — headings, sentences, tables — rendered the same way to Markdown
// and to the terminal, so the two never say different things.

import Table from 'cli-table3';
import { table } from '../format.ts';

export interface Block {
  readonly heading?: string;
  /** 1: the report's title; 2: a section. */
  readonly level?: 1 | 2;
  readonly lines?: readonly string[];
  readonly table?: {
    readonly head: readonly string[];
    readonly rows: readonly (readonly string[])[];
  };
}

export function markdownOf(blocks: readonly Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.heading) out.push(`${b.level === 1 ? '#' : '##'} ${b.heading}`, '');
    for (const line of b.lines ?? []) out.push(line, '');
    if (b.table) out.push(table(b.table.head, b.table.rows), '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** Plain text with boxed tables; `**bold**` kept as is, `code` unquoted. */
export function terminalOf(blocks: readonly Block[]): string {
  const out: string[] = [];
  const plain = (s: string) => s.replace(/\*\*(.+?)\*\*/g, '$1').replace(/`(.+?)`/g, '$1');
  for (const b of blocks) {
    if (b.heading) out.push(b.level === 1 ? plain(b.heading) : `\n${plain(b.heading)}`);
    for (const line of b.lines ?? []) out.push(plain(line));
    if (b.table) {
      const t = new Table({
        head: b.table.head.map(plain),
        style: { head: [], border: [], compact: true },
      });
      for (const row of b.table.rows) t.push(row.map(plain));
      out.push(t.toString());
    }
  }
  return `${out.join('\n')}\n`;
}
