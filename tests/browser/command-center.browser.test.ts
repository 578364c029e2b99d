// The command center in a real browser: the slider moves it to three moments of p0-incident's run
// (with a daily budget that only alerts) — the first with someone blocked, the first with P0 work
// waiting, and one late in the run — and at each the fleet, the backlog by priority, the day's
// spend and the selected agent's work are what the event log says, worked out here from the log's
// records alone.

import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportsOf } from '../../src/collect/index.ts';
import { type Calendar, isWorking, workingHoursBetween } from '../../src/domain/calendar.ts';
import type { LogRecord } from '../../src/log/event-log.ts';
import { runSimulation } from '../../src/org/run.ts';
import { commandCenterPage } from '../../src/report/command-center/page.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { scratch } from '../log/hand-log.ts';
import { findChromium, openPage } from './chromium.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const chromiumPath = findChromium();

const DAILY_BUDGET = 30;
const loaded = loadScenario('p0-incident');
const config = {
  ...loaded.config,
  cost: { ...loaded.config.cost, dailyBudgetUsd: DAILY_BUDGET, policy: 'alert' as const },
};
const { log } = runSimulation(config, 'p0-incident');
const records = log.records;
const file = scratch('orgsim-command-center-').write(
  'command-center.html',
  commandCenterPage(reportsOf(log)),
);

type Of<T extends LogRecord['type']> = Extract<LogRecord, { type: T }>;
const start = records[0] as Of<'run.start'>;
const all = <T extends LogRecord['type']>(type: T) =>
  records.filter((r): r is Of<T> => r.type === type);

/** The calendar `person` worked on at `t`: their own, or an overtime's hours a day. */
function calendarAt(person: Of<'run.start'>['people'][number], t: number): Calendar {
  let calendar = person.calendar;
  for (const o of all('overtime'))
    if (o.person === person.id && o.t <= t)
      calendar =
        o.phase === 'start' ? { ...person.calendar, hoursPerDay: o.hoursPerDay } : person.calendar;
  return calendar;
}

/** Each task's state and holder at `t`, replayed from the transitions. */
function tasksAt(t: number) {
  const state = new Map<string, string>();
  const holder = new Map<string, string>();
  for (const r of all('task.transition')) {
    if (r.t > t) break;
    state.set(r.task, r.to);
    if (r.assignee !== undefined) holder.set(r.task, r.assignee);
  }
  return { state, holder };
}

/** What the command center must show at hour `t`, from the log alone. */
function expectedAt(t: number) {
  const { state, holder } = tasksAt(t);
  const away = (id: string) => {
    let out = false;
    for (const o of all('outage')) if (o.person === id && o.t <= t) out = o.phase === 'start';
    return out;
  };
  const working = new Set(
    all('work')
      .filter((w) => w.startedAt <= t && t < w.t)
      .map((w) => w.person),
  );
  const blocked = new Set(
    [...state].filter(([, s]) => s === 'BLOCKED').map(([task]) => holder.get(task)),
  );
  const counts = { working: 0, idle: 0, blocked: 0, away: 0 };
  for (const p of start.people) {
    const hired = all('hire').find((h) => h.person === p.id)?.t ?? Number.NEGATIVE_INFINITY;
    if (away(p.id) || t < hired || !isWorking(t, calendarAt(p, t))) counts.away++;
    else if (working.has(p.id)) counts.working++;
    else if (blocked.has(p.id)) counts.blocked++;
    else counts.idle++;
  }
  const priority = new Map(
    all('plan.tactical').flatMap((p) => p.tasks.map((x) => [x.id, x.priority])),
  );
  const released = new Set(
    all('task.ready')
      .filter((r) => r.t <= t)
      .map((r) => r.task),
  );
  const queue = [0, 0, 0, 0];
  for (const [task, s] of state) {
    const p = Math.min(3, priority.get(task) ?? 2);
    if (released.has(task) && (s === 'PENDING' || s === 'IN_PLANNING'))
      queue[p] = (queue[p] ?? 0) + 1;
  }
  const midnight = Math.floor(t / 24) * 24;
  let spent = 0;
  for (const w of all('work')) {
    const person = start.people.find((p) => p.id === w.person);
    if (person === undefined || w.costUsd === 0 || w.t <= midnight || w.startedAt >= t) continue;
    const calendar = calendarAt(person, w.startedAt);
    const within = workingHoursBetween(Math.max(w.startedAt, midnight), Math.min(w.t, t), calendar);
    spent += w.hours === 0 ? (w.t <= t ? w.costUsd : 0) : (w.costUsd * within) / w.hours;
  }
  return { counts, queue, spent };
}

