import { describe, expect, it } from 'vitest';
import { jobsOf, replicationSeeds, runBatch } from '../../src/batch/run-batch.ts';
import { coefficientOfVariation, estimate, pairedDifference, t95 } from '../../src/batch/stats.ts';

describe('replication statistics', () => {
  it('gives the mean, sample sd and a Student-t 95 % interval', () => {
    const e = estimate([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(e.mean).toBe(5);
    expect(e.sd).toBeCloseTo(2.138, 3);
    expect(e.ci95).toBeCloseTo(2.365 * (2.138 / Math.sqrt(8)), 2);
  });

  it('uses exact Student-t quantiles at any degrees of freedom (published table values)', () => {
    // Values from a t table (e.g. NIST/SEMATECH e-Handbook, table 1.3.6.7.2), two-sided 95 %.
    expect(t95(1)).toBeCloseTo(12.706, 3);
    expect(t95(7)).toBeCloseTo(2.365, 3);
    expect(t95(30)).toBeCloseTo(2.042, 3);
    // Between the old table's rows, where it fell back to 1.96 or 1.98 and made intervals narrow.
    expect(t95(121)).toBeCloseTo(1.98, 3);
    expect(t95(45)).toBeCloseTo(2.014, 3);
    expect(t95(1000)).toBeCloseTo(1.962, 3);
    expect(t95(0)).toBeNaN();
  });

  it('pairs differences replication by replication', () => {
    const d = pairedDifference([10, 12, 14], [9, 11, 13]);
    expect(d.mean).toBe(1);
    expect(d.sd).toBe(0);
    expect(() => pairedDifference([1], [1, 2])).toThrow(/Paired samples differ in size/);
    expect(coefficientOfVariation([1, 1, 1])).toBe(0);
    expect(coefficientOfVariation([0, 2])).toBe(1);
  });
});

describe('runBatch', () => {
  it('lays out every scenario × strategy × seed once, strategies sharing seeds', () => {
    const jobs = jobsOf(['a', 'b'], {
      seeds: replicationSeeds(10, 3),
      strategies: ['weighted', 'specialist'],
    });
    expect(jobs).toHaveLength(12);
    expect(new Set(jobs.map((j) => `${j.scenario}/${j.variant?.label}/${j.seed}`)).size).toBe(12);
    expect(
      jobs.filter((j) => j.variant?.label === 'strategy=specialist').map((j) => j.seed),
    ).toEqual([10, 11, 12, 10, 11, 12]);
  });

  it('returns the same rows on two worker threads as in this thread', async () => {
    const options = { seeds: [3, 4, 5], strategies: ['weighted', 'round-robin'] as const };
    const threads = await runBatch(['tier2'], { ...options, workers: 2 });
    const inline = await runBatch(['tier2'], { ...options, workers: 0 });
    expect(threads).toEqual(inline);
    expect(threads).toHaveLength(6);
  });

  it('never reports a makespan below the bound no schedule can beat', async () => {
    const rows = await runBatch(['tier3', 'oversubscribed-backend'], {
      seeds: [1, 2, 3],
      workers: 0,
    });
    for (const r of rows) {
      expect(r.outcome).toBe('done');
      expect(r.lowerBoundHours).toBeGreaterThan(0);
      expect(r.makespanHours).toBeGreaterThanOrEqual(r.lowerBoundHours - 1e-6);
    }
  });
});
