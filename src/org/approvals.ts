// Humans who approve (docs/agents.md). Two kinds of approval, one mechanism:
// - a policy covers whole instructions: when every task of one is finished, each policy that
//   covers it asks its approvers, and the instruction completes once every policy is satisfied;
// - a workflow's gate sits between steps: once what it depends on is finished its approvers are
//   asked, and what depends on it is released once it is satisfied.
// An approval is desk work on each approver's desk (or whoever covers for them), waiting for their
// working hours like anything else, so humans can be the bottleneck. A request is satisfied when
// all its approvers have approved (`all`), or one has (`any`). Its timeout approves or denies on
// nobody's word, or asks its `escalateTo` humans as well (any one of them then satisfies it), or
// does nothing. An approver says no with the rule's `denyShare`: a no, or a denial at the timeout,
// denies the work — the instruction is closed without completing and its unfinished tasks are
// cancelled.

import type { PlanGate } from '../domain/planning/plan.ts';
import type { GateRule } from '../domain/planning/workflow.ts';
import { RandomStream } from '../kernel/random.ts';
import type { ApprovalPolicy } from '../scenario/config.ts';
import { completeInstruction } from './reviews.ts';
import { closeUndone, releaseTask } from './tasks.ts';
import type { InstructionState, World } from './world.ts';

/** One approval of one instruction (under a policy) or of one gate, under way. */
interface Request {
  /** The policy's id, or the gate's step: what the records and reports call it. */
  readonly name: string;
  /**
   * What the activities' refs carry, unique in the run: the instruction's id and the policy's, or
   * the gate's. A withdrawal drops by ref, so one instruction's must never match another's.
   */
  readonly key: string;
  readonly rule: GateRule;
  readonly instruction: InstructionState;
  readonly gate: PlanGate | null;
  readonly at: number;
  readonly approved: Set<string>;
  escalated: boolean;
  satisfied: boolean;
}

const REF = 'approval';

/** The activity's ref: whose approval it is, under which policy or gate. */
function refOf(key: string, approver: string): string {
  return `${REF}:${key}:${approver}`;
}

/** Whether `policy` covers `instruction`: every condition it lists holds. */
export function covers(policy: ApprovalPolicy, instruction: InstructionState): boolean {
  const { domains, priorities, tiers, instructions, workTypes } = policy.when;
  const spec = instruction.spec;
  if (instructions !== null && !instructions.includes(spec.id)) return false;
  if (priorities !== null && !priorities.includes(spec.priority)) return false;
  if (tiers !== null && !tiers.includes(spec.tier)) return false;
  if (workTypes !== null && (spec.workType === undefined || !workTypes.includes(spec.workType)))
    return false;
  if (domains !== null) {
    const worked = new Set((instruction.plan?.strategic ?? []).map((s) => s.domain));
    if (!domains.some((d) => worked.has(d))) return false;
  }
  return true;
}

/** A gate's step name: its id without the instruction's prefix. */
function stepOf(gate: PlanGate): string {
  return gate.id.slice(gate.instruction.length + 1);
}

export class Approvals {
  /** Policy requests by instruction, made when it first could complete. */
  private readonly policies = new Map<string, Request[]>();
  /** Gate requests by gate id, and by instruction. */
  private readonly gates = new Map<string, Request>();
  private readonly gatesOf = new Map<string, Request[]>();

  constructor(private readonly world: World) {
    world.mayComplete = (instruction) => this.mayComplete(instruction);
    world.approved = (instruction, ref, by) => this.approved(instruction, ref, by);
    world.published = (instruction) => this.openGates(instruction, null);
    world.finished = (instruction, id) => this.openGates(instruction, id);
    world.abandon = (instruction) => this.abandon(instruction);
  }

  /** Opens the gates of `instruction` that depend on `finished` (or, null, on nothing left). */
  private openGates(instruction: InstructionState, finished: string | null): void {
    // A denied instruction's tasks end cancelled: no gate after them asks anyone.
    if (instruction.done) return;
    for (const gate of instruction.plan?.gates ?? []) {
      if (this.gates.has(gate.id)) continue;
      if (finished !== null && !gate.dependsOn.includes(finished)) continue;
      if (!gate.dependsOn.every((d) => this.world.progress.isFinished(d))) continue;
      const request = this.request(instruction, stepOf(gate), gate.id, gate.rule, gate);
      this.gates.set(gate.id, request);
      const list = this.gatesOf.get(instruction.spec.id);
      if (list === undefined) this.gatesOf.set(instruction.spec.id, [request]);
      else list.push(request);
    }
  }

  /** Whether the finished instruction may complete now; if approvals are needed, asks for them. */
  private mayComplete(instruction: InstructionState): boolean {
    const gates = instruction.plan?.gates ?? [];
    if (!gates.every((g) => this.gates.get(g.id)?.satisfied === true)) return false;
    const known = this.policies.get(instruction.spec.id);
    if (known !== undefined) return known.every((r) => r.satisfied);
    const covering = this.world.config.approvals.filter((p) => covers(p, instruction));
    if (covering.length === 0) return true;
    this.policies.set(
      instruction.spec.id,
      covering.map((policy) =>
        this.request(instruction, policy.id, `${instruction.spec.id}:${policy.id}`, policy, null),
      ),
    );
    return false;
  }

