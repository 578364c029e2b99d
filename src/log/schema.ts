// The event log's schema: one strict object per record type, every field with its type and range.
// It is the one definition of a record: the TypeScript types (records.ts) are inferred from it, the
// run writes records of those types, and `orgsim report` validates every line it reads against it.

import { z } from 'zod';
import { GIT_STRATEGIES } from '../domain/git.ts';
import { RUN_OUTCOMES } from '../domain/outcome.ts';
import { RULE_TRIGGERS } from '../domain/rules.ts';
import {
  activityKind,
  blockerType,
  budgetPolicy,
  budgetScope,
  calendar,
  complexity,
  count,
  domain,
  escalationAction,
  escalationLevel,
  escalationOutcome,
  escalationRole,
  gate,
  hours,
  id,
  ids,
  priority,
  protocol,
  role,
  skillLevel,
  slaState,
  taskState,
  tier,
  tokens,
  usd,
  workOutcome,
} from './fields.ts';
import { STANDUP_KINDS, standupContentSchema } from './standup-content.ts';

/** A record of `type` with `fields`, stamped with the simulated time `t` it happened at. */
function record<const Type extends string, const Shape extends z.ZodRawShape>(
  type: Type,
  fields: Shape,
) {
  return z.strictObject({ t: hours, type: z.literal(type), ...fields });
}

// The task lifecycle machine's reports (src/domain/task-events.ts), stamped by the host.

const taskTransition = record('task.transition', {
  task: id,
  /** null when the task is created. */
  from: taskState.nullable(),
  to: taskState,
  /** The event type that caused it, `sla.breach`, `task.created` or `handoff.notRequired`. */
  cause: z.string().min(1),
  /** Entering ASSIGNED: who holds the task now. */
  assignee: id.optional(),
  /** Entering BLOCKED: what kind of blocker. */
  blocker: blockerType.optional(),
  /** Entering ESCALATED: the rung of the ladder the escalation lands on. */
  level: escalationLevel.optional(),
  role: escalationRole.optional(),
});

const taskGate = record('task.gate', {
  task: id,
  gate,
  outcome: z.enum(['passed', 'rejected']),
  reviewer: id,
});

const taskSlaBreach = record('task.slaBreach', {
  task: id,
  state: slaState,
  /** The k-th breach of this state visit: it fired k × slaHours after entry. */
  breach: z.number().int().min(1),
  slaHours: z.number().positive(),
});

// What the org's actors record.

const instructionReceived = record('instruction.received', {
  instruction: id,
  tier,
  priority,
  title: z.string(),
  /** Its work type, when the scenario gives it one (or its workflow does). */
  workType: id.optional(),
});

const instructionDecided = record('instruction.decided', {
  instruction: id,
  go: z.boolean(),
  reason: z.string(),
  by: id,
});

const instructionCompleted = record('instruction.completed', {
  instruction: id,
  leadTimeHours: hours,
  tasks: count,
  cancelled: count,
});

const planStrategic = record('plan.strategic', {
  instruction: id,
  by: id,
  strategic: z.array(z.strictObject({ id, domain, milestone: count, dependsOn: ids })),
});

const planTactical = record('plan.tactical', {
  instruction: id,
  strategic: id,
  by: id,
  tasks: z.array(
    z.strictObject({
      id,
      domain,
      estimateHours: hours,
      complexity,
      dependsOn: ids,
      priority,
      architectural: z.boolean(),
      /** The components its change touches, when the run models git (docs/git.md). */
      components: ids.optional(),
    }),
  ),
});

const taskReady = record('task.ready', {
  task: id,
  domain,
  team: id,
  /** The task's real effort at full skill, drawn when it is released: what bounds any schedule. */
  effortHours: hours,
});

