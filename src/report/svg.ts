// What every hand-written SVG chart of the HTML reports needs: escaping, coordinates that print
// the same on every run, and an axis whose ticks fall on round numbers.

import { n } from './format.ts';

const NEEDS_ESCAPE = /[&<>"]/;

/** Text and attribute values for HTML and SVG: `&`, `<`, `>` and `"` escaped. */
export const esc = (s: string) =>
  !NEEDS_ESCAPE.test(s)
    ? s
    : s
        .replaceAll('&', '&amp;')
        .replaceAll('<', '&lt;')
        .replaceAll('>', '&gt;')
        .replaceAll('"', '&quot;');

/** A coordinate rounded to 1 decimal, so the markup stays short and byte-stable. */
export const xy = (v: number) => String(Math.round(v * 10) / 10);

export interface Axis {
  readonly lo: number;
  readonly hi: number;
  readonly step: number;
  readonly ticks: readonly number[];
  /** Decimals the step needs, for printing the ticks. */
  readonly digits: number;
}

/** The smallest of 1, 2, 5 or 10 times a power of ten that is at least `x` (x > 0). */
function niceStep(x: number): number {
  const e = 10 ** Math.floor(Math.log10(x));
  // 12 digits drop float noise: (0.9 − 0.3) / 6 is 0.10000000000000002, and must step by 0.1.
  const f = Number((x / e).toPrecision(12));
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * e;
}

/**
 * An axis covering `min`..`max` with about `target` intervals of a round step (at least `minStep`:
 * 1 for counts). An empty range is widened around its value, so a scale never divides by zero.
 */
export function niceTicks(min: number, max: number, target = 5, minStep = 0): Axis {
  if (!Number.isFinite(min) || !Number.isFinite(max))
    throw new RangeError(`An axis needs finite bounds, not ${min} and ${max}.`);
  let lo = Math.min(min, max);
  let hi = Math.max(min, max);
  if (hi === lo) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    lo -= pad;
    hi += pad;
  }
  const step = Math.max(niceStep((hi - lo) / target), minStep);
  const digits = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  // `|| 0` turns -0 into 0, which would otherwise print as "-0".
  const fix = (v: number) => Number(v.toFixed(digits)) || 0;
  // The epsilon keeps 0.3 / 0.1 = 2.999… from adding a whole step below a bound on a tick.
  const first = Math.floor(lo / step + 1e-9);
  // At least one interval, even when the epsilon meets a range far below `minStep`.
  const last = Math.max(first + 1, Math.ceil(hi / step - 1e-9));
  const ticks = Array.from({ length: last - first + 1 }, (_, i) => fix((first + i) * step));
  return { lo: ticks[0] as number, hi: ticks.at(-1) as number, step, ticks, digits };
}

/** A linear map from the axis onto pixels `from`..`to` (to < from for a y axis). */
export const scale = (axis: Axis, from: number, to: number) => (v: number) =>
  from + ((v - axis.lo) / (axis.hi - axis.lo)) * (to - from);

/** A tick's label, with as many decimals as the step needs. */
export const tickLabel = (axis: Axis, v: number) => n(v, axis.digits);

/** The figure around a chart: caption, then the SVG in the reports' one style. */
export const figure = (title: string, width: number, height: number, body: string) =>
  `<figure><figcaption>${esc(title)}</figcaption><svg viewBox="0 0 ${width} ${xy(height)}" width="${width}" font-size="11" font-family="sans-serif">${body}</svg></figure>`;

/** A figure with its unit: `812 h`, or just `812` without one. */
export const withUnit = (text: string, unit: string) => (unit === '' ? text : `${text} ${unit}`);

/** A chart with nothing to draw, saying why in place of the plot. */
export const emptyFigure = (title: string, width: number, why: string) =>
  figure(
    title,
    width,
    40,
    `<text x="${width / 2}" y="24" text-anchor="middle" fill="#666">${esc(why)}</text>`,
  );
