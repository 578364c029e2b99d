// The agent fleet's lines in a report's headline. Rate limits, per model with limits: its 429s, the
// time its agents waited to retry, the work that failed, the waits under its concurrency cap, and
// the most of its agents at work at once. Agent failures, per model whose agents can fail: loops,
// their tokens, caps tripped and what came of them, escaped defects and good work rejected.
// Approvals, when the scenario has policies or gates: how long instructions were held, per policy
// or gate, and who approved. Work types, when instructions have them: done, lead times, cost each.

import type { ModelFailures } from '../collect/agent-failures.ts';
import type { Summary } from '../collect/index.ts';
import type { ModelThrottling } from '../collect/rate-limits.ts';
import { n, pct } from './format.ts';

const plural = (k: number, one: string, many = `${one}s`) => `${n(k, 0)} ${k === 1 ? one : many}`;

/** Tokens as a reader counts them: 30K, 1.2M. */
function tokens(count: number): string {
  return count < 1e6 ? `${n(count / 1e3, 0)}K` : `${n(count / 1e6)}M`;
}

/** A wait summed over agents, in the unit it reads best in: seconds, minutes or hours. */
function span(hours: number): string {
  const seconds = hours * 3600;
  if (seconds < 60) return `${n(seconds, 0)} s`;
  if (seconds < 3600) return `${n(seconds / 60, 0)} min`;
  return `${n(hours)} h`;
}

function modelPart(m: ModelThrottling): string {
  const by = Object.entries(m.refusedBy)
    .filter(([, k]) => k > 0)
    .map(([limit, k]) => `${limit} ${n(k, 0)}`);
  const parts = [
    `${m.model} ${plural(m.refused, '429')}${by.length > 0 ? ` (${by.join(', ')}${m.provider !== undefined && (m.refusedByProvider ?? 0) > 0 ? `; ${n(m.refusedByProvider ?? 0, 0)} at ${m.provider}` : ''})` : ''}`,
    `${span(m.retryWaitHours)} waiting to retry`,
    plural(m.failed, 'failed activity', 'failed activities'),
  ];
  if (m.concurrency !== null)
    parts.push(
      `cap ${m.concurrency}: ${plural(m.concurrencyWaits, 'wait')}, ${span(m.concurrencyWaitHours)}`,
    );
  parts.push(`at most ${m.peakWorking} of ${m.agents} agents at work at once`);
  return parts.join(', ');
}

function failurePart(m: ModelFailures): string {
  const caps = m.capsTripped.turns + m.capsTripped.usd;
  const by = Object.entries(m.capsTripped)
    .filter(([, k]) => k > 0)
    .map(([cap, k]) => `${cap} ${n(k, 0)}`);
  const came = [
    ...(m.escalatedByCap > 0 ? [`${n(m.escalatedByCap, 0)} escalated`] : []),
    ...(m.retriedByCap > 0
      ? [
          `${n(m.retriedByCap, 0)} retried${m.retriedOnOtherModel > 0 ? ` (${n(m.retriedOnOtherModel, 0)} on another model)` : ''}`,
        ]
      : []),
    ...(m.failedByCap > 0 ? [`${n(m.failedByCap, 0)} failed`] : []),
  ];
  return [
    `${m.model} ${plural(m.loops, 'loop')} in ${plural(m.executions, 'execution')} (${pct(m.loopRate)}), ${tokens(m.loopTokens)} tokens ($${n(m.loopUsd, 0)}) in loops`,
    `${plural(caps, 'cap')} tripped${by.length > 0 ? ` (${by.join(', ')})` : ''}${came.length > 0 ? `: ${came.join(', ')}` : ''}`,
    `${plural(m.escapedDefects, 'escaped defect')}${m.defectsCaughtLater > 0 ? ` (${n(m.defectsCaughtLater, 0)} more caught by a later review)` : ''}, ${plural(m.goodWorkRejected, 'rejection')} of good work`,
    ...(m.stoppedEarly > 0
      ? [`${n(m.stoppedEarly, 0)} stopped early (${n(m.shippedUnfinished, 0)} shipped unfinished)`]
      : []),
  ].join(', ');
}

/** `Agent failures: sonnet 36 loops in 120 executions (30 %), 45M tokens ($270) in loops, …` */
export function failureLine(s: Summary): string | null {
  if (s.agentFailures === undefined) return null;
  return `Agent failures: ${s.agentFailures.byModel.map(failurePart).join(' · ')}`;
}

/** `Rate limits: sonnet 68 429s (tokens 68), 24 min waiting to retry, 3 failed activities, …` */
export function rateLimitLine(s: Summary): string | null {
  if (s.rateLimits === undefined) return null;
  return `Rate limits: ${s.rateLimits.byModel.map(modelPart).join(' · ')}`;
}

