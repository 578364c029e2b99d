// The resolved configuration of one run: everything the simulation reads, every default applied.
// The scenario loader turns a YAML file into this; tests and benchmarks build it directly.

import type { StrategyRef } from '../domain/assignment/index.ts';
import type { BudgetPolicy } from '../domain/budget.ts';
import type { TokenPricing } from '../domain/cost.ts';
import type { EffortModel } from '../domain/effort.ts';
import type { BlockerType } from '../domain/escalation.ts';
import type { Gate, Tier } from '../domain/gates.ts';
import type { GitConfig } from '../domain/git.ts';
import type { Domain, IcSpec, OrgSpec, Role } from '../domain/org.ts';
import type { AddedWork } from '../domain/planning/added-work.ts';
import type { PlanHint } from '../domain/planning/generate.ts';
import type { UnstaffedWork } from '../domain/planning/instruction-plan.ts';
import type { Plan } from '../domain/planning/plan.ts';
import type { GateRule, Workflow } from '../domain/planning/workflow.ts';
import type { PoolPolicy } from '../domain/pool.ts';
import type { RequestLimits } from '../domain/rate-limit.ts';
import type { RetryPolicy } from '../domain/retry.ts';
import type { Rule } from '../domain/rules.ts';
import type { SlaTable } from '../domain/sla.ts';
import type { Engine } from '../engine/engine.ts';
import type { Hours } from '../kernel/time.ts';

/** 0 is P0 (an incident), 3 is P3. */
export type Priority = 0 | 1 | 2 | 3;

export interface InstructionSpec {
  readonly id: string;
  readonly at: Hours;
  readonly tier: Tier;
  readonly priority: Priority;
  readonly title: string;
  /** A plan given outright instead of generated from the tier (resolution fills it in). */
  readonly plan?: Plan;
  /** What the instruction says about the plan to generate: its domains, its shape. */
  readonly hint?: PlanHint;
  /** The workflow whose steps are its plan, instead of a plan generated from the tier. */
  readonly workflow?: Workflow;
  /** Its work type (feature, bugfix, audit…): its workflow's unless it names one. */
  readonly workType?: string;
}

/** How many working hours each piece of management and review work costs. Zero is allowed. */
export interface Overheads {
  readonly intakeHours: Hours;
  readonly strategicPlanningHours: Readonly<Record<Tier, Hours>>;
  readonly tacticalPlanningHoursPerTask: Hours;
  readonly assignmentHours: Hours;
  /** Peer review and QA validation scale with the task's estimate, with a floor. */
  readonly peerReviewFraction: number;
  readonly qaValidationFraction: number;
  readonly reviewMinHours: Hours;
  readonly domainApprovalHours: Hours;
  readonly architectureReviewHours: Hours;
  readonly handoffVerificationHours: Hours;
  readonly handoffFixHours: Hours;
  readonly standupHours: Readonly<Record<Exclude<Role, 'human'>, Hours>>;
  readonly rebalanceHours: Hours;
  /** Looking into an SLA breach escalated to you. */
  readonly breachHandlingHours: Hours;
  readonly escalationHours: Readonly<Record<BlockerType, Hours>>;
  /** Working hours a human spends deciding an escalation that reached them. */
  readonly humanDecisionHours: Hours;
}

export interface GateConfig {
  readonly enabled: Readonly<Record<Gate, boolean>>;
  readonly rejectProbability: Readonly<Record<Gate, number>>;
}

/** Token use by activity (seed 000), the price of tokens, and the budgets. */
/**
 * The cost of work. Its own rates and prices are the default model's: the model of every agent the
 * scenario names no other for.
 */
export interface CostConfig extends TokenPricing {
  /** The scenario's model table: rates and prices by model name. */
  readonly models: Readonly<Record<string, TokenPricing>>;
  /** The run's budget; null: none. */
  readonly budgetUsd: number | null;
  /** A budget per day of the org's clock, from 00:00 to 00:00; null: none. */
  readonly dailyBudgetUsd: number | null;
  /** What happens once a budget is spent. */
  readonly policy: BudgetPolicy;
  /** Shares of each budget at which `budget.alert` is logged, ascending. */
  readonly alerts: readonly number[];
}

/**
 * A model's rate limits (docs/agents.md): requests and tokens a minute shared by every agent on
 * it, how many of its agents may work at once, the tokens one request carries, and what an agent
 * does after a 429.
 */
export interface ModelLimits extends RequestLimits {
  /** Agents on the model working at once, at most; null: no cap. */
  readonly concurrency: number | null;
  /** The provider whose limits (`SimConfig.providerLimits`) it shares with its other models. */
  readonly provider: string | null;
  readonly tokensPerRequest: number;
  readonly retry: RetryPolicy;
}

/**
 * How an agent on a model fails (docs/agents.md): an execution that loops (repeats steps without
 * progress until a cap stops it), and reviews that pass bad work or reject good work; the caps on
 * one execution's turns and dollars, and what happens when one trips.
 */
