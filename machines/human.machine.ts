// A human who governs: the top of the escalation ladder. Requirements and priority conflicts
// reach their desk and wait for their working hours like anyone's work, so humans can be the
// bottleneck.

import { roleMachine } from './desk.ts';

export const humanMachine = roleMachine('human', {
  'escalation.assigned': 'escalation',
});
