// Small pieces the org tests build their runs from: no blockers, no gates, one-task instructions
// of a set number of backend hours, and a one-IC org whose costs work out by hand.

import { ALWAYS, type Calendar } from '../../src/domain/calendar.ts';
import { buildOrg } from '../../src/org/build-org.ts';
import type { CostConfig, InstructionSpec, SimConfig } from '../../src/org/config.ts';
import { DEFAULT_COST, DEFAULT_OVERHEADS, defaultConfig } from '../../src/org/defaults.ts';

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

/** Management at no cost in hours: intake, planning and assignment take no time. */
const FREE = {
  ...DEFAULT_OVERHEADS,
  intakeHours: 0,
  strategicPlanningHours: { 1: 0, 2: 0, 3: 0, 4: 0 },
  tacticalPlanningHoursPerTask: 0,
  assignmentHours: 0,
};

/**
 * An org whose only cost is its one backend IC at $10 an hour ($0.15 of tokens + $9.85): no gates,
 * blockers, rituals or management hours, effort exactly the estimate. Figures work out by hand.
 */
export function oneIc(
  cost: Partial<CostConfig>,
  instructions: InstructionSpec[],
  calendar: Calendar = ALWAYS,
): SimConfig {
  return defaultConfig({
    org: buildOrg({
      teams: [{ id: 'team-1', ics: { backend: { count: 1, costPerHour: 9.85, calendar } } }],
    }),
    instructions,
    blockers: NO_BLOCKERS,
    gates: NO_GATES,
    effort: { kind: 'fixed' },
    overheads: FREE,
    standupHour: null,
    capacityReviewHour: null,
    cost: { ...DEFAULT_COST, ...cost },
  });
}
