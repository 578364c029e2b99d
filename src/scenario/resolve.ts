// Turns a validated scenario into the run's fully resolved configuration: every default applied,
// arrival processes stamped into instructions, explicit plans turned into plans, injected events
// into outages, incidents, requirement changes and hires. Problems the schema cannot see (unknown
// people, dependency cycles, dangling ids) come back as issues with their field paths.

import { isStrategyName } from '../domain/assignment/index.ts';
import { ALWAYS } from '../domain/calendar.ts';
import type { EffortModel } from '../domain/effort.ts';
import type { Tier } from '../domain/gates.ts';
import {
  allPeople,
  type Domain,
  type IcSpec,
  type OrgSpec,
  type SkillLevel,
} from '../domain/org.ts';
import type { PlanHint } from '../domain/planning/generate.ts';
import { dependencyOrder } from '../domain/planning/graph.ts';
import {
  type Plan,
  planProblems,
  type StrategicTask,
  type TacticalTask,
} from '../domain/planning/plan.ts';
import type { Workflow } from '../domain/planning/workflow.ts';
import type { RequestLimits } from '../domain/rate-limit.ts';
import { SDK_RETRY } from '../domain/retry.ts';
import type { Complexity } from '../domain/skills.ts';
import { DEFAULT_SLA, type SlaTable } from '../domain/sla.ts';
import { RandomSource } from '../kernel/random.ts';
import { buildOrg, icOf, type OrgInput } from './build-org.ts';
import type {
  AgentFailures,
  ApprovalPolicy,
  CostConfig,
  Hire,
  InstructionSpec,
  ModelLimits,
  Outage,
  Priority,
  RequirementChange,
  SimConfig,
} from './config.ts';
import {
  DEFAULT_COST,
  DEFAULT_GATES,
  DEFAULT_HEADCOUNT,
  DEFAULT_OVERHEADS,
  DEFAULT_RESTART_TURNS,
  DEFAULT_TOKENS_PER_REQUEST,
  defaultConfig,
} from './defaults.ts';
import { type FieldPath, formatPath, type ScenarioIssue } from './errors.ts';
import { limitIssues } from './estimate.ts';
import { gitOf } from './git.ts';
import { DEFAULT_LIMITS, type Limits } from './limits.ts';
import { orgProblems } from './org-problems.ts';
import { outageIssues } from './outage-issues.ts';
import { poolsOf } from './pools.ts';
import { changeIssues, groupedStaffing, withLeads, withPlans } from './prepare.ts';
import { type Approvers, approversOf } from './roles.ts';
import { ruleShares, rulesOf } from './rules.ts';
import type { ParsedScenario } from './schema.ts';
import { warningsOf } from './warnings.ts';
import { gateRuleIssues, gateRuleOf, workflowsOf } from './workflows.ts';

export interface ResolvedScenario {
  readonly name: string;
  readonly description: string;
  readonly config: SimConfig;
}

type Issues = ScenarioIssue[];

function priorityOf(value: string | number): Priority {
  return (typeof value === 'number' ? value : Number(value.slice(1))) as Priority;
}

function orgInput(raw: ParsedScenario['org']): OrgInput {
  const base = {
    ...(raw.calendar ? { calendar: raw.calendar } : {}),
    ...(raw.wipLimit ? { wipLimit: raw.wipLimit } : {}),
    ...(raw.humans ? { humans: raw.humans } : {}),
    ...(raw.model === undefined ? {} : { model: raw.model }),
    ...(raw.person === undefined ? {} : { person: raw.person }),
  };
  if (Array.isArray(raw.teams)) return { ...base, teams: raw.teams };
  const count = raw.teams ?? 1;
  const ics = raw.ics ?? DEFAULT_HEADCOUNT;
  return {
    ...base,
    teams: Array.from({ length: count }, (_, i) => ({
      id: `team-${i + 1}`,
      ics,
      ...(i === 0 && raw.people ? { people: raw.people } : {}),
    })),
  };
}

/** Plan milestones: the depth of each strategic task in the strategic DAG (cycles are errors). */
function milestones(
  strategic: ReadonlyArray<{ id: string; dependsOn?: string[] | undefined }>,
): Map<string, number> {
  const byId = new Map(strategic.map((s) => [s.id, s]));
  const depsOf = (id: string) => byId.get(id)?.dependsOn ?? [];
  const { order } = dependencyOrder({ nodes: strategic.map((s) => s.id), dependsOn: depsOf });
  const depth = new Map<string, number>();
  for (const id of order) {
    const deps = depsOf(id);
    let deepest = -1;
    for (const d of deps) deepest = Math.max(deepest, byId.has(d) ? (depth.get(d) ?? 0) : 0);
    depth.set(id, deps.length === 0 ? 0 : 1 + deepest);
  }
  return depth;
}

type RawPlan = NonNullable<ParsedScenario['instructions'][number]['plan']>;

