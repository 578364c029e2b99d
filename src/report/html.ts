// The reports as one self-contained HTML page with inline SVG charts: no scripts, no network.

import type { Reports } from '../collect/index.ts';
import { n } from './format.ts';
import { allMarkdown } from './markdown.ts';
import { esc, figure } from './svg.ts';

/** A horizontal bar chart of labelled values. */
function bars(
  title: string,
  rows: ReadonlyArray<readonly [string, number]>,
  unit: string,
  max?: number,
): string {
  const top = max ?? Math.max(1e-9, ...rows.map(([, v]) => v));
  const h = 18;
  const width = 640;
  const label = 190;
  const body = rows
    .map(([name, v], i) => {
      const w = Math.max(0, ((width - label - 80) * v) / top);
      return `<text x="${label - 6}" y="${i * h + 13}" text-anchor="end">${esc(name)}</text><rect x="${label}" y="${i * h + 3}" width="${w.toFixed(1)}" height="${h - 6}" fill="#4f7cac"/><text x="${label + w + 4}" y="${i * h + 13}">${n(v)}${unit}</text>`;
    })
    .join('');
  return figure(title, width, rows.length * h + 6, body);
}

/** Markdown's inline marks: **strong** and `code`, in text escaped for HTML. */
function inline(text: string): string {
  const escaped = esc(text);
  // Most cells are plain numbers and names: no mark to look for.
  if (!escaped.includes('*') && !escaped.includes('`')) return escaped;
  return escaped
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/`(.+?)`/g, '<code>$1</code>');
}

/** Markdown tables and paragraphs to HTML: just what the report Markdown uses. */
export function markdownToHtml(md: string): string {
  const out: string[] = [];
  const lines = md.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.startsWith('|')) {
      const rows: string[][] = [];
      while (i < lines.length && (lines[i] as string).startsWith('|')) {
        rows.push(
          (lines[i] as string)
            .slice(1, -1)
            .split(' | ')
            .map((c) => c.trim()),
        );
        i++;
      }
      i--;
      const [head, , ...body] = rows;
      out.push(
        `<table><thead><tr>${(head ?? []).map((c) => `<th>${inline(c)}</th>`).join('')}</tr></thead><tbody>${body.map((r) => `<tr>${r.map((c) => `<td>${inline(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`,
      );
    } else if (line.startsWith('## ')) out.push(`<h3>${inline(line.slice(3))}</h3>`);
    else if (line.startsWith('# ')) out.push(`<h2>${inline(line.slice(2))}</h2>`);
    else if (line.startsWith('- ')) out.push(`<li>${inline(line.slice(2))}</li>`);
    else if (line.trim() !== '') out.push(`<p>${inline(line)}</p>`);
  }
  return out.join('\n');
}

/**
 * The reports as one self-contained HTML page with inline SVG charts: no scripts, no network.
 * `md` is `allMarkdown(r)`, for a caller that has it already.
 */
export function htmlReport(r: Reports, md: Record<string, string> = allMarkdown(r)): string {
  const s = r.summary;
  const charts = [
    bars(
      'Utilisation by person',
      r.bottleneck.queues.map((q) => [q.person, q.utilization * 100] as const),
      ' %',
      100,
    ),
    bars(
      'Hours work waited on each desk',
      r.bottleneck.queues
        .filter((q) => q.waitHours > 0)
        .map((q) => [q.person, q.waitHours] as const),
      ' h',
    ),
    bars(
      'Total task-hours in each state',
      Object.entries(r.bottleneck.stateHours).map(([k, v]) => [k, v.totalHours] as const),
      ' h',
    ),
  ].join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>orgsim · ${esc(s.scenario)} · seed ${s.seed}</title>
<style>body{font:14px/1.45 system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}table{border-collapse:collapse;margin:.6em 0}th,td{border:1px solid #ccc;padding:2px 8px;text-align:left}th{background:#f3f5f8}figure{margin:1em 0}figcaption{font-weight:600}code{background:#f3f3f3}h2{border-bottom:2px solid #4f7cac;padding-bottom:.2em;margin-top:2em}</style>
</head><body>
<h1>orgsim · ${esc(s.scenario)} · seed ${s.seed} · ${esc(s.strategy)}</h1>
<p><strong>Bottleneck:</strong> ${esc(s.bottleneck.where)} — ${esc(s.bottleneck.evidence)}</p>
${charts}
${markdownToHtml(md['summary.md'] ?? '')}
${markdownToHtml(md['bottleneck.md'] ?? '')}
${markdownToHtml(md['capacity.md'] ?? '')}
${markdownToHtml(md['cost.md'] ?? '')}
${markdownToHtml(md['standup.md'] ?? '')}
</body></html>
`;
}
