import { describe, expect, it } from 'vitest';
import {
  BLOCKER_TYPES,
  breachLevel,
  ESCALATION_LADDER,
  roleAt,
  routeLevel,
  visitStartLevel,
} from '../../src/domain/escalation.ts';

describe('escalation', () => {
  it('climbs IC → DL → TL → EM → human', () => {
    expect(ESCALATION_LADDER).toEqual(['IC', 'DL', 'TL', 'EM', 'human']);
    expect([1, 2, 3, 4].map((k) => breachLevel(0, k))).toEqual([1, 2, 3, 4]);
    expect(breachLevel(0, 5)).toBeUndefined();
    expect(breachLevel(3, 1)).toBe(4);
    expect(breachLevel(3, 2)).toBeUndefined();
  });

  it('routes technical blockers to the DL, dependencies to the TL, the rest to the EM', () => {
    expect(Object.fromEntries(BLOCKER_TYPES.map((b) => [b, roleAt(routeLevel(b))]))).toEqual({
      technical: 'DL',
      dependency: 'TL',
      requirements: 'EM',
      resource: 'EM',
      priority: 'EM',
    });
  });

  it('starts an ESCALATED visit where the blocker was routed, every other visit at the owner', () => {
    expect(visitStartLevel('ESCALATED', 'dependency')).toBe(2);
    expect(visitStartLevel('IN_PROGRESS', 'dependency')).toBe(0);
    expect(visitStartLevel('ESCALATED', null)).toBe(0);
  });
});
