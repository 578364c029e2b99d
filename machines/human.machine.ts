// A human who governs: the top of the escalation ladder. Requirements and priority conflicts
// reach their desk and wait for their working hours like anyone's work, so humans can be the
// bottleneck.

import { roleMachine } from './desk.ts';

/** The messages a human accepts, and the activity each becomes. */
export const HUMAN_WORK = {
  'escalation.assigned': 'escalation',
} as const;

export const humanMachine = roleMachine('human', HUMAN_WORK);
