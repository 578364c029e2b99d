// An instruction's intake: it arrives, waits in the EM's intake, and the EM takes it for the team
// that is quietest among those staffed for it, or refuses it (the budget, or nobody to do it).

import type { InstructionSpec } from '../scenario/config.ts';
import type { InstructionState, Person, World } from './world.ts';

export function receiveInstruction(world: World, spec: InstructionSpec): void {
  world.record({
    type: 'instruction.received',
    instruction: spec.id,
    tier: spec.tier,
    priority: spec.priority,
    title: spec.title,
    ...(spec.workType === undefined ? {} : { workType: spec.workType }),
  });
  world.messages.deliver(world.roster.manager(), {
    type: 'instruction.received',
    workHours: world.config.overheads.intakeHours,
    instruction: spec.id,
    ref: spec.id,
    priority: spec.priority,
  });
  world.workload.pending.set(spec.id, spec);
}

/** EM intake done (by the EM, or whoever covers for them): go or no-go, priority, delegation. */
export function decideIntake(world: World, instruction: string, em: Person): void {
  const spec = world.workload.pending.get(instruction) as InstructionSpec;
  world.workload.pending.delete(instruction);
  const refusal = world.intakeRefusal();
  if (refusal !== null) {
    world.record({
      type: 'instruction.decided',
      instruction,
      go: false,
      reason: refusal,
      by: em.spec.id,
    });
    return;
  }
  // Priority arbitration: of the teams staffed for its plan, the one with the least open work
  // takes it; P0 interrupts everyone.
  // A rule may name the team; it takes the instruction if it can run it.
  const capable = world.teamsFor(instruction);
  const routed = world.routeOf(instruction);
  const team =
    routed !== undefined && capable.includes(routed) ? routed : quietestTeam(world, capable);
  const state: InstructionState = {
    spec,
    team,
    plan: null,
    consumers: new Map(),
    paths: new Map(),
    tasks: [],
    open: 0,
    done: false,
  };
  world.instructions.set(instruction, state);
  world.workload.opened(state);
  world.record({
    type: 'instruction.decided',
    instruction,
    go: true,
    reason: `P${spec.priority} to ${team}`,
    by: em.spec.id,
  });
  if (spec.priority === 0)
    world.messages.broadcast('org', 'incident.p0', em.spec.id, { instruction });
  // It outranks work already under way: the leads hear that priorities changed.
  const outranks = world.workload.openByPriority.slice(spec.priority + 1).some((n) => n > 0);
  if (outranks) world.messages.broadcast('leads', 'priority.changed', em.spec.id, { instruction });
  const tl = world.roster.techLead(team);
  world.messages.message(
    'delegation',
    'delegate.instruction',
    em.spec.id,
    tl,
    {
      type: 'delegate.instruction',
      workHours: world.config.overheads.strategicPlanningHours[spec.tier],
      instruction,
      ref: instruction,
      priority: spec.priority,
    },
    { instruction },
  );
  world.messages.message('delegation', 'ack', world.roster.standIn(tl).spec.id, em, null, {
    instruction,
  });
}

function quietestTeam(world: World, teams: readonly string[]): string {
  let best = '';
  let fewest = Number.POSITIVE_INFINITY;
  for (const team of teams) {
    const n = world.workload.openByTeam.get(team) ?? 0;
    if (n < fewest) [best, fewest] = [team, n];
  }
  return best;
}
