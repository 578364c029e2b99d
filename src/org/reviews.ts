// Quality gates and handoffs: who reviews a task at each gate, what the verdict is, and the
// structured handoff to every domain that consumes the result. `advance` moves a task on after
// any change of its lifecycle state.

import type { Gate } from '../domain/gates.ts';
import { type Domain, type IcSpec, skillIn } from '../domain/org.ts';
import { handoffDomains } from '../domain/planning/plan.ts';
import { productivity } from '../domain/ramp-up.ts';
import { effortFactor, rejectionFactor } from '../domain/skills.ts';
import { executionPace } from './cost.ts';
import { freeSlot } from './execution.ts';
import { leastBusy } from './load.ts';
import { releaseTask } from './tasks.ts';
import type { InstructionState, Person, TaskState, World } from './world.ts';

const GATE_EVENT: Record<Gate, string> = {
  peerReview: 'review.peer',
  qaValidation: 'review.qa',
  domainApproval: 'review.domain',
  architectureReview: 'review.architecture',
};

/** Moves a task on after its lifecycle state changed: the next review, the handoffs, or its end. */
export function advance(world: World, task: TaskState): void {
  if (task.terminal) return;
  const snapshot = task.actor.getSnapshot();
  switch (snapshot.value) {
    case 'underReview':
    case 'domainReview': {
      const gate = snapshot.context.gates[snapshot.context.passed];
      if (gate !== undefined && task.reviewing !== gate) requestReview(world, task, gate);
      return;
    }
    case 'readyForHandoff':
      freeSlot(world, task);
      // Its change is merged into the team branch before anyone is offered it.
      if (world.git !== null && !snapshot.context.merged) world.git.requestMerge(task);
      else if (!task.handoffsOffered) offerHandoffs(world, task);
      return;
    case 'completed':
    case 'cancelled':
      onTerminal(world, task);
      return;
  }
}

function reviewerFor(world: World, task: TaskState, gate: Gate): Person {
  const { team } = task;
  const domain = task.plan.domain;
  switch (gate) {
    case 'peerReview': {
      // Another IC of the domain, never the author; the lead steps in for a one-person domain.
      const peers = world.roster
        .pool(team, domain)
        .filter((p) => p.spec.id !== task.assignee && !p.away);
      return leastBusy(peers, world.now) ?? world.roster.lead(team, domain);
    }
    case 'qaValidation': {
      const qa = world.roster
        .pool(team, 'qa')
        .filter((p) => p.spec.id !== task.assignee && !p.away);
      return (
        leastBusy(qa, world.now) ??
        world.roster.leadOrNull(team, 'qa') ??
        world.roster.lead(team, domain)
      );
    }
    case 'domainApproval':
      return world.roster.lead(team, domain);
    case 'architectureReview':
      return world.roster.techLead(team);
  }
}

function reviewHours(world: World, task: TaskState, gate: Gate): number {
  const o = world.config.overheads;
  switch (gate) {
    case 'peerReview':
      return Math.max(o.reviewMinHours, o.peerReviewFraction * task.plan.estimateHours);
    case 'qaValidation':
      return Math.max(o.reviewMinHours, o.qaValidationFraction * task.plan.estimateHours);
    case 'domainApproval':
      return o.domainApprovalHours;
    case 'architectureReview':
      return o.architectureReviewHours;
  }
}

function requestReview(
  world: World,
  task: TaskState,
  gate: Gate,
  reviewer: Person = reviewerFor(world, task, gate),
): void {
  task.reviewing = gate;
  // A lead who is out with a cover: the cover has the review.
  task.reviewer = world.roster.standIn(reviewer).spec.id;
  world.messages.message(
    'delegation',
    `review.${gate}`,
    task.assignee ?? world.roster.lead(task.team, task.plan.domain).spec.id,
    reviewer,
    {
      type: reviewer.role === 'DL' && gate === 'peerReview' ? 'review.peer' : GATE_EVENT[gate],
      workHours: reviewHours(world, task, gate),
      task: task.plan.id,
      instruction: task.plan.instruction,
      priority: task.priority,
    },
    { task: task.plan.id },
  );
}

/** A review not yet started moves from one reviewer's desk to another's (a lead's decision). */
export function moveReview(world: World, task: TaskState, from: Person, to: Person): void {
  const gate = task.reviewing;
  if (gate === null) return;
  world.messages.deliver(from, { type: 'work.drop', task: task.plan.id });
  requestReview(world, task, gate, to);
}

/**
 * A review on the desk of an IC going out goes to `prefer` (its cover) unless that is the author,
 * else to another reviewer as if it were requested now (never the author).
 */
export function reassignReview(
  world: World,
  task: TaskState,
  from: Person,
  prefer: Person | null,
): void {
  const gate = task.reviewing;
  if (gate === null) return;
  const to =
    prefer !== null && !prefer.away && prefer.spec.id !== task.assignee
      ? prefer
      : reviewerFor(world, task, gate);
  moveReview(world, task, from, to);
}

