// The scenario's agent pools as the run reads them (src/domain/pool.ts): each one's agents, the
// defaults filled in, and the problems a file can have — a pool in a domain where its team has no
// agents, a minimum above its agents, a reserve that leaves no agent for other work, two pools
// over the same agents, an outage of a pooled agent.

import type { IcSpec, OrgSpec } from '../domain/org.ts';
import type { PoolPolicy } from '../domain/pool.ts';
import type { ScenarioIssue } from './errors.ts';
import type { ParsedScenario } from './schema.ts';

/** An agent's default spin-up: a container or a session starting, a few minutes. */
export const DEFAULT_SPIN_UP_HOURS = 0.05;
/** Idle time before a pool parks an agent: the Kubernetes autoscaler's 5-minute stabilisation. */
export const DEFAULT_IDLE_HOURS = 5 / 60;

export function poolsOf(
  raw: ParsedScenario,
  org: OrgSpec,
): { pools: PoolPolicy[]; issues: ScenarioIssue[] } {
  const pools: PoolPolicy[] = [];
  const issues: ScenarioIssue[] = [];
  const taken = new Map<string, string>();
  (raw.pools ?? []).forEach((p, i) => {
    const at = ['pools', i] as const;
    if (p.team !== undefined && !org.teams.some((t) => t.id === p.team)) {
      issues.push({
        path: [...at, 'team'],
        message: `names no team: "${p.team}" (teams: ${org.teams.map((t) => t.id).join(', ')})`,
      });
      return;
    }
    const teams = org.teams.filter((t) => p.team === undefined || t.id === p.team);
    let found = false;
    for (const team of teams) {
      const agents = team.ics.filter((ic: IcSpec) => ic.domain === p.domain && ic.model !== null);
      if (agents.length === 0) continue;
      found = true;
      const key = `${team.id}/${p.domain}`;
      const other = taken.get(key);
      if (other !== undefined) {
        issues.push({
          path: [...at, 'domain'],
          message: `pools the ${p.domain} agents of ${team.id}, as pool "${other}" does: give each team's domain one pool`,
        });
        continue;
      }
      taken.set(key, p.id);
      const min = p.min ?? 1;
      const reserve = p.reserveP0 ?? 0;
      if (min > agents.length)
        issues.push({
          path: [...at, 'min'],
          message: `is ${min}, and ${team.id} has ${agents.length} ${p.domain} agents: the pool's agents are its team's, so add agents (org.ics.${p.domain}) or lower min`,
        });
      if (reserve >= agents.length)
        issues.push({
          path: [...at, 'reserveP0'],
          message: `is ${reserve}, and ${team.id} has ${agents.length} ${p.domain} agents: no agent would be left for work that is not P0; lower it`,
        });
      pools.push({
        id: p.id,
        team: team.id,
        domain: p.domain,
        agents: agents.map((a) => a.id),
        min,
        max: agents.length,
        tasksPerAgent: p.tasksPerAgent ?? (agents[0] as IcSpec).wipLimit,
        spinUpHours: p.spinUpHours ?? DEFAULT_SPIN_UP_HOURS,
        idleHours: p.idleHours ?? DEFAULT_IDLE_HOURS,
        costPerAgentHour: p.costPerAgentHour ?? 0,
        reserveP0: reserve,
      });
    }
    if (!found)
      issues.push({
        path: [...at, 'domain'],
        message: `has no agents: ${p.team === undefined ? 'no team has' : `team ${p.team} has no`} ${p.domain} ICs that are agents (people are never pooled); staff it with agents (org.ics.${p.domain})`,
      });
  });
  // A pooled agent comes and goes with its pool: an outage of one would fight the pool over it.
  const pooled = new Set(pools.flatMap((p) => p.agents));
  raw.events.forEach((e, i) => {
    if (e.type === 'outage' && pooled.has(e.person))
      issues.push({
        path: ['events', i, 'person'],
        message: `names ${e.person}, an agent of a pool: a pool parks and brings in its agents itself; drop the outage, or the pool`,
      });
  });
  return { pools, issues };
}