const taskPreempted = record('task.preempted', {
  task: id,
  person: id,
  /** The more urgent task that took its place (`outage`: the IC who is out). */
  by: id,
  /**
   * `desk`: its work paused for P0 work on the same desk; `slot`: its WIP slot was taken;
   * `outage`: its lead took it back from an IC who is out; `cap`: a cap tripped and it goes to an
   * agent on another model (`by` is the agent it was taken from).
   */
  kind: z.enum(['desk', 'slot', 'outage', 'cap']),
});

const message = record('message', {
  protocol,
  kind: z.string().min(1),
  from: id,
  to: id,
  task: id.optional(),
  instruction: id.optional(),
  recipients: count.optional(),
  /** What the message carries: checked for standups, which the standup report is built from. */
  content: z.unknown().optional(),
}).superRefine((m, ctx) => {
  if (m.protocol !== 'standup') return;
  const schema = standupContentSchema(m.kind, m.content);
  if (schema === null) {
    ctx.addIssue({ code: 'invalid_value', values: STANDUP_KINDS, path: ['kind'], input: m.kind });
    return;
  }
  const [issue] = schema.safeParse(m.content).error?.issues ?? [];
  if (issue !== undefined) ctx.addIssue({ ...issue, path: ['content', ...issue.path] });
});

const work = record('work', {
  person: id,
  kind: activityKind,
  task: id.optional(),
  /** The instruction the work served: its task's, or its own (intake, planning); none for rituals. */
  instruction: id.optional(),
  /** When the activity reached the person's desk, and when this slice of it started. */
  queuedAt: hours,
  startedAt: hours,
  hours,
  outcome: workOutcome,
  /** Tokens the slice used, input and output (none for a person). */
  tokensIn: tokens,
  tokensOut: tokens,
  costUsd: usd,
  /** Of its input tokens, those read from the prompt cache; written only when some were. */
  tokensCached: tokens.optional(),
});

const escalationOpened = record('escalation.opened', {
  escalation: id,
  task: id,
  route: z.enum([...blockerType.options, 'sla']),
  /** For an SLA breach: the state the task was late in. */
  state: slaState.optional(),
  level: escalationLevel,
  role: escalationRole,
  to: id,
});

/** A rung's decision on an escalation it worked, and what came of it. */
const escalationDecided = record('escalation.decided', {
  escalation: id,
  task: id,
  by: id,
  level: escalationLevel,
  role: escalationRole,
  action: escalationAction,
  outcome: escalationOutcome,
  detail: z.string().optional(),
  /** A referral: who has it now. */
  to: id.optional(),
});

const escalationClimbed = record('escalation.climbed', {
  escalation: id,
  task: id,
  level: escalationLevel,
  role: escalationRole,
  to: id,
});

const escalationResolved = record('escalation.resolved', {
  escalation: id,
  task: id,
  by: id,
  level: escalationLevel,
  outcome: escalationOutcome.exclude(['referred']),
  hoursToResolve: hours,
});

const capacityForecast = record('capacity.forecast', {
  team: id,
  domain,
  availableHours: hours,
  committedHours: hours,
  oversubscribed: z.boolean(),
  /** The same, per IC in the domain's pool. */
  ics: z.array(z.strictObject({ id, availableHours: hours, committedHours: hours })),
});

const rebalance = record('rebalance', {
  kind: z.enum(['borrow', 'defer']),
  team: id,
  domain,
  person: id.optional(),
  tasks: z.array(id).optional(),
  until: hours,
});

const outage = record('outage', {
  person: id,
  phase: z.enum(['start', 'end']),
  /** At the start: who covers for them, if anyone. */
  cover: id.optional(),
});

/**
 * A rate limit of an agent's model (docs/agents.md). `start`: a request was refused (a 429 on
 * `requests` or `tokens`, retry `attempt`, waiting until `until`) or no place was free under the
 * model's `concurrency` cap; the activity under way stops. `end`: the agent goes on. `failed`: the
 * retries ran out and the work failed (execution: the task is blocked on a `resource` blocker).
 */
