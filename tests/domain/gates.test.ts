import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  GATES,
  type Gate,
  requiredGates,
  skipsPlanning,
  stateAfterGates,
  TIERS,
} from '../../src/domain/gates.ts';

describe('requiredGates', () => {
  it('applies the gates of each tier, in the order a task meets them', () => {
    expect(requiredGates(1)).toEqual(['peerReview']);
    expect(requiredGates(2)).toEqual(['peerReview', 'qaValidation', 'domainApproval']);
    expect(requiredGates(3)).toEqual([
      'peerReview',
      'qaValidation',
      'domainApproval',
      'architectureReview',
    ]);
    expect(requiredGates(4)).toEqual(GATES);
  });

  it('lets a tier 3–4 task opt out of architecture review, and a scenario switch any gate off', () => {
    expect(requiredGates(4, { architectural: false })).not.toContain('architectureReview');
    expect(requiredGates(2, { enabled: { qaValidation: false } })).toEqual([
      'peerReview',
      'domainApproval',
    ]);
  });

  it('never adds a gate the tier does not apply, and keeps the canonical order', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TIERS),
        fc.dictionary(fc.constantFrom(...GATES), fc.boolean()),
        fc.boolean(),
        (tier, enabled, architectural) => {
          const gates = requiredGates(tier, { enabled, architectural });
          for (const g of gates) expect(requiredGates(tier)).toContain(g);
          for (const g of gates) expect(enabled[g as Gate]).not.toBe(false);
          expect(gates).toEqual(GATES.filter((g) => gates.includes(g)));
        },
      ),
    );
  });

  it('skips tactical planning for tier 1 only', () => {
    expect(TIERS.map(skipsPlanning)).toEqual([true, false, false, false]);
  });
});

describe('stateAfterGates', () => {
  it('holds peer review and QA in UNDER_REVIEW, approval and architecture in DOMAIN_REVIEW', () => {
    const all = requiredGates(4);
    expect([0, 1, 2, 3, 4].map((passed) => stateAfterGates(all, passed))).toEqual([
      'UNDER_REVIEW',
      'UNDER_REVIEW',
      'DOMAIN_REVIEW',
      'DOMAIN_REVIEW',
      'READY_FOR_HANDOFF',
    ]);
    expect(stateAfterGates([], 0)).toBe('READY_FOR_HANDOFF');
  });
});
