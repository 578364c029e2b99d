// The forecast and compare charts, with coordinates worked out by hand from the layout (below):
// bins, the CDF's steps, where marks and error bars land, escaping, highlighting, and markup that
// stays well formed and free of NaN for the edge inputs (no runs, one run, all equal).

import { describe, expect, it } from 'vitest';
import { comparisonChart, type Variant } from '../../src/report/comparison-chart.ts';
import { distributionChart } from '../../src/report/distribution-chart.ts';
import { niceTicks } from '../../src/report/svg.ts';

/** Every tag closes, in order; a stray `<` or `>` in text or attributes breaks the match too. */
function wellFormed(html: string): boolean {
  const stack: string[] = [];
  const text = html.replace(/<[^<>]*>/g, (tag) => {
    const m = /^<(\/?)([a-z][\w-]*)[^<>]*?(\/?)>$/i.exec(tag);
    if (!m) stack.push('!bad');
    else if (m[1] === '/') {
      if (stack.pop() !== m[2]) stack.push('!mismatch');
    } else if (m[3] !== '/') stack.push(m[2] as string);
    return '';
  });
  return stack.length === 0 && !/[<>]/.test(text);
}

const all = (html: string, re: RegExp) => [...html.matchAll(re)].map((m) => m[1] as string);
const clean = (html: string) => {
  expect(wellFormed(html)).toBe(true);
  expect(html).not.toMatch(/NaN|Infinity|undefined/);
};

describe('the well-formedness check', () => {
  it('rejects tags closed out of order, left open, or a stray bracket', () => {
    expect(wellFormed('<svg><g><line/></g></svg>')).toBe(true);
    expect(wellFormed('<svg><g></svg></g>')).toBe(false);
    expect(wellFormed('<svg><g></g>')).toBe(false);
    expect(wellFormed('<svg>a < b</svg>')).toBe(false);
  });
});

describe('niceTicks', () => {
  it('puts ticks on round steps covering the range', () => {
    expect(niceTicks(1, 5, 6).ticks).toEqual([1, 2, 3, 4, 5]);
    // 65 / 6 ≈ 10.8 rounds up to a step of 20.
    expect(niceTicks(10, 75, 6).ticks).toEqual([0, 20, 40, 60, 80]);
    expect(niceTicks(0.3, 0.9, 6).ticks).toEqual([0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]);
    // A range of one value widens by 10 % either side: 4.5..5.5 in steps of 0.2.
    expect(niceTicks(5, 5, 5).ticks).toEqual([4.4, 4.6, 4.8, 5, 5.2, 5.4, 5.6]);
    expect(niceTicks(0, 1, 4, 1).ticks).toEqual([0, 1]);
    expect(niceTicks(1, 1 + 1e-10, 4, 1).ticks).toEqual([1, 2]);
  });
});

