// Small pieces the org tests build their runs from: no blockers, no gates, and one-task
// instructions of a set number of backend hours.

import type { InstructionSpec } from '../../src/org/config.ts';

export const NO_BLOCKERS = {
  technical: 0,
  dependency: 0,
  requirements: 0,
  resource: 0,
  priority: 0,
};
export const NO_GATES = {
  enabled: {
    peerReview: false,
    qaValidation: false,
    domainApproval: false,
    architectureReview: false,
  },
  rejectProbability: { peerReview: 0, qaValidation: 0, domainApproval: 0, architectureReview: 0 },
};

/** A one-task instruction whose task is `hours` of backend work. */
export function job(
  id: string,
  at: number,
  hours: number,
  priority: 0 | 1 | 2 | 3 = 2,
): InstructionSpec {
  return {
    id,
    at,
    tier: 1,
    priority,
    title: id,
    plan: {
      instruction: id,
      tier: 1,
      strategic: [
        {
          id: `${id}-S`,
          instruction: id,
          domain: 'backend',
          title: 's',
          milestone: 0,
          dependsOn: [],
        },
      ],
      tactical: [
        {
          id: `${id}-T`,
          strategic: `${id}-S`,
          instruction: id,
          domain: 'backend',
          title: 't',
          estimateHours: hours,
          complexity: 2,
          dependsOn: [],
          architectural: false,
        },
      ],
    },
  };
}
