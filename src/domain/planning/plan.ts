// A plan: the strategic tasks the Tech Lead lays out for an instruction (per domain, with a
// dependency DAG) and the tactical tasks the Domain Leads break them into (with hour estimates).

import type { Hours } from '../../kernel/time.ts';
import type { Tier } from '../gates.ts';
import type { Domain } from '../org.ts';
import type { Complexity } from '../skills.ts';
import { dependencyOrder } from './graph.ts';
import type { GateRule } from './workflow.ts';

export interface StrategicTask {
  readonly id: string;
  readonly instruction: string;
  readonly domain: Domain;
  readonly title: string;
  /** Milestone index, from 0: a strategic task depends only on earlier milestones. */
  readonly milestone: number;
  readonly dependsOn: readonly string[];
}

export interface TacticalTask {
  readonly id: string;
  readonly strategic: string;
  readonly instruction: string;
  readonly domain: Domain;
  readonly title: string;
  readonly estimateHours: Hours;
  readonly complexity: Complexity;
  /** Tactical tasks that must be COMPLETED before this one can be assigned. */
  readonly dependsOn: readonly string[];
  /** Whether the Tech Lead reviews its architecture (tiers 3–4). */
  readonly architectural: boolean;
  /** A workflow step's time limit: hours IN_PROGRESS before its SLA is breached. */
  readonly timeoutHours?: Hours;
}

/**
 * A human gate of a workflow: once the tasks and gates it depends on are finished its humans are
 * asked, and what depends on it waits for their approval.
 */
export interface PlanGate {
  readonly id: string;
  readonly instruction: string;
  readonly dependsOn: readonly string[];
  readonly rule: GateRule;
}

export interface Plan {
  readonly instruction: string;
  readonly tier: Tier;
  readonly strategic: readonly StrategicTask[];
  readonly tactical: readonly TacticalTask[];
  /** A workflow's human gates; tasks may depend on them. */
  readonly gates?: readonly PlanGate[];
}

/**
 * The tasks a task or gate id stands for as a dependency: itself, or for a gate, the tasks it
 * follows (through gates before it).
 */
function tasksBehind(plan: Plan, dependency: string): string[] {
  const gates = new Map((plan.gates ?? []).map((g) => [g.id, g]));
  const out: string[] = [];
  const seen = new Set<string>();
  const stack = [dependency];
  while (stack.length > 0) {
    const d = stack.pop() as string;
    if (seen.has(d)) continue;
    seen.add(d);
    const gate = gates.get(d);
    if (gate === undefined) out.push(d);
    else stack.push(...gate.dependsOn);
  }
  return out;
}

/** Who consumes each task's output: the tasks that depend on it, directly or through gates. */
export function consumers(plan: Plan): Map<string, TacticalTask[]> {
  const out = new Map<string, TacticalTask[]>(plan.tactical.map((t) => [t.id, []]));
  const gated = (plan.gates ?? []).length > 0;
  for (const t of plan.tactical) {
    const deps = gated ? new Set(t.dependsOn.flatMap((d) => tasksBehind(plan, d))) : t.dependsOn;
    for (const d of deps) out.get(d)?.push(t);
  }
  return out;
}

/** The domains other than its own that consume a task's output: each one gets a handoff. */
export function handoffDomains(
  task: TacticalTask,
  consumersOf: Map<string, TacticalTask[]>,
): Domain[] {
  const domains = new Set<Domain>();
  for (const c of consumersOf.get(task.id) ?? [])
    if (c.domain !== task.domain) domains.add(c.domain);
  return [...domains].sort();
}

/**
 * For each task, the longest chain of estimates from its start to the end of the plan (its own
 * estimate included): what critical-path-first serves first, and the plan's critical path.
 */
export function remainingPath(plan: Plan): Map<string, Hours> {
  const consumersOf = consumers(plan);
  const byId = new Map(plan.tactical.map((t) => [t.id, t]));
  // Consumers before the tasks they consume: the order of the graph of "who consumes me".
  const { order } = dependencyOrder({
    nodes: plan.tactical.map((t) => t.id),
    dependsOn: (id) => (consumersOf.get(id) ?? []).map((c) => c.id),
  });
  const memo = new Map<string, Hours>();
  for (const id of order) {
    let longest = 0;
    for (const c of consumersOf.get(id) ?? []) longest = Math.max(longest, memo.get(c.id) ?? 0);
    memo.set(id, (byId.get(id) as TacticalTask).estimateHours + longest);
  }
  return memo;
}

/** Checks that dependencies name tasks of the plan and form no cycle; returns the problems. */
export function planProblems(plan: Plan): string[] {
  const problems: string[] = [];
  const byId = new Map<string, { readonly dependsOn: readonly string[] }>([
    ...plan.tactical.map((t) => [t.id, t] as const),
    ...(plan.gates ?? []).map((g) => [g.id, g] as const),
  ]);
  for (const [id, t] of byId) {
    for (const d of t.dependsOn)
      if (!byId.has(d)) problems.push(`${id} depends on unknown task ${d}`);
  }
  const { cycles } = dependencyOrder({
    nodes: [...byId.keys()],
    dependsOn: (id) => byId.get(id)?.dependsOn ?? [],
  });
  for (const cycle of cycles) problems.push(`dependency cycle: ${cycle.join(' → ')}`);
  return problems;
}
