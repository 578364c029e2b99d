// How decision reports write their figures: a mean with its interval, a signed difference, a
// share, a number in a metric's unit.

import type { Metric } from '../../decide/metrics.ts';
import { METRIC_INFO } from '../../decide/metrics.ts';
import { grouped } from '../../text/number.ts';

/** Thousands separated, at most `digits` decimals. */
export function num(v: number, digits = 1): string {
  return Number.isFinite(v) ? grouped(v, digits) : '—';
}

/** Digits a metric's figures are shown with. */
export function digitsOf(metric: Metric): number {
  return metric === 'costUsd' || metric === 'totalCostUsd' ? 0 : 1;
}

/** What a metric's figures are divided by for showing: tokens in millions. */
export const scaleOf = (metric: Metric) => (metric === 'tokens' ? 1e6 : 1);

/** The unit a metric's figures are shown in. */
export const unitOf = (metric: Metric) => (metric === 'tokens' ? 'M' : METRIC_INFO[metric].unit);

export const withUnit = (metric: Metric) => {
  const { label } = METRIC_INFO[metric];
  const shown = metric === 'tokens' ? 'millions' : unitOf(metric);
  return shown === '' ? label : `${label} (${shown})`;
};

/** `701.0 ± 28.5`; a lone run has no interval. */
export function meanCi(mean: number, ci95: number | null, digits = 1): string {
  return ci95 === null ? num(mean, digits) : `${num(mean, digits)} ± ${num(ci95, digits)}`;
}

/** `−86.8 ± 36.3` with a sign always. */
export function signed(mean: number, ci95: number | null, digits = 1): string {
  const shown = num(Math.abs(mean), digits);
  // A difference that rounds to zero has no sign.
  const s = Number(shown.replaceAll(',', '')) === 0 ? '' : mean > 0 ? '+' : '−';
  const body = `${s}${shown}`;
  return ci95 === null ? body : `${body} ± ${num(ci95, digits)}`;
}

export const share = (v: number | null) => (v === null ? '—' : `${num(v * 100, 1)} %`);

/** A metric's figures as shown: in its display scale and digits. */
export function figuresOf(metric: Metric) {
  const k = scaleOf(metric);
  const d = digitsOf(metric);
  const ci = (c: number | null) => (c === null ? null : c / k);
  return {
    num: (v: number) => num(v / k, d),
    meanCi: (mean: number, c95: number | null) => meanCi(mean / k, ci(c95), d),
    signed: (mean: number, c95: number | null) => signed(mean / k, ci(c95), d),
  };
}