async function moveTo(page: Page, frame: number): Promise<number> {
  await page.$eval(
    '#moment',
    (el, value) => {
      (el as HTMLInputElement).value = String(value);
      el.dispatchEvent(new Event('input'));
    },
    frame,
  );
  return Number(await page.getAttribute('#clock', 'data-hour'));
}

describe.skipIf(chromiumPath === null)('command-center.html in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[] = [];

  beforeAll(async () => {
    ({ browser, page, errors } = await openPage(chromiumPath as string, file, {
      width: 1300,
      height: 1000,
    }));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('loads with no error, a tile per person', async () => {
    expect(errors).toEqual([]);
    // The daily budget is small enough to alert: the alerts panel has something to show.
    expect(all('budget.alert').length).toBeGreaterThan(3);
    expect(await page.$$eval('.agent', (tiles) => tiles.length)).toBe(start.people.length);
  });

  const frames = async () => Number(await page.getAttribute('#moment', 'max')) + 1;

  /** The first frame at which `holds` is true of what the log says, and the log's hour of it. */
  async function firstFrame(holds: (e: ReturnType<typeof expectedAt>) => boolean) {
    const step = await moveTo(page, 1);
    for (let k = 0; k < (await frames()); k++) if (holds(expectedAt(k * step))) return k;
    throw new Error('no such moment in the run');
  }

  const moments = {
    'the first moment someone is blocked': () => firstFrame((e) => e.counts.blocked > 0),
    'the first moment P0 work waits': () => firstFrame((e) => (e.queue[0] ?? 0) > 0),
    '85 % into the run': async () => Math.round(0.85 * ((await frames()) - 1)),
  };

  for (const [moment, frameOf] of Object.entries(moments))
    it(`shows the org as the log has it at ${moment}`, async () => {
      const t = await moveTo(page, await frameOf());
      const { counts, queue, spent } = expectedAt(t);
      for (const [name, n] of Object.entries(counts))
        expect(await page.textContent(`#count-${name}`), `${name} at hour ${t}`).toBe(String(n));
      for (const [p, n] of queue.entries())
        expect(await page.textContent(`#queue-p${p}`), `P${p} at hour ${t}`).toBe(String(n));
      const shown = Number((await page.textContent('#cost-today'))?.replace(/[$,]/g, ''));
      expect(shown).toBeCloseTo(spent, 1);
      expect(await page.textContent('#cost-budget')).toBe(`of $${DAILY_BUDGET}.00 a day`);
      // The alerts of the last 24 hours, as the breaches.
      const alerts = all('budget.alert').filter((a) => a.t <= t && a.t > t - 24).length;
      const listed = await page.$$eval('#alerts li', (items) => items.map((i) => i.textContent));
      expect(listed.filter((line) => line?.startsWith('budget (day)'))).toHaveLength(alerts);
      const breaches = all('task.slaBreach').filter((b) => b.t <= t && b.t > t - 24).length;
      expect(listed.filter((line) => line?.startsWith('SLA breach'))).toHaveLength(breaches);
      // Blocked for more than 15 minutes by now, held by someone.
      const since = new Map<string, number>();
      for (const r of all('task.transition')) {
        if (r.t > t) break;
        if (r.to === 'BLOCKED') since.set(r.task, r.t);
        else since.delete(r.task);
      }
      const { holder } = tasksAt(t);
      const long = [...since].filter(([task, from]) => from + 0.25 <= t && holder.has(task));
      expect(listed.filter((line) => line?.includes(' blocked for '))).toHaveLength(long.length);
      expect(errors).toEqual([]);
    });

  it('shows a working agent’s current task, and its history so far', async () => {
    const t = await moveTo(page, Math.round(0.5 * ((await frames()) - 1)));
    const now = all('work').find((w) => w.startedAt <= t && t < w.t && w.task !== undefined);
    expect(now).toBeDefined();
    const index = start.people.findIndex((p) => p.id === now?.person);
    await page.click(`.agent[data-person="${index}"]`);
    expect(await page.textContent('#agent-name')).toContain(now?.person);
    expect(await page.textContent('#agent-now')).toBe(`Now: working, ${now?.kind} ${now?.task}`);
    const done = all('work').filter((w) => w.person === now?.person && w.t <= t);
    expect(await page.$$eval('#agent-history li', (items) => items.length)).toBe(
      Math.min(10, done.length),
    );
  });

  it('leaves a screenshot of the page under reports/screenshots/', async () => {
    const shots = join(ROOT, 'reports', 'screenshots');
    mkdirSync(shots, { recursive: true });
    const shot = join(shots, 'command-center.png');
    writeFileSync(shot, await page.screenshot({ fullPage: true }));
    if (process.env.ORGSIM_UPDATE_SCREENSHOTS === '1')
      copyFileSync(shot, join(ROOT, 'docs', 'images', 'command-center.png'));
  });
});
