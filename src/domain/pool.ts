// Agent pools (docs/agents.md, Pools): a team's agents in one domain, of which only some are active
// at a time. The pool scales on its queue depth as a horizontal autoscaler does: it wants enough
// agents for its work at `tasksPerAgent` tasks each (the tasks its agents hold and those waiting in
// its backlog), within [min, max]. A new agent is ready after `spinUpHours`; an agent idle for
// `idleHours` while the pool wants fewer is parked. `reserveP0` agents are kept free of any work
// that is not P0, so an incident never waits for a slot.

import type { Hours } from '../kernel/time.ts';
import type { Domain } from './org.ts';

export interface PoolPolicy {
  readonly id: string;
  readonly team: string;
  readonly domain: Domain;
  /** Its agents, in the order they are brought in (the first `min` are active at the start). */
  readonly agents: readonly string[];
  readonly min: number;
  readonly max: number;
  readonly tasksPerAgent: number;
  readonly spinUpHours: Hours;
  readonly idleHours: Hours;
  /** USD per hour each active or spinning agent costs, working or not (hosting, seats). */
  readonly costPerAgentHour: number;
  readonly reserveP0: number;
}

/**
 * The size the pool wants for `load` tasks (held and waiting): ceil(load ÷ per agent), and its P0
 * reserve on top, within [min, max].
 */
export function desiredSize(policy: PoolPolicy, load: number): number {
  const wanted = Math.ceil(load / policy.tasksPerAgent) + policy.reserveP0;
  return Math.min(policy.max, Math.max(policy.min, wanted));
}

/**
 * Whether an agent may take work of `priority` without breaking the P0 reserve: P0 work always
 * may; other work only if, after it, at least `reserveP0` active agents still hold no work that
 * is not P0 — or the agent already holds such work (it is not one of the reserve).
 */
export function mayTake(
  policy: PoolPolicy,
  priority: number,
  agentHoldsNonP0: boolean,
  freeOfNonP0: number,
): boolean {
  if (priority === 0 || agentHoldsNonP0) return true;
  return freeOfNonP0 - 1 >= policy.reserveP0;
}
