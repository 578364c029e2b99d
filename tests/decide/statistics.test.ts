// The decision layer's arithmetic against values worked out by hand: paired differences and their
// intervals, the subset that cannot be told from the best, percentiles, deadline shares.

import { describe, expect, it } from 'vitest';
import { comparisonOf } from '../../src/decide/compare.ts';
import { forecastOf } from '../../src/decide/forecast.ts';
import { subsetOfBest } from '../../src/decide/select.ts';
import { frequencies, summarize } from '../../src/decide/summarize.ts';
import { answerOf } from '../../src/decide/whatif.ts';
import { makespans, row } from './rows.ts';

describe('a paired comparison', () => {
  // a − b run by run: d = [2, 1, 0, 4]; mean 1.75; deviations 0.25, −0.75, −1.75, 2.25; squares
  // sum 0.0625 + 0.5625 + 3.0625 + 5.0625 = 8.75; sd = √(8.75 / 3) = 1.70783; t(0.975, 3) =
  // 3.182446; half-width 3.182446 × 1.70783 / √4 = 2.71755.
  const a = makespans([10, 12, 9, 14]);
  const b = makespans([8, 11, 9, 10]);
  const arms = [
    { scenario: 'hand', variant: { label: 'b', changes: [] } },
    { scenario: 'hand', variant: { label: 'a', changes: [] } },
  ];
  const c = comparisonOf(arms, [b, a], {
    seedBase: 1,
    partial: false,
    warmupHours: 0,
    rankBy: 'makespanHours',
  });

  it('gives each variant minus the first, with a Student-t interval on the differences', () => {
    const d = c.variants[1]?.versusFirst.makespanHours;
    expect(d?.mean).toBe(1.75);
    expect(d?.sd).toBeCloseTo(1.70783, 4);
    expect(d?.ci95).toBeCloseTo(2.71755, 3);
  });

  it('gives the first variant a difference of exactly zero against itself', () => {
    expect(c.variants[0]?.versusFirst.makespanHours).toEqual({ mean: 0, ci95: 0, sd: 0 });
  });

  it('ranks by the mean, lower first; an unpaired look would call these the same', () => {
    // Unpaired: means 10 and 11.25 with sds 1.41 and 2.22, intervals overlapping widely.
    expect(c.ranking.order).toEqual(['b', 'a']);
    expect(c.variants[0]?.metrics.makespanHours.mean).toBe(9.5);
    expect(c.variants[1]?.metrics.makespanHours.mean).toBe(11.25);
  });
});

describe('the subset that cannot be told from the best (Nelson et al. 2001)', () => {
  it('keeps a noisy rival, drops a variant worse in every run', () => {
    // A = 10..13; B = A + 0.5 in every run (differences with sd 0, so W = 0: B > A, B goes);
    // C − A = [−1, 3, −2, 2], mean 0.5, sd √(17/3) = 2.3805; t(1 − 0.05/2, 3) = 3.1824;
    // W = 3.1824 × 2.3805 / 2 = 3.788 ≥ 0.5, and C − B has mean 0: C stays. A beats both.
    const A = [10, 11, 12, 13];
    const B = [10.5, 11.5, 12.5, 13.5];
    const C = [9, 14, 10, 15];
    expect(subsetOfBest([A, B, C])).toEqual([0, 2]);
  });

  it('keeps identical variants together, and everyone with a single run', () => {
    expect(
      subsetOfBest([
        [1, 2, 3],
        [1, 2, 3],
        [5, 6, 7],
      ]),
    ).toEqual([0, 1]);
    expect(subsetOfBest([[1], [2]])).toEqual([0, 1]);
  });

  it('widens with more variants: Bonferroni over k − 1 comparisons', () => {
    // D − A = [0.2, −0.1, 0.4, 0.3]: mean 0.2, sd 0.21602. With k = 2, t(0.95, 3) = 2.35336 and
    // W = 2.35336 × 0.21602 / 2 = 0.2542 ≥ 0.2: D stays. With k = 20 (18 far-off extras),
    // t(1 − 0.05/19, 3) = 8.4 or so: D stays all the more.
    const A = [10, 11, 12, 13];
    const D = [10.2, 10.9, 12.4, 13.3];
    expect(subsetOfBest([A, D])).toEqual([0, 1]);
    // Closer to the edge: E − A = [0.3, 0.3, 0.3, 0.31], mean 0.3025, sd 0.005: W = 0.0059 < 0.3.
    expect(subsetOfBest([A, [10.3, 11.3, 12.3, 13.31]])).toEqual([0]);
  });
});

