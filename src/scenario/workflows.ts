// The scenario's workflow templates as the run reads them (src/domain/planning/workflow.ts), with
// the problems a file can have: a step that is both work and a gate or neither, a work step with
// no estimate, a gate naming someone who is not a human of the org, steps that depend on unknown
// steps or on each other in a cycle.

import type { Tier } from '../domain/gates.ts';
import {
  type GateRule,
  impliedDependencies,
  type Workflow,
  type WorkflowStep,
  workflowProblems,
} from '../domain/planning/workflow.ts';
import type { Complexity } from '../domain/skills.ts';
import { DEFAULT_APPROVAL_HOURS } from './defaults.ts';
import type { FieldPath, ScenarioIssue } from './errors.ts';
import type { Approvers } from './roles.ts';
import type { ParsedScenario } from './schema.ts';

type RawRule = Pick<
  NonNullable<ParsedScenario['approvals']>[number],
  'approvers' | 'mode' | 'hours' | 'timeoutHours' | 'onTimeout' | 'escalateTo' | 'denyShare'
>;
type RawWorkflow = NonNullable<ParsedScenario['workflows']>[string];
type RawStep = RawWorkflow['steps'][number];

/** A gate's or policy's rule, the defaults filled in, each role replaced by its humans. */
export function gateRuleOf(r: RawRule, approvers: Approvers): GateRule {
  return {
    approvers: approvers.expand(r.approvers),
    mode: r.mode ?? 'all',
    hours: r.hours ?? DEFAULT_APPROVAL_HOURS,
    timeoutHours: r.timeoutHours ?? null,
    onTimeout: r.onTimeout ?? 'wait',
    escalateTo: approvers.expand(r.escalateTo ?? []),
    denyShare: r.denyShare ?? 0,
  };
}

/**
 * Problems with a gate's or policy's rule at `at`: names that are neither a human nor a role of
 * one, a timeout that cannot apply.
 */
export function gateRuleIssues(r: RawRule, at: FieldPath, approvers: Approvers): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  for (const key of ['approvers', 'escalateTo'] as const)
    (r[key] ?? []).forEach((who, j) => {
      if (!approvers.names.includes(who))
        issues.push({
          path: [...at, key, j],
          message: `names "${who}", who is not one of org.humans nor a role of theirs (${approvers.names.join(', ')}): add them there`,
        });
    });
  if (r.onTimeout === 'escalate' && (r.escalateTo === undefined || r.timeoutHours === undefined))
    issues.push({
      path: [...at, 'onTimeout'],
      message: 'escalates to nobody, or never: give escalateTo and timeoutHours',
    });
  if ((r.onTimeout ?? 'wait') !== 'wait' && r.timeoutHours === undefined)
    issues.push({
      path: [...at, 'timeoutHours'],
      message: `is missing: onTimeout ${r.onTimeout} needs the hours after which it applies`,
    });
  return issues;
}

/** What a gate step may not say: the fields of a work step. */
const WORK_ONLY = [
  'domain',
  'estimateHours',
  'complexity',
  'timeoutHours',
  'architectural',
] as const;

function stepOf(
  s: RawStep,
  dependsOn: readonly string[],
  at: FieldPath,
  approvers: Approvers,
  issues: ScenarioIssue[],
): WorkflowStep | null {
  if (s.gate !== undefined) {
    const extra = WORK_ONLY.filter((k) => s[k] !== undefined);
    for (const k of extra)
      issues.push({
        path: [...at, k],
        message: 'is for work steps: a gate is approved by humans; drop it, or make two steps',
      });
    issues.push(...gateRuleIssues(s.gate, [...at, 'gate'], approvers));
    return { kind: 'gate', name: s.name, dependsOn, gate: gateRuleOf(s.gate, approvers) };
  }
  if (s.domain === undefined) {
    issues.push({
      path: [...at, 'domain'],
      message:
        'is missing: a step is work in a domain (domain, estimateHours) or a human gate (gate)',
    });
    return null;
  }
  if (s.estimateHours === undefined) {
    issues.push({
      path: [...at, 'estimateHours'],
      message: 'is missing: give the step’s estimate in hours, or a range [low, high]',
    });
    return null;
  }
  const [lo, hi] =
    typeof s.estimateHours === 'number' ? [s.estimateHours, s.estimateHours] : s.estimateHours;
  if (lo > hi)
    issues.push({
      path: [...at, 'estimateHours'],
      message: `must be a range [low, high] with low ≤ high, got [${lo}, ${hi}]`,
    });
  return {
    kind: 'work',
    name: s.name,
    dependsOn,
    domain: s.domain,
    estimateHours: [lo, hi],
    complexity: (s.complexity ?? 2) as Complexity,
    timeoutHours: s.timeoutHours ?? null,
    architectural: s.architectural ?? false,
  };
}

/** The workflows of the scenario by name, and the problems found on the way. */
export function workflowsOf(
  raw: ParsedScenario,
  approvers: Approvers,
): { workflows: Map<string, Workflow>; issues: ScenarioIssue[] } {
  const issues: ScenarioIssue[] = [];
  const workflows = new Map<string, Workflow>();
  for (const [name, w] of Object.entries(raw.workflows ?? {})) {
    const at: FieldPath = ['workflows', name];
    const deps = impliedDependencies(w.steps);
    const problems = workflowProblems(
      w.steps.map((s, i) => ({ name: s.name, dependsOn: deps[i] ?? [] })),
    );
    for (const p of problems) issues.push({ path: [...at, 'steps', p.step], message: p.message });
    const steps = w.steps.map((s, i) =>
      stepOf(s, deps[i] ?? [], [...at, 'steps', i], approvers, issues),
    );
    if (steps.every((s) => s !== null) && !steps.some((s) => s.kind === 'work'))
      issues.push({
        path: [...at, 'steps'],
        message: 'has no work step: give at least one step a domain and an estimate',
      });
    workflows.set(name, {
      id: name,
      workType: w.workType ?? name,
      tier: (w.tier ?? 1) as Tier,
      steps: steps.filter((s) => s !== null),
    });
  }
  return { workflows, issues };
}
