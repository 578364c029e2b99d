/// <reference lib="dom" />
// The report's charts over time (the timeline is timeline.ts), drawn in the reader's browser with
// Observable Plot from the run's data embedded in the page. `drawCharts` is written into the page
// as source text (its `toString()`), so it must stand alone: no imports, no names from this
// module, only its arguments and the DOM.

import type * as PlotApi from '@observablehq/plot';
import type { OverTime } from '../../collect/over-time/index.ts';

/** Draws every chart into the page's `figure[data-chart]` elements. */
export function drawCharts(
  data: OverTime,
  Plot: typeof PlotApi,
  put: (name: string, chart: Element) => void,
): void {
  const WIDTH = 1040;
  const ORDER = [
    'COMPLETED',
    'CANCELLED',
    'READY_FOR_HANDOFF',
    'DOMAIN_REVIEW',
    'UNDER_REVIEW',
    'IN_PROGRESS',
    'ESCALATED',
    'BLOCKED',
    'ASSIGNED',
    'IN_PLANNING',
    'PENDING',
  ];
  const end = data.times[data.times.length - 1] ?? 0;
  // Every chart over time on the same axis, from the start of the run to its end.
  const hours = { label: 'simulated hours', grid: true, domain: [0, end] };
  const weekly = (days: number) => Array.from({ length: Math.ceil(days / 7) }, (_, w) => w * 7);
  const rows = (series: ReadonlyArray<{ name: string; values: ReadonlyArray<number | null> }>) =>
    series.flatMap((s) => s.values.map((v, k) => ({ k, name: s.name, v })));
  const overTime = (series: ReadonlyArray<{ name: string; values: readonly number[] }>) =>
    series.flatMap((s) => s.values.map((v, k) => ({ t: data.times[k], name: s.name, v })));

  // The cumulative flow: tasks in each state, done at the bottom, stacked in lifecycle order.
  const states = data.flow.states.filter((s) => s.values.some((v) => v > 0));
  states.sort((a, b) => ORDER.indexOf(a.name) - ORDER.indexOf(b.name));
  put(
    'cfd',
    Plot.plot({
      width: WIDTH,
      height: 320,
      x: hours,
      y: { label: 'tasks', grid: true },
      color: { legend: true, domain: states.map((s) => s.name), scheme: 'tableau10' },
      marks: [
        Plot.areaY(overTime(states), {
          x: 't',
          y: 'v',
          fill: 'name',
          order: states.map((s) => s.name),
          curve: 'step-after',
          tip: true,
          className: 'mark-states',
        }),
        Plot.ruleY([0]),
      ],
    }),
  );

  for (const [name, series, label] of [
    ['backlog', data.flow.backlog, 'tasks in the backlog'],
    ['wip', data.flow.wip, 'tasks in progress'],
  ] as const)
    put(
      name,
      Plot.plot({
        width: WIDTH / 2 - 10,
        height: 240,
        x: hours,
        y: { label, grid: true },
        color: { legend: true },
        marks: [
          Plot.lineY(overTime(series), {
            x: 't',
            y: 'v',
            stroke: 'name',
            curve: 'step-after',
            tip: true,
            className: 'mark-domains',
          }),
          Plot.ruleY([0]),
        ],
      }),
    );

  put(
    'throughput',
    Plot.plot({
      width: WIDTH,
      height: 200,
      x: { label: 'day', grid: false, domain: [0, data.days] },
      y: { label: 'tasks completed', grid: true },
      marks: [
        Plot.rectY(
          data.flow.throughput.map((n, day) => ({ day, n })),
          {
            x1: 'day',
            x2: (d: { day: number }) => d.day + 1,
            y: 'n',
            fill: '#4f7cac',
            inset: 0.5,
            tip: true,
            className: 'mark-days',
          },
        ),
        Plot.ruleY([0]),
      ],
    }),
  );

  // Day × domain heat maps: a column per day, a row per domain.
  for (const [name, series, label, scheme] of [
    ['utilisation', data.utilisationByDay, 'utilisation of the ICs', 'YlOrRd'],
    ['backlog-heat', data.flow.backlogByDay, 'mean tasks in the backlog', 'Blues'],
  ] as const)
    put(
      name,
      Plot.plot({
        width: WIDTH,
        height: 60 + 28 * series.length,
        marginLeft: 90,
        x: {
          label: 'day',
          ticks: weekly(data.days),
          domain: Array.from({ length: data.days }, (_, k) => k),
        },
        y: { label: null },
        color: { legend: true, label, scheme, zero: true },
        marks: [
          Plot.cell(
            rows(series).filter((d) => d.v !== null),
            { x: 'k', y: 'name', fill: 'v', inset: 0.5, tip: true, className: 'mark-days' },
          ),
        ],
      }),
    );

  const lead = data.leadTimes;
  const lines = [
    { p: 'P50', v: lead.p50 },
    { p: 'P85', v: lead.p85 },
    { p: 'P95', v: lead.p95 },
  ];
  put(
    'lead-times',
    Plot.plot({
      width: WIDTH,
      height: 320,
      x: { label: 'completed at (simulated hours)', grid: true, domain: [0, end] },
      y: { label: 'lead time (hours)', grid: true, zero: true },
      color: { legend: true },
      marks: [
        Plot.dot(
          lead.points.task.map((task, i) => ({
            task: data.tasks[task],
            domain: lead.domains[lead.points.domain[i] ?? 0],
            doneAt: lead.points.doneAt[i],
            hours: lead.points.hours[i],
          })),
          {
            x: 'doneAt',
            y: 'hours',
            fill: 'domain',
            r: 2.5,
            tip: true,
            channels: { task: 'task' },
            className: 'mark-tasks',
          },
        ),
        Plot.ruleY(lines, {
          y: 'v',
          stroke: '#444',
          strokeDasharray: '4 3',
          className: 'mark-percentiles',
        }),
        Plot.text(lines, {
          y: 'v',
          frameAnchor: 'right',
          text: (d: { p: string; v: number }) => `${d.p} ${d.v} h`,
          dy: -6,
        }),
      ],
    }),
  );

  const budget = data.budget;
  const spent = budget.spentUsd.map((usd, k) => ({ t: data.times[k], usd }));
  const limit = budget.budgetUsd === null ? [] : [budget.budgetUsd];
  put(
    'budget',
    Plot.plot({
      width: WIDTH,
      height: 260,
      x: hours,
      y: { label: 'USD spent', grid: true },
      marks: [
        Plot.areaY(spent, {
          x: 't',
          y: 'usd',
          fill: '#4f7cac',
          fillOpacity: 0.15,
          curve: 'linear',
        }),
        Plot.lineY(spent, {
          x: 't',
          y: 'usd',
          stroke: '#4f7cac',
          tip: true,
          className: 'mark-spend',
        }),
        Plot.ruleY(limit, { stroke: '#c0392b', strokeWidth: 2, className: 'mark-budget' }),
        Plot.text(limit, {
          y: (d: number) => d,
          text: () => 'budget',
          frameAnchor: 'left',
          dy: -6,
        }),
        Plot.ruleX(budget.alerts, {
          x: 't',
          stroke: '#e67e22',
          strokeDasharray: '3 3',
          className: 'mark-alerts',
        }),
        Plot.text(budget.alerts, {
          x: 't',
          frameAnchor: 'top',
          text: (d: { threshold: number; scope: string }) =>
            `${Math.round(d.threshold * 100)} % (${d.scope})`,
          dy: 8,
        }),
        Plot.ruleX(budget.exhausted, { x: 't', stroke: '#c0392b' }),
        Plot.ruleY([0]),
      ],
    }),
  );

  put(
    'escalations',
    Plot.plot({
      width: WIDTH,
      height: 200,
      x: hours,
      y: { label: 'rung', domain: [1, 2, 3, 4, 5], reverse: true },
      color: { legend: true, domain: ['opened', 'climbed', 'decided', 'resolved'] },
      symbol: { domain: ['opened', 'climbed', 'decided', 'resolved'] },
      marks: [
        Plot.dot(data.escalations, {
          x: 't',
          y: 'level',
          stroke: 'event',
          symbol: 'event',
          tip: true,
          channels: { task: 'task', escalation: 'escalation', role: 'role' },
          className: 'mark-escalations',
        }),
      ],
    }),
  );

  // The agent pools' active agents: a step line per pool, held to the end of the run.
  if (data.pools.length > 0) {
    const steps = data.pools.flatMap((p) => [
      ...p.sizes.map((s) => ({ t: s.t, size: s.size, pool: p.name })),
      { t: end, size: p.sizes[p.sizes.length - 1]?.size ?? 0, pool: p.name },
    ]);
    put(
      'pools',
      Plot.plot({
        width: WIDTH,
        height: 260,
        x: hours,
        y: { label: 'active agents', grid: true },
        color: { legend: true, domain: data.pools.map((p) => p.name), scheme: 'tableau10' },
        marks: [
          Plot.lineY(steps, {
            x: 't',
            y: 'size',
            stroke: 'pool',
            z: 'pool',
            curve: 'step-after',
            tip: true,
            className: 'mark-pools',
          }),
          Plot.ruleY([0]),
        ],
      }),
    );
  }
}
