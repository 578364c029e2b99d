/// <reference lib="dom" />
// The command center's behaviour in the reader's browser: a slider (or the play button) picks a
// moment of the run, and every panel shows the org at that moment from the data embedded in the
// page. `runCommandCenter` is written into the page as source text, so it must stand alone: no
// imports, no names from this module, only its argument and the DOM.

import type { OverTime } from '../../collect/over-time/index.ts';
import type { Replay } from '../../collect/replay/index.ts';

/** What the page embeds: of the run over time, its frames, its timeline and its budget alerts; the replay. */
export interface CommandCenterData {
  readonly overTime: Pick<OverTime, 'times' | 'tasks'> & {
    readonly schedule: Pick<OverTime['schedule'], 'people' | 'kinds' | 'slices'>;
    readonly budget: Pick<OverTime['budget'], 'alerts'>;
  };
  readonly replay: Replay;
}

/** Wires the page's controls and panels to the data, and shows the first moment. */
export function runCommandCenter(data: CommandCenterData): void {
  const o = data.overTime;
  const r = data.replay;
  const s = o.schedule;
  const NAMES: Record<string, string> = {
    w: 'working',
    i: 'idle',
    t: 'throttled',
    b: 'blocked',
    a: 'away',
  };
  const $ = (id: string) => document.getElementById(id) as HTMLElement;
  const slider = $('moment') as HTMLInputElement;
  const play = $('play') as HTMLButtonElement;
  slider.max = String(o.times.length - 1);
  let selected: number | null = null;
  let timer: number | null = null;

  // The fleet: a tile per person, grouped by team and domain.
  const tiles: HTMLElement[] = [];
  const groups = new Map<string, number[]>();
  s.people.forEach((p, i) => {
    const key = `${p.team} · ${p.domain ?? 'leads'}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  for (const [key, members] of groups) {
    const row = document.createElement('div');
    row.className = 'group';
    const label = document.createElement('span');
    label.className = 'group-name';
    label.textContent = key;
    row.append(label);
    for (const i of members) {
      const tile = document.createElement('button');
      tile.className = 'agent';
      tile.dataset.person = String(i);
      tile.title = s.people[i]?.id ?? '';
      tile.addEventListener('click', () => {
        selected = i;
        show();
      });
      tiles[i] = tile;
      row.append(tile);
    }
    $('agents').append(row);
  }

  const hhmm = (t: number) => {
    const h = ((t % 24) + 24) % 24;
    const m = Math.round((h % 1) * 60);
    return `${String(Math.floor(h)).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
  };
  const usd = (v: number) =>
    `$${v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  const list = (id: string, lines: string[], empty: string) => {
    const ul = $(id);
    ul.replaceChildren(
      ...(lines.length === 0 ? [empty] : lines).map((line) => {
        const li = document.createElement('li');
        li.textContent = line;
        return li;
      }),
    );
  };

  function show(): void {
    const k = Number(slider.value);
    const t = o.times[k] ?? 0;
    const clock = $('clock');
    clock.dataset.hour = String(t);
    clock.textContent = `day ${Math.floor(t / 24)}, ${hhmm(t)} — hour ${t} of ${o.times[o.times.length - 1]}`;

    const counts: Record<string, number> = { w: 0, i: 0, t: 0, b: 0, a: 0 };
    r.status.forEach((row, i) => {
      const status = row[k] ?? 'i';
      counts[status] = (counts[status] ?? 0) + 1;
      const tile = tiles[i];
      if (tile !== undefined) {
        tile.dataset.status = NAMES[status] ?? 'idle';
        tile.classList.toggle('selected', i === selected);
      }
    });
    for (const [code, name] of Object.entries(NAMES))
      $(`count-${name}`).textContent = String(counts[code] ?? 0);

    (r.queue[k] ?? []).forEach((n, p) => {
      $(`queue-p${p}`).textContent = String(n);
    });

    const today = r.spentToday[k] ?? 0;
    $('cost-today').textContent = usd(today);
    const budget = r.dailyBudgetUsd;
    $('cost-budget').textContent = budget === null ? 'no daily budget' : `of ${usd(budget)} a day`;
    ($('cost-bar') as HTMLElement).style.width =
      budget === null ? '0' : `${Math.min(100, (100 * today) / budget).toFixed(1)}%`;

    const blocked = r.blocked
      .filter((b) => b.from + r.blockedAlertHours <= t && t < b.to)
      .map((b) => `${b.task} blocked for ${(t - b.from).toFixed(1)} h (${b.holder})`);
    const breaches = r.breaches
      .filter((b) => b.t <= t && b.t > t - 24)
      .map((b) => `SLA breach ${hhmm(b.t)}: ${b.task} in ${b.state}`);
    const budgetAlerts = o.budget.alerts
      .filter((a) => a.t <= t && a.t > t - 24)
      .map((a) => `budget (${a.scope}) ${Math.round(a.threshold * 100)} % spent at ${hhmm(a.t)}`);
    $('alert-count').textContent = String(blocked.length + breaches.length + budgetAlerts.length);
    list('alerts', [...blocked, ...breaches.reverse(), ...budgetAlerts.reverse()], 'no alerts');

    const feed: string[] = [];
    for (let i = r.feed.t.length - 1; i >= 0 && feed.length < 30; i--) {
      const when = r.feed.t[i] ?? 0;
      if (when <= t && when > t - 24) feed.push(`${hhmm(when)} ${r.feed.text[i]}`);
    }
    list('feed', feed, 'nothing in the last 24 hours');

    const panel = $('agent');
    if (selected === null) {
      panel.textContent = 'Click a tile to see that person at this moment.';
      return;
    }
    const p = s.people[selected];
    const mine: number[] = [];
    s.slices.person.forEach((who, i) => {
      if (who === selected) mine.push(i);
    });
    const at = (i: number) => ({
      kind: s.kinds[s.slices.kind[i] ?? 0],
      task: o.tasks[s.slices.task[i] ?? -1] ?? '',
      start: s.slices.start[i] ?? 0,
      end: s.slices.end[i] ?? 0,
      queued: s.slices.queued[i] ?? 0,
    });
    const now = mine.map(at).find((w) => w.start <= t && t < w.end);
    const done = mine.map(at).filter((w) => w.end <= t);
    const dayStart = Math.floor(t / 24) * 24;
    const worked = mine
      .map(at)
      .reduce((h, w) => h + Math.max(0, Math.min(t, w.end) - Math.max(dayStart, w.start)), 0);
    const waiting = mine.map(at).filter((w) => w.queued <= t && t < w.start).length;
    panel.replaceChildren();
    const line = (text: string, id?: string) => {
      const el = document.createElement('p');
      el.textContent = text;
      if (id !== undefined) el.id = id;
      panel.append(el);
    };
    line(`${p?.id} · ${p?.role} · ${p?.team}${p?.domain ? ` · ${p.domain}` : ''}`, 'agent-name');
    line(
      `Now: ${NAMES[r.status[selected]?.[k] ?? 'i']}${now ? `, ${now.kind} ${now.task}`.trimEnd() : ''}`,
      'agent-now',
    );
    line(
      `Today: ${worked.toFixed(1)} h of work since midnight; ${waiting} waiting on the desk`,
      'agent-load',
    );
    line(`Done so far: ${done.length} pieces of work. The last ones:`);
    const ul = document.createElement('ul');
    ul.id = 'agent-history';
    for (const w of done.slice(-10).reverse()) {
      const li = document.createElement('li');
      li.textContent = `${hhmm(w.start)}–${hhmm(w.end)} (day ${Math.floor(w.start / 24)}) ${w.kind} ${w.task}`;
      ul.append(li);
    }
    panel.append(ul);
  }

  slider.addEventListener('input', show);
  play.addEventListener('click', () => {
    if (timer !== null) {
      clearInterval(timer);
      timer = null;
      play.textContent = 'Play';
      return;
    }
    play.textContent = 'Pause';
    timer = window.setInterval(() => {
      if (Number(slider.value) >= Number(slider.max)) {
        play.click();
        return;
      }
      slider.value = String(Number(slider.value) + 1);
      show();
    }, 150);
  });
  show();
}
