// The budget's line in the headline, on runs of the one-IC org ($10 an hour) worked out by hand.

import { describe, expect, it } from 'vitest';
import { collect } from '../../src/collect/index.ts';
import { runSimulation } from '../../src/org/run.ts';
import { budgetLine } from '../../src/report/budget-line.ts';
import type { CostConfig } from '../../src/scenario/config.ts';
import { job, oneIc } from '../org/fixtures.ts';

function line(cost: Partial<CostConfig>, instructions = [job('A', 1, 10), job('B', 8, 1)]) {
  const { log } = runSimulation(oneIc(cost, instructions));
  return budgetLine(collect(log.records, log.sha256()).summary);
}

describe('the budget line', () => {
  it('is absent without a budget', () => {
    expect(line({})).toBeNull();
  });

  it('shows spend against the run budget, its alerts, when it ran out, and what was refused', () => {
    // $50: 80 % ($40) at t = 5, spent at 6; A goes on to $100 (200 %), B (t = 8) is refused.
    expect(line({ budgetUsd: 50 })).toBe(
      'Budget: $100 of $50 (200 %) · policy stopIntake · alerts 80 % at 5 h · spent at 6 h · over budget · refused 1 (budget spent): B',
    );
  });

  it('shows the daily budget’s days', () => {
    // $40 a day under alert: day 0 spends all of A's $100 (1 → 11) and B's $10 (11 → 12).
    expect(line({ dailyBudgetUsd: 40, policy: 'alert' })).toBe(
      'Budget: $110 spent · policy alert · daily $40: alerts on 1 day, spent on 1 of 1 day, most $110 (275 %)',
    );
  });
});
