// A forecast's spread in one chart: a histogram of the runs' values, their empirical CDF over it on
// a 0–100 % axis, and dashed lines at the figures the forecast quotes (P50, P85, P95, a deadline).

import { percentile } from '../collect/stats.ts';
import { count, n } from './format.ts';
import {
  type Axis,
  emptyFigure,
  esc,
  figure,
  niceTicks,
  scale,
  tickLabel,
  withUnit,
  xy,
} from './svg.ts';

const WIDTH = 640;
const LEFT = 48;
const RIGHT = WIDTH - 48;
const PLOT_HEIGHT = 180;
/** One line of text: a mark's label above the plot, the axis labels below it. */
const LINE = 13;
const BAR = '#4f7cac';
const CDF = '#d9822b';
const MARK = '#444';
/** A white outline under a mark's label, so another mark's line crossing it does not hide it. */
const HALO = 'paint-order="stroke" stroke="#fff" stroke-width="3"';

export interface Bin {
  readonly lo: number;
  readonly hi: number;
  readonly count: number;
}

/** Bins of sorted values by the Freedman–Diaconis rule, 5 to 40 of them; all equal: one bin. */
export function histogram(sorted: readonly number[]): Bin[] {
  const min = sorted[0] ?? 0;
  const range = (sorted.at(-1) ?? 0) - min;
  if (range === 0) return sorted.length === 0 ? [] : [{ lo: min, hi: min, count: sorted.length }];
  const iqr = percentile(sorted, 75) - percentile(sorted, 25);
  const width = (2 * iqr) / Math.cbrt(sorted.length);
  // An IQR of 0 (most values equal, a few not) asks for bins of no width: take the most allowed.
  const k = width > 0 ? Math.min(40, Math.max(5, Math.ceil(range / width))) : 40;
  const counts = new Array<number>(k).fill(0);
  // (v − min) · k / range rather than (v − min) / width, so values on an edge land exactly on it.
  for (const v of sorted) {
    const i = Math.min(k - 1, Math.floor(((v - min) * k) / range));
    counts[i] = (counts[i] ?? 0) + 1;
  }
  const edge = (i: number) => min + (range * i) / k;
  return counts.map((c, i) => ({ lo: edge(i), hi: edge(i + 1), count: c }));
}

interface Frame {
  readonly x: (v: number) => number;
  readonly axis: Axis;
  readonly top: number;
  readonly bottom: number;
}

/** A value in a label: one decimal more than the axis ticks, so a narrow axis still tells apart. */
const fine = (f: Frame, v: number) => n(v, Math.max(1, f.axis.digits + 1));

function bars(bins: readonly Bin[], f: Frame, unit: string): string {
  const counts = niceTicks(0, Math.max(...bins.map((b) => b.count)), 4, 1);
  const y = scale(counts, f.bottom, f.top);
  const grid = counts.ticks
    .map(
      (t) =>
        `<line x1="${LEFT}" x2="${RIGHT}" y1="${xy(y(t))}" y2="${xy(y(t))}" stroke="#e5e5e5"/><text x="${LEFT - 4}" y="${xy(y(t) + 4)}" text-anchor="end">${tickLabel(counts, t)}</text>`,
    )
    .join('');
  // One bin of equal values has no width: draw it one axis step wide, centred on its value.
  const half = (b: Bin) => (b.lo === b.hi ? f.axis.step / 2 : 0);
  const rects = bins
    .map((b) => {
      const x0 = f.x(b.lo - half(b));
      const x1 = f.x(b.hi + half(b));
      const what = esc(
        withUnit(b.lo === b.hi ? fine(f, b.lo) : `${fine(f, b.lo)}–${fine(f, b.hi)}`, unit),
      );
      return `<rect class="bin" x="${xy(x0)}" y="${xy(y(b.count))}" width="${xy(x1 - x0)}" height="${xy(f.bottom - y(b.count))}" fill="${BAR}" fill-opacity="0.6" stroke="#fff" stroke-width="0.5"><title>${what}: ${count(b.count, 'run')}</title></rect>`;
    })
    .join('');
  return grid + rects;
}

