// The Engineering Manager: instruction intake and go/no-go, priority arbitration, resource,
// priority and requirements escalations, capacity rebalancing, and the org-wide standup read.

import { roleMachine } from './desk.ts';

export const emMachine = roleMachine('EM', {
  'instruction.received': 'intake',
  'escalation.assigned': 'escalation',
  'capacity.review': 'rebalance',
  'standup.rollup': 'standup',
});
