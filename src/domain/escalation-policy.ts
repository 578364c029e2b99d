// Who acts on what, and how. An escalation is a decision with an effect, taken in someone's hours:
// each rung owns some actions and may use only those. A late task that nobody on the ladder could
// move is reported as a breach at the rung that owns it, not climbed for show.

import type { BlockerType, EscalationLevel } from './escalation.ts';
import type { SlaState } from './sla.ts';

/** What a rung decides: each action is something that rung can do in a real org. */
export type EscalationAction =
  /** DL or TL: technical guidance; the blocker clears. */
  | 'unblock'
  /** TL: agree an interface or a stub with the other domain so work goes on. */
  | 'breakDependency'
  /** EM: the access, environment or tool the work lacked. */
  | 'provideResource'
  /** EM → a human: requirements and priority conflicts are theirs to decide. */
  | 'referToHuman'
  /** A human: the requirement is clarified, or the priority conflict settled. */
  | 'decide'
  /** DL: the task (or its queued review) goes to a colleague who is free now. */
  | 'reassign'
  /** DL → EM: the domain's ICs are all at their WIP limit; only the EM can add capacity. */
  | 'askCapacity'
  /** EM: an IC with the skill joins the domain's pool for a while, from another domain or team. */
  | 'borrow'
  /** EM: lower-priority work that has not started gives its WIP slot back to the backlog. */
  | 'deferLowerPriority'
  /** EM: the domain's ICs on limited hours work longer days for a while. */
  | 'approveOvertime'
  /** EM: nobody can be moved; a hiring need is recorded, and the breach stands. */
  | 'recordHiringNeed'
  /** Looked into it: the work is under way or has moved on; nothing to do. */
  | 'none';

/**
 * How a decision ends the escalation: `acted` (something changed in the run), `declined` (nothing
 * needed doing), `referred` (passed to the rung that owns what is needed), `unresolved` (it
 * needed something nobody could give: reported as a standing breach).
 */
export type EscalationOutcome = 'acted' | 'declined' | 'referred' | 'unresolved';

/**
 * Which rung owns a breach of each state, or null where the late person is the only one who can
 * do the work (IN_PLANNING and DOMAIN_REVIEW are the lead's own desk, READY_FOR_HANDOFF the
 * receiving lead's): those are reported as breaches and escalated to nobody.
 */
const BREACH_OWNER: Record<Exclude<SlaState, 'BLOCKED' | 'ESCALATED'>, EscalationLevel | null> = {
  PENDING: 1,
  IN_PLANNING: null,
  ASSIGNED: 1,
  IN_PROGRESS: 1,
  UNDER_REVIEW: 1,
  DOMAIN_REVIEW: null,
  READY_FOR_HANDOFF: null,
};

export function breachOwner(state: SlaState): EscalationLevel | null {
  if (state === 'BLOCKED' || state === 'ESCALATED') return null;
  return BREACH_OWNER[state];
}

/**
 * The rungs that can act on a blocker, in the order it climbs them when one is too slow: a
 * technical question can go from the DL to the TL; a dependency is the TL's alone; resources are
 * the EM's; requirements and priority go to the EM, who refers them to a human.
 */
const CAN_ACT: Record<BlockerType, readonly EscalationLevel[]> = {
  technical: [1, 2],
  dependency: [2],
  resource: [3],
  requirements: [3],
  priority: [3],
};

export function blockerRungs(blocker: BlockerType): readonly EscalationLevel[] {
  return CAN_ACT[blocker];
}

/** The next rung above `level` that can act on `blocker`, or null: then it stays where it is. */
export function climbFrom(blocker: BlockerType, level: EscalationLevel): EscalationLevel | null {
  return CAN_ACT[blocker].find((l) => l > level) ?? null;
}

/** What a rung does with a blocker it holds. */
export function blockerAction(blocker: BlockerType, level: EscalationLevel): EscalationAction {
  if (level === 4) return 'decide';
  switch (blocker) {
    case 'technical':
      return 'unblock';
    case 'dependency':
      return 'breakDependency';
    case 'resource':
      return 'provideResource';
    case 'requirements':
    case 'priority':
      return 'referToHuman';
  }
}

export function outcomeOf(action: EscalationAction): EscalationOutcome {
  switch (action) {
    case 'none':
      return 'declined';
    case 'askCapacity':
    case 'referToHuman':
      return 'referred';
    case 'recordHiringNeed':
      return 'unresolved';
    default:
      return 'acted';
  }
}
