// A Domain Lead: breaks strategic tasks into tactical ones, assigns them to ICs, approves their
// work, verifies incoming handoffs, resolves first-level escalations and rolls up the standup.

import { roleMachine } from './desk.ts';

/** The messages a DL accepts, and the activity each becomes. */
export const DL_WORK = {
  'delegate.strategic': 'tacticalPlanning',
  'assign.request': 'assignment',
  'review.domain': 'domainApproval',
  'review.peer': 'peerReview',
  'review.qa': 'qaValidation',
  'handoff.offer': 'handoffVerification',
  'escalation.assigned': 'escalation',
  'standup.report': 'standup',
  'git.conflict': 'conflictResolution',
  'git.integrate': 'integration',
  'git.ciFix': 'ciFix',
} as const;

export const dlMachine = roleMachine('DL', DL_WORK);