describe('distributionChart', () => {
  // Layout: the plot spans x 48..592 (544 px); with one mark, y 26 (100 %) .. 206 (0 runs).
  const values = [1, 2, 2, 3, 3, 3, 4, 4, 5];
  const chart = distributionChart('Lead time', values, [{ label: 'P50', value: 3 }], 'h');

  it('bins by Freedman–Diaconis, clamped to at least 5 bins', () => {
    // IQR = P75 − P25 = 4 − 2 = 2; width 2·2/∛9 ≈ 1.92 gives ⌈4 / 1.92⌉ = 3 bins, clamped to 5
    // of 0.8: 1–1.8, 1.8–2.6, 2.6–3.4, 3.4–4.2, 4.2–5 (the last holding the maximum).
    expect(all(chart, /<title>([^<]*)<\/title><\/rect>/g)).toEqual([
      '1–1.8 h: 1 run',
      '1.8–2.6 h: 2 runs',
      '2.6–3.4 h: 3 runs',
      '3.4–4.2 h: 2 runs',
      '4.2–5 h: 1 run',
    ]);
    // The count axis is 0..3, so 60 px a run; bins 0.8 of the 4 the axis spans: 108.8 px wide.
    expect(all(chart, /class="bin"[^>]* height="([\d.]+)"/g)).toEqual([
      '60',
      '120',
      '180',
      '120',
      '60',
    ]);
    expect(all(chart, /class="bin" x="([\d.]+)"/g)).toEqual([
      '48',
      '156.8',
      '265.6',
      '374.4',
      '483.2',
    ]);
  });

  it('draws the empirical CDF as steps at 1/9, 3/9, 6/9, 8/9 and 9/9, ending at 100 %', () => {
    // x(v) = 48 + 136·(v − 1); y(share) = 206 − 180·share.
    const d = all(chart, /class="cdf" d="([^"]*)"/g)[0];
    expect(d).toBe('M48 206 H48 V186 H184 V146 H320 V86 H456 V46 H592 V26 H592');
    // 100 % on the right axis sits at y = 26, where the path ends.
    expect(chart).toContain('<text x="596" y="30">100 %</text>');
  });

  it('draws a mark at its value on the axis, labelled with the value and unit', () => {
    // x(3) = 48 + 544 · (3 − 1) / (5 − 1) = 320.
    expect(chart).toMatch(/<line class="mark" x1="320" x2="320" y1="4" y2="206"/);
    expect(chart).toContain('>P50 3 h</text>');
  });

  it('widens the axis to a mark beyond the values (a deadline)', () => {
    // Ends 10 and 75 give ticks 0..80 by 20: x(75) = 48 + 544 · 75 / 80 = 558.
    const out = distributionChart('t', [10, 20, 30], [{ label: 'deadline', value: 75 }], 'h');
    expect(out).toMatch(/<line class="mark" x1="558" x2="558"/);
    expect(out).toContain('>80 h</text>');
    clean(out);
  });

  it('escapes the title, labels and unit', () => {
    const out = distributionChart(
      '<script>x</script>',
      [1, 2],
      [{ label: 'a"<b>', value: 1 }],
      '&',
    );
    expect(out).toContain('<figcaption>&lt;script&gt;x&lt;/script&gt;</figcaption>');
    expect(out).toContain('a&quot;&lt;b&gt; 1 &amp;');
    expect(out).not.toContain('<script>');
    clean(out);
  });

  it('says "no runs" for no values, and stays well formed for one value or all equal', () => {
    const empty = distributionChart('t', [], [{ label: 'P50', value: 0 }], 'h');
    expect(empty).toContain('no runs');
    expect(empty).not.toContain('class="bin"');
    clean(empty);
    for (const vs of [[7], [5, 5, 5], [0, 0]]) {
      const out = distributionChart('t', vs, [{ label: 'P50', value: vs[0] as number }], 'h');
      expect(all(out, /class="bin"/g)).toHaveLength(1);
      expect(out).toContain(`: ${vs.length === 1 ? '1 run' : `${vs.length} runs`}</title>`);
      clean(out);
    }
  });

  it('leaves out values and marks that are not numbers', () => {
    const out = distributionChart(
      't',
      [1, Number.NaN, 2, Number.POSITIVE_INFINITY],
      [{ label: 'P95', value: Number.NaN }],
      'h',
    );
    expect(all(out, /<title>[^<]*: (\d+) runs?<\/title>/g).map(Number)).toEqual([1, 0, 0, 0, 1]);
    expect(out).not.toContain('class="mark"');
    clean(out);
  });

  it('gives the same string for the same input, and takes the most bins when the IQR is 0', () => {
    expect(distributionChart('Lead time', values, [{ label: 'P50', value: 3 }], 'h')).toBe(chart);
    const spiky = [...Array.from({ length: 20 }, () => 1), 2];
    expect(all(distributionChart('t', spiky, [], ''), /class="bin"/g)).toHaveLength(40);
  });

  it('draws one CDF step per 0.1 px however many runs there are', () => {
    // 10 000 distinct values over 544 px: at most 5 441 x positions, each stepped once.
    const many = Array.from({ length: 10_000 }, (_, i) => i);
    const d = all(distributionChart('t', many, [], 'h'), /class="cdf" d="([^"]*)"/g)[0] ?? '';
    const xs = all(d, /H([\d.]+)/g);
    expect(new Set(xs).size).toBe(xs.length);
    expect(xs.length).toBeLessThanOrEqual(5_442);
    // Without marks the plot's top (100 %) is one line down, at y = 13.
    expect(d.endsWith(' V13 H592')).toBe(true);
  });
});

