// Agent pools over the run, from the log alone (docs/agents.md, Pools): per pool, its bounds, its
// active agents over time (the mean over the run, weighted by time, the least and the most), the
// agent-hours it kept active and what they cost at its `costPerAgentHour`, and how many agents it
// brought in and parked. Null for a run without pools.

import type { Hours } from '../kernel/time.ts';
import { round } from './stats.ts';
import { type LogInput, ofType, runEnd, runStart, viewOf } from './timeline.ts';

export interface PoolFigures {
  readonly pool: string;
  readonly team: string;
  readonly domain: string;
  readonly min: number;
  readonly max: number;
  readonly reserveP0: number;
  /** Active agents, the time-weighted mean over the run, and the least and most at any time. */
  readonly meanSize: number;
  readonly leastSize: number;
  readonly mostSize: number;
  readonly agentHours: Hours;
  readonly upkeepUsd: number;
  readonly broughtIn: number;
  readonly parked: number;
  /** The sizes over time: [time, size] at the start and at each change. */
  readonly sizes: ReadonlyArray<readonly [Hours, number]>;
}

export function pools(input: LogInput): PoolFigures[] | null {
  const log = viewOf(input);
  const listed = runStart(log).pools;
  if (listed === undefined) return null;
  const end = runEnd(log);
  const scaled = ofType(log, 'pool.scaled');
  return listed.map((p): PoolFigures => {
    const sizes: Array<[Hours, number]> = [[0, p.agents.length]];
    let broughtIn = 0;
    let parked = 0;
    for (const r of scaled) {
      if (r.pool !== p.pool || r.team !== p.team) continue;
      if (r.reason !== 'start') {
        if (r.sizeAfter > r.sizeBefore) broughtIn += r.agents.length;
        else parked += r.agents.length;
      }
      const last = sizes.at(-1) as [Hours, number];
      if (last[0] === r.t) last[1] = r.sizeAfter;
      else sizes.push([r.t, r.sizeAfter]);
    }
    let agentHours = 0;
    sizes.forEach(([t, size], i) => {
      const next = sizes[i + 1]?.[0] ?? end;
      agentHours += size * (next - t);
    });
    const counts = sizes.map(([, size]) => size);
    return {
      pool: p.pool,
      team: p.team,
      domain: p.domain,
      min: p.min,
      max: p.agents.length,
      reserveP0: p.reserveP0,
      meanSize: end > 0 ? round(agentHours / end) : (counts.at(-1) ?? 0),
      leastSize: Math.min(...counts),
      mostSize: Math.max(...counts),
      agentHours: round(agentHours),
      upkeepUsd: round(agentHours * p.costPerAgentHour),
      broughtIn,
      parked,
      sizes: sizes.map(([t, size]) => [round(t, 4), size] as const),
    };
  });
}