  private request(
    instruction: InstructionState,
    name: string,
    key: string,
    rule: GateRule,
    gate: PlanGate | null,
  ): Request {
    const { world } = this;
    const request: Request = {
      name,
      key,
      rule,
      instruction,
      gate,
      at: world.now,
      approved: new Set(),
      escalated: false,
      satisfied: false,
    };
    world.record({
      type: 'approval.requested',
      instruction: instruction.spec.id,
      policy: name,
      approvers: [...rule.approvers],
      ...(gate === null ? {} : { gate: gate.id, after: [...gate.dependsOn] }),
    });
    for (const approver of rule.approvers) this.ask(request, approver);
    if (rule.timeoutHours !== null && rule.onTimeout !== 'wait')
      world.after(rule.timeoutHours, () => this.timedOut(request));
    return request;
  }

  private ask(request: Request, approver: string): void {
    this.world.messages.deliver(this.world.roster.person(approver), {
      type: 'approval.requested',
      workHours: request.rule.hours,
      instruction: request.instruction.spec.id,
      ref: refOf(request.key, approver),
      priority: request.instruction.spec.priority,
    });
  }

  /** The request an approval's ref belongs to, if it still waits. */
  private find(instruction: string, ref: string): Request | undefined {
    const open = [
      ...(this.policies.get(instruction) ?? []),
      ...(this.gatesOf.get(instruction) ?? []),
    ];
    return open.find((r) => ref.startsWith(`${REF}:${r.key}:`) && !r.satisfied);
  }

  /** An approval was worked: `by` decided on behalf of the approver its ref names. */
  private approved(instruction: string, ref: string, by: string): void {
    const request = this.find(instruction, ref);
    if (request === undefined) return;
    const approver = ref.slice(`${REF}:${request.key}:`.length);
    if (request.rule.denyShare > 0) {
      // Each decision its own stream: whether one says no depends on no other draw.
      const draw = new RandomStream(
        this.world.random.seed,
        `approval/${instruction}/${request.key}/${approver}`,
      );
      if (draw.bernoulli(request.rule.denyShare)) {
        this.decided(request, approver, by, 'denied');
        this.deny(request, by);
        return;
      }
    }
    request.approved.add(approver);
    this.decided(request, approver, by, 'approved');
    const { mode, approvers, escalateTo } = request.rule;
    const enough =
      mode === 'any' ||
      approvers.every((a) => request.approved.has(a)) ||
      (request.escalated && escalateTo.includes(approver));
    if (enough) this.satisfy(request);
  }

  private decided(
    request: Request,
    approver: string,
    by: string,
    outcome: 'approved' | 'autoApproved' | 'denied' | 'autoDenied',
  ): void {
    this.world.record({
      type: 'approval.decided',
      instruction: request.instruction.spec.id,
      policy: request.name,
      approver,
      by,
      outcome,
      waitHours: this.world.now - request.at,
      ...(request.gate === null ? {} : { gate: request.gate.id }),
    });
  }

  private timedOut(request: Request): void {
    if (request.satisfied) return;
    const { rule } = request;
    if (rule.onTimeout === 'approve') {
      this.decided(request, 'timeout', 'timeout', 'autoApproved');
      this.satisfy(request);
      return;
    }
    if (rule.onTimeout === 'deny') {
      this.decided(request, 'timeout', 'timeout', 'autoDenied');
      this.deny(request, 'timeout');
      return;
    }
    if (request.escalated) return;
    request.escalated = true;
    this.world.record({
      type: 'approval.escalated',
      instruction: request.instruction.spec.id,
      policy: request.name,
      asked: [...rule.escalateTo],
      ...(request.gate === null ? {} : { gate: request.gate.id }),
    });
    for (const human of rule.escalateTo) this.ask(request, human);
  }

  /** Withdraws the approvals of `request` still on its humans' desks. */
  private withdraw(request: Request): void {
    const { world } = this;
    const { rule } = request;
    for (const human of [...rule.approvers, ...(request.escalated ? rule.escalateTo : [])])
      if (!request.approved.has(human))
        world.messages.deliver(world.roster.person(human), {
          type: 'work.drop',
          ref: refOf(request.key, human),
        });
  }

  /**
   * The work is denied: the instruction is closed without completing. Its other approvals are
   * withdrawn and its tasks not finished are cancelled, released or not.
   */
  private deny(request: Request, by: string): void {
    const { world } = this;
    const { instruction } = request;
    request.satisfied = true;
    this.withdraw(request);
    if (instruction.done) return;
    const id = instruction.spec.id;
    this.abandon(id);
    world.record({
      type: 'instruction.denied',
      instruction: id,
      policy: request.name,
      by,
      ...(request.gate === null ? {} : { gate: request.gate.id }),
    });
    closeUndone(world, instruction);
  }

  /** The instruction's approvals still waiting are withdrawn: it closes undone. */
  private abandon(instruction: string): void {
    for (const other of [
      ...(this.policies.get(instruction) ?? []),
      ...(this.gatesOf.get(instruction) ?? []),
    ])
      if (!other.satisfied) {
        other.satisfied = true;
        this.withdraw(other);
      }
  }

  /**
   * The request is satisfied: the approvals still waiting are withdrawn. A gate releases what
   * depends on it; once nothing is left to approve, a finished instruction completes.
   */
  private satisfy(request: Request): void {
    const { world } = this;
    request.satisfied = true;
    const { instruction } = request;
    this.withdraw(request);
    if (request.gate !== null) {
      const gate = request.gate.id;
      world.progress.finish(gate);
      for (const t of instruction.plan?.tactical ?? [])
        if (t.dependsOn.includes(gate)) releaseTask(world, instruction, t);
      this.openGates(instruction, gate);
    }
    // The world's test, not only the approvals': the instruction's changes may still have to
    // reach their target branch (src/org/integration.ts).
    if (instruction.open === 0 && !instruction.done && world.mayComplete(instruction))
      completeInstruction(world, instruction);
  }
}
