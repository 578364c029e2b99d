// The escalation ladder and the routing of blockers to their first rung.

export const ESCALATION_LADDER = ['IC', 'DL', 'TL', 'EM', 'human'] as const;

export type EscalationRole = (typeof ESCALATION_LADDER)[number];

/** Index into ESCALATION_LADDER: 0 is the task's owner (IC), 4 is a human. */
export type EscalationLevel = 0 | 1 | 2 | 3 | 4;

export const TOP_LEVEL: EscalationLevel = 4;

export const BLOCKER_TYPES = [
  'technical',
  'dependency',
  'requirements',
  'resource',
  'priority',
] as const;

export type BlockerType = (typeof BLOCKER_TYPES)[number];

/**
 * Where an escalated blocker lands first: technical → DL (then TL as SLAs lapse);
 * cross-domain dependency → TL; requirements, priority and resource → EM.
 */
const FIRST_RUNG: Record<BlockerType, EscalationLevel> = {
  technical: 1,
  dependency: 2,
  requirements: 3,
  priority: 3,
  resource: 3,
};

export function routeLevel(blocker: BlockerType): EscalationLevel {
  return FIRST_RUNG[blocker];
}

export function roleAt(level: EscalationLevel): EscalationRole {
  return ESCALATION_LADDER[level];
}

/** The ladder level a state visit starts at: an escalated blocker starts where its route lands. */
export function visitStartLevel(state: string, blocker: BlockerType | null): EscalationLevel {
  return state === 'ESCALATED' && blocker !== null ? routeLevel(blocker) : 0;
}
