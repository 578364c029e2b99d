// Requirement changes: at its hour a change cancels some of an instruction's unfinished tasks,
// rescales the estimates and effort of the rest, and adds new work, sent to its domain's lead for
// tactical planning. A change to a finished instruction is too late and changes nothing; one that
// comes before the instruction's plan is out waits for it.

import { type DeskContext, remainingAt } from '../../machines/desk.ts';
import { type IcSpec, skillIn } from '../domain/org.ts';
import type { AddedPlan } from '../domain/planning/added-work.ts';
import { withAdded } from '../domain/planning/added-work.ts';
import { productivity } from '../domain/ramp-up.ts';
import { effortFactor } from '../domain/skills.ts';
import type { RequirementChange } from '../scenario/config.ts';
import { executionPace } from './cost.ts';
import { delegateStrategic, replan } from './planning.ts';
import { cancelTasks } from './tasks.ts';
import type { InstructionState, TaskState, World } from './world.ts';

export function changeRequirements(world: World, change: RequirementChange): void {
  const state = world.instructions.get(change.instruction);
  if (state?.done === true) {
    record(world, change, 'tooLate');
    return;
  }
  if (state === undefined || state.plan === null) {
    world.heldChanges.hold(change);
    return;
  }
  apply(world, state, change);
}

/**
 * After the EM's intake or the TL's plan: changes held for the instruction take effect once its
 * plan is out, or are void if the EM declined it.
 */
export function releaseHeldChanges(world: World, instruction: string): void {
  const held = world.heldChanges.of(instruction);
  if (held === undefined) return;
  const state = world.instructions.get(instruction);
  const declined = state === undefined && !world.workload.pending.has(instruction);
  if (!declined && (state === undefined || state.plan === null)) return;
  world.heldChanges.release(instruction);
  for (const change of held) {
    if (state === undefined) record(world, change, 'declined');
    else apply(world, state, change);
  }
}

function record(world: World, change: RequirementChange, outcome: 'tooLate' | 'declined'): void {
  world.record({
    type: 'requirement.changed',
    instruction: change.instruction,
    outcome,
    cancelled: [],
  });
}

/**
 * Cancels, rescales what is left and adds new work (not rescaled, never cancelled by the same
 * change), all logged on one `requirement.changed`.
 */
function apply(world: World, state: InstructionState, change: RequirementChange): void {
  const cancelled = toCancel(world, state, change);
  const rescaled =
    change.rescale === undefined ? undefined : rescale(world, state, change.rescale, cancelled);
  const added = change.add?.plan;
  world.record({
    type: 'requirement.changed',
    instruction: change.instruction,
    outcome: 'applied',
    cancelled,
    ...(rescaled === undefined
      ? {}
      : { rescaled: { factor: change.rescale as number, tasks: rescaled } }),
    ...(added === undefined
      ? {}
      : {
          added: {
            strategic: added.strategic.id,
            domain: added.strategic.domain,
            milestone: added.strategic.milestone,
            dependsOn: added.strategic.dependsOn,
            tasks: added.tactical.map((t) => t.id),
          },
        }),
  });
  // The new work first: cancelling the last open tasks must not finish the instruction.
  if (added !== undefined) add(world, state, added);
  cancelTasks(world, state, cancelled);
}

/** The named tasks, or a share of the unfinished ones drawn from the change's own stream. */
function toCancel(world: World, state: InstructionState, change: RequirementChange): string[] {
  if (change.share === undefined) return [...(change.tasks ?? [])];
  const open = (state.plan?.tactical ?? [])
    .map((t) => t.id)
    .filter((id) => !world.progress.isFinished(id));
  const random = world.random.stream(`change/${change.instruction}/${change.at}`);
  const count = Math.round(change.share * open.length);
  const pool = open.slice();
  return Array.from(
    { length: count },
    () => pool.splice(random.int(0, pool.length - 1), 1)[0] as string,
  );
}

/**
 * Every unfinished task's estimate × `factor`; a released task's effort too: all of it if its
 * execution has not begun, else the work it has left. Returns the new figures.
 */
function rescale(
  world: World,
  state: InstructionState,
  factor: number,
  cancelled: readonly string[],
): Array<{ id: string; estimateHours: number; effortHours?: number }> {
  const plan = state.plan;
  if (plan === null) return [];
  const out: Array<{ id: string; estimateHours: number; effortHours?: number }> = [];
  const tactical = plan.tactical.map((t) => {
    if (world.progress.isFinished(t.id) || cancelled.includes(t.id)) return t;
    const scaled = { ...t, estimateHours: t.estimateHours * factor };
    const task = world.tasks.get(t.id);
    if (task === undefined) {
      // Not released yet: its effort is drawn from the new estimate when it is.
      out.push({ id: t.id, estimateHours: scaled.estimateHours });
      return scaled;
    }
    task.plan = scaled;
    rescaleEffort(world, task, factor);
    out.push({ id: t.id, estimateHours: scaled.estimateHours, effortHours: task.effort });
    return scaled;
  });
  replan(state, { ...plan, tactical });
  return out;
}

/** A released task's effort and work left × `factor` (of work begun, only what is left). */
function rescaleEffort(world: World, task: TaskState, factor: number): void {
  const id = task.plan.id;
  const ic = task.assignee === null ? null : world.roster.person(task.assignee);
  const desk = ic === null ? null : (ic.actor.getSnapshot().context as DeskContext);
  const executing = desk?.current?.kind === 'execute' && desk.current.task === id;
  const queued = desk?.queue.find((a) => a.kind === 'execute' && a.task === id);
  // The execution left: under way on the desk, waiting there, or held by the task.
  const left = executing
    ? remainingAt(desk as DeskContext, world.now)
    : (queued?.workHours ?? task.effortLeft);
  if (task.workedHours === 0 && !executing) {
    task.effort *= factor;
    if (task.blocker !== null)
      task.blocker = { ...task.blocker, atHours: task.blocker.atHours * factor };
  } else {
    // The holder's hours per hour of effort: their skill gap, ramp-up and model's throughput.
    const pace =
      ic === null
        ? 1
        : (effortFactor(skillIn(ic.spec as IcSpec, task.plan.domain), task.plan.complexity) /
            productivity(ic.rampUp, world.now)) *
          executionPace(world, ic, task);
    task.effort += ((factor - 1) * left) / pace;
  }
  task.effortLeft = left * factor;
  // The desk holding its execution takes the new remainder too.
  if (ic !== null) world.messages.deliver(ic, { type: 'work.rescale', task: id, factor });
}

/**
 * New work: a strategic task in the plan, handed by the TL (who spends no hours on it: the change
 * comes decided) to its domain's lead for tactical planning.
 */
function add(world: World, state: InstructionState, added: AddedPlan): void {
  if (state.plan === null) return;
  replan(state, withAdded(state.plan, added));
  state.open += added.tactical.length;
  delegateStrategic(
    world,
    state,
    [added.strategic],
    world.roster.standIn(world.roster.techLead(state.team)),
  );
}
