// The run's summary: the figures `--json` prints and the headline of every report. Per instruction
// start, finish and lead time; instruction and task lead times; throughput; waits; time per
// state; utilisation; SLA breaches; escalations; messages; rework; cost and budget; the verdict.

import type { Hours } from '../kernel/time.ts';
import { type AgentFailureReport, agentFailures } from './agent-failures.ts';
import { type ApprovalReport, approvals } from './approvals.ts';
import { type Bottleneck, bottleneck, type Escalations } from './bottleneck.ts';
import { type BudgetStatus, budgetStatus } from './budget.ts';
import { type GitFigures, gitFigures } from './git.ts';
import { type PoolFigures, pools } from './pools.ts';
import { type RateLimitReport, rateLimits } from './rate-limits.ts';
import { type Distribution, distribution, round } from './stats.ts';
import {
  type LogInput,
  type LogView,
  ofType,
  runEnd,
  runStart,
  timelines,
  viewOf,
} from './timeline.ts';
import { type WorkTypeFigures, workTypes } from './work-types.ts';

export const SUMMARY_SCHEMA_VERSION = 3;

/** The run's summary (summary.json, schema version 3): the headline of every report. */
export interface Summary {
  readonly schemaVersion: number;
  readonly scenario: string;
  readonly seed: number;
  readonly strategy: string;
  readonly outcome: string;
  readonly simulatedHours: Hours;
  readonly makespanHours: Hours;
  readonly events: number;
  readonly eventLogSha256: string;
  /** The scenario's warnings, as printed on stderr: `file:line:column: field what`. */
  readonly warnings: readonly string[];
  readonly instructions: Array<{
    id: string;
    tier: number;
    priority: string;
    receivedAt: Hours;
    /**
     * `done`, `refused` at intake (with the reason), `denied` by an approval (the reason names
     * its policy or gate and who said no), `failed` (the reason names the task and its cap), or
     * `open` at the end of the run.
     */
    status: 'done' | 'refused' | 'denied' | 'failed' | 'open';
    reason: string | null;
    finishedAt: Hours | null;
    leadTimeHours: Hours | null;
    /** Its work type, when it has one. */
    workType?: string;
  }>;
  readonly tasks: { total: number; completed: number; cancelled: number; open: number };
  readonly strategicTasks: number;
  readonly tacticalTasks: number;
  readonly throughputPerDay: number;
  /** Per completed instruction, from its arrival (before the EM's intake) to its completion. */
  readonly leadTimeHours: Pick<Distribution, 'mean' | 'p50' | 'p85' | 'p95'>;
  /** Per completed task, from its release into the backlog to COMPLETED. */
  readonly taskLeadTimeHours: Pick<Distribution, 'mean' | 'p50' | 'p85' | 'p95'>;
  readonly waitHours: Pick<Distribution, 'mean' | 'p50' | 'p95'>;
  readonly stateHours: Record<string, { mean: Hours; p95: Hours }>;
  readonly utilization: Record<string, number>;
  readonly slaBreaches: Record<string, number>;
  readonly escalations: Pick<Escalations, 'total' | 'byOutcome' | 'byRung' | 'byRoute'>;
  readonly messages: { delegation: number; broadcast: number; handoff: number; standup: number };
  readonly reworkRate: number;
  readonly costUsd: number;
  readonly tokens: { input: number; output: number };
  readonly budget: BudgetStatus;
  readonly bottleneck: { where: string; evidence: string };
  /** What the models' rate limits did (docs/agents.md); absent when no model has limits. */
  readonly rateLimits?: RateLimitReport;
  /** How the agents failed (docs/agents.md); absent when no model's agents can fail. */
  readonly agentFailures?: AgentFailureReport;
  /** The human approvals (docs/agents.md); absent when the scenario has no approval policies. */
  readonly approvals?: ApprovalReport;
  /** Instructions by work type (docs/agents.md); absent when none has one. */
  readonly workTypes?: readonly WorkTypeFigures[];
  /** The agent pools' sizes and upkeep (docs/agents.md, Pools); absent without pools. */
  readonly pools?: readonly PoolFigures[];
  /** Git coordination: merges, conflicts, hot spots, hours (docs/git.md); absent without git. */
  readonly git?: GitFigures;
}

const r2 = (d: Distribution) => ({
  mean: round(d.mean),
  p50: round(d.p50),
  p85: round(d.p85),
  p95: round(d.p95),
});