/** An explicit plan, its ids prefixed with the instruction's; problems are reported at `at`. */
function planOf(
  instruction: string,
  tier: 1 | 2 | 3 | 4,
  raw: RawPlan,
  at: FieldPath,
  issues: Issues,
): Plan {
  const id = (local: string) => `${instruction}-${local}`;
  const strategicIds = new Set(raw.strategic.map((s) => s.id));
  const taskIds = new Set(raw.strategic.flatMap((s) => s.tasks.map((t) => t.id)));
  const depth = milestones(raw.strategic);
  // Ids name work across the whole plan (strategic and tactical alike): each must be unique.
  const seen = new Set<string>();
  const once = (local: string, path: FieldPath) => {
    if (seen.has(local))
      issues.push({
        path,
        message: `repeats the id "${local}" in this plan: give each task its own`,
      });
    seen.add(local);
  };
  raw.strategic.forEach((s, si) => {
    once(s.id, [...at, 'strategic', si, 'id']);
    s.tasks.forEach((t, ti) => {
      once(t.id, [...at, 'strategic', si, 'tasks', ti, 'id']);
    });
  });
  const strategic: StrategicTask[] = [];
  const tactical: TacticalTask[] = [];
  raw.strategic.forEach((s, si) => {
    for (const [di, d] of (s.dependsOn ?? []).entries()) {
      if (!strategicIds.has(d)) {
        issues.push({
          path: [...at, 'strategic', si, 'dependsOn', di],
          message: `names no strategic task of this plan: "${d}" (known: ${[...strategicIds].join(', ')})`,
        });
      }
    }
    strategic.push({
      id: id(s.id),
      instruction,
      domain: s.domain,
      title: s.title ?? s.id,
      milestone: depth.get(s.id) ?? 0,
      dependsOn: (s.dependsOn ?? []).map(id),
    });
    // Tasks that nothing else in their strategic task depends on are its deliverables.
    const internal = new Set(s.tasks.flatMap((t) => t.dependsOn ?? []));
    s.tasks.forEach((t, ti) => {
      for (const [di, d] of (t.dependsOn ?? []).entries()) {
        if (!taskIds.has(d)) {
          issues.push({
            path: [...at, 'strategic', si, 'tasks', ti, 'dependsOn', di],
            message: `names no task of this plan: "${d}"`,
          });
        }
      }
      // A task with no stated inputs in a strategic task that follows others waits for their deliverables.
      const upstream =
        t.dependsOn === undefined
          ? (s.dependsOn ?? []).flatMap((d) => {
              const up = raw.strategic.find((x) => x.id === d);
              const usedInside = new Set(up?.tasks.flatMap((x) => x.dependsOn ?? []) ?? []);
              return (up?.tasks ?? []).filter((x) => !usedInside.has(x.id)).map((x) => x.id);
            })
          : t.dependsOn;
      tactical.push({
        id: id(t.id),
        strategic: id(s.id),
        instruction,
        domain: s.domain,
        title: t.title ?? t.id,
        estimateHours: t.estimateHours,
        complexity: (t.complexity ?? 2) as Complexity,
        dependsOn: upstream.filter((d) => taskIds.has(d)).map(id),
        architectural: t.architectural ?? (tier >= 3 && !internal.has(t.id)),
      });
    });
  });
  const plan: Plan = { instruction, tier, strategic, tactical };
  for (const problem of planProblems(plan))
    issues.push({ path: [...at, 'strategic'], message: `has a problem: ${problem}` });
  return plan;
}

function effortModel(raw: NonNullable<ParsedScenario['effort']>): EffortModel {
  switch (raw.distribution) {
    case 'fixed':
    case 'exponential':
      return { kind: raw.distribution };
    case 'lognormal':
      return { kind: 'lognormal', sigma: raw.sigma };
    case 'uniform':
    case 'triangular':
      return { kind: raw.distribution, spread: raw.spread };
    case 'empirical':
      // The schema lets through exactly one of the two.
      return raw.samples
        ? { kind: 'empirical', samples: raw.samples }
        : { kind: 'empirical', bins: raw.bins ?? [] };
  }
}

function mergeSla(raw: ParsedScenario['sla']): SlaTable {
  const out: SlaTable = { ...DEFAULT_SLA };
  for (const [state, value] of Object.entries(raw ?? {})) {
    if (state === 'IN_PROGRESS') {
      out.IN_PROGRESS =
        value === null
          ? { timesEstimate: Number.POSITIVE_INFINITY }
          : (value as { timesEstimate: number });
    } else {
      (out as unknown as Record<string, number>)[state] =
        value === null ? Number.POSITIVE_INFINITY : (value as number);
    }
  }
  return out;
}

/** What a cache read costs against an input token when the scenario gives no price. */
const CACHE_READ_RATIO = 0.1;

