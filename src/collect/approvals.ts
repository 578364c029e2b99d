// The human approvals of a run, from the log alone: per policy, how many instructions it held, how
// long each waited from the request to the decision that satisfied the policy (the last one it
// logged: none is logged after), how many were approved on a human's word or at a timeout, and
// how many timeouts asked more humans; per human, the approvals they worked. Null for a run
// whose scenario has no approval policies.

import type { Hours } from '../kernel/time.ts';
import { type Distribution, distribution } from './stats.ts';
import { type LogInput, ofType, runStart, viewOf } from './timeline.ts';

export interface PolicyApprovals {
  readonly policy: string;
  readonly requested: number;
  /** Requests still waiting when the run ended. */
  readonly open: number;
  readonly approved: number;
  readonly autoApproved: number;
  readonly escalated: number;
  /** Request to the decision that satisfied the policy, of the satisfied requests. */
  readonly waitHours: Pick<Distribution, 'mean' | 'p50' | 'p95' | 'max'>;
}

export interface ApprovalReport {
  readonly byPolicy: readonly PolicyApprovals[];
  /** Approvals worked, by who worked them. */
  readonly byHuman: Readonly<Record<string, number>>;
  /** Instructions held for approvals, and their hours from the request to completion. */
  readonly instructions: number;
  readonly heldHours: Pick<Distribution, 'mean' | 'p50' | 'p95' | 'max'>;
}

const summary = (values: readonly number[]) => {
  const d = distribution(values);
  return { mean: d.mean, p50: d.p50, p95: d.p95, max: d.max };
};

export function approvals(input: LogInput): ApprovalReport | null {
  const log = viewOf(input);
  const policies = runStart(log).approvalPolicies;
  if (policies === undefined) return null;
  const requestedAt = new Map<string, Hours>();
  const lastDecision = new Map<string, Hours>();
  const key = (instruction: string, policy: string) => `${instruction}\u0000${policy}`;
  const byHuman: Record<string, number> = {};
  const counts = new Map(
    policies.map((p) => [p, { requested: 0, approved: 0, autoApproved: 0, escalated: 0 }]),
  );
  const firstRequest = new Map<string, Hours>();
  for (const r of ofType(log, 'approval.requested')) {
    requestedAt.set(key(r.instruction, r.policy), r.t);
    if (!firstRequest.has(r.instruction)) firstRequest.set(r.instruction, r.t);
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
      escalated: number;
    };
    return { policy, ...c, open, waitHours: summary(waits) };
  });
  const held: number[] = [];
  for (const c of ofType(log, 'instruction.completed')) {
    const at = firstRequest.get(c.instruction);
    if (at !== undefined) held.push(c.t - at);
  }
  return {
    byPolicy,
    byHuman: Object.fromEntries(Object.entries(byHuman).sort(([a], [b]) => a.localeCompare(b))),
    instructions: firstRequest.size,
    heldHours: summary(held),
  };
}