describe('comparisonChart', () => {
  const a: Variant = {
    label: 'A',
    mean: 100,
    ci95: 10,
    p50: 95,
    p85: 110,
    p95: 120,
    min: 80,
    max: 140,
  };
  const b: Variant = {
    label: 'B',
    mean: 130,
    ci95: Number.NaN,
    p50: 130,
    p85: 135,
    p95: 140,
    min: 120,
    max: 160,
  };
  // Ends 80..160 give ticks by 20; the plot spans x 190..616, so x(v) = 190 + 426·(v − 80)/80.
  // Row i is 22 px high from y = 26: its centre is at 37 + 22·i.
  const chart = comparisonChart('Makespan', [{ ...a, best: true }, b], 'h');

  it('draws the mean and its 95 % CI where the axis puts them', () => {
    // x(90) = 243.25 → 243.3, x(110) = 349.75 → 349.8, x(100) = 296.5.
    expect(chart).toContain('<path class="ci" d="M243.3 37 H349.8 M243.3 33 V41 M349.8 33 V41"');
    expect(chart).toContain('<circle class="mean" cx="296.5" cy="37"');
  });

  it('draws the spread: min–max line, P50–P95 bar, P85 tick', () => {
    // B: x(120) = 403, x(160) = 616, x(130) = 456.25, x(135) = 482.875, x(140) = 509.5.
    expect(chart).toContain('<line class="range" x1="403" x2="616" y1="59" y2="59"');
    expect(chart).toContain('<rect class="p50-p95" x="456.3" y="55" width="53.3" height="8"');
    expect(chart).toContain('<line class="p85" x1="482.9" x2="482.9" y1="53" y2="65"');
  });

  it('draws no error bar for a NaN ci95, but still the mean', () => {
    const one = comparisonChart('t', [b], 'h');
    expect(one).not.toContain('class="ci"');
    expect(one).toContain('class="mean"');
    expect(all(chart, /class="(ci)"/g)).toHaveLength(1);
    clean(one);
  });

  it('highlights the best: a band, a star and colour on the label, and a legend entry', () => {
    expect(all(chart, /class="(best)"/g)).toHaveLength(1);
    expect(chart).toContain('<rect class="best" x="0" y="26"');
    expect(chart).toMatch(/fill="#2e8b57" font-weight="bold"><title>A<\/title>★ A<\/text>/);
    expect(chart).toMatch(/text-anchor="end"><title>B<\/title>B<\/text>/);
    expect(chart).toContain('cannot be told from the best');
    expect(comparisonChart('t', [a, b], 'h')).not.toContain('★');
  });

  it('keeps rows 22 px high, the chart growing from 1 to 40 variants', () => {
    // 26 above the rows, 24 below for the axis.
    expect(comparisonChart('t', [a], 'h')).toContain('viewBox="0 0 640 72"');
    const many = Array.from({ length: 40 }, (_, i) => ({ ...a, label: `v${i}`, mean: 100 + i }));
    const out = comparisonChart('t', many, 'h');
    expect(out).toContain('viewBox="0 0 640 930"');
    expect(all(out, /class="(mean)"/g)).toHaveLength(40);
    clean(out);
  });

  it('escapes labels and cuts long ones, keeping the whole in a tooltip', () => {
    const out = comparisonChart(
      '<i>',
      [{ ...a, label: '<script>alert(1)</script> and a long tail' }],
      '',
    );
    expect(out).not.toContain('<script>');
    expect(out).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt; and a long tail</title>');
    expect(out).toContain('>&lt;script&gt;alert(1)&lt;/script&gt; a…</text>');
    clean(out);
  });

  it('says "no variants" for none, and survives variants with no finite figures', () => {
    expect(comparisonChart('t', [], 'h')).toContain('no variants');
    const nan = Number.NaN;
    const blank = {
      label: 'x',
      mean: nan,
      ci95: nan,
      p50: nan,
      p85: nan,
      p95: nan,
      min: nan,
      max: nan,
    };
    clean(comparisonChart('t', [blank], 'h'));
    clean(comparisonChart('t', [blank, a], 'h'));
    clean(
      comparisonChart(
        't',
        [{ ...a, min: 5, max: 5, p50: 5, p85: 5, p95: 5, mean: 5, ci95: 0 }],
        'h',
      ),
    );
  });
});