/** The empirical CDF as a step line: flat between values, rising at each by its share of runs. */
function cdf(sorted: readonly number[], f: Frame): string {
  const y = (share: number) => f.bottom - share * (f.bottom - f.top);
  // Steps that round to the same x are one step up to the last of them: thousands of runs make a
  // path no longer than the plot is wide, and the drawing is the same at 0.1 px.
  const steps: Array<[string, string]> = [];
  sorted.forEach((v, i) => {
    if (sorted[i + 1] === v) return;
    const step: [string, string] = [xy(f.x(v)), xy(y((i + 1) / sorted.length))];
    if (steps.at(-1)?.[0] === step[0]) steps[steps.length - 1] = step;
    else steps.push(step);
  });
  const d = `M${xy(f.x(f.axis.lo))} ${xy(y(0))}${steps.map(([x, h]) => ` H${x} V${h}`).join('')} H${xy(f.x(f.axis.hi))}`;
  const ticks = [0, 25, 50, 75, 100]
    .map((p) => `<text x="${RIGHT + 4}" y="${xy(y(p / 100) + 4)}">${p} %</text>`)
    .join('');
  return `<path class="cdf" d="${d}" fill="none" stroke="${CDF}" stroke-width="1.5"/>${ticks}`;
}

function markLines(marks: ReadonlyArray<{ label: string; value: number }>, f: Frame, unit: string) {
  return marks
    .map((m, i) => {
      const x = f.x(m.value);
      const ty = (i + 1) * LINE;
      // Labels right of the middle read leftwards, so none runs off the chart's edge.
      const [anchor, tx] = x > (LEFT + RIGHT) / 2 ? ['end', x - 3] : ['start', x + 3];
      return `<line class="mark" x1="${xy(x)}" x2="${xy(x)}" y1="${ty - 9}" y2="${f.bottom}" stroke="${MARK}" stroke-dasharray="4 3"/><text x="${xy(tx)}" y="${ty}" text-anchor="${anchor}" ${HALO}>${esc(withUnit(`${m.label} ${fine(f, m.value)}`, unit))}</text>`;
    })
    .join('');
}

function xAxis(f: Frame, unit: string): string {
  const ticks = f.axis.ticks
    .map((t, i) => {
      const label = tickLabel(f.axis, t);
      const text = i === f.axis.ticks.length - 1 ? withUnit(label, unit) : label;
      return `<line x1="${xy(f.x(t))}" x2="${xy(f.x(t))}" y1="${f.bottom}" y2="${f.bottom + 4}" stroke="#888"/><text x="${xy(f.x(t))}" y="${f.bottom + LINE + 2}" text-anchor="middle">${esc(text)}</text>`;
    })
    .join('');
  const legendY = f.bottom + 2 * LINE + 8;
  const legend = `<rect x="${LEFT}" y="${legendY - 8}" width="10" height="8" fill="${BAR}" fill-opacity="0.6"/><text x="${LEFT + 14}" y="${legendY}">runs per bin (left axis)</text><line x1="${LEFT + 170}" x2="${LEFT + 186}" y1="${legendY - 4}" y2="${legendY - 4}" stroke="${CDF}" stroke-width="1.5"/><text x="${LEFT + 190}" y="${legendY}">share of runs at or below (right axis)</text>`;
  return `<line x1="${LEFT}" x2="${RIGHT}" y1="${f.bottom}" y2="${f.bottom}" stroke="#888"/>${ticks}${legend}`;
}

/**
 * A histogram of `values` with their empirical CDF and a dashed line at each mark. Values and marks
 * that are not finite are left out; with no values left the figure says "no runs".
 */
export function distributionChart(
  title: string,
  values: readonly number[],
  marks: ReadonlyArray<{ label: string; value: number }>,
  unit: string,
): string {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return emptyFigure(title, WIDTH, 'no runs');
  const shown = marks.filter((m) => Number.isFinite(m.value));
  const bins = histogram(sorted);
  const ends = [sorted[0] as number, sorted.at(-1) as number, ...shown.map((m) => m.value)];
  const axis = niceTicks(Math.min(...ends), Math.max(...ends), 6);
  const top = (shown.length + 1) * LINE;
  const f: Frame = { x: scale(axis, LEFT, RIGHT), axis, top, bottom: top + PLOT_HEIGHT };
  const body = bars(bins, f, unit) + cdf(sorted, f) + markLines(shown, f, unit) + xAxis(f, unit);
  return figure(title, WIDTH, f.bottom + 3 * LINE + 4, body);
}