const throttle = record('throttle', {
  person: id,
  model: id,
  phase: z.enum(['start', 'end', 'failed']),
  limit: z.enum(['requests', 'tokens', 'concurrency']).optional(),
  /** The request was refused by its model's provider's shared limit, not the model's own. */
  provider: id.optional(),
  attempt: count.optional(),
  until: hours.optional(),
});

/** An agent's execution began to loop: from `afterHours` of its work on, no progress. */
const loop = record('loop', {
  person: id,
  model: id,
  task: id,
  afterHours: hours,
});

/**
 * A cap on one execution tripped (`turns` or `usd`): the turns, tokens and dollars it had taken,
 * whether it was looping, and what came of it (`escalate`: a resource blocker; `retry`: again, by
 * the same agent or one on `retryOn`; `fail`: the task fails, see `instruction.failed`).
 */
// Git coordination (docs/git.md): a branch brought up to date, a change merged into its team's
// branch, a merge that conflicted and how the conflict was resolved.

/** Who resolved a conflict: its author (rebase) or the integrator. */
const conflictResolver = z.enum(['rebase', 'integrator']);

const gitSync = record('git.sync', {
  person: id,
  team: id,
  task: id,
  /** Hours since the clone (or the agent's worktree) was last brought up to date. */
  staleHours: hours,
});

const gitMerge = record('git.merge', {
  task: id,
  instruction: id,
  team: id,
  by: id,
  /** The branch merged into: the team's (`team/<id>`). */
  into: z.string().min(1),
  components: ids,
  /** When the branch was cut (or last rebased), and its age at the merge. */
  baseAt: hours,
  ageHours: hours,
  /** Its components changed on the target since the branch was cut. */
  overlap: count,
});

const gitConflict = record('git.conflict', {
  conflict: id,
  task: id,
  team: id,
  /** Who tried the merge. */
  by: id,
  /** The components that conflicted, and the tasks whose merged changes they conflict with. */
  components: ids,
  with: ids,
  overlap: count,
  baseAt: hours,
  ageHours: hours,
  /** The chance this merge had of conflicting (1 − (1 − p)^overlap). */
  chance: z.number().min(0).max(1),
  resolution: conflictResolver,
  /** Who resolves it. */
  to: id,
  /** A team branch's merge into integration conflicted with other teams' changes. */
  into: z.literal('integration').optional(),
});

const gitResolved = record('git.resolved', {
  conflict: id,
  task: id,
  by: id,
  resolution: conflictResolver,
  /** The task was cancelled before the conflict was resolved: it was dropped with the work. */
  dropped: z.literal(true).optional(),
  /** The rebased change goes through its reviews again before it is merged. */
  reviewAgain: z.literal(true).optional(),
});

const gitIntegrated = record('git.integrated', {
  team: id,
  by: id,
  /** The integration merge's number, 1, 2, …: CI checks the branch as of each. */
  batch: count,
  /** The changes of the team branch it brought in, in the order they were merged there. */
  tasks: ids,
  components: ids,
  /** When the team branch last took integration in, and its age since then. */
  baseAt: hours,
  ageHours: hours,
  /** Its components other teams changed on integration since then. */
  overlap: count,
});

const gitCi = record('git.ci', {
  run: id,
  /** The integration merge the run checks. */
  batch: count,
  phase: z.enum(['start', 'end']),
  /** Start: when the run was queued (it waits for a runner). */
  queuedAt: hours.optional(),
  /** End: passed, flaky (run again) or failed (the integrator fixes the build). */
  result: z.enum(['passed', 'flaky', 'failed']).optional(),
});

const gitPromoted = record('git.promoted', {
  into: z.literal('main'),
  /** The changes promoted, in the order they went into integration. */
  tasks: ids,
});