/** Every model the org names, with where: the org, its teams, IC groups and ICs. */
function modelNames(raw: ParsedScenario['org']): Array<{ path: FieldPath; name: string }> {
  const found: Array<{ path: FieldPath; name: string }> = [];
  const see = (layer: { model?: string | undefined } | number | undefined, path: FieldPath) => {
    if (typeof layer === 'object' && layer.model !== undefined)
      found.push({ path: [...path, 'model'], name: layer.model });
  };
  const inTeam = (
    t: { ics?: ParsedScenario['org']['ics']; people?: ParsedScenario['org']['people'] },
    path: FieldPath,
  ) => {
    for (const [domain, group] of Object.entries(t.ics ?? {})) see(group, [...path, 'ics', domain]);
    for (const [i, p] of (t.people ?? []).entries()) see(p, [...path, 'people', i]);
  };
  see(raw, ['org']);
  inTeam(raw, ['org']);
  if (Array.isArray(raw.teams))
    raw.teams.forEach((t, i) => {
      see(t, ['org', 'teams', i]);
      inTeam(t, ['org', 'teams', i]);
    });
  return found;
}

/**
 * Prices per input and output token default to the one price, and that to the default's; alerts are
 * kept in ascending order. A model of the table takes what it leaves out from the cost section.
 */
function costOf(raw: ParsedScenario['cost'], models: ParsedScenario['models']): CostConfig {
  const price = raw?.usdPerMillionTokens;
  const base = {
    tokensPerHour: { ...DEFAULT_COST.tokensPerHour, ...raw?.tokensPerHour },
    usdPerMillionInputTokens:
      raw?.usdPerMillionInputTokens ?? price ?? DEFAULT_COST.usdPerMillionInputTokens,
    usdPerMillionOutputTokens:
      raw?.usdPerMillionOutputTokens ?? price ?? DEFAULT_COST.usdPerMillionOutputTokens,
    outputShare: raw?.outputShare ?? DEFAULT_COST.outputShare,
    cachedShare: raw?.cachedShare ?? DEFAULT_COST.cachedShare,
  };
  // A cache read costs a tenth of the model's own input token unless priced (Anthropic's ratio).
  const cachedPrice = (own: number | undefined, input: number) => own ?? input * CACHE_READ_RATIO;
  const table = Object.fromEntries(
    Object.entries(models ?? {}).map(([name, m]) => [
      name,
      {
        tokensPerHour: { ...base.tokensPerHour, ...m.tokensPerHour },
        usdPerMillionInputTokens:
          m.usdPerMillionInputTokens ?? m.usdPerMillionTokens ?? base.usdPerMillionInputTokens,
        usdPerMillionOutputTokens:
          m.usdPerMillionOutputTokens ?? m.usdPerMillionTokens ?? base.usdPerMillionOutputTokens,
        outputShare: m.outputShare ?? base.outputShare,
        cachedShare: m.cachedShare ?? base.cachedShare,
        usdPerMillionCachedInputTokens: cachedPrice(
          m.usdPerMillionCachedInputTokens,
          m.usdPerMillionInputTokens ?? m.usdPerMillionTokens ?? base.usdPerMillionInputTokens,
        ),
        ...(m.outputTokensPerSecond === undefined
          ? {}
          : { outputTokensPerSecond: m.outputTokensPerSecond }),
      },
    ]),
  );
  return {
    ...base,
    usdPerMillionCachedInputTokens: cachedPrice(
      raw?.usdPerMillionCachedInputTokens,
      base.usdPerMillionInputTokens,
    ),
    models: table,
    budgetUsd: raw?.budgetUsd ?? DEFAULT_COST.budgetUsd,
    dailyBudgetUsd: raw?.dailyBudgetUsd ?? DEFAULT_COST.dailyBudgetUsd,
    policy: raw?.policy ?? DEFAULT_COST.policy,
    alerts: raw?.alerts ? [...raw.alerts].sort((a, b) => a - b) : DEFAULT_COST.alerts,
  };
}

/** The rate limits of the models that set any, with the defaults for what they leave out. */
function rateLimitsOf(models: ParsedScenario['models']): Record<string, ModelLimits> {
  const out: Record<string, ModelLimits> = {};
  for (const [name, m] of Object.entries(models ?? {})) {
    if (m.limits === undefined && m.provider === undefined) continue;
    out[name] = {
      requestsPerMinute: m.limits?.requestsPerMinute ?? null,
      tokensPerMinute: m.limits?.tokensPerMinute ?? null,
      concurrency: m.limits?.concurrency ?? null,
      provider: m.provider ?? null,
      tokensPerRequest: m.tokensPerRequest ?? DEFAULT_TOKENS_PER_REQUEST,
      retry: { ...SDK_RETRY, ...m.retry },
    };
  }
  return out;
}

/** The providers' shared limits, each left out a null. */
function providerLimitsOf(raw: ParsedScenario): Record<string, RequestLimits> {
  return Object.fromEntries(
    Object.entries(raw.providers ?? {}).map(([name, p]) => [
      name,
      {
        requestsPerMinute: p.limits.requestsPerMinute ?? null,
        tokensPerMinute: p.limits.tokensPerMinute ?? null,
      },
    ]),
  );
}

