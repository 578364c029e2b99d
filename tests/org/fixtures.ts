// Small pieces the org tests build their runs from: no blockers, no gates, one-task instructions
// of a set number of backend hours, a one-IC org whose costs work out by hand, small explicit
// plans, and quiet configurations (effort exactly the estimate, nothing left to chance).

import { ALWAYS, type Calendar, OFFICE_HOURS } from '../../src/domain/calendar.ts';
import type { Tier } from '../../src/domain/gates.ts';
import type { Domain } from '../../src/domain/org.ts';
import type { Plan } from '../../src/domain/planning/plan.ts';
import type { LogRecord } from '../../src/log/event-log.ts';
import { buildOrg } from '../../src/scenario/build-org.ts';
import type { CostConfig, InstructionSpec, SimConfig } from '../../src/scenario/config.ts';
import {
  DEFAULT_COST,
  DEFAULT_OVERHEADS,
  defaultConfig,
  defaultOrg,
} from '../../src/scenario/defaults.ts';

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
export const FREE = {
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

type Of<T extends LogRecord['type']> = Extract<LogRecord, { type: T }>;

export const only = <T extends LogRecord['type']>(log: readonly LogRecord[], type: T): Of<T>[] =>
  log.filter((r): r is Of<T> => r.type === type);

export interface TaskLine {
  readonly id: string;
  readonly domain: Domain;
  readonly hours: number;
  readonly dependsOn?: readonly string[];
}

/** An instruction with an explicit plan: one strategic task per domain, `<id>-<domain>`. */
export function planned(
  id: string,
  tier: Tier,
  tasks: readonly TaskLine[],
  at = 0,
): InstructionSpec {
  const domains = [...new Set(tasks.map((t) => t.domain))];
  const plan: Plan = {
    instruction: id,
    tier,
    strategic: domains.map((domain) => ({
      id: `${id}-${domain}`,
      instruction: id,
      domain,
      title: domain,
      milestone: 0,
      dependsOn: [],
    })),
    tactical: tasks.map((t) => ({
      id: t.id,
      strategic: `${id}-${t.domain}`,
      instruction: id,
      domain: t.domain,
      title: t.id,
      estimateHours: t.hours,
      complexity: 2,
      dependsOn: t.dependsOn ?? [],
      architectural: false,
    })),
  };
  return { id, at, tier, priority: 2, title: id, plan };
}

/** The defaults with nothing left to chance: effort = estimate, no blockers, no rejections. */
export function quiet(overrides: Partial<SimConfig>): SimConfig {
  const base = defaultConfig();
  return defaultConfig({
    effort: { kind: 'fixed' },
    blockers: { technical: 0, dependency: 0, requirements: 0, resource: 0, priority: 0 },
    gates: {
      ...base.gates,
      rejectProbability: {
        peerReview: 0,
        qaValidation: 0,
        domainApproval: 0,
        architectureReview: 0,
      },
    },
    handoff: { ...base.handoff, incompleteProbability: 0 },
    ...overrides,
  });
}

/** Working hours of execution each person logged on `task`. */
export function executedBy(records: readonly LogRecord[], task: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const w of only(records, 'work'))
    if (w.kind === 'execute' && w.task === task)
      out.set(w.person, (out.get(w.person) ?? 0) + w.hours);
  return out;
}

/**
 * One IC in every domain, on office hours (09:00–17:00) with WIP 1, and three 30 h backend tasks:
 * nobody can be lent and nothing is of lower priority, so the EM's remaining move is overtime.
 */
export function fullDomainOnOfficeHours(): Partial<SimConfig> {
  return {
    capacityReviewHour: null,
    org: defaultOrg({
      headcount: { backend: 1, frontend: 1, qa: 1, devops: 1, data: 1, security: 1 },
      wipLimit: 1,
      calendar: OFFICE_HOURS,
    }),
    instructions: [job('A', 0, 30), job('B', 0.1, 30), job('C', 0.2, 30)],
  };
}
