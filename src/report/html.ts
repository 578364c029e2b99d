// The reports as one self-contained HTML page: charts over time drawn in the browser by the
// libraries inlined into the page, from the run's data embedded in it; the tables below them, the
// long ones folded away. No network.

import type { Reports } from '../collect/index.ts';
import { grouped } from '../text/number.ts';
import { embedded, scriptCalling } from './embed.ts';
import { allMarkdown } from './markdown.ts';
import { drawCharts } from './over-time/draw.ts';
import { chartLibraries } from './over-time/libraries.ts';
import { placeChart } from './over-time/place.ts';
import { drawTimeline } from './over-time/timeline.ts';
import { esc } from './svg.ts';

/** Markdown's inline marks: **strong** and `code`, in text escaped for HTML. */
function inline(text: string): string {
  const escaped = esc(text);
  // Most cells are plain numbers and names: no mark to look for.
  if (!escaped.includes('*') && !escaped.includes('`')) return escaped;
  return escaped
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/`(.+?)`/g, '<code>$1</code>');
}

/** Rows of a table the page shows; the rest are in the report's own files. */
export const PAGE_ROWS = 200;
/** `###` sections under one `##` heading the page shows (one per instruction, per day …). */
export const PAGE_SECTIONS = 50;

/**
 * Markdown tables and paragraphs to HTML: just what the report Markdown uses. A table longer than
 * PAGE_ROWS, or a heading with more than PAGE_SECTIONS sections under it, shows the first of them
 * and says where the whole of it is (`file`).
 */
export function markdownToHtml(md: string, file = 'the Markdown report'): string {
  const out: string[] = [];
  const lines = md.split('\n');
  let sections = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.startsWith('### ') && ++sections > PAGE_SECTIONS) {
      let more = 1;
      while (i + 1 < lines.length && !/^#{1,2} /.test(lines[i + 1] as string))
        if ((lines[++i] as string).startsWith('### ')) more++;
      out.push(`<p>… and ${grouped(more)} more: all of them are in ${esc(file)}</p>`);
    } else if (line.startsWith('|')) {
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
      out.push(table(rows, file));
    } else if (line.startsWith('### ')) out.push(`<h4>${inline(line.slice(4))}</h4>`);
    else if (line.startsWith('## ')) {
      sections = 0;
      out.push(`<h3>${inline(line.slice(3))}</h3>`);
    } else if (line.startsWith('# ')) {
      sections = 0;
      out.push(`<h2>${inline(line.slice(2))}</h2>`);
    } else if (line.startsWith('- ')) out.push(`<li>${inline(line.slice(2))}</li>`);
    else if (line.trim() !== '') out.push(`<p>${inline(line)}</p>`);
  }
  return out.join('\n');
}

/** A Markdown table's rows (the second, the rule, skipped) as HTML, cut at PAGE_ROWS. */
function table(rows: readonly string[][], file: string): string {
  const [head = [], , ...body] = rows;
  const shown = body.slice(0, PAGE_ROWS);
  const more =
    body.length > PAGE_ROWS
      ? `<tr><td colspan="${head.length}">… and ${grouped(body.length - PAGE_ROWS)} more rows: the whole table is in ${esc(file)}</td></tr>`
      : '';
  const cells = (r: readonly string[], tag: string) =>
    r.map((c) => `<${tag}>${inline(c)}</${tag}>`).join('');
  return `<table><thead><tr>${cells(head, 'th')}</tr></thead><tbody>${shown.map((r) => `<tr>${cells(r, 'td')}</tr>`).join('')}${more}</tbody></table>`;
}

/** A chart's place: filled by the page's script; its caption says what it shows. */
const chart = (name: string, caption: string) =>
  `<figure data-chart="${name}"><figcaption>${caption}</figcaption></figure>`;

/** A report's Markdown (`file`) as a section that folds away; `open` for those read first. */
const section = (title: string, md: Record<string, string>, file: string, open: boolean) =>
  `<details${open ? ' open' : ''}><summary>${esc(title)}</summary>\n${markdownToHtml(md[file] ?? '', file)}\n</details>`;

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;margin:.6em 0}th,td{border:1px solid #ccc;padding:2px 8px;text-align:left}th{background:#f3f5f8}
figure{margin:1.2em 0;padding-left:12px}figcaption{font-weight:600;margin-bottom:.3em}code{background:#f3f3f3}
h2{border-bottom:2px solid #4f7cac;padding-bottom:.2em;margin-top:2em}.pair{display:flex;gap:20px}
details{margin:.8em 0}summary{cursor:pointer;font-weight:600;font-size:1.15em}label{margin-right:1em}`;

/**
 * The reports as one self-contained HTML page: the charts over time, then each report's tables.
 * `md` is `allMarkdown(r)`, for a caller that has it already.
 */
export function htmlReport(r: Reports, md: Record<string, string> = allMarkdown(r)): string {
  const s = r.summary;
  const o = r.overTime;
  const every = o.step === 1 ? 'every hour' : `every ${o.step} hours`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>orgsim · ${esc(s.scenario)} · seed ${s.seed}</title>
<style>${STYLE}</style>
</head><body>
<h1>orgsim · ${esc(s.scenario)} · seed ${s.seed} · ${esc(s.strategy)}</h1>
<p><strong>Bottleneck:</strong> ${esc(s.bottleneck.where)} — ${esc(s.bottleneck.evidence)}</p>
<h2>Flow</h2>
${chart('cfd', `Cumulative flow: tasks in each state, sampled ${every}`)}
<div class="pair">${chart('backlog', 'Backlog by domain')}${chart('wip', 'Work in progress by domain')}</div>
${chart('throughput', 'Tasks completed per day')}
${chart('lead-times', 'Lead time of each task (release to completion), with P50, P85 and P95')}
<h2>Load</h2>
${chart('utilisation', 'Utilisation of the ICs, day by domain')}
${chart('backlog-heat', 'Backlog, day by domain')}
${chart('budget', 'Spend against the budget, with its alerts')}
${chart('escalations', 'Escalations by rung')}
${o.pools.length > 0 ? chart('pools', 'Active agents in each pool') : ''}
<h2>Who did what when</h2>
<p><label>Group <select id="timeline-group"></select></label><label>Critical path of <select id="timeline-path"></select></label></p>
${chart('timeline', 'Each person’s work, coloured by kind; away in grey, lent out dashed, the critical path outlined in red')}
<h2>Reports</h2>
${section('Summary', md, 'summary.md', true)}
${section('Bottleneck', md, 'bottleneck.md', true)}
${section('Capacity and forecasts', md, 'capacity.md', false)}
${section('Cost', md, 'cost.md', false)}
${section('Standups', md, 'standup.md', false)}
<script type="application/json" id="over-time">${embedded(o)}</script>
<script>${chartLibraries()}</script>
<script>const placeChart = ${placeChart.toString()};</script>
${scriptCalling(drawCharts, 'over-time', 'Plot', 'placeChart')}
${scriptCalling(drawTimeline, 'over-time', 'Plot', 'placeChart')}
</body></html>
`;
}