/** A policy as the run reads it: the defaults filled in, priorities as numbers. */
function approvalOf(
  p: NonNullable<ParsedScenario['approvals']>[number],
  approvers: Approvers,
): ApprovalPolicy {
  return {
    id: p.id,
    when: {
      domains: p.when?.domains ?? null,
      priorities:
        p.when?.priority?.map((x) => (typeof x === 'number' ? x : Number(x.slice(1)))) ?? null,
      tiers: p.when?.tier ?? null,
      instructions: p.when?.instructions ?? null,
      workTypes: p.when?.workTypes ?? null,
    },
    ...gateRuleOf(p, approvers),
  };
}

/** Problems with the approval policies: unknown humans, a repeated id, an escalation to nobody. */
function approvalIssues(raw: ParsedScenario, approvers: Approvers): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const ids = new Set<string>();
  (raw.approvals ?? []).forEach((p, i) => {
    if (ids.has(p.id))
      issues.push({ path: ['approvals', i, 'id'], message: `repeats the policy id "${p.id}"` });
    ids.add(p.id);
    issues.push(...gateRuleIssues(p, ['approvals', i], approvers));
  });
  return issues;
}

/**
 * Problems with agents' own failure odds: on people (who do not fail as agents do), on agents of
 * no named model, or a loop on a model with no cap to stop it.
 */
function agentOddsIssues(raw: ParsedScenario, org: OrgSpec): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const groups: Array<{ path: FieldPath; ids: (ic: IcSpec) => boolean }> = [];
  const teams = Array.isArray(raw.org.teams)
    ? raw.org.teams.map((t, i) => ({ team: t, path: ['org', 'teams', i] as FieldPath, id: t.id }))
    : [];
  const addGroups = (
    ics: ParsedScenario['org']['ics'],
    people: ParsedScenario['org']['people'],
    at: FieldPath,
    team: string | null,
  ) => {
    for (const [domain, g] of Object.entries(ics ?? {}))
      if (typeof g === 'object' && g.failures !== undefined)
        groups.push({
          path: [...at, 'ics', domain, 'failures'],
          ids: (ic) => ic.domain === domain && (team === null || ic.team === team),
        });
    (people ?? []).forEach((p, j) => {
      if (p.failures !== undefined)
        groups.push({ path: [...at, 'people', j, 'failures'], ids: (ic) => ic.id === p.id });
    });
  };
  if (teams.length > 0) for (const t of teams) addGroups(t.team.ics, t.team.people, t.path, t.id);
  else addGroups(raw.org.ics, raw.org.people, ['org'], null);
  const ics = org.teams.flatMap((t) => t.ics);
  for (const g of groups) {
    const ic = ics.find((x) => g.ids(x) && x.failures !== undefined);
    if (ic === undefined) continue;
    if (ic.model === null || ic.model === undefined) {
      issues.push({
        path: g.path,
        message:
          ic.model === null
            ? 'is for agents, and these are people: drop it, or make them agents (model: <name>)'
            : 'needs the agents on a model of the models section: give them one (model: <name>)',
      });
      continue;
    }
    const caps = raw.models?.[ic.model]?.caps;
    if ((ic.failures?.loop ?? 0) > 0 && caps?.maxTurns === undefined && caps?.maxUsd === undefined)
      issues.push({
        path: [...g.path, 'loop'],
        message: `a loop only stops at a cap: set caps.maxTurns or caps.maxUsd on the model ${ic.model}`,
      });
  }
  return issues;
}

/**
 * A retry on another model goes to an agent of the task's team and domain on it: every team and
 * domain where the capped model's agents work needs one, or the task would wait for ever.
 */
function retryOnIssues(raw: ParsedScenario, org: OrgSpec): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  for (const [name, m] of Object.entries(raw.models ?? {})) {
    const to = m.caps?.retryOn;
    if (to === undefined) continue;
    for (const team of org.teams) {
      const domains = new Set(team.ics.filter((ic) => ic.model === name).map((ic) => ic.domain));
      for (const domain of domains)
        if (!team.ics.some((ic) => ic.domain === domain && ic.model === to))
          issues.push({
            path: ['models', name, 'caps', 'retryOn'],
            message: `team ${team.id} has ${name} agents in ${domain} and no ${to} agent there to retry on: add one, or retry on the same agent`,
          });
    }
  }
  return issues;
}

