import { describe, expect, it } from 'vitest';
import { type RunFacts, runOutcome } from '../../src/domain/outcome.ts';

const facts = (f: Partial<RunFacts>): RunFacts => ({
  ended: 'done',
  budgetStop: false,
  overBudget: false,
  refused: 0,
  ...f,
});

describe('a run’s outcome', () => {
  it('is how the run ended when no budget had a say', () => {
    expect(runOutcome(facts({}))).toBe('done');
    expect(runOutcome(facts({ ended: 'horizon' }))).toBe('horizon');
    expect(runOutcome(facts({ ended: 'stalled' }))).toBe('stalled');
  });

  it('puts the budget first: budgetStop, then overBudget, then refused', () => {
    const all = { budgetStop: true, overBudget: true, refused: 2, ended: 'horizon' as const };
    expect(runOutcome(facts(all))).toBe('budgetStop');
    expect(runOutcome(facts({ ...all, budgetStop: false }))).toBe('overBudget');
    expect(runOutcome(facts({ ...all, budgetStop: false, overBudget: false }))).toBe('refused');
    expect(runOutcome(facts({ refused: 1 }))).toBe('refused');
  });
});
