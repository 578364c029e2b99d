// The human approvals of a run, from the log alone: per policy and per workflow gate (by its step),
// how many it held, how long each waited from the request to the decision that satisfied it (the
// last one it logged: none is logged after), how many were approved on a human's word or at a
// timeout, and how many timeouts asked more humans; per human, the approvals they worked. Null for
// a run whose scenario has no approval policies and asked at no gate.

import type { Hours } from '../kernel/time.ts';
import { type Distribution, distribution } from './stats.ts';
import { type LogInput, ofType, runStart, viewOf } from './timeline.ts';

export interface PolicyApprovals {
  /** The policy's id, or a workflow gate's step. */
  readonly policy: string;
  /** Present (true) for a workflow's gate. */
  readonly gate?: true;
  readonly requested: number;
  /** Requests still waiting when the run ended. */
  readonly open: number;
  readonly approved: number;
  readonly autoApproved: number;
  /** Decisions that said no: by a human, and at the timeout. Each denied its instruction. */
  readonly denied: number;
  readonly autoDenied: number;
  readonly escalated: number;
  /** Request to the decision that satisfied the policy, of the satisfied requests. */
  readonly waitHours: Pick<Distribution, 'mean' | 'p50' | 'p95' | 'max'>;
}

export interface ApprovalReport {
  readonly byPolicy: readonly PolicyApprovals[];
  /** Approvals worked, by who worked them. */
  readonly byHuman: Readonly<Record<string, number>>;
  /**
   * Instructions held for approvals, and, of those completed, the hours during which one of their
   * approvals was waited for (from the first request of a policy to completion, for policies).
   */
  readonly instructions: number;
  /** Instructions denied: closed without completing. */
  readonly denied: number;
  readonly heldHours: Pick<Distribution, 'mean' | 'p50' | 'p95' | 'max'>;
}

const summary = (values: readonly number[]) => {
  const d = distribution(values);
  return { mean: d.mean, p50: d.p50, p95: d.p95, max: d.max };
};

export function approvals(input: LogInput): ApprovalReport | null {
  const log = viewOf(input);
  const requests = ofType(log, 'approval.requested');
  const gates = [...new Set(requests.flatMap((r) => (r.gate === undefined ? [] : [r.policy])))];
  const listed = runStart(log).approvalPolicies;
  if (listed === undefined && gates.length === 0) return null;
  const policies = [...(listed ?? []), ...gates.filter((g) => !listed?.includes(g))];
  const isGate = new Set(gates);
  const requestedAt = new Map<string, Hours>();
  const lastDecision = new Map<string, Hours>();
  const key = (instruction: string, policy: string) => `${instruction}\u0000${policy}`;
  const byHuman: Record<string, number> = {};
  const counts = new Map(
    policies.map((p) => [
      p,
      { requested: 0, approved: 0, autoApproved: 0, denied: 0, autoDenied: 0, escalated: 0 },
    ]),
  );
  /** Per instruction, its requests' keys. */
  const keysOf = new Map<string, string[]>();
  for (const r of requests) {
    const k = key(r.instruction, r.policy);
    requestedAt.set(k, r.t);
    const list = keysOf.get(r.instruction);
    if (list === undefined) keysOf.set(r.instruction, [k]);
    else list.push(k);
    const c = counts.get(r.policy);
    if (c !== undefined) c.requested += 1;
  }
  for (const r of ofType(log, 'approval.decided')) {
    lastDecision.set(key(r.instruction, r.policy), r.t);
    const c = counts.get(r.policy);
    if (c !== undefined) c[r.outcome] += 1;
    if (r.outcome === 'approved') byHuman[r.by] = (byHuman[r.by] ?? 0) + 1;
  }
  for (const r of ofType(log, 'approval.escalated')) {
    const c = counts.get(r.policy);
    if (c !== undefined) c.escalated += 1;
  }
  const byPolicy = policies.map((policy): PolicyApprovals => {
    const waits: number[] = [];
    let open = 0;
    for (const [k, at] of requestedAt) {
      if (!k.endsWith(`\u0000${policy}`)) continue;
      const decided = lastDecision.get(k);
      if (decided === undefined) open += 1;
      else waits.push(decided - at);
    }
    const c = counts.get(policy) as {
      requested: number;
      approved: number;
      autoApproved: number;
      denied: number;
      autoDenied: number;
      escalated: number;
    };
    return {
      policy,
      ...(isGate.has(policy) ? { gate: true as const } : {}),
      ...c,
      open,
      waitHours: summary(waits),
    };
  });
  const held: number[] = [];
  for (const c of ofType(log, 'instruction.completed')) {
    const keys = keysOf.get(c.instruction);
    if (keys === undefined) continue;
    // A policy's request waits until the completion it allows, a gate's until its decision.
    const spans = keys.map((k): [Hours, Hours] => [
      requestedAt.get(k) as Hours,
      lastDecision.get(k) ?? c.t,
    ]);
    held.push(unionLength(spans));
  }
  return {
    byPolicy,
    byHuman: Object.fromEntries(Object.entries(byHuman).sort(([a], [b]) => a.localeCompare(b))),
    instructions: keysOf.size,
    denied: ofType(log, 'instruction.denied').length,
    heldHours: summary(held),
  };
}

/** The length of the union of intervals [from, to]. */
export function unionLength(spans: ReadonlyArray<readonly [Hours, Hours]>): Hours {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = Number.NEGATIVE_INFINITY;
  for (const [from, to] of sorted) {
    if (to <= end) continue;
    total += to - Math.max(from, end);
    end = to;
  }
  return total;
}