/** `Approvals: 76 instructions held p50 9.5 h, p95 40 h · feature-release 70 (p50 8 h, …) · by cto 90` */
export function approvalLine(s: Summary): string | null {
  const a = s.approvals;
  if (a === undefined) return null;
  const policies = a.byPolicy.map((p) => {
    const extra = [
      ...(p.autoApproved > 0 ? [`${n(p.autoApproved, 0)} at the timeout`] : []),
      ...(p.denied + p.autoDenied > 0
        ? [
            `${n(p.denied + p.autoDenied, 0)} denied${p.autoDenied > 0 ? ` (${n(p.autoDenied, 0)} at the timeout)` : ''}`,
          ]
        : []),
      ...(p.escalated > 0 ? [`${n(p.escalated, 0)} escalated`] : []),
      ...(p.open > 0 ? [`${n(p.open, 0)} still waiting`] : []),
    ];
    const waits =
      p.requested > p.open
        ? `, wait p50 ${span(p.waitHours.p50)}, max ${span(p.waitHours.max)}`
        : '';
    return `${p.policy}${p.gate === true ? ' (gate)' : ''} ${n(p.requested, 0)}${waits}${extra.length > 0 ? `, ${extra.join(', ')}` : ''}`;
  });
  const by = Object.entries(a.byHuman).map(([who, k]) => `${who} ${n(k, 0)}`);
  return [
    `Approvals: ${plural(a.instructions, 'instruction')} held p50 ${span(a.heldHours.p50)}, p95 ${span(a.heldHours.p95)}${a.denied > 0 ? `, ${n(a.denied, 0)} denied` : ''}`,
    ...policies,
    ...(by.length > 0 ? [`approved by ${by.join(', ')}`] : []),
  ].join(' · ');
}

/** Work types, when instructions have them: per type, done of arrived, lead times and cost each. */
export function workTypeLine(s: Summary): string | null {
  const types = s.workTypes;
  if (types === undefined) return null;
  const parts = types.map((w) => {
    if (w.done === 0) return `${w.workType} none of ${n(w.instructions, 0)} done`;
    const lead =
      w.done === 1
        ? `lead time ${n(w.leadTimeHours.p50)} h`
        : `lead time p50 ${n(w.leadTimeHours.p50)} h, p85 ${n(w.leadTimeHours.p85)} h`;
    const spread =
      w.done === 1
        ? ''
        : ` (P85 $${n(w.instructionCostUsd.p85, 2)}, P95 $${n(w.instructionCostUsd.p95, 2)})`;
    return `${w.workType} ${n(w.done, 0)} of ${n(w.instructions, 0)} done, ${lead}, $${n(w.costPerInstructionUsd, 2)} each${spread}`;
  });
  return `Work types: ${parts.join(' · ')}`;
}

/** Agent pools, when the scenario has them: bounds, sizes over the run, agent-hours and upkeep. */
export function poolLine(s: Summary): string | null {
  const list = s.pools;
  if (list === undefined) return null;
  const parts = list.map((p) => {
    const reserve = p.reserveP0 > 0 ? `, ${p.reserveP0} kept for P0` : '';
    const upkeep = p.upkeepUsd > 0 ? `, $${n(p.upkeepUsd, 0)} upkeep` : '';
    return `${p.pool}${list.some((q) => q.pool === p.pool && q.team !== p.team) ? ` (${p.team})` : ''} ${p.min}–${p.max} agents${reserve}: mean ${n(p.meanSize, 1)} active, ${p.leastSize}–${p.mostSize}, ${n(p.agentHours, 0)} agent-hours${upkeep}, ${plural(p.broughtIn, 'brought in', 'brought in')}, ${n(p.parked, 0)} parked`;
  });
  return `Pools: ${parts.join(' · ')}`;
}

/**
 * Git coordination, when the scenario models it: merges and conflicts, the hours it took, branch
 * ages and merge waits, the hot spots and each team's conflict rate.
 */
export function gitLine(s: Summary): string | null {
  const g = s.git;
  if (g === undefined) return null;
  const hot = g.byComponent
    .filter((c) => c.conflicts + c.integrationConflicts > 0)
    .slice(0, 3)
    .map((c) => `${c.component} (${n(c.conflicts + c.integrationConflicts, 0)})`);
  const teams =
    g.byTeam.length > 1
      ? ` · ${g.byTeam.map((t) => `${t.team} (${t.strategy}) ${pct(t.conflictRate)}`).join(', ')}`
      : ` · ${g.byTeam[0]?.strategy ?? ''}`;
  const i = g.integration;
  const integration =
    i === undefined
      ? ''
      : ` · integration: ${plural(i.merges, 'team merge')}, ${plural(i.conflicts, 'conflict')} across teams, ${n(g.hours.integration)} h integrating and fixing builds, CI ${plural(i.ci.runs, 'run')} (${n(i.ci.failed, 0)} failed, ${n(i.ci.flaky, 0)} flaky, queue p95 ${n(i.ci.queueHours.p95)} h) · merged to ${i.target} p50 ${n(i.toTargetHours.p50)} h, p95 ${n(i.toTargetHours.p95)} h`;
  return `Git: ${n(g.merges, 0)} merges, ${plural(g.conflicts, 'conflict')} (${pct(g.conflictRate)} of attempts)${hot.length > 0 ? `, most in ${hot.join(', ')}` : ''} · hours resolving ${n(g.hours.conflict)}, syncing ${n(g.hours.sync)}, merging ${n(g.hours.merge)} · branch age at merge p50 ${n(g.branchAgeHours.p50)} h, p95 ${n(g.branchAgeHours.p95)} h · merge wait p95 ${n(g.mergeWaitHours.p95)} h${teams}${integration}`;
}