/** The summary's figures that need no bottleneck analysis: what a batch row reads. */
export type Headline = Omit<
  Summary,
  | 'schemaVersion'
  | 'eventLogSha256'
  | 'stateHours'
  | 'utilization'
  | 'slaBreaches'
  | 'escalations'
  | 'bottleneck'
  | 'rateLimits'
  | 'agentFailures'
  | 'approvals'
>;

export function headline(input: LogInput): Headline {
  const log = viewOf(input);
  const start = runStart(log);
  const end = runEnd(log);
  const endRecord = log.records.at(-1);
  const tasks = [...timelines(log).values()];
  const done = tasks.filter((t) => t.outcome === 'COMPLETED');
  const received = ofType(log, 'instruction.received');
  const completed = new Map(ofType(log, 'instruction.completed').map((c) => [c.instruction, c]));
  const refused = new Map(
    ofType(log, 'instruction.decided')
      .filter((d) => !d.go)
      .map((d) => [d.instruction, d.reason]),
  );
  const denied = new Map(
    ofType(log, 'instruction.denied').map((d) => [
      d.instruction,
      `denied at ${d.policy} by ${d.by}`,
    ]),
  );
  const caps = new Map(ofType(log, 'cap').map((c) => [c.task, c.cap]));
  const failed = new Map(
    ofType(log, 'instruction.failed').map((f) => [
      f.instruction,
      `${f.task} failed: its ${[caps.get(f.task), 'cap'].filter(Boolean).join(' ')} tripped`,
    ]),
  );
  const first = received[0]?.t ?? 0;
  let lastDone = first;
  for (const c of completed.values()) lastDone = Math.max(lastDone, c.t);
  const taskLeads = done.map((t) => (t.endedAt ?? 0) - (t.releasedAt ?? 0));
  const instructionLeads = [...completed.values()].map((c) => c.leadTimeHours);
  const waits = tasks
    .filter((t) => t.startedAt !== null)
    .map((t) => (t.startedAt ?? 0) - (t.releasedAt ?? 0));
  const messages = { delegation: 0, broadcast: 0, handoff: 0, standup: 0 };
  for (const m of ofType(log, 'message'))
    messages[m.protocol] += m.protocol === 'broadcast' ? (m.recipients ?? 0) : 1;
  // The same sums, in the same order, as the cost report's total (cost.ts), without its breakdowns.
  let cost = 0;
  let tokensIn = 0;
  let tokensOut = 0;
  for (const w of ofType(log, 'work')) {
    cost += w.costUsd;
    tokensIn += w.tokensIn;
    tokensOut += w.tokensOut;
  }
  return {
    scenario: start.scenario,
    seed: start.seed,
    strategy: start.strategy,
    outcome: endRecord?.type === 'run.end' ? endRecord.reason : 'unknown',
    simulatedHours: round(end),
    makespanHours: round(lastDone - first),
    events: log.records.length,
    warnings: start.warnings ?? [],
    instructions: received.map((r) => {
      const c = completed.get(r.instruction);
      const refusal = refused.get(r.instruction);
      const denial = denied.get(r.instruction);
      const failure = failed.get(r.instruction);
      return {
        id: r.instruction,
        tier: r.tier,
        priority: `P${r.priority}`,
        receivedAt: round(r.t),
        status: c
          ? 'done'
          : refusal !== undefined
            ? 'refused'
            : denial !== undefined
              ? 'denied'
              : failure !== undefined
                ? 'failed'
                : 'open',
        reason: refusal ?? denial ?? failure ?? null,
        finishedAt: c ? round(c.t) : null,
        leadTimeHours: c ? round(c.leadTimeHours) : null,
        ...(r.workType === undefined ? {} : { workType: r.workType }),
      };
    }),
    tasks: {
      total: tasks.length,
      completed: done.length,
      cancelled: tasks.filter((t) => t.outcome === 'CANCELLED').length,
      open: tasks.filter((t) => t.outcome === null).length,
    },
    strategicTasks:
      ofType(log, 'plan.strategic').reduce((n, p) => n + p.strategic.length, 0) +
      ofType(log, 'requirement.changed').filter((c) => c.added !== undefined).length,
    tacticalTasks: tasks.length,
    throughputPerDay: lastDone > first ? round((done.length / (lastDone - first)) * 24) : 0,
    leadTimeHours: r2(distribution(instructionLeads)),
    taskLeadTimeHours: r2(distribution(taskLeads)),
    waitHours: (({ mean, p50, p95 }) => ({ mean, p50, p95 }))(r2(distribution(waits))),
    messages,
    reworkRate:
      done.length > 0 ? round(done.filter((t) => t.rejected > 0).length / done.length, 3) : 0,
    costUsd: round(cost),
    tokens: { input: Math.round(tokensIn), output: Math.round(tokensOut) },
    budget: budgetStatus(log),
  };
}