describe('a sample summary', () => {
  it('quotes P50, P85 and P95 between order statistics (type 7) and the mean with its interval', () => {
    // Sorted 1..10: P85 at rank 0.85 × 9 = 7.65 → 8 + 0.65 × (9 − 8) = 8.65; P95 at 8.55 → 9.55.
    const s = summarize([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(s).toMatchObject({ n: 10, mean: 5.5, p50: 5.5, p85: 8.65, p95: 9.55, min: 1, max: 10 });
    // sd = √(82.5 / 9) = 3.02765; t(0.975, 9) = 2.26216; half-width 2.16585.
    expect(s.ci95).toBeCloseTo(2.16585, 3);
    expect(summarize([7]).ci95).toBeNull();
  });

  it('counts categorical results, most frequent first', () => {
    expect(frequencies(['qa', 'dev', 'qa', 'sec'])).toEqual([
      { value: 'qa', runs: 2, share: 0.5 },
      { value: 'dev', runs: 1, share: 0.25 },
      { value: 'sec', runs: 1, share: 0.25 },
    ]);
  });
});

describe('a forecast from its rows', () => {
  const rows = [
    row({
      seed: 5,
      finished: [
        { id: 'I1', at: 100 },
        { id: 'I2', at: 300 },
      ],
      allFinishedAt: 300,
      bottleneck: 'qa ICs',
    }),
    row({
      seed: 6,
      finished: [
        { id: 'I1', at: 150 },
        { id: 'I2', at: null },
      ],
      bottleneck: 'qa ICs',
    }),
    row({
      seed: 7,
      finished: [
        { id: 'I1', at: 250 },
        { id: 'I2', at: 180 },
      ],
      allFinishedAt: 250,
      bottleneck: 'data ICs',
    }),
    row({
      seed: 8,
      finished: [
        { id: 'I1', at: 90 },
        { id: 'I2', at: 200 },
      ],
      allFinishedAt: 200,
      outcome: 'stalled',
    }),
  ];
  const f = forecastOf('hand', rows, {
    seedBase: 5,
    rule: 'as asked',
    partial: false,
    deadlineHours: 200,
  });

  it('gives each instruction its chance of the deadline over all runs, unfinished ones missing it', () => {
    expect(f.instructions.map((i) => [i.id, i.finishedRuns, i.byDeadline])).toEqual([
      ['I1', 4, 0.75],
      // Finished by 200 in runs 7 and 8; run 6 never finished it.
      ['I2', 3, 0.5],
    ]);
    // Both by 200 only in run 8.
    expect(f.allByDeadline).toBe(0.25);
    expect(f.instructions[1]?.finishedAt.mean).toBeCloseTo((300 + 180 + 200) / 3, 4);
  });

  it('counts outcomes and bottleneck verdicts across runs', () => {
    expect(f.outcomes).toEqual([
      { value: 'done', runs: 3, share: 0.75 },
      { value: 'stalled', runs: 1, share: 0.25 },
    ]);
    // Run 8 left the verdict at its default, `none`; ties are in name order.
    expect(f.bottlenecks).toEqual([
      { value: 'qa ICs', runs: 2, share: 0.5 },
      { value: 'data ICs', runs: 1, share: 0.25 },
      { value: 'none', runs: 1, share: 0.25 },
    ]);
    expect(f.rows.map((r) => r.seed)).toEqual([5, 6, 7, 8]);
  });

  it('counts every instruction for the whole deadline, those of arrivals too', () => {
    // No instruction of its own (arrivals only): runs done by 40 h, at 50 h, and never.
    const arrivals = [40, 50, null].map((allFinishedAt) => row({ allFinishedAt }));
    const g = forecastOf('hand', arrivals, {
      seedBase: 1,
      rule: '',
      partial: false,
      deadlineHours: 45,
    });
    expect(g.instructions).toEqual([]);
    expect(g.allByDeadline).toBeCloseTo(1 / 3, 4);
  });

  it('has no deadline figures without a deadline', () => {
    const g = forecastOf('hand', rows, { seedBase: 5, rule: '', partial: false });
    expect(g.allByDeadline).toBeNull();
    expect(g.instructions.every((i) => i.byDeadline === null)).toBe(true);
  });
});

describe('per work type, over the runs', () => {
  const done = (workType: string, leadTimeHours: number, costUsd: number) => ({
    workType,
    leadTimeHours,
    costUsd,
  });
  // Features done: lead times 10, 20, 30, 40 and costs 2, 4, 6, 8 over four runs; bugs: 5 and 7,
  // costs 1 and 3. Type-7 percentiles of four values a, b, c, d: P85 at 2.55 (c + 0.55 (d − c)),
  // P95 at 2.85; of two values: P85 = a + 0.85 (b − a), P95 = a + 0.95 (b − a).
  const rows = [
    row({ seed: 1, typed: [done('feature', 10, 2), done('feature', 20, 4), done('bug', 5, 1)] }),
    row({ seed: 2, typed: [done('feature', 30, 6)] }),
    row({ seed: 3 }),
    row({ seed: 4, typed: [done('bug', 7, 3), done('feature', 40, 8)] }),
  ];

  it('pools every instruction done of each type, in the order the types first appear', () => {
    const f = forecastOf('hand', rows, { seedBase: 1, rule: '', partial: false });
    expect(f.workTypes).toEqual([
      {
        workType: 'feature',
        done: 4,
        donePerRun: 1,
        leadTimeHours: { n: 4, mean: 25, p50: 25, p85: 35.5, p95: 38.5, max: 40 },
        costUsd: { n: 4, mean: 5, p50: 5, p85: 7.1, p95: 7.7, max: 8 },
      },
      {
        workType: 'bug',
        done: 2,
        donePerRun: 0.5,
        leadTimeHours: { n: 2, mean: 6, p50: 6, p85: 6.7, p95: 6.9, max: 7 },
        costUsd: { n: 2, mean: 2, p50: 2, p85: 2.7, p95: 2.9, max: 3 },
      },
    ]);
  });

  it('gives each variant of a comparison its own, and none without work types', () => {
    const arms = ['a', 'b'].map((label) => ({
      scenario: 'hand',
      variant: { label, changes: [] },
    }));
    const c = comparisonOf(arms, [rows, rows.map((r) => ({ ...r, typed: [] }))], {
      seedBase: 1,
      partial: false,
      warmupHours: 0,
      rankBy: 'makespanHours',
    });
    expect(c.variants[0]?.workTypes.map((w) => [w.workType, w.done])).toEqual([
      ['feature', 4],
      ['bug', 2],
    ]);
    expect(c.variants[1]?.workTypes).toEqual([]);
  });
});

describe('the what-if answer', () => {
  const change = (
    label: string,
    mean: number,
    ci95: number,
    cost: number,
    withinBudget = true,
  ) => ({
    label,
    makespanHours: { mean, ci95 },
    costUsd: { mean: cost, ci95: 10 },
    hoursPer1000Usd: null,
    shortens: mean + ci95 < 0,
    withinBudget,
  });

  it('names the change that shortens the makespan most, within budget, in one line', () => {
    const list = [
      change('+1 security IC', -108, 21, 4200, false),
      change('+1 qa IC', -46, 20, 900),
      change('−1 data IC', 12, 30, -700),
    ];
    expect(answerOf(list, 30)).toBe('Add a qa IC: makespan −46 h ± 20 (95 %), +$900.');
    expect(answerOf([change('+1 security IC', -108, 21, 4200)], 30)).toBe(
      'Add a security IC: makespan −108 h ± 21 (95 %), +$4,200.',
    );
  });

  it('says so when no change is detectable', () => {
    expect(answerOf([change('+1 data IC', -5, 30, 10)], 30)).toMatch(
      /^No single change shortens the makespan detectably in 30 runs \(closest: Add a data IC, makespan −5 h ± 30 \(95 %\)\); try more runs\.$/,
    );
  });

  it('says when only changes over the budget would help, and writes zero without a sign', () => {
    expect(answerOf([change('+1 security IC', -108, 21, 4200, false)], 30)).toBe(
      'Only changes over the budget per change shorten the makespan detectably; the best: Add a security IC, makespan −108 h ± 21 (95 %), +$4,200.',
    );
    expect(answerOf([change('−1 qa IC', -30, 10, -0.3)], 30)).toBe(
      'Take away a qa IC: makespan −30 h ± 10 (95 %), $0.',
    );
  });
});
