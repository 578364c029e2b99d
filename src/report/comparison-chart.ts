// Variants side by side on one axis, a row each: spread (min–max, P50–P95, P85) and the mean with
// its 95 % CI, so a reader sees which variants overlap; the ones tied with the best stand out.

import { n } from './format.ts';
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

export interface Variant {
  readonly label: string;
  readonly mean: number;
  /** Half-width of the mean's 95 % CI; NaN with one run, which draws no error bar. */
  readonly ci95: number;
  readonly p50: number;
  readonly p85: number;
  readonly p95: number;
  readonly min: number;
  readonly max: number;
  /** Among those that cannot be told from the best. */
  readonly best?: boolean;
}

const WIDTH = 640;
const LEFT = 190;
const RIGHT = WIDTH - 24;
/** Rows keep one height however many variants there are: the chart grows, never squeezes. */
const ROW = 22;
const TOP = 26;
const BAR = '#4f7cac';
const BEST = '#2e8b57';
const INK = '#222';
/** Labels longer than this are cut (the full one stays in a tooltip) to keep the plot's width. */
const LABEL_CHARS = 28;

const fin = (...vs: number[]) => vs.every(Number.isFinite);
/** A figure for the tooltip: a dash where a variant has none. */
const fig = (v: number) => (Number.isFinite(v) ? n(v) : '—');

function label(v: Variant, cy: number): string {
  const chars = [...(v.best ? `★ ${v.label}` : v.label)];
  const text =
    chars.length > LABEL_CHARS ? `${chars.slice(0, LABEL_CHARS - 1).join('')}…` : chars.join('');
  const style = v.best ? ` fill="${BEST}" font-weight="bold"` : '';
  return `<text x="${LEFT - 8}" y="${xy(cy + 4)}" text-anchor="end"${style}><title>${esc(v.label)}</title>${esc(text)}</text>`;
}

/** The mean as a dot, and its 95 % CI as an error bar when there is one. */
function mean(v: Variant, cy: number, x: (v: number) => number): string {
  if (!fin(v.mean)) return '';
  const ci = fin(v.ci95)
    ? `<path class="ci" d="M${xy(x(v.mean - v.ci95))} ${xy(cy)} H${xy(x(v.mean + v.ci95))} M${xy(x(v.mean - v.ci95))} ${xy(cy - 4)} V${xy(cy + 4)} M${xy(x(v.mean + v.ci95))} ${xy(cy - 4)} V${xy(cy + 4)}" stroke="${INK}" fill="none"/>`
    : '';
  return `${ci}<circle class="mean" cx="${xy(x(v.mean))}" cy="${xy(cy)}" r="3.5" fill="${INK}"/>`;
}

function row(v: Variant, i: number, x: (v: number) => number): string {
  const cy = TOP + i * ROW + ROW / 2;
  const colour = v.best ? BEST : BAR;
  const range = fin(v.min, v.max)
    ? `<line class="range" x1="${xy(x(v.min))}" x2="${xy(x(v.max))}" y1="${xy(cy)}" y2="${xy(cy)}" stroke="#999"/>`
    : '';
  const box = fin(v.p50, v.p95)
    ? `<rect class="p50-p95" x="${xy(x(v.p50))}" y="${xy(cy - 4)}" width="${xy(x(v.p95) - x(v.p50))}" height="8" fill="${colour}"/>`
    : '';
  const p85 = fin(v.p85)
    ? `<line class="p85" x1="${xy(x(v.p85))}" x2="${xy(x(v.p85))}" y1="${xy(cy - 6)}" y2="${xy(cy + 6)}" stroke="${INK}" stroke-width="2"/>`
    : '';
  const tip = `<title>${esc(`${v.label}: mean ${fig(v.mean)}, P50 ${fig(v.p50)}, P85 ${fig(v.p85)}, P95 ${fig(v.p95)}, min ${fig(v.min)}, max ${fig(v.max)}`)}</title>`;
  return `${label(v, cy)}<g>${tip}${range}${box}${p85}${mean(v, cy, x)}</g>`;
}

/** A pale band behind each best-tied row; drawn first, so grid lines still show through. */
const band = (v: Variant, i: number) =>
  v.best
    ? `<rect class="best" x="0" y="${TOP + i * ROW}" width="${WIDTH}" height="${ROW}" fill="#e6f4ea"/>`
    : '';

function legend(anyBest: boolean): string {
  const y = 12;
  const items = [
    `<line x1="8" x2="28" y1="${y - 4}" y2="${y - 4}" stroke="#999"/><text x="32" y="${y}">min–max</text>`,
    `<rect x="90" y="${y - 8}" width="20" height="8" fill="${BAR}"/><text x="114" y="${y}">P50–P95</text>`,
    `<line x1="172" x2="172" y1="${y - 10}" y2="${y + 2}" stroke="${INK}" stroke-width="2"/><text x="178" y="${y}">P85</text>`,
    `<path d="M214 ${y - 4} H234 M214 ${y - 8} V${y} M234 ${y - 8} V${y}" stroke="${INK}" fill="none"/><circle cx="224" cy="${y - 4}" r="3.5" fill="${INK}"/><text x="240" y="${y}">mean ± 95 % CI</text>`,
  ];
  if (anyBest)
    items.push(
      `<text x="340" y="${y}" fill="${BEST}" font-weight="bold">★ cannot be told from the best</text>`,
    );
  return items.join('');
}

function axisLines(axis: Axis, x: (v: number) => number, bottom: number, unit: string): string {
  return axis.ticks
    .map((t, i) => {
      const text = tickLabel(axis, t);
      return `<line x1="${xy(x(t))}" x2="${xy(x(t))}" y1="${TOP}" y2="${bottom + 4}" stroke="#e5e5e5"/><text x="${xy(x(t))}" y="${bottom + 16}" text-anchor="middle">${esc(i === axis.ticks.length - 1 ? withUnit(text, unit) : text)}</text>`;
    })
    .join('');
}

/** One row per variant on a shared axis; the best-tied rows highlighted. No variants: says so. */
export function comparisonChart(title: string, variants: readonly Variant[], unit: string): string {
  const ends = variants
    .flatMap((v) => [v.min, v.max, v.p50, v.p95, v.mean - v.ci95, v.mean + v.ci95, v.mean])
    .filter(Number.isFinite);
  if (ends.length === 0) return emptyFigure(title, WIDTH, 'no variants');
  const axis = niceTicks(Math.min(...ends), Math.max(...ends), 6);
  const x = scale(axis, LEFT, RIGHT);
  const bottom = TOP + variants.length * ROW;
  const body =
    variants.map(band).join('') +
    axisLines(axis, x, bottom, unit) +
    variants.map((v, i) => row(v, i, x)).join('') +
    `<line x1="${LEFT}" x2="${RIGHT}" y1="${bottom}" y2="${bottom}" stroke="#888"/>` +
    legend(variants.some((v) => v.best));
  return figure(title, WIDTH, bottom + 24, body);
}