/** How agents fail, for the models that set failures or caps; the rest never fail. */
function agentFailuresOf(
  models: ParsedScenario['models'],
  org: OrgSpec,
): Record<string, AgentFailures> {
  const out: Record<string, AgentFailures> = {};
  // A model some of whose agents have odds of their own is one whose agents can fail.
  const overridden = new Set(
    org.teams.flatMap((t) =>
      t.ics.flatMap((ic) =>
        ic.failures !== undefined && typeof ic.model === 'string' ? [ic.model] : [],
      ),
    ),
  );
  for (const [name, m] of Object.entries(models ?? {})) {
    if (m.failures === undefined && m.caps === undefined && !overridden.has(name)) continue;
    out[name] = {
      loop: m.failures?.loop ?? 0,
      stopEarly: m.failures?.stopEarly ?? 0,
      passBadWork: m.failures?.passBadWork ?? 0,
      rejectGoodWork: m.failures?.rejectGoodWork ?? 0,
      maxTurns: m.caps?.maxTurns ?? null,
      maxUsd: m.caps?.maxUsd ?? null,
      tokensPerRequest: m.tokensPerRequest ?? DEFAULT_TOKENS_PER_REQUEST,
      restartTurns: m.caps?.restartTurns ?? DEFAULT_RESTART_TURNS,
      onCap: m.caps?.onCap ?? (m.caps?.retryOn === undefined ? 'escalate' : 'retry'),
      retryOn: m.caps?.retryOn ?? null,
    };
  }
  return out;
}

type RawShape = NonNullable<ParsedScenario['instructions'][number]['shape']>;
type Range = number | readonly [number, number];

function range(value: Range): [number, number] {
  return typeof value === 'number' ? [value, value] : [value[0], value[1]];
}

/** An instruction's hint for its generated plan: its domains, and its tier's shape overridden. */
function hintOf(
  fields: { domains?: readonly Domain[] | undefined; shape?: RawShape | undefined },
  at: FieldPath,
  issues: Issues,
): PlanHint | undefined {
  if (fields.domains === undefined && fields.shape === undefined) return undefined;
  const shape: NonNullable<PlanHint['shape']> = {};
  const raw = fields.shape ?? {};
  const set = <K extends 'strategic' | 'tactical' | 'estimate' | 'complexity'>(
    key: K,
    name: keyof RawShape,
    value: Range | undefined,
  ) => {
    if (value === undefined) return;
    const [lo, hi] = range(value);
    if (lo > hi)
      issues.push({
        path: [...at, 'shape', name],
        message: `must be a range [low, high] with low ≤ high, got [${lo}, ${hi}]`,
      });
    (shape as Record<string, unknown>)[key] = [lo, hi];
  };
  set('strategic', 'strategic', raw.strategic);
  set('tactical', 'tacticalPerStrategic', raw.tacticalPerStrategic);
  set('estimate', 'estimateHours', raw.estimateHours);
  set('complexity', 'complexity', raw.complexity);
  const out: { domains?: readonly Domain[]; shape?: PlanHint['shape'] } = {};
  if (raw.milestones !== undefined) (shape as Record<string, unknown>).milestones = raw.milestones;
  if (fields.domains !== undefined) out.domains = fields.domains;
  if (Object.keys(shape).length > 0) out.shape = shape;
  return out;
}

/** The workflow an instruction names, if any: known, and not alongside a plan of its own. */
function workflowOf(
  fields: { workflow?: string | undefined; plan?: unknown; domains?: unknown; shape?: unknown },
  workflows: ReadonlyMap<string, Workflow>,
  path: FieldPath,
  issues: Issues,
): Workflow | undefined {
  if (fields.workflow === undefined) return undefined;
  const workflow = workflows.get(fields.workflow);
  if (workflow === undefined) {
    const known = [...workflows.keys()];
    issues.push({
      path: [...path, 'workflow'],
      message: `names no workflow: "${fields.workflow}" (${known.length === 0 ? 'the scenario has no workflows section' : `workflows: ${known.join(', ')}`})`,
    });
    return undefined;
  }
  for (const key of ['plan', 'domains', 'shape'] as const)
    if (fields[key] !== undefined)
      issues.push({
        path: [...path, key],
        message: `cannot go with a workflow: its steps are the plan; drop ${key}, or the workflow`,
      });
  return workflow;
}

