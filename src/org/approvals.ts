// Humans who approve (docs/agents.md). When every task of an instruction is finished, each policy
// that covers it asks its approvers: an approval is desk work on each approver's desk (or whoever
// covers for them), waiting for their working hours like anything else, so humans can be the
// bottleneck. The instruction completes once every policy is satisfied: all its approvers have
// approved (`all`), or one has (`any`). A policy's timeout approves on nobody's word, or asks its
// `escalateTo` humans as well (any one of them then satisfies it), or does nothing.

import type { ApprovalPolicy } from '../scenario/config.ts';
import { completeInstruction } from './reviews.ts';
import type { InstructionState, World } from './world.ts';

/** One policy's approval of one instruction, under way. */
interface Request {
  readonly policy: ApprovalPolicy;
  readonly at: number;
  readonly approved: Set<string>;
  escalated: boolean;
  satisfied: boolean;
}

const REF = 'approval';

/** The activity's ref: whose approval it is, under which policy. */
function refOf(policy: string, approver: string): string {
  return `${REF}:${policy}:${approver}`;
}

/** Whether `policy` covers `instruction`: every condition it lists holds. */
export function covers(policy: ApprovalPolicy, instruction: InstructionState): boolean {
  const { domains, priorities, tiers, instructions } = policy.when;
  const spec = instruction.spec;
  if (instructions !== null && !instructions.includes(spec.id)) return false;
  if (priorities !== null && !priorities.includes(spec.priority)) return false;
  if (tiers !== null && !tiers.includes(spec.tier)) return false;
  if (domains !== null) {
    const worked = new Set((instruction.plan?.strategic ?? []).map((s) => s.domain));
    if (!domains.some((d) => worked.has(d))) return false;
  }
  return true;
}

export class Approvals {
  private readonly requests = new Map<string, Request[]>();

  constructor(private readonly world: World) {
    world.mayComplete = (instruction) => this.mayComplete(instruction);
    world.approved = (instruction, ref, by) => this.approved(instruction, ref, by);
  }

  /** Whether the finished instruction may complete now; if approvals are needed, asks for them. */
  private mayComplete(instruction: InstructionState): boolean {
    const known = this.requests.get(instruction.spec.id);
    if (known !== undefined) return known.every((r) => r.satisfied);
    const policies = this.world.config.approvals.filter((p) => covers(p, instruction));
    if (policies.length === 0) return true;
    const requests = policies.map((policy) => this.request(instruction, policy));
    this.requests.set(instruction.spec.id, requests);
    return false;
  }

  private request(instruction: InstructionState, policy: ApprovalPolicy): Request {
    const { world } = this;
    const request: Request = {
      policy,
      at: world.now,
      approved: new Set(),
      escalated: false,
      satisfied: false,
    };
    world.record({
      type: 'approval.requested',
      instruction: instruction.spec.id,
      policy: policy.id,
      approvers: [...policy.approvers],
    });
    for (const approver of policy.approvers) this.ask(instruction, policy, approver);
    if (policy.timeoutHours !== null && policy.onTimeout !== 'wait')
      world.after(policy.timeoutHours, () => this.timedOut(instruction, request));
    return request;
  }

  private ask(instruction: InstructionState, policy: ApprovalPolicy, approver: string): void {
    this.world.messages.deliver(this.world.roster.person(approver), {
      type: 'approval.requested',
      workHours: policy.hours,
      instruction: instruction.spec.id,
      ref: refOf(policy.id, approver),
      priority: instruction.spec.priority,
    });
  }

  /** An approval was worked: `by` approved on behalf of the approver its ref names. */
  private approved(id: string, ref: string, by: string): void {
    const request = this.requests
      .get(id)
      ?.find((r) => ref.startsWith(`${REF}:${r.policy.id}:`) && !r.satisfied);
    if (request === undefined) return;
    const approver = ref.slice(`${REF}:${request.policy.id}:`.length);
    request.approved.add(approver);
    this.world.record({
      type: 'approval.decided',
      instruction: id,
      policy: request.policy.id,
      approver,
      by,
      outcome: 'approved',
      waitHours: this.world.now - request.at,
    });
    const { mode, approvers, escalateTo } = request.policy;
    const enough =
      mode === 'any' ||
      approvers.every((a) => request.approved.has(a)) ||
      (request.escalated && escalateTo.includes(approver));
    if (enough) this.satisfy(id, request);
  }

  private timedOut(instruction: InstructionState, request: Request): void {
    if (request.satisfied) return;
    const { policy } = request;
    const id = instruction.spec.id;
    if (policy.onTimeout === 'approve') {
      this.world.record({
        type: 'approval.decided',
        instruction: id,
        policy: policy.id,
        approver: 'timeout',
        by: 'timeout',
        outcome: 'autoApproved',
        waitHours: this.world.now - request.at,
      });
      this.satisfy(id, request);
      return;
    }
    if (request.escalated) return;
    request.escalated = true;
    this.world.record({
      type: 'approval.escalated',
      instruction: id,
      policy: policy.id,
      asked: [...policy.escalateTo],
    });
    for (const human of policy.escalateTo) this.ask(instruction, policy, human);
  }

  /** The policy is satisfied: the approvals still waiting are withdrawn; all satisfied, it completes. */
  private satisfy(id: string, request: Request): void {
    const { world } = this;
    request.satisfied = true;
    const { policy } = request;
    for (const human of [...policy.approvers, ...(request.escalated ? policy.escalateTo : [])])
      if (!request.approved.has(human))
        world.messages.deliver(world.roster.person(human), {
          type: 'work.drop',
          ref: refOf(policy.id, human),
        });
    const state = world.instructions.get(id);
    if (state !== undefined && (this.requests.get(id) ?? []).every((r) => r.satisfied))
      completeInstruction(world, state);
  }
}
