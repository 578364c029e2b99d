// The Engineering Manager: instruction intake and go/no-go, priority arbitration, resource,
// priority and requirements escalations, capacity rebalancing, and the org-wide standup read.

import { roleMachine } from './desk.ts';

/** The messages a EM accepts, and the activity each becomes. */
export const EM_WORK = {
  'instruction.received': 'intake',
  'escalation.assigned': 'escalation',
  'capacity.review': 'rebalance',
  'standup.rollup': 'standup',
  'git.conflict': 'conflictResolution',
  'git.integrate': 'integration',
  'git.ciFix': 'ciFix',
} as const;

export const emMachine = roleMachine('EM', EM_WORK);
