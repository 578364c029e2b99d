// The run report in a real browser (Debian's Chromium, driven by playwright-core): the page loads
// with no error, each chart draws as many marks as the log has things to show, the timeline
// follows the reader's choices, and a screenshot is left under reports/screenshots/.

import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportsOf } from '../../src/collect/index.ts';
import type { LogRecord } from '../../src/log/event-log.ts';
import { runSimulation } from '../../src/org/run.ts';
import { htmlReport } from '../../src/report/html.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { scratch } from '../log/hand-log.ts';
import { findChromium, openPage } from './chromium.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const SHOTS = join(ROOT, 'reports', 'screenshots');
const chromiumPath = findChromium();

const { config } = loadScenario('tier4');
const { log } = runSimulation(config, 'tier4');
const records = log.records;
const reports = reportsOf(log);
const file = scratch('orgsim-browser-').write('report.html', htmlReport(reports));

type Person = Extract<LogRecord, { type: 'run.start' }>['people'][number];
const people = (records[0] as Extract<LogRecord, { type: 'run.start' }>).people;
const groupOf = (p: Person) => `${p.team} · ${p.domain ?? 'leads'}`;

/** How many elements each mark of `chart` drew, by the mark's class. */
async function marks(page: Page, chart: string): Promise<Record<string, number>> {
  return page.$$eval(`figure[data-chart="${chart}"] svg g[class^="mark-"]`, (groups) =>
    Object.fromEntries(groups.map((g) => [g.getAttribute('class'), g.children.length])),
  );
}

describe.skipIf(chromiumPath === null)('report.html in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[] = [];

  beforeAll(async () => {
    ({ browser, page, errors } = await openPage(chromiumPath as string, file, {
      width: 1200,
      height: 900,
    }));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('loads with no error and draws every chart', async () => {
    expect(errors).toEqual([]);
    const drawn = await page.$$eval('figure[data-chart]', (figures) =>
      figures.map((f) => [f.getAttribute('data-chart'), f.querySelectorAll('svg').length > 0]),
    );
    expect(drawn).toHaveLength(10);
    for (const [name, has] of drawn) expect(has, `${name} has no chart`).toBe(true);
  });

  it('draws a dot per completed task and per escalation event, a bar per day', async () => {
    const done = records.filter((r) => r.type === 'task.transition' && r.to === 'COMPLETED');
    const escalations = records.filter((r) =>
      [
        'escalation.opened',
        'escalation.climbed',
        'escalation.decided',
        'escalation.resolved',
      ].includes(r.type),
    );
    const days = Math.ceil((records.at(-1) as LogRecord).t / 24);
    const domains = new Set(people.filter((p) => p.role === 'IC').map((p) => p.domain)).size;
    expect(await marks(page, 'lead-times')).toEqual({
      'mark-tasks': done.length,
      'mark-percentiles': 3,
    });
    expect(await marks(page, 'escalations')).toEqual({ 'mark-escalations': escalations.length });
    expect(await marks(page, 'throughput')).toEqual({ 'mark-days': days });
    // Every IC in tier4 works around the clock: no day × domain cell is empty.
    expect(await marks(page, 'utilisation')).toEqual({ 'mark-days': days * domains });
    expect(await marks(page, 'backlog-heat')).toEqual({ 'mark-days': days * domains });
  });

  it('stacks one band per state a task was seen in, and draws a line per domain', async () => {
    const bands = reports.overTime.flow.states.filter((s) => s.values.some((v) => v > 0));
    expect(await marks(page, 'cfd')).toEqual({ 'mark-states': bands.length });
    const ics = new Set(people.filter((p) => p.role === 'IC').map((p) => p.domain));
    expect(await marks(page, 'backlog')).toEqual({ 'mark-domains': ics.size });
    expect(await marks(page, 'wip')).toEqual({ 'mark-domains': ics.size });
  });

  it('shows the work of the group chosen, and outlines the critical path chosen on it', async () => {
    for (const group of ['team-1 · backend', 'team-1 · leads']) {
      await page.selectOption('#timeline-group', group);
      await page.selectOption('#timeline-path', 'I1');
      const members = new Set(people.filter((p) => groupOf(p) === group).map((p) => p.id));
      const work = records.filter((r) => r.type === 'work' && members.has(r.person));
      const path = reports.bottleneck.criticalPaths.find((c) => c.instruction === 'I1');
      const onDesks = (path?.segments ?? []).filter(
        (s) => members.has(s.resource) && s.to > s.from,
      );
      const drawn = await marks(page, 'timeline');
      expect(drawn['mark-work']).toBe(work.length);
      expect(drawn['mark-critical-path'] ?? 0).toBe(onDesks.length);
      const rows = await page.$$eval(
        'figure[data-chart="timeline"] svg g[aria-label="y-axis tick label"] text',
        (labels) => labels.map((l) => l.textContent),
      );
      expect(rows.sort()).toEqual([...members].sort());
    }
    expect(errors).toEqual([]);
  });

  it('leaves a screenshot of the page under reports/screenshots/', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const shot = join(SHOTS, 'report.png');
    await page.selectOption('#timeline-group', 'team-1 · backend');
    writeFileSync(shot, await page.screenshot({ fullPage: true }));
    // The README's picture: the charts, taken when asked (ORGSIM_UPDATE_SCREENSHOTS=1).
    const top = join(SHOTS, 'report-charts.png');
    writeFileSync(
      top,
      await page.screenshot({ fullPage: true, clip: { x: 0, y: 0, width: 1200, height: 2700 } }),
    );
    if (process.env.ORGSIM_UPDATE_SCREENSHOTS === '1')
      copyFileSync(top, join(ROOT, 'docs', 'images', 'report.png'));
  });
});

describe.skipIf(chromiumPath === null)('report.html of a fleet in pools, in Chromium', () => {
  const fleet = runSimulation(loadScenario('agent-fleet-100').config, 'agent-fleet-100').log;
  const fleetReports = reportsOf(fleet);
  const fleetFile = scratch('orgsim-browser-pools-').write('report.html', htmlReport(fleetReports));
  let browser: Browser;
  let page: Page;
  let errors: string[] = [];

  beforeAll(async () => {
    ({ browser, page, errors } = await openPage(chromiumPath as string, fleetFile, {
      width: 1200,
      height: 900,
    }));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('loads with no error and draws a line of active agents per pool', async () => {
    expect(errors).toEqual([]);
    const start = fleet.records[0] as Extract<LogRecord, { type: 'run.start' }>;
    const pools = start.pools ?? [];
    expect(pools.length).toBe(7);
    expect(await marks(page, 'pools')).toEqual({ 'mark-pools': pools.length });
  });
});
