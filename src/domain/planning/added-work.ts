// Work a requirement change adds to an instruction: one strategic task in one domain, its tactical
// tasks given outright or generated in the instruction's shape from a random stream of the
// change's own. Like a plan, a function of the instruction, the change and the seed alone.

import type { RandomStream } from '../../kernel/random.ts';
import type { Hours } from '../../kernel/time.ts';
import type { Domain } from '../org.ts';
import type { Complexity } from '../skills.ts';
import { breakDown, shapeOf } from './generate.ts';
import type { PlannedInstruction } from './instruction-plan.ts';
import { type Plan, planProblems, type StrategicTask, type TacticalTask } from './plan.ts';

/** A tactical task given outright, as in an explicit plan; its id carries the instruction's prefix. */
export interface AddedTask {
  readonly id: string;
  readonly title?: string;
  readonly estimateHours: Hours;
  readonly complexity?: Complexity;
  /** Tasks of the instruction or of this work it needs; without: the work's `dependsOn`. */
  readonly dependsOn?: readonly string[];
  readonly architectural?: boolean;
}

export interface AddedWork {
  readonly domain: Domain;
  /** How many tactical tasks to generate, or the tasks given outright. */
  readonly tasks: number | readonly AddedTask[];
  /** Tasks of the instruction the new work waits for. */
  readonly dependsOn: readonly string[];
  /** The strategic task and its tactical tasks, drawn before the run (src/scenario/prepare.ts). */
  readonly plan?: AddedPlan;
}

export interface AddedPlan {
  readonly strategic: StrategicTask;
  readonly tactical: readonly TacticalTask[];
}

/** `plan` with `added` in it. */
export function withAdded(plan: Plan, added: AddedPlan): Plan {
  return {
    ...plan,
    strategic: [...plan.strategic, added.strategic],
    tactical: [...plan.tactical, ...added.tactical],
  };
}

/**
 * The `k`-th work (from 1) added to `instruction`, whose plan so far is `plan`: strategic task
 * `<instruction>-C<k>`, generated tasks `<instruction>-C<k>-T<n>` in the instruction's shape.
 */
export function addedPlan(
  instruction: PlannedInstruction,
  plan: Plan,
  add: AddedWork,
  k: number,
  random: RandomStream,
): AddedPlan {
  const owner = new Map(plan.tactical.map((t) => [t.id, t.strategic]));
  const milestone = new Map(plan.strategic.map((s) => [s.id, s.milestone]));
  const upstream = [...new Set(add.dependsOn.flatMap((d) => owner.get(d) ?? []))].sort();
  const strategic: StrategicTask = {
    id: `${instruction.id}-C${k}`,
    instruction: instruction.id,
    domain: add.domain,
    title: `requirement change ${k}: ${add.domain} work`,
    milestone:
      upstream.length === 0
        ? 0
        : 1 + upstream.reduce((m, s) => Math.max(m, milestone.get(s) ?? 0), 0),
    dependsOn: upstream,
  };
  if (typeof add.tasks === 'number') {
    const shape = shapeOf(instruction.tier, instruction.hint);
    const tactical = breakDown(
      strategic,
      add.tasks,
      add.dependsOn,
      instruction.tier,
      shape,
      random,
    );
    return { strategic, tactical };
  }
  // As in an explicit plan: the tasks nothing else in the work depends on are its deliverables.
  const internal = new Set(add.tasks.flatMap((t) => t.dependsOn ?? []));
  const tactical = add.tasks.map((t) => ({
    id: t.id,
    strategic: strategic.id,
    instruction: instruction.id,
    domain: add.domain,
    title: t.title ?? t.id,
    estimateHours: t.estimateHours,
    complexity: t.complexity ?? 2,
    dependsOn: t.dependsOn ?? add.dependsOn,
    architectural: t.architectural ?? (instruction.tier >= 3 && !internal.has(t.id)),
  }));
  return { strategic, tactical };
}

export interface AddedWorkIssue {
  /** Where in the change's `add`: `['dependsOn', 0]`, `['tasks', 1, 'id']`. */
  readonly path: ReadonlyArray<string | number>;
  readonly message: string;
}

/** What is wrong with work added to an instruction whose plan so far is `plan`. */
export function addedWorkIssues(plan: Plan, add: AddedWork, added: AddedPlan): AddedWorkIssue[] {
  const out: AddedWorkIssue[] = [];
  const known = new Set(plan.tactical.map((t) => t.id));
  add.dependsOn.forEach((d, i) => {
    if (!known.has(d))
      out.push({
        path: ['dependsOn', i],
        message: `names no task of ${plan.instruction}'s plan: "${d}"`,
      });
  });
  const clash =
    typeof add.tasks === 'number' ? added.tactical.find((t) => known.has(t.id)) : undefined;
  if (plan.strategic.some((s) => s.id === added.strategic.id) || clash !== undefined)
    out.push({
      path: ['tasks'],
      message: `would add ${clash?.id ?? added.strategic.id}, which ${plan.instruction}'s plan already has: rename that task in the plan`,
    });
  if (typeof add.tasks === 'number') return out;
  const own = new Set<string>();
  add.tasks.forEach((t, i) => {
    if (known.has(t.id) || own.has(t.id))
      out.push({
        path: ['tasks', i, 'id'],
        message: `repeats the task id "${t.id}": give each task its own`,
      });
    own.add(t.id);
  });
  add.tasks.forEach((t, i) => {
    (t.dependsOn ?? []).forEach((d, j) => {
      if (!known.has(d) && !own.has(d))
        out.push({
          path: ['tasks', i, 'dependsOn', j],
          message: `names no task of ${plan.instruction}'s plan or of this change: "${d}"`,
        });
    });
  });
  const cycles = planProblems(withAdded(plan, added)).filter((p) =>
    p.startsWith('dependency cycle'),
  );
  for (const problem of cycles) out.push({ path: ['tasks'], message: `has a problem: ${problem}` });
  return out;
}