function instructionsOf(
  raw: ParsedScenario,
  workflows: ReadonlyMap<string, Workflow>,
  issues: Issues,
): { specs: InstructionSpec[]; sources: FieldPath[] } {
  const out: InstructionSpec[] = [];
  /** Where in the file each instruction came from, for error messages. */
  const sources: FieldPath[] = [];
  const take = (
    id: string,
    at: number,
    fields: {
      tier?: Tier | undefined;
      workflow?: string | undefined;
      workType?: string | undefined;
      priority: string | number;
      title?: string | undefined;
      plan?: RawPlan | undefined;
      domains?: readonly Domain[] | undefined;
      shape?: RawShape | undefined;
    },
    path: FieldPath,
  ) => {
    sources.push(path);
    const workflow = workflowOf(fields, workflows, path, issues);
    // Without either the file is refused; the instruction still counts, so no other message follows.
    const tier = fields.tier ?? workflow?.tier ?? 1;
    if (fields.tier === undefined && workflow === undefined && fields.workflow === undefined)
      issues.push({
        path: [...path, 'tier'],
        message: 'is required: one of 1, 2, 3, 4 (or name a workflow: workflow: <name>)',
      });
    const hint = hintOf(fields, path, issues);
    const workType = fields.workType ?? workflow?.workType;
    out.push({
      id,
      at,
      tier,
      priority: priorityOf(fields.priority),
      title: fields.title ?? `${id} (${workflow === undefined ? `tier ${tier}` : workflow.id})`,
      ...(fields.plan ? { plan: planOf(id, tier, fields.plan, [...path, 'plan'], issues) } : {}),
      ...(hint === undefined ? {} : { hint }),
      ...(workflow === undefined ? {} : { workflow }),
      ...(workType === undefined ? {} : { workType }),
    });
  };
  for (const [i, x] of raw.instructions.entries())
    take(x.id ?? `I${i + 1}`, x.at, x, ['instructions', i]);
  const random = new RandomSource(raw.seed);
  raw.arrivals.forEach((a, k) => {
    const path: FieldPath = ['arrivals', k, 'template'];
    if (a.process === 'schedule') {
      for (const [n, at] of a.at.entries()) take(`A${k + 1}.${n + 1}`, at, a.template, path);
      return;
    }
    const gaps = random.stream(`arrivals/${k}`);
    let n = 0;
    for (
      let t = a.from + gaps.exponential(24 / a.ratePerDay);
      t <= a.until;
      t += gaps.exponential(24 / a.ratePerDay)
    ) {
      take(`A${k + 1}.${++n}`, t, a.template, path);
    }
  });
  let incidents = 0;
  for (const [i, e] of raw.events.entries()) {
    if (e.type === 'incident')
      take(e.id ?? `P0-${++incidents}`, e.at, { ...e, priority: 0 }, ['events', i]);
  }
  const seen = new Set<string>();
  for (const [i, x] of out.entries()) {
    if (seen.has(x.id)) {
      issues.push({
        path: [...(sources[i] ?? []), 'id'],
        message: `repeats the id "${x.id}": give each instruction its own`,
      });
    }
    seen.add(x.id);
  }
  return { specs: out, sources };
}

/** The cost section with an alert at each share a rule watches for, so that its alert is logged. */
function withAlerts(cost: CostConfig, shares: readonly number[]): CostConfig {
  const missing = shares.filter((x) => !cost.alerts.includes(x));
  if (missing.length === 0) return cost;
  return { ...cost, alerts: [...new Set([...cost.alerts, ...missing])].sort((a, b) => a - b) };
}