/** A reviewer finished: approve or reject, with odds raised by the author's skill gap. */
export function review(world: World, task: TaskState, by: string): void {
  const gate = task.reviewing;
  if (gate === null || task.terminal || task.reviewer !== by) return;
  task.reviewing = null;
  task.reviewer = null;
  const author = task.assignee === null ? undefined : world.roster.person(task.assignee);
  const skill = author ? skillIn(author.spec as IcSpec, task.plan.domain) : 5;
  const p = Math.min(
    0.95,
    world.config.gates.rejectProbability[gate] * rejectionFactor(skill, task.plan.complexity),
  );
  const rejected = world.verify(task, gate, by, task.random.bernoulli(p));
  world.drive(task, { type: rejected ? 'review.rejected' : 'review.approved', gate, reviewer: by });
  if (rejected && author) {
    task.effortLeft = world.reworkHours(
      task,
      ((world.config.reworkFraction * task.effort * effortFactor(skill, task.plan.complexity)) /
        productivity(author.rampUp, world.now)) *
        executionPace(world, author, task),
    );
    world.messages.deliver(author, {
      type: 'task.rework',
      workHours: task.effortLeft,
      task: task.plan.id,
      instruction: task.plan.instruction,
      priority: task.priority,
    });
  }
  advance(world, task);
}

function offerHandoffs(world: World, task: TaskState): void {
  task.handoffsOffered = true;
  // A set of its own from the first offer on: until then the task shares the empty NO_HANDOFFS.
  const pending = new Set<Domain>(task.handoffsPending);
  task.handoffsPending = pending;
  for (const domain of handoffDomains(task.plan, task.instruction.consumers)) {
    pending.add(domain);
    offer(world, task, domain);
  }
}

function offer(world: World, task: TaskState, domain: Domain): void {
  const from = task.assignee ?? world.roster.lead(task.team, task.plan.domain).spec.id;
  world.messages.message(
    'handoff',
    'handoff.offer',
    from,
    world.roster.lead(task.team, domain),
    {
      type: 'handoff.offer',
      workHours: world.config.overheads.handoffVerificationHours,
      task: task.plan.id,
      ref: `${task.plan.id}>${domain}`,
      priority: task.priority,
    },
    { task: task.plan.id, content: { checklistItems: world.config.handoff.checklistItems } },
  );
}

/** The receiving lead checked the handoff's checklist: accept it, or send it back to be completed. */
export function verifyHandoff(world: World, task: TaskState, domain: Domain, by: string): void {
  if (task.terminal || !task.handoffsPending.has(domain)) return;
  const incomplete = task.random.bernoulli(world.config.handoff.incompleteProbability);
  const author = world.roster.person(
    task.assignee ?? world.roster.lead(task.team, task.plan.domain).spec.id,
  );
  if (incomplete) {
    world.messages.message(
      'handoff',
      'handoff.return',
      by,
      author,
      {
        type: author.role === 'IC' ? 'handoff.returned' : 'handoff.offer',
        workHours: world.config.overheads.handoffFixHours,
        task: task.plan.id,
        ref: `${task.plan.id}>${domain}`,
        priority: task.priority,
      },
      { task: task.plan.id },
    );
    world.drive(task, { type: 'handoff.returned' });
    return;
  }
  world.messages.message('handoff', 'handoff.accept', by, author, null, { task: task.plan.id });
  task.handoffsPending.delete(domain);
  if (task.handoffsPending.size === 0) {
    world.drive(task, { type: 'handoff.accepted' });
    advance(world, task);
  }
}

/** The author completed the checklist: offer the handoff again. */
export function resendHandoff(world: World, task: TaskState, domain: Domain): void {
  if (!task.terminal && task.handoffsPending.has(domain)) offer(world, task, domain);
}

/** A task reached COMPLETED or CANCELLED: free its slot, wake its dependents, close its instruction. */
export function onTerminal(world: World, task: TaskState): void {
  if (task.terminal) return;
  task.terminal = true;
  world.git?.ended(task);
  world.progress.finish(task.plan.id);
  world.finished(task.instruction, task.plan.id);
  freeSlot(world, task);
  for (const c of task.instruction.consumers.get(task.plan.id) ?? [])
    releaseTask(world, task.instruction, c);
  const instruction = task.instruction;
  instruction.open--;
  if (instruction.open === 0 && !instruction.done && world.mayComplete(instruction))
    completeInstruction(world, instruction);
}

/** Every task of the instruction finished (and its approvals given, if it needs any): it is done. */
export function completeInstruction(world: World, instruction: InstructionState): void {
  if (instruction.done || instruction.open > 0) return;
  instruction.done = true;
  world.workload.closed(instruction);
  const cancelled = instruction.tasks.filter(
    (t) => t.actor.getSnapshot().value === 'cancelled',
  ).length;
  world.record({
    type: 'instruction.completed',
    instruction: instruction.spec.id,
    leadTimeHours: world.now - instruction.spec.at,
    tasks: instruction.tasks.length,
    cancelled,
  });
  world.settle();
}
