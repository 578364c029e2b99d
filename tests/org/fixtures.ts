// Small explicit plans and quiet configurations for tests that work a run's numbers out by hand:
// no blockers, no rejections, no incomplete handoffs, effort exactly the estimate.

import type { Tier } from '../../src/domain/gates.ts';
import type { Domain } from '../../src/domain/org.ts';
import type { Plan } from '../../src/domain/planning/plan.ts';
import type { LogRecord } from '../../src/log/event-log.ts';
import type { InstructionSpec, SimConfig } from '../../src/org/config.ts';
import { defaultConfig } from '../../src/org/defaults.ts';

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
