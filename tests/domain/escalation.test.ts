import { describe, expect, it } from 'vitest';
import {
  BLOCKER_TYPES,
  ESCALATION_LADDER,
  roleAt,
  routeLevel,
  visitStartLevel,
} from '../../src/domain/escalation.ts';

describe('escalation', () => {
  it('has the ladder IC → DL → TL → EM → human', () => {
    expect(ESCALATION_LADDER).toEqual(['IC', 'DL', 'TL', 'EM', 'human']);
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
