// The Tech Lead: strategic planning of each instruction, architecture review (tiers 3–4),
// technical and dependency escalations, and the roll-up of the leads' standups for the EM.

import { roleMachine } from './desk.ts';

/** The messages a TL accepts, and the activity each becomes. */
export const TL_WORK = {
  'delegate.instruction': 'strategicPlanning',
  'review.architecture': 'architectureReview',
  'escalation.assigned': 'escalation',
  'standup.rollup': 'standup',
  'git.conflict': 'conflictResolution',
  'git.integrate': 'integration',
  'git.ciFix': 'ciFix',
} as const;

export const tlMachine = roleMachine('TL', TL_WORK);