const cap = record('cap', {
  person: id,
  model: id,
  task: id,
  cap: z.enum(['turns', 'usd']),
  turns: z.number().min(0),
  tokens,
  costUsd: usd,
  looped: z.boolean(),
  action: z.enum(['escalate', 'retry', 'fail']),
  /** A retry on another model: the task goes back to its backlog for an agent on this one. */
  retryOn: id.optional(),
});

/**
 * An agent's execution stopped early: handed in as done after `afterHours` of its work, with
 * `leftHours` still to do. A review finds it unless the reviewer passes bad work.
 */
const stopEarly = record('stop.early', {
  person: id,
  model: id,
  task: id,
  afterHours: hours,
  leftHours: hours,
});

/** A review by an agent erred: it passed work its gate should reject, or rejected work it should pass. */
const verification = record('verification', {
  task: id,
  gate,
  reviewer: id,
  model: id,
  error: z.enum(['passedBadWork', 'rejectedGoodWork']),
});

/** A finished instruction needs the approval of humans under `policy` before it is complete. */
const approvalRequested = record('approval.requested', {
  instruction: id,
  policy: id,
  approvers: z.array(id).min(1),
  /** A workflow's gate (its id; `policy` is its step): what depends on it waits. */
  gate: id.optional(),
  /** The gate's inputs: the tasks and gates it followed. */
  after: z.array(id).optional(),
});

/**
 * A decision under `policy`: by a human (`approved` or `denied`, by whoever worked it for
 * `approver`), or on nobody's word at the policy's timeout (`autoApproved` or `autoDenied`, by
 * `timeout`); `waitHours` since the request.
 */
const approvalDecided = record('approval.decided', {
  instruction: id,
  policy: id,
  approver: id,
  by: id,
  outcome: z.enum(['approved', 'autoApproved', 'denied', 'autoDenied']),
  waitHours: hours,
  gate: id.optional(),
});

/**
 * A pool changed size (`sizeBefore` → `sizeAfter` active agents): `agents` came in (ready after their spin-up)
 * or were parked; at the start, those beyond its minimum are parked.
 */
const poolScaled = record('pool.scaled', {
  pool: id,
  team: id,
  sizeBefore: z.number().int().min(0),
  sizeAfter: z.number().int().min(0),
  agents: z.array(id).min(1),
  reason: z.enum(['start', 'queue', 'idle']),
});

/** An event rule fired on `subject` (an instruction, a task, a budget's scope): what it did. */
const ruleFired = record('rule.fired', {
  rule: id,
  on: z.enum(RULE_TRIGGERS),
  subject: id,
  actions: z.array(z.string().min(1)).min(1),
});

/**
 * An approval was denied (by `by`, or `timeout`): the instruction is closed without completing,
 * its tasks not yet finished cancelled.
 */
const instructionDenied = record('instruction.denied', {
  instruction: id,
  policy: id,
  by: id,
  gate: id.optional(),
});

/**
 * A task failed (a cap tripped with `onCap: fail`): its instruction is closed without completing,
 * its tasks not yet finished cancelled.
 */
const instructionFailed = record('instruction.failed', {
  instruction: id,
  task: id,
  cause: z.enum(['cap']),
});

/** Nobody decided in time: the policy's `escalateTo` humans are asked as well. */
const approvalEscalated = record('approval.escalated', {
  instruction: id,
  policy: id,
  /** The humans asked as well (a list: `to` is a single person in other records). */
  asked: z.array(id).min(1),
  gate: id.optional(),
});

/** The EM approved overtime (`start`: working `hoursPerDay` a day from now), or it ended. */
const overtime = record('overtime', {
  person: id,
  phase: z.enum(['start', 'end']),
  hoursPerDay: z.number().positive().max(24),
});

const hire = record('hire', {
  person: id,
  team: id,
  domain,
  /**
   * Productivity rises linearly from `startProductivity` to 1 over `rampUpDays` days. Always
   * written; a log from before ramp-ups has neither: productive at once.
   */
  rampUpDays: z.number().min(0).optional(),
  startProductivity: z.number().positive().max(1).optional(),
});

