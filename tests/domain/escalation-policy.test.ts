// Who owns a late task and which rungs may act on a blocker: the tables of
// src/domain/escalation-policy.ts, read through its functions.

import { describe, expect, it } from 'vitest';
import {
  blockerAction,
  blockerRungs,
  breachOwner,
  climbFrom,
  outcomeOf,
} from '../../src/domain/escalation-policy.ts';

describe('escalation policy', () => {
  it('escalates a breach to nobody while the task is blocked or already escalated', () => {
    // BLOCKED and ESCALATED have their own ladder (the blocker's): no rung owns the breach, and
    // the answer is null, not a missing table entry.
    expect(breachOwner('BLOCKED')).toBe(null);
    expect(breachOwner('ESCALATED')).toBe(null);
  });

  it('gives the DL the breaches of states someone else can move, nobody those of a lead desk', () => {
    // The DL (rung 1) can reassign or chase work waiting in the pool, on an IC or in review.
    expect(breachOwner('PENDING')).toBe(1);
    expect(breachOwner('ASSIGNED')).toBe(1);
    expect(breachOwner('IN_PROGRESS')).toBe(1);
    expect(breachOwner('UNDER_REVIEW')).toBe(1);
    // Planning, domain review and a handoff are the (receiving) lead's own desk.
    expect(breachOwner('IN_PLANNING')).toBe(null);
    expect(breachOwner('DOMAIN_REVIEW')).toBe(null);
    expect(breachOwner('READY_FOR_HANDOFF')).toBe(null);
  });

  it('lists the rungs that can act on each blocker, in climbing order', () => {
    // Technical: DL (1) then TL (2); a dependency: the TL alone; the rest: the EM (3).
    expect(blockerRungs('technical')).toEqual([1, 2]);
    expect(blockerRungs('dependency')).toEqual([2]);
    expect(blockerRungs('resource')).toEqual([3]);
    expect(blockerRungs('requirements')).toEqual([3]);
    expect(blockerRungs('priority')).toEqual([3]);
  });

  it('climbs to the next rung above that can act, and stays put past the last', () => {
    // Technical [1, 2]: from the DL (1) to the TL (2); the TL has nobody above who can act.
    expect(climbFrom('technical', 1)).toBe(2);
    expect(climbFrom('technical', 2)).toBe(null);
    // Dependency [2]: from the IC (0) or the DL (1) straight to the TL.
    expect(climbFrom('dependency', 0)).toBe(2);
    expect(climbFrom('dependency', 1)).toBe(2);
    // Resource, requirements, priority [3]: the EM; nothing above the EM among those.
    expect(climbFrom('resource', 2)).toBe(3);
    expect(climbFrom('requirements', 1)).toBe(3);
    expect(climbFrom('priority', 0)).toBe(3);
    expect(climbFrom('priority', 3)).toBe(null);
  });

  it('decides what the holding rung does and how that ends the escalation', () => {
    expect(blockerAction('technical', 1)).toBe('unblock');
    expect(blockerAction('dependency', 2)).toBe('breakDependency');
    expect(blockerAction('resource', 3)).toBe('provideResource');
    expect(blockerAction('requirements', 3)).toBe('referToHuman');
    // The human (rung 4) decides whatever the blocker.
    expect(blockerAction('priority', 4)).toBe('decide');
    expect(outcomeOf('referToHuman')).toBe('referred');
    expect(outcomeOf('recordHiringNeed')).toBe('unresolved');
    expect(outcomeOf('none')).toBe('declined');
    expect(outcomeOf('borrow')).toBe('acted');
  });
});