export interface AgentFailures {
  /** The chance an execution loops, from a uniform point of its work on. */
  readonly loop: number;
  /** The chance an execution stops early: handed in as done at a uniform point of its work. */
  readonly stopEarly: number;
  /** The chance a review by the model passes work its gate should reject (an escaped defect). */
  readonly passBadWork: number;
  /** The chance a review by the model rejects work its gate should pass. */
  readonly rejectGoodWork: number;
  /** Turns (requests of `tokensPerRequest` tokens) and dollars one execution may take; null: none. */
  readonly maxTurns: number | null;
  readonly maxUsd: number | null;
  readonly tokensPerRequest: number;
  /** Turns an agent spends getting back into the work when it starts over after a cap. */
  readonly restartTurns: number;
  /**
   * When a cap trips: the task goes to the EM on a `resource` blocker, the agent starts over, or
   * the task fails and its instruction closes undone.
   */
  readonly onCap: 'escalate' | 'retry' | 'fail';
  /** A retry goes to an agent of the task's team and domain on this model; null: the same agent. */
  readonly retryOn: string | null;
}

/**
 * A human approval policy: the instructions it covers (each listed condition must hold; none
 * listed: every instruction), the humans who approve, whether all of them must or any one may,
 * the desk hours an approval takes, and what happens when nobody has decided in time.
 */
export interface ApprovalPolicy extends GateRule {
  readonly id: string;
  readonly when: {
    /** Its plan works in any of these domains. */
    readonly domains: readonly Domain[] | null;
    readonly priorities: readonly number[] | null;
    readonly tiers: readonly Tier[] | null;
    readonly instructions: readonly string[] | null;
    readonly workTypes: readonly string[] | null;
  };
}

/** Someone is out from `from` to `to`; their work waits for them, or goes to `cover`. */
export interface Outage {
  readonly person: string;
  readonly from: Hours;
  readonly to: Hours;
  /** Who takes their work meanwhile (src/domain/cover.ts says who may). */
  readonly cover?: string;
}

export interface SimConfig {
  readonly seed: number;
  /** `fast` interprets the XState machines directly (the default); `xstate` runs them on XState. */
  readonly engine: Engine;
  /** Simulated hours to run; Infinity runs until every instruction is finished. */
  readonly horizonHours: Hours;
  readonly org: OrgSpec;
  /** Work in a domain a team has no ICs of: a load-time error, or taken by ICs with the skill. */
  readonly unstaffedWork: UnstaffedWork;
  readonly instructions: readonly InstructionSpec[];
  readonly strategy: StrategyRef;
  /**
   * Work of this priority or more urgent takes a WIP slot from lower-priority work that has not
   * passed a gate when no slot is free (0: P0 only; −1: never).
   */
  readonly preemptUpTo: number;
  /**
   * Overtime the EM may approve for a domain's ICs on limited hours when it needs capacity: extra
   * working hours a day, for how many days; null: the EM never approves any.
   */
  readonly overtime: { readonly extraHoursPerDay: Hours; readonly days: number } | null;
  readonly overheads: Overheads;
  readonly gates: GateConfig;
  readonly sla: SlaTable;
  /** Probability that a task meets a blocker of each type while it is worked on. */
  readonly blockers: Readonly<Record<BlockerType, number>>;
  readonly effort: EffortModel;
  /** Rework after a rejection costs this fraction of the task's effort. */
  readonly reworkFraction: number;
  readonly handoff: { readonly incompleteProbability: number; readonly checklistItems: number };
  /** Hour of the day of the standup, and of the EM's capacity review; null: no such ritual. */
  readonly standupHour: Hours | null;
  readonly capacityReviewHour: Hours | null;
  readonly forecastHours: Hours;
  readonly cost: CostConfig;
  /** Rate limits by model name, for the models of the table that set any; none: unlimited. */
  readonly rateLimits: Readonly<Record<string, ModelLimits>>;
  /** Limits several models share, by provider: each request counts against its model's and these. */
  readonly providerLimits: Readonly<Record<string, RequestLimits>>;
  /** How agents fail, by model name, for the models of the table that say; none: they never do. */
  readonly agentFailures: Readonly<Record<string, AgentFailures>>;
  /** Agent pools (docs/agents.md, Pools); none: every IC is always there. */
  readonly pools: readonly PoolPolicy[];
  /** Event rules (docs/agents.md, Rules). */
  readonly rules: readonly Rule[];
  /** Git coordination (docs/git.md); null: not modelled. */
  readonly git: GitConfig | null;
  /** Human approvals a finished instruction needs before it is complete (docs/agents.md). */
  readonly approvals: readonly ApprovalPolicy[];
  readonly outages: readonly Outage[];
  readonly hires: readonly Hire[];
  readonly changes: readonly RequirementChange[];
}

/** A new IC joins a team at `at`, productive at once or ramping up over their first days. */
export interface Hire {
  readonly at: Hours;
  readonly ic: IcSpec;
  /** Days to full productivity (0: productive at once, as an agent is). */
  readonly rampUpDays: number;
  /** Productivity on the first hour, in (0, 1]; rises linearly to 1 over `rampUpDays`. */
  readonly startProductivity: number;
}

/**
 * A requirement change at `at` to an instruction: some of its unfinished tasks are cancelled (the
 * named ones, or a share drawn at random), the estimates of the rest scaled, and new work added.
 * Applied in that order.
 */
export interface RequirementChange {
  readonly at: Hours;
  readonly instruction: string;
  /** Tasks to cancel, by id. */
  readonly tasks?: readonly string[];
  /** A share of the unfinished tasks to cancel. */
  readonly share?: number;
  /** A factor (> 0) on the estimate and effort of every unfinished task (of started ones, the work left). */
  readonly rescale?: number;
  readonly add?: AddedWork;
}