const requirementChanged = record('requirement.changed', {
  instruction: id,
  /**
   * `applied`; `tooLate`: the instruction had finished, nothing changed; `declined`: the EM
   * declined the instruction before its plan was out, so there was nothing to change. Always
   * written; a log from before it existed has none, and its changes were applied.
   */
  outcome: z.enum(['applied', 'tooLate', 'declined']).optional(),
  cancelled: z.array(id),
  /** Every unfinished task's new estimate, and for a released one its new effort. */
  rescaled: z
    .strictObject({
      factor: z.number().positive(),
      tasks: z.array(z.strictObject({ id, estimateHours: hours, effortHours: hours.optional() })),
    })
    .optional(),
  /**
   * The strategic task added to the plan (the instruction's `plan.strategic` stays as the TL
   * published it), sent to its domain's lead: its tasks come in that lead's `plan.tactical`.
   */
  added: z
    .strictObject({
      strategic: id,
      domain,
      milestone: count,
      dependsOn: ids,
      tasks: z.array(id),
    })
    .optional(),
});

/** Spending reached `threshold` of a budget: logged once per threshold (per day for `day`). */
const budgetAlert = record('budget.alert', {
  scope: budgetScope,
  /** The day of the org's clock, for a daily budget. */
  day: count.optional(),
  threshold: z.number().positive(),
  /** Spent against this budget at the crossing (the day's spend for `day`). */
  spentUsd: usd,
  budgetUsd: usd,
  share: z.number().min(0),
});

/** Spending reached a budget: its policy takes effect. */
const budgetExhausted = record('budget.exhausted', {
  scope: budgetScope,
  day: count.optional(),
  spentUsd: usd,
  budgetUsd: usd,
  policy: budgetPolicy,
});

/** A new day: a spent daily budget is available again, and its policy lifted. */
const budgetReset = record('budget.reset', {
  scope: z.literal('day'),
  day: count,
});

const runStart = record('run.start', {
  scenario: z.string(),
  seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  /** A built-in strategy's name, or the name a user's strategy module gives itself. */
  strategy: z.string().min(1),
  horizonHours: z.number().positive().nullable(),
  budgetUsd: usd.nullable(),
  dailyBudgetUsd: usd.nullable(),
  budgetPolicy,
  budgetAlerts: z.array(z.number().positive()).readonly(),
  forecastHours: hours,
  people: z.array(
    z.strictObject({
      id,
      role,
      team: id,
      domain: domain.optional(),
      calendar,
      wipLimit: z.number().int().min(1).optional(),
      skills: z.partialRecord(domain, skillLevel).optional(),
      /** The model of the scenario's table an agent runs on; absent: the default model. */
      model: id.optional(),
      /** A person, not an agent: no tokens (humans are people without saying so). */
      person: z.literal(true).optional(),
      /** An agent's own failure odds, over its model's (docs/agents.md). */
      failures: z
        .strictObject({
          loop: z.number().min(0).max(1),
          stopEarly: z.number().min(0).max(1),
          passBadWork: z.number().min(0).max(1),
          rejectGoodWork: z.number().min(0).max(1),
        })
        .partial()
        .optional(),
    }),
  ),
  /** The models' rate limits (docs/agents.md); absent when no model has any. */
  rateLimits: z
    .record(
      id,
      z.strictObject({
        requestsPerMinute: count.optional(),
        tokensPerMinute: count.optional(),
        concurrency: count.optional(),
        tokensPerRequest: count,
        /** The provider whose limits the model shares with its other models. */
        provider: id.optional(),
      }),
    )
    .optional(),
  /** Limits shared by a provider's models (docs/agents.md); absent when no model has a provider. */
  providerLimits: z
    .record(
      id,
      z.strictObject({
        requestsPerMinute: count.optional(),
        tokensPerMinute: count.optional(),
      }),
    )
    .optional(),
  /** How the models' agents fail (docs/agents.md); absent when no model says. */
  agentFailures: z
    .record(
      id,
      z.strictObject({
        loop: z.number().min(0).max(1),
        stopEarly: z.number().min(0).max(1).optional(),
        passBadWork: z.number().min(0).max(1),
        rejectGoodWork: z.number().min(0).max(1),
        maxTurns: count.optional(),
        maxUsd: usd.optional(),
        onCap: z.enum(['escalate', 'retry', 'fail']),
        retryOn: id.optional(),
      }),
    )
    .optional(),
  /** Git coordination (docs/git.md): each team's strategy and the components; absent: off. */
  git: z
    .strictObject({
      strategies: z.record(id, z.enum(GIT_STRATEGIES)),
      /** The branch an instruction's changes must reach for it to be done. */
      target: z.enum(['team', 'integration', 'main']),
      components: z.array(z.strictObject({ id, domain: domain.optional() })),
    })
    .optional(),
  /** The scenario's approval policies, by id (docs/agents.md); absent when it has none. */
  approvalPolicies: z.array(id).optional(),
  /** The scenario's event rules, by id (docs/agents.md, Rules); absent when it has none. */
  rules: z.array(id).optional(),
  /** The agent pools (docs/agents.md, Pools); absent when the scenario has none. */
  pools: z
    .array(
      z.strictObject({
        pool: id,
        team: id,
        domain,
        agents: z.array(id).min(1),
        min: z.number().int().min(0),
        costPerAgentHour: usd,
        reserveP0: z.number().int().min(0),
      }),
    )
    .optional(),
  /** The scenario's warnings (legal input, almost certainly not meant); absent when none. */
  warnings: z.array(z.string().min(1)).readonly().optional(),
});

