// The defaults a scenario starts from: the seed's org (1 EM, 1 TL, 6 Domain Leads and their ICs),
// its overheads, gates, blocker odds and token prices. Every figure here is overridable.

import type { Calendar } from '../domain/calendar.ts';
import type { Domain, OrgSpec } from '../domain/org.ts';
import { DEFAULT_SLA } from '../domain/sla.ts';
import { DEFAULT_ENGINE } from '../engine/engine.ts';
import { buildOrg } from './build-org.ts';
import type { CostConfig, GateConfig, Overheads, SimConfig } from './config.ts';

export const DEFAULT_OVERHEADS: Overheads = {
  intakeHours: 0.25,
  strategicPlanningHours: { 1: 0.25, 2: 1, 3: 3, 4: 6 },
  tacticalPlanningHoursPerTask: 0.25,
  assignmentHours: 0.1,
  peerReviewFraction: 0.15,
  qaValidationFraction: 0.2,
  reviewMinHours: 0.25,
  domainApprovalHours: 0.25,
  architectureReviewHours: 0.5,
  handoffVerificationHours: 0.25,
  handoffFixHours: 0.5,
  standupHours: { EM: 0.25, TL: 0.25, DL: 0.25, IC: 0.25 },
  rebalanceHours: 0.5,
  breachHandlingHours: 0.25,
  escalationHours: { technical: 1, dependency: 1, requirements: 2, resource: 1, priority: 0.5 },
  humanDecisionHours: 1,
};

export const DEFAULT_GATES: GateConfig = {
  enabled: { peerReview: true, qaValidation: true, domainApproval: true, architectureReview: true },
  rejectProbability: {
    peerReview: 0.15,
    qaValidation: 0.1,
    domainApproval: 0.05,
    architectureReview: 0.1,
  },
};

/**
 * Seed 000's token use per hour of activity; one price in the range of today's frontier models for
 * input and output alike, a quarter of the tokens output.
 */
/**
 * Tokens one request of an agent carries, input and output, when its model has rate limits and
 * does not say: a coding agent's turn re-reads its context (tens of thousands of tokens in Claude
 * Code sessions); 10,000 is a modest turn.
 */
export const DEFAULT_TOKENS_PER_REQUEST = 10_000;

/**
 * Turns an agent spends getting back into its work when it starts over after a cap: a new session
 * re-reads the task, the files and its notes before it makes progress again.
 */
export const DEFAULT_RESTART_TURNS = 20;

/** Desk hours one human approval takes: reading the change and deciding. */
export const DEFAULT_APPROVAL_HOURS = 0.5;

export const DEFAULT_COST: CostConfig = {
  tokensPerHour: { lightCoding: 50_000, heavyCoding: 150_000, research: 100_000, review: 80_000 },
  usdPerMillionInputTokens: 3,
  usdPerMillionOutputTokens: 3,
  outputShare: 0.25,
  cachedShare: 0,
  usdPerMillionCachedInputTokens: 0.3,
  models: {},
  budgetUsd: null,
  dailyBudgetUsd: null,
  policy: 'stopIntake',
  alerts: [0.8],
};

/** ICs per domain in the default org: 10 ICs, 80 working hours a day. */
export const DEFAULT_HEADCOUNT: Readonly<Record<Domain, number>> = {
  frontend: 2,
  backend: 3,
  qa: 2,
  devops: 1,
  data: 1,
  security: 1,
};

export interface OrgShape {
  readonly teams?: number;
  readonly headcount?: Readonly<Partial<Record<Domain, number>>>;
  readonly calendar?: Calendar;
  readonly wipLimit?: number;
}

/** The seed's org, or `teams` copies of its team under one EM. */
export function defaultOrg(shape: OrgShape = {}): OrgSpec {
  const ics = { ...DEFAULT_HEADCOUNT, ...shape.headcount };
  return buildOrg({
    ...(shape.calendar ? { calendar: shape.calendar } : {}),
    ...(shape.wipLimit ? { wipLimit: shape.wipLimit } : {}),
    teams: Array.from({ length: shape.teams ?? 1 }, (_, t) => ({ id: `team-${t + 1}`, ics })),
  });
}

/** A complete configuration from the defaults, with `overrides` applied on top. */
export function defaultConfig(overrides: Partial<SimConfig> = {}): SimConfig {
  return {
    seed: 1,
    engine: DEFAULT_ENGINE,
    horizonHours: Number.POSITIVE_INFINITY,
    org: defaultOrg(),
    unstaffedWork: 'error',
    instructions: [],
    strategy: 'weighted',
    preemptUpTo: 0,
    overtime: { extraHoursPerDay: 2, days: 3 },
    overheads: DEFAULT_OVERHEADS,
    gates: DEFAULT_GATES,
    sla: DEFAULT_SLA,
    blockers: {
      technical: 0.08,
      dependency: 0.04,
      requirements: 0.03,
      resource: 0.02,
      priority: 0.01,
    },
    effort: { kind: 'lognormal', sigma: 0.3 },
    reworkFraction: 0.3,
    handoff: { incompleteProbability: 0.15, checklistItems: 5 },
    standupHour: 9,
    capacityReviewHour: 8,
    forecastHours: 72,
    cost: DEFAULT_COST,
    rateLimits: {},
    agentFailures: {},
    approvals: [],
    pools: [],
    providerLimits: {},
    rules: [],
    git: null,
    outages: [],
    hires: [],
    changes: [],
    ...overrides,
  };
}
