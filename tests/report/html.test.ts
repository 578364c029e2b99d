// The HTML report's page: long tables and long lists of sections cut with a note saying where the
// whole is, every chart's place, the run's data embedded for them, the long reports folded away.

import { describe, expect, it } from 'vitest';
import { reportsOf } from '../../src/collect/index.ts';
import { runSimulation } from '../../src/org/run.ts';
import { htmlReport, markdownToHtml, PAGE_ROWS, PAGE_SECTIONS } from '../../src/report/html.ts';
import { loadScenario } from '../../src/scenario/load.ts';

const count = (text: string, part: string) => text.split(part).length - 1;

describe('markdownToHtml', () => {
  it('shows the first 200 rows of a longer table and says how many more are in the file', () => {
    const rows = Array.from({ length: 205 }, (_, i) => `| r${i} | ${i} |`);
    const html = markdownToHtml(['| name | n |', '|---|---|', ...rows].join('\n'), 'x.md');
    expect(PAGE_ROWS).toBe(200);
    expect(count(html, '<tr>')).toBe(1 + 200 + 1);
    expect(html).toContain('<td>r199</td>');
    expect(html).not.toContain('<td>r200</td>');
    expect(html).toContain('<td colspan="2">… and 5 more rows: the whole table is in x.md</td>');
  });

  it('shows a table of 200 rows whole', () => {
    const rows = Array.from({ length: 200 }, (_, i) => `| r${i} |`);
    const html = markdownToHtml(['| name |', '|---|', ...rows].join('\n'));
    expect(count(html, '<tr>')).toBe(201);
    expect(html).not.toContain('more rows');
  });

  it('shows 50 sections under a heading, says how many more, and starts again at the next', () => {
    const sections = (n: number, tag: string) =>
      Array.from({ length: n }, (_, i) => `### ${tag}${i}\n\ntext of ${tag}${i}\n`);
    const md = ['## One', ...sections(53, 'a'), '## Two', ...sections(3, 'b')].join('\n');
    const html = markdownToHtml(md, 'y.md');
    expect(PAGE_SECTIONS).toBe(50);
    expect(count(html, '<h4>a')).toBe(50);
    expect(html).not.toContain('text of a50');
    expect(html).toContain('<p>… and 3 more: all of them are in y.md</p>');
    expect(count(html, '<h4>b')).toBe(3);
    expect(html).toContain('<h3>Two</h3>');
  });
});

describe('htmlReport', () => {
  const { config } = loadScenario('tier2');
  const reports = reportsOf(runSimulation(config, 'tier2').log);
  const html = htmlReport(reports);

  it('has a place for every chart, and the timeline’s choices', () => {
    const charts = [...html.matchAll(/<figure data-chart="([^"]+)">/g)].map((m) => m[1]);
    expect(charts).toEqual([
      'cfd',
      'backlog',
      'wip',
      'throughput',
      'lead-times',
      'utilisation',
      'backlog-heat',
      'budget',
      'escalations',
      'timeline',
    ]);
    expect(html).toContain('<select id="timeline-group">');
    expect(html).toContain('<select id="timeline-path">');
  });

  it('embeds the run over time as JSON the page can read back', () => {
    const match = html.match(/<script type="application\/json" id="over-time">(.*?)<\/script>/s);
    expect(JSON.parse(match?.[1] ?? 'null')).toEqual(reports.overTime);
  });

  it('folds the long reports away and leaves the summary and the bottleneck open', () => {
    expect(
      [...html.matchAll(/<details( open)?><summary>([^<]+)<\/summary>/g)].map((m) => [
        m[2],
        m[1] === ' open',
      ]),
    ).toEqual([
      ['Summary', true],
      ['Bottleneck', true],
      ['Capacity and forecasts', false],
      ['Cost', false],
      ['Standups', false],
    ]);
  });

  it('inlines the chart libraries and needs nothing from the network', () => {
    expect(html).toContain('// https://d3js.org v7');
    expect(html).toContain('// @observablehq/plot v0.6');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href="http/);
  });
});