export function resolveScenario(
  raw: ParsedScenario,
  fallbackName: string,
  limits: Limits = DEFAULT_LIMITS,
): { resolved?: ResolvedScenario; issues: Issues; warnings: Issues } {
  // Nothing is built for a scenario too big to run: its size is estimated from the file alone.
  const tooBig = limitIssues(raw, limits);
  if (tooBig.length > 0) return { issues: tooBig, warnings: [] };
  const issues: Issues = [];
  if (Array.isArray(raw.org.teams)) {
    const teamIds = new Set<string>();
    raw.org.teams.forEach((team, i) => {
      if (teamIds.has(team.id))
        issues.push({
          path: ['org', 'teams', i, 'id'],
          message: `repeats the team id "${team.id}": give each team its own`,
        });
      teamIds.add(team.id);
    });
    if (issues.length > 0) return { issues, warnings: [] };
    for (const key of ['ics', 'people'] as const) {
      if (raw.org[key] !== undefined) {
        issues.push({
          path: ['org', key],
          message: `applies only when org.teams is a number: with teams listed, put ICs under each team's ${key}`,
        });
      }
    }
  }
  for (const { path, name } of modelNames(raw.org))
    if (raw.models?.[name] === undefined)
      issues.push({
        path,
        message: `names no model: "${name}" (${
          raw.models === undefined
            ? 'the scenario has no `models` table: add one'
            : `known: ${Object.keys(raw.models).join(', ')}`
        })`,
      });
  for (const [name, m] of Object.entries(raw.models ?? {})) {
    if (
      (m.failures?.loop ?? 0) > 0 &&
      m.caps?.maxTurns === undefined &&
      m.caps?.maxUsd === undefined
    )
      issues.push({
        path: ['models', name, 'failures', 'loop'],
        message: 'a loop only stops at a cap: set caps.maxTurns or caps.maxUsd on the model',
      });
    const retryOn = m.caps?.retryOn;
    if (retryOn !== undefined) {
      const at: FieldPath = ['models', name, 'caps', 'retryOn'];
      if (raw.models?.[retryOn] === undefined)
        issues.push({
          path: at,
          message: `names no model: "${retryOn}" (known: ${Object.keys(raw.models ?? {}).join(', ')})`,
        });
      else if (retryOn === name)
        issues.push({ path: at, message: 'is the model itself: name another, or drop it' });
      if (m.caps?.onCap !== undefined && m.caps.onCap !== 'retry')
        issues.push({
          path: at,
          message: `a retry on another model is onCap: retry, not ${m.caps.onCap}: drop one of them`,
        });
    }
    const size = m.tokensPerRequest ?? DEFAULT_TOKENS_PER_REQUEST;
    if (m.provider !== undefined) {
      const provider = raw.providers?.[m.provider];
      if (provider === undefined) {
        const known = Object.keys(raw.providers ?? {});
        issues.push({
          path: ['models', name, 'provider'],
          message: `names no provider: "${m.provider}" (${known.length === 0 ? 'the scenario has no providers section' : `providers: ${known.join(', ')}`})`,
        });
      } else if (
        provider.limits.tokensPerMinute !== undefined &&
        size > provider.limits.tokensPerMinute
      )
        issues.push({
          path: [
            'models',
            name,
            m.tokensPerRequest === undefined ? 'provider' : 'tokensPerRequest',
          ],
          message: `a request of ${size} tokens could never go under ${m.provider}'s limit of ${provider.limits.tokensPerMinute} tokens a minute: raise it or lower tokensPerRequest`,
        });
    }
    const tpm = m.limits?.tokensPerMinute;
    if (tpm !== undefined && size > tpm)
      issues.push({
        path: ['models', name, m.tokensPerRequest === undefined ? 'limits' : 'tokensPerRequest'],
        message: `a request of ${size} tokens could never go under a limit of ${tpm} tokens a minute: raise limits.tokensPerMinute or lower tokensPerRequest`,
      });
  }
  if (issues.length > 0) return { issues, warnings: [] };
  const org = buildOrg(orgInput(raw.org));
  issues.push(...agentOddsIssues(raw, org));
  issues.push(...retryOnIssues(raw, org));
  const { approvers, issues: roleIssues } = approversOf(
    raw,
    org.humans.map((h) => h.id),
  );
  issues.push(...roleIssues);
  issues.push(...approvalIssues(raw, approvers));
  const { workflows, issues: workflowIssues } = workflowsOf(raw, approvers);
  issues.push(...workflowIssues);
  const { pools, issues: poolIssues } = poolsOf(raw, org);
  issues.push(...poolIssues);
  const { git, issues: gitIssues } = gitOf(raw.git, org);
  issues.push(...gitIssues);
  const { rules, issues: ruleIssues } = rulesOf(
    raw,
    pools,
    org.teams.map((t) => t.id),
  );
  issues.push(...ruleIssues);
  if (issues.length > 0) return { issues, warnings: [] };
  const { specs: instructions, sources } = instructionsOf(raw, workflows, issues);
  if (instructions.length === 0) {
    issues.push({
      path: [],
      message: 'has nothing to simulate: add `instructions`, `arrivals` or an `incident` event',
    });
  }
  const teams = new Set(org.teams.map((t) => t.id));
  const outages: Outage[] = [];
  /** The event each outage and each requirement change came from. */
  const outageEvents: number[] = [];
  const changeEvents: number[] = [];
  const hires: Hire[] = [];
  const changes: RequirementChange[] = [];
  const instructionIds = new Set(instructions.map((i) => i.id));
  const peopleIds = new Set(allPeople(org).map((p) => p.id));
  raw.events.forEach((e, i) => {
    const path: FieldPath = ['events', i];
    switch (e.type) {
      case 'outage':
        outageEvents.push(i);
        outages.push({
          person: e.person,
          from: e.from,
          to: e.to,
          ...(e.cover === undefined ? {} : { cover: e.cover }),
        });
        return;
      case 'requirementChange': {
        if (!instructionIds.has(e.instruction)) {
          issues.push({
            path: [...path, 'instruction'],
            message: `names no instruction: "${e.instruction}" (known: ${[...instructionIds].slice(0, 5).join(', ')})`,
          });
        }
        const prefix = `${e.instruction}-`;
        const id = (t: string) => (t.startsWith(prefix) ? t : prefix + t);
        changeEvents.push(i);
        changes.push({
          at: e.at,
          instruction: e.instruction,
          ...(typeof e.cancel === 'number' ? { share: e.cancel } : {}),
          ...(Array.isArray(e.cancel) ? { tasks: e.cancel.map(id) } : {}),
          ...(e.rescale === undefined ? {} : { rescale: e.rescale }),
          ...(e.add === undefined
            ? {}
            : {
                add: {
                  domain: e.add.domain,
                  dependsOn: (e.add.dependsOn ?? []).map(id),
                  tasks:
                    typeof e.add.tasks === 'number'
                      ? e.add.tasks
                      : e.add.tasks.map((t) => ({
                          id: id(t.id),
                          title: t.title ?? t.id,
                          estimateHours: t.estimateHours,
                          complexity: (t.complexity ?? 2) as Complexity,
                          ...(t.dependsOn === undefined ? {} : { dependsOn: t.dependsOn.map(id) }),
                          ...(t.architectural === undefined
                            ? {}
                            : { architectural: t.architectural }),
                        })),
                },
              }),
        });
        return;
      }
      case 'hire': {
        if (peopleIds.has(e.id))
          issues.push({
            path: [...path, 'id'],
            message: `is already someone's id: "${e.id}": give the hire an id of its own`,
          });
        peopleIds.add(e.id);
        const team = e.team ?? org.teams[0]?.id ?? 'team-1';
        if (!teams.has(team))
          issues.push({
            path: [...path, 'team'],
            message: `names no team: "${team}" (known: ${[...teams].join(', ')})`,
          });
        const group = {
          count: 1,
          ...(e.level ? { level: e.level as SkillLevel } : {}),
          ...(e.wipLimit ? { wipLimit: e.wipLimit } : {}),
        };
        const listed = Array.isArray(raw.org.teams)
          ? raw.org.teams.find((t) => t.id === team)
          : undefined;
        const calendar = listed?.calendar ?? raw.org.calendar ?? ALWAYS;
        hires.push({
          at: e.at,
          ic: icOf(e.id, team, e.domain as Domain, 0, group, {
            calendar,
            wipLimit: raw.org.wipLimit ?? 2,
          }),
          rampUpDays: e.rampUpDays,
          startProductivity: e.startProductivity,
        });
        return;
      }
      case 'incident':
        return;
    }
  });
  for (const issue of outageIssues({ org, hires, outages }))
    issues.push({
      path: ['events', outageEvents[issue.outage] ?? 0, issue.field],
      message: issue.message,
    });
  const base = defaultConfig();
  const config: SimConfig = {
    ...base,
    seed: raw.seed,
    engine: raw.engine,
    horizonHours: raw.horizonHours ?? Number.POSITIVE_INFINITY,
    org,
    unstaffedWork: raw.org.unstaffedWork,
    instructions,
    strategy: isStrategyName(raw.strategy) ? raw.strategy : { module: raw.strategy },
    preemptUpTo: raw.preemption.upTo === null ? -1 : priorityOf(raw.preemption.upTo),
    overtime: raw.overtime,
    effort: raw.effort === undefined ? base.effort : effortModel(raw.effort),
    sla: mergeSla(raw.sla),
    gates: {
      enabled: {
        ...DEFAULT_GATES.enabled,
        ...Object.fromEntries(
          Object.entries(raw.gates ?? {}).flatMap(([g, v]) =>
            v.enabled === undefined ? [] : [[g, v.enabled]],
          ),
        ),
      },
      rejectProbability: {
        ...DEFAULT_GATES.rejectProbability,
        ...Object.fromEntries(
          Object.entries(raw.gates ?? {}).flatMap(([g, v]) =>
            v.rejectProbability === undefined ? [] : [[g, v.rejectProbability]],
          ),
        ),
      },
    },
    overheads: {
      ...DEFAULT_OVERHEADS,
      ...raw.overheads,
      strategicPlanningHours: {
        ...DEFAULT_OVERHEADS.strategicPlanningHours,
        ...raw.overheads?.strategicPlanningHours,
      },
      standupHours: { ...DEFAULT_OVERHEADS.standupHours, ...raw.overheads?.standupHours },
      escalationHours: { ...DEFAULT_OVERHEADS.escalationHours, ...raw.overheads?.escalationHours },
    },
    blockers: { ...base.blockers, ...raw.blockers },
    handoff: { ...base.handoff, ...raw.handoff },
    reworkFraction: raw.reworkFraction ?? base.reworkFraction,
    standupHour:
      raw.rituals?.standupHour === undefined ? base.standupHour : raw.rituals.standupHour,
    capacityReviewHour:
      raw.rituals?.capacityReviewHour === undefined
        ? base.capacityReviewHour
        : raw.rituals.capacityReviewHour,
    forecastHours: raw.rituals?.forecastHours ?? base.forecastHours,
    cost: withAlerts(costOf(raw.cost, raw.models), ruleShares(rules)),
    rateLimits: rateLimitsOf(raw.models),
    providerLimits: providerLimitsOf(raw),
    agentFailures: agentFailuresOf(raw.models, org),
    approvals: (raw.approvals ?? []).map((p) => approvalOf(p, approvers)),
    pools,
    rules,
    git,
    outages,
    hires,
    changes,
  };
  // Plans are drawn now, from each instruction and the seed alone: a plan that needs people the
  // org does not have is an error here, before anything runs.
  if (issues.length > 0) return { issues, warnings: [] };
  const planned = withPlans(config);
  // Arrivals from one template share their problem: one sentence per place in the file.
  const where = (index: number) => formatPath(sources[index] ?? ['instructions']);
  for (const problem of groupedStaffing(planned, where))
    issues.push({
      path: sources[problem.index] ?? ['instructions'],
      message: `cannot run: ${problem.message}`,
    });
  for (const issue of changeIssues(planned))
    issues.push({
      path: ['events', changeEvents[issue.change] ?? 0, ...issue.path],
      message: issue.message,
    });
  const ready: SimConfig = { ...planned, org: withLeads(planned) };
  for (const problem of orgProblems(ready))
    issues.push({ path: ['org'], message: `cannot run: ${problem}` });
  if (issues.length > 0) return { issues, warnings: [] };
  return {
    resolved: { name: raw.name ?? fallbackName, description: raw.description ?? '', config: ready },
    issues,
    warnings: warningsOf({ ...planned, org: ready.org }, raw),
  };
}