const runEnd = record('run.end', {
  reason: z.enum(RUN_OUTCOMES),
  openTasks: count,
  /** With a budget: the spend accrued by the end, work in progress included. */
  spentUsd: usd.optional(),
});

/** Every record type's schema, by its `type`: what the reader looks a line's schema up in. */
export const RECORD_SCHEMAS = {
  'task.transition': taskTransition,
  'task.gate': taskGate,
  'task.slaBreach': taskSlaBreach,
  'instruction.received': instructionReceived,
  'instruction.decided': instructionDecided,
  'instruction.completed': instructionCompleted,
  'plan.strategic': planStrategic,
  'plan.tactical': planTactical,
  'task.ready': taskReady,
  'task.preempted': taskPreempted,
  message,
  work,
  'escalation.opened': escalationOpened,
  'escalation.decided': escalationDecided,
  'escalation.climbed': escalationClimbed,
  'escalation.resolved': escalationResolved,
  'capacity.forecast': capacityForecast,
  rebalance,
  outage,
  throttle,
  'approval.requested': approvalRequested,
  'approval.decided': approvalDecided,
  'approval.escalated': approvalEscalated,
  'instruction.denied': instructionDenied,
  'instruction.failed': instructionFailed,
  'pool.scaled': poolScaled,
  'rule.fired': ruleFired,
  'git.sync': gitSync,
  'git.merge': gitMerge,
  'git.conflict': gitConflict,
  'git.resolved': gitResolved,
  'git.integrated': gitIntegrated,
  'git.ci': gitCi,
  'git.promoted': gitPromoted,
  loop,
  cap,
  'stop.early': stopEarly,
  verification,
  overtime,
  hire,
  'requirement.changed': requirementChanged,
  'budget.alert': budgetAlert,
  'budget.exhausted': budgetExhausted,
  'budget.reset': budgetReset,
  'run.start': runStart,
  'run.end': runEnd,
} as const;

export type RecordType = keyof typeof RECORD_SCHEMAS;

export const RECORD_TYPES = Object.keys(RECORD_SCHEMAS) as RecordType[];
