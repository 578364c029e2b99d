// A human who governs: the top of the escalation ladder, and the approver of finished work.
// Requirements and priority conflicts, and approvals the scenario's policies ask for, reach their
// desk and wait for their working hours like anyone's work, so humans can be the bottleneck.

import { roleMachine } from './desk.ts';

/** The messages a human accepts, and the activity each becomes. */
export const HUMAN_WORK = {
  'escalation.assigned': 'escalation',
  'approval.requested': 'approval',
  'git.conflict': 'conflictResolution',
  'git.integrate': 'integration',
  'git.ciFix': 'ciFix',
} as const;

export const humanMachine = roleMachine('human', HUMAN_WORK);
