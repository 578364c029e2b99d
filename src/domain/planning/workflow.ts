// Workflow templates (docs/agents.md, Work types and workflows): an instruction of a work type runs
// its workflow's steps instead of a plan generated from its tier. Each step is one task in its
// domain, or a human gate. A step follows the step before it unless it lists what it depends on, or
// runs alongside the step before it (`parallel`: it waits for what that step waits for), as the
// seed's templates read. A gate holds the steps after it until its humans approve; a gate nothing
// follows holds the instruction's completion.

import type { RandomStream } from '../../kernel/random.ts';
import type { Hours } from '../../kernel/time.ts';
import type { Tier } from '../gates.ts';
import type { Domain } from '../org.ts';
import type { Complexity } from '../skills.ts';
import { dependencyOrder } from './graph.ts';
import type { Plan, PlanGate, StrategicTask, TacticalTask } from './plan.ts';

/** Who approves at a gate, and what happens when nobody has decided in time. */
export interface GateRule {
  readonly approvers: readonly string[];
  readonly mode: 'all' | 'any';
  readonly hours: Hours;
  readonly timeoutHours: Hours | null;
  /** At the timeout: go on waiting, approve or deny on nobody's word, or ask `escalateTo` too. */
  readonly onTimeout: 'wait' | 'approve' | 'deny' | 'escalate';
  readonly escalateTo: readonly string[];
  /** The chance each human decision is a no, which denies the work. */
  readonly denyShare: number;
}

interface StepBase {
  readonly name: string;
  /** The steps that must be done first (resolved: the previous step, or its inputs, by default). */
  readonly dependsOn: readonly string[];
}

export interface WorkStep extends StepBase {
  readonly kind: 'work';
  readonly domain: Domain;
  /** The task's estimate: a number, or a range drawn per instruction. */
  readonly estimateHours: readonly [Hours, Hours];
  readonly complexity: Complexity;
  /** Hours in progress before the step's SLA is breached (and it escalates); null: the SLA table's. */
  readonly timeoutHours: Hours | null;
  readonly architectural: boolean;
}

export interface GateStep extends StepBase {
  readonly kind: 'gate';
  readonly gate: GateRule;
}

export type WorkflowStep = WorkStep | GateStep;

export interface Workflow {
  readonly id: string;
  /** The work type its instructions have unless they say otherwise. */
  readonly workType: string;
  readonly tier: Tier;
  readonly steps: readonly WorkflowStep[];
}

/** A step's raw dependencies: as stated, or the step before it (or, `parallel`, that step's). */
export function impliedDependencies(
  steps: readonly { name: string; dependsOn?: readonly string[]; parallel?: boolean }[],
): string[][] {
  const out: string[][] = [];
  steps.forEach((step, i) => {
    const before = steps[i - 1];
    if (step.dependsOn !== undefined) out.push([...step.dependsOn]);
    else if (before === undefined) out.push([]);
    else if (step.parallel === true) out.push([...(out[i - 1] ?? [])]);
    else out.push([before.name]);
  });
  return out;
}

/** Problems with a workflow's steps: repeated names, unknown dependencies, cycles. */
export function workflowProblems(
  steps: readonly { name: string; dependsOn: readonly string[] }[],
): { step: number; message: string }[] {
  const problems: { step: number; message: string }[] = [];
  const names = new Set<string>();
  steps.forEach((s, i) => {
    if (names.has(s.name)) problems.push({ step: i, message: `repeats the step name "${s.name}"` });
    names.add(s.name);
  });
  // A work step's task is `<instruction>-<name>.1`: no other step may be called that.
  steps.forEach((s, i) => {
    if (names.has(`${s.name}.1`))
      problems.push({
        step: i,
        message: `its task would share the id of step "${s.name}.1": rename one`,
      });
  });
  steps.forEach((s, i) => {
    for (const d of s.dependsOn)
      if (!names.has(d)) problems.push({ step: i, message: `depends on no step of it: "${d}"` });
  });
  const byName = new Map(steps.map((s) => [s.name, s]));
  const { cycles } = dependencyOrder({
    nodes: steps.map((s) => s.name),
    dependsOn: (name) => byName.get(name)?.dependsOn ?? [],
  });
  for (const cycle of cycles)
    problems.push({
      step: steps.findIndex((s) => s.name === cycle[0]),
      message: `its steps depend on each other in a cycle: ${cycle.join(' → ')}`,
    });
  return problems;
}

/**
 * The plan an instruction of `workflow` runs: a strategic task of one tactical task per work step,
 * with the steps' dependencies, and the gates. A dependency on a gate is a dependency on the gate
 * (its id): it is met once the gate's humans approve. Estimates given as ranges
 * are drawn uniformly on `random`, in step order.
 */
export function workflowPlan(
  instruction: string,
  tier: Tier,
  workflow: Workflow,
  random: RandomStream,
): Plan {
  const id = (name: string) => `${instruction}-${name}`;
  const byName = new Map(workflow.steps.map((s) => [s.name, s]));
  const strategic: StrategicTask[] = [];
  const tactical: TacticalTask[] = [];
  const gates: PlanGate[] = [];
  // Milestones in dependency order: a step's is one more than the latest of its dependencies'.
  const { order } = dependencyOrder({
    nodes: workflow.steps.map((s) => s.name),
    dependsOn: (name) => byName.get(name)?.dependsOn ?? [],
  });
  const depth = new Map<string, number>();
  for (const name of order) {
    const deps = byName.get(name)?.dependsOn ?? [];
    depth.set(name, deps.length === 0 ? 0 : Math.max(...deps.map((d) => depth.get(d) ?? 0)) + 1);
  }
  /** The work steps a step's dependencies reach through gates: what its strategic task follows. */
  const workBehind = (deps: readonly string[]): string[] => {
    const out = new Set<string>();
    const stack = [...deps];
    while (stack.length > 0) {
      const name = stack.pop() as string;
      const step = byName.get(name);
      if (step === undefined) continue;
      if (step.kind === 'work') out.add(name);
      else stack.push(...step.dependsOn);
    }
    return [...out].sort();
  };
  /** A dependency's id in the plan: a gate's own, or the task of a work step. */
  const ref = (name: string) => (byName.get(name)?.kind === 'gate' ? id(name) : id(`${name}.1`));
  for (const step of workflow.steps) {
    if (step.kind === 'gate') {
      gates.push({
        id: id(step.name),
        instruction,
        dependsOn: step.dependsOn.map(ref),
        rule: step.gate,
      });
      continue;
    }
    const [lo, hi] = step.estimateHours;
    const estimate = lo === hi ? lo : lo + (hi - lo) * random.float();
    strategic.push({
      id: id(step.name),
      instruction,
      domain: step.domain,
      title: step.name,
      milestone: depth.get(step.name) ?? 0,
      dependsOn: workBehind(step.dependsOn).map(id),
    });
    tactical.push({
      id: id(`${step.name}.1`),
      strategic: id(step.name),
      instruction,
      domain: step.domain,
      title: step.name,
      estimateHours: estimate,
      complexity: step.complexity,
      dependsOn: step.dependsOn.map(ref),
      architectural: step.architectural,
      ...(step.timeoutHours === null ? {} : { timeoutHours: step.timeoutHours }),
    });
  }
  return { instruction, tier, strategic, tactical, ...(gates.length > 0 ? { gates } : {}) };
}
