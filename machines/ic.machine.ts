// An Individual Contributor: executes tasks (and reworks them), peer-reviews others' work, QA
// validates (when a QA IC), fixes returned handoffs, and reports at standup.

import { roleMachine } from './desk.ts';

/** The messages a IC accepts, and the activity each becomes. */
export const IC_WORK = {
  'delegate.task': 'execute',
  'task.rework': 'execute',
  'task.resume': 'execute',
  'review.peer': 'peerReview',
  'review.qa': 'qaValidation',
  'handoff.returned': 'handoffFix',
  'standup.call': 'standup',
  'git.sync': 'sync',
  'git.merge': 'merge',
  'git.conflict': 'conflictResolution',
  'git.integrate': 'integration',
  'git.ciFix': 'ciFix',
} as const;

export const icMachine = roleMachine('IC', IC_WORK);
