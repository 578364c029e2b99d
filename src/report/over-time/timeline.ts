/// <reference lib="dom" />
// The report's timeline: the work of one group of people at a time (a team's domain, or its
// leads), chosen by the reader, with outages, lending and an instruction's critical path. Written
// into the page as source text, as `drawCharts`: it must stand alone.

import type * as PlotApi from '@observablehq/plot';
import type { OverTime } from '../../collect/over-time/index.ts';

/** The timeline of one group of people (a team's domain, or its leads), chosen by the reader. */
export function drawTimeline(
  d: OverTime,
  P: typeof PlotApi,
  put: (name: string, chart: Element) => void,
): void {
  const width = 1040;
  // Fourteen kinds of work: ten colours of Tableau's palette and four more.
  const KIND_COLOURS = [
    '#4e79a7',
    '#f28e2c',
    '#e15759',
    '#76b7b2',
    '#59a14f',
    '#edc949',
    '#af7aa1',
    '#ff9da7',
    '#9c755f',
    '#bab0ab',
    '#1f3a93',
    '#8cd17d',
    '#b6992d',
    '#d37295',
  ];
  const x = {
    label: 'simulated hours',
    grid: true,
    domain: [0, d.times[d.times.length - 1] ?? 0],
  };
  const s = d.schedule;
  const groupOf = (p: OverTime['schedule']['people'][number]) =>
    `${p.team} · ${p.domain ?? 'leads'}`;
  const groups = [...new Set(s.people.map(groupOf))];
  const pick = document.querySelector<HTMLSelectElement>('#timeline-group');
  const path = document.querySelector<HTMLSelectElement>('#timeline-path');
  if (pick === null || path === null) return;
  if (pick.options.length === 0) {
    for (const g of groups) pick.append(new Option(g, g));
    path.append(new Option('none', ''));
    for (const c of s.criticalPaths) path.append(new Option(c.instruction, c.instruction));
    // The busiest group first: where a reader wants to look.
    const load = new Map<string, number>();
    s.slices.person.forEach((p, i) => {
      const g = groupOf(s.people[p] as OverTime['schedule']['people'][number]);
      load.set(g, (load.get(g) ?? 0) + ((s.slices.end[i] ?? 0) - (s.slices.start[i] ?? 0)));
    });
    pick.value = [...load].sort((a, b) => b[1] - a[1])[0]?.[0] ?? groups[0] ?? '';
    path.value = s.criticalPaths[0]?.instruction ?? '';
    pick.addEventListener('change', () => drawTimeline(d, P, put));
    path.addEventListener('change', () => drawTimeline(d, P, put));
  }
  const members = new Set(s.people.flatMap((p, i) => (groupOf(p) === pick.value ? [i] : [])));
  const name = (i: number) => s.people[i]?.id ?? '';
  const slices = s.slices.person.flatMap((p, i) =>
    members.has(p)
      ? [
          {
            person: name(p),
            kind: s.kinds[s.slices.kind[i] ?? 0],
            task: d.tasks[s.slices.task[i] ?? -1] ?? '',
            start: s.slices.start[i],
            end: s.slices.end[i],
          },
        ]
      : [],
  );
  const away = s.outages
    .filter((o) => members.has(o.person))
    .map((o) => ({ ...o, who: name(o.person) }));
  const lent = s.borrowed
    .filter((b) => members.has(b.person))
    .map((b) => ({ ...b, who: name(b.person) }));
  const critical = (s.criticalPaths.find((c) => c.instruction === path.value)?.steps ?? [])
    .filter((c) => members.has(c.person))
    .map((c) => ({ ...c, who: name(c.person) }));
  const people = [...members].map(name);
  put(
    'timeline',
    P.plot({
      width,
      height: 50 + 22 * Math.max(1, people.length),
      marginLeft: 120,
      x,
      y: { label: null, domain: people },
      color: { legend: true, domain: s.kinds, range: KIND_COLOURS },
      marks: [
        P.barX(away, {
          x1: 'from',
          x2: 'to',
          y: 'who',
          fill: '#bbb',
          fillOpacity: 0.5,
          title: () => 'away',
          className: 'mark-away',
        }),
        P.barX(lent, {
          x1: 'from',
          x2: 'until',
          y: 'who',
          fill: 'none',
          stroke: '#8e44ad',
          strokeDasharray: '4 2',
          title: (b: { team: string; domain: string }) => `lent to ${b.team} ${b.domain}`,
          className: 'mark-lent',
        }),
        P.barX(slices, {
          x1: 'start',
          x2: 'end',
          y: 'person',
          fill: 'kind',
          inset: 2,
          tip: true,
          channels: { task: 'task' },
          className: 'mark-work',
        }),
        P.barX(critical, {
          x1: 'from',
          x2: 'to',
          y: 'who',
          fill: 'none',
          stroke: '#c0392b',
          strokeWidth: 2,
          title: (c: { cause: string; task: string | null }) =>
            `critical path: ${c.cause} ${c.task ?? ''}`,
          className: 'mark-critical-path',
        }),
      ],
    }),
  );
}