/** The run's summary: the headline and what the bottleneck analysis adds, in the schema's order. */
export function summary(input: LogInput, eventLogSha256: string, b?: Bottleneck): Summary {
  const log = viewOf(input);
  const h = headline(log);
  b ??= bottleneck(log);
  return {
    schemaVersion: SUMMARY_SCHEMA_VERSION,
    scenario: h.scenario,
    seed: h.seed,
    strategy: h.strategy,
    outcome: h.outcome,
    simulatedHours: h.simulatedHours,
    makespanHours: h.makespanHours,
    events: h.events,
    eventLogSha256,
    warnings: h.warnings,
    instructions: h.instructions,
    tasks: h.tasks,
    strategicTasks: h.strategicTasks,
    tacticalTasks: h.tacticalTasks,
    throughputPerDay: h.throughputPerDay,
    leadTimeHours: h.leadTimeHours,
    taskLeadTimeHours: h.taskLeadTimeHours,
    waitHours: h.waitHours,
    stateHours: Object.fromEntries(
      Object.entries(b.stateHours).map(([s, v]) => [s, { mean: v.mean, p95: v.p95 }]),
    ),
    utilization: Object.fromEntries(
      b.queues
        .map((q) => [q.person, q.utilization])
        .sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    ),
    slaBreaches: b.slaBreaches.byState,
    escalations: {
      total: b.escalations.total,
      byOutcome: b.escalations.byOutcome,
      byRung: b.escalations.byRung,
      byRoute: b.escalations.byRoute,
    },
    messages: h.messages,
    reworkRate: h.reworkRate,
    costUsd: h.costUsd,
    tokens: h.tokens,
    budget: h.budget,
    bottleneck: b.verdict,
    ...rateLimitsOf(log),
    ...failuresOf(log),
    ...approvalsOf(log),
    ...workTypesOf(log),
    ...poolsOf(log),
    ...gitOf(log),
  };
}

function gitOf(log: LogView): { git?: GitFigures } {
  const figures = gitFigures(log);
  return figures === null ? {} : { git: figures };
}

function poolsOf(log: LogView): { pools?: readonly PoolFigures[] } {
  const figures = pools(log);
  return figures === null ? {} : { pools: figures };
}

function workTypesOf(log: LogView): { workTypes?: readonly WorkTypeFigures[] } {
  const types = workTypes(log);
  return types === null ? {} : { workTypes: types };
}

/** The approvals' toll, hours to the hundredth; nothing for a scenario without policies. */
function approvalsOf(log: LogView): { approvals?: ApprovalReport } {
  const r = approvals(log);
  if (r === null) return {};
  const hours = <T extends Record<string, number>>(d: T): T =>
    Object.fromEntries(Object.entries(d).map(([k, v]) => [k, round(v)])) as T;
  return {
    approvals: {
      ...r,
      byPolicy: r.byPolicy.map((p) => ({ ...p, waitHours: hours(p.waitHours) })),
      heldHours: hours(r.heldHours),
    },
  };
}

/** How the agents failed, loop rates to the thousandth; nothing for a run whose models never fail. */
function failuresOf(log: LogView): { agentFailures?: AgentFailureReport } {
  const r = agentFailures(log);
  if (r === null) return {};
  return {
    agentFailures: {
      ...r,
      byModel: r.byModel.map((m) => ({
        ...m,
        loopRate: round(m.loopRate, 3),
        loopTokens: Math.round(m.loopTokens),
        loopUsd: round(m.loopUsd),
      })),
      loopTokens: Math.round(r.loopTokens),
    },
  };
}

/** The rate limits' toll, hours to the hundredth; nothing for a run whose models have none. */
function rateLimitsOf(log: LogView): { rateLimits?: RateLimitReport } {
  const r = rateLimits(log);
  if (r === null) return {};
  return {
    rateLimits: {
      byModel: r.byModel.map((m) => ({
        ...m,
        retryWaitHours: round(m.retryWaitHours),
        concurrencyWaitHours: round(m.concurrencyWaitHours),
      })),
      refused: r.refused,
      retryWaitHours: round(r.retryWaitHours),
      failed: r.failed,
      concurrencyWaitHours: round(r.concurrencyWaitHours),
    },
  };
}
