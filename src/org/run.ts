// Runs one simulation: builds every role's actor from the org, replays the instructions, the
// outages and the daily rituals on the kernel, and returns the event log.

import type { DeskEmitted } from '../../machines/desk.ts';
import type { StrategySource } from '../domain/assignment/index.ts';
import { allPeople, type IcSpec } from '../domain/org.ts';
import { runOutcome } from '../domain/outcome.ts';
import type { RequestLimits } from '../domain/rate-limit.ts';
import { SimulationError } from '../kernel/kernel.ts';
import { RunLimitError } from '../kernel/limits-error.ts';
import { HOURS_PER_DAY, type Hours } from '../kernel/time.ts';
import type { EventLog } from '../log/event-log.ts';
import type { SimConfig } from '../scenario/config.ts';
import { DEFAULT_LIMITS, type Limits } from '../scenario/limits.ts';
import { orgProblems, outageProblems } from '../scenario/org-problems.ts';
import {
  changeIssues,
  type PlannedConfig,
  staffingSummary,
  teamsFor,
  withLeads,
  withPlans,
} from '../scenario/prepare.ts';
import { AgentFailures } from './agent-failures.ts';
import { Approvals } from './approvals.ts';
import { tryAssign } from './assigning.ts';
import { BudgetWatch } from './budget.ts';
import { changeRequirements } from './changes.ts';
import { dispatch } from './dispatch.ts';
import { onTaskReport, raiseBlocker } from './escalations.ts';
import { GitFlow } from './git.ts';
import { receiveInstruction } from './intake.ts';
import { scheduleOutage } from './outages.ts';
import { Pools } from './pools.ts';
import { RateLimits } from './rate-limits.ts';
import { onTerminal } from './reviews.ts';
import { Rules } from './rules.ts';
import { callStandup, newStandupState, skipStandups } from './standup.ts';
import { World } from './world.ts';

export interface RunResult {
  readonly log: EventLog;
  readonly world: World;
}

/** Days without any real work finishing, with work still open, after which a run is called stalled. */
const STALL_DAYS = 14;

/** Everything about the run a report needs that is not an event: who is in the org, and how. */
function recordStart(
  world: World,
  config: SimConfig,
  scenario: string,
  warnings: readonly string[],
): void {
  world.record({
    type: 'run.start',
    scenario,
    seed: config.seed,
    strategy: world.strategy.name,
    horizonHours: Number.isFinite(config.horizonHours) ? config.horizonHours : null,
    budgetUsd: config.cost.budgetUsd,
    dailyBudgetUsd: config.cost.dailyBudgetUsd,
    budgetPolicy: config.cost.policy,
    budgetAlerts: config.cost.alerts,
    forecastHours: config.forecastHours,
    people: [...allPeople(config.org), ...config.hires.map((h) => h.ic)].map((p) => ({
      id: p.id,
      role: p.role,
      team: p.team,
      ...('domain' in p ? { domain: (p as IcSpec).domain } : {}),
      calendar: p.calendar,
      ...(p.role === 'IC'
        ? { wipLimit: (p as IcSpec).wipLimit, skills: (p as IcSpec).skills }
        : {}),
      // Written only where the scenario said: the logs of scenarios without models stay as they were.
      ...(typeof p.model === 'string' ? { model: p.model } : {}),
      ...(p.model === null && p.role !== 'human' ? { person: true as const } : {}),
      ...(p.role === 'IC' && (p as IcSpec).failures !== undefined
        ? { failures: (p as IcSpec).failures }
        : {}),
    })),
    ...(Object.keys(config.rateLimits).length > 0 ? { rateLimits: loggedLimits(config) } : {}),
    ...(Object.keys(config.providerLimits).length > 0
      ? { providerLimits: loggedProviders(config) }
      : {}),
    ...(Object.keys(config.agentFailures).length > 0
      ? { agentFailures: loggedFailures(config) }
      : {}),
    ...(config.git === null
      ? {}
      : {
          git: {
            strategies: { ...config.git.strategies },
            target:
              config.git.integration === null
                ? ('team' as const)
                : config.git.main === null
                  ? ('integration' as const)
                  : ('main' as const),
            components: config.git.components.map((c) =>
              c.domain === null ? { id: c.id } : { id: c.id, domain: c.domain },
            ),
          },
        }),
    ...(config.approvals.length > 0 ? { approvalPolicies: config.approvals.map((p) => p.id) } : {}),
    ...(config.rules.length > 0 ? { rules: config.rules.map((r) => r.id) } : {}),
    ...(config.pools.length > 0
      ? {
          pools: config.pools.map((p) => ({
            pool: p.id,
            team: p.team,
            domain: p.domain,
            agents: [...p.agents],
            min: p.min,
            costPerAgentHour: p.costPerAgentHour,
            reserveP0: p.reserveP0,
          })),
        }
      : {}),
    ...(warnings.length > 0 ? { warnings } : {}),
  });
}

/** How the models' agents fail, as the log gives it: a cap the scenario left out is absent. */
function loggedFailures(config: SimConfig) {
  return Object.fromEntries(
    Object.entries(config.agentFailures).map(([model, f]) => [
      model,
      {
        loop: f.loop,
        ...(f.stopEarly > 0 ? { stopEarly: f.stopEarly } : {}),
        passBadWork: f.passBadWork,
        rejectGoodWork: f.rejectGoodWork,
        ...(f.maxTurns === null ? {} : { maxTurns: f.maxTurns }),
        ...(f.maxUsd === null ? {} : { maxUsd: f.maxUsd }),
        onCap: f.onCap,
        ...(f.retryOn === null ? {} : { retryOn: f.retryOn }),
      },
    ]),
  );
}

/** The models' rate limits as the log gives them: a limit the scenario left out is absent. */
function loggedLimits(config: SimConfig) {
  return Object.fromEntries(
    Object.entries(config.rateLimits).map(([model, l]) => [
      model,
      {
        ...loggedRequestLimits(l),
        ...(l.concurrency === null ? {} : { concurrency: l.concurrency }),
        tokensPerRequest: l.tokensPerRequest,
        ...(l.provider === null ? {} : { provider: l.provider }),
      },
    ]),
  );
}

/** The providers' shared limits, as run.start gives them: only the limits set. */
function loggedProviders(config: SimConfig) {
  return Object.fromEntries(
    Object.entries(config.providerLimits).map(([provider, l]) => [
      provider,
      loggedRequestLimits(l),
    ]),
  );
}

/** Requests and tokens a minute as run.start gives them: only the limits set. */
function loggedRequestLimits(l: RequestLimits) {
  return {
    ...(l.requestsPerMinute === null ? {} : { requestsPerMinute: l.requestsPerMinute }),
    ...(l.tokensPerMinute === null ? {} : { tokensPerMinute: l.tokensPerMinute }),
  };
}

export interface RunOptions {
  /** Called every few thousand events with the simulated time reached: for progress displays. */
  readonly progress?: (now: Hours) => void;
  /** The scenario's warnings, recorded in run.start so that reports list them. */
  readonly warnings?: readonly string[];
  /** Kernel events and simulated hours after which a runaway run is stopped (RunLimitError). */
  readonly limits?: RunLimits;
}

export type RunLimits = Pick<Limits, 'events' | 'hours'>;

const PROGRESS_EVERY = 5000;

/**
 * Runs the kernel to the horizon (or to quiescence, or until `halted` says a budget ended the run),
 * reporting progress now and then. A run that would fire more than `limits.events` events, or an
 * event past `limits.hours`, is stopped before it does: both checks are one comparison a step.
 */
function* runKernel(
  world: World,
  horizon: Hours,
  options: RunOptions,
  halted: () => boolean,
): Generator<void, void> {
  const { progress, limits = DEFAULT_LIMITS } = options;
  const kernel = world.kernel;
  const until = Math.min(horizon, limits.hours);
  let steps = 0;
  let next = kernel.nextTime();
  for (; next !== undefined && next <= until && !halted(); next = kernel.nextTime()) {
    if (steps === limits.events) throw RunLimitError.events(kernel.now, limits.events);
    kernel.step();
    steps++;
    if (steps % PROGRESS_EVERY === 0) {
      progress?.(kernel.now);
      // A pause the caller may use to let signals through (src/cli/interruptible-run.ts).
      yield;
    }
  }
  if (next !== undefined && next > until && next <= horizon && !halted())
    throw RunLimitError.hours(kernel.now, next, steps, limits.hours);
  if (Number.isFinite(horizon) && !halted()) kernel.runUntil(horizon);
}

/** What runScenario may be given besides the scenario. */
export interface RunScenarioOptions {
  /**
   * An assignment strategy object (or a function returning a fresh one per run) used instead of
   * the scenario's `strategy`. It is guarded as a module's would be: a throw, a choice outside the
   * candidates or two answers to one question stop the run with a StrategyError.
   */
  readonly strategy?: StrategySource;
}

/**
 * Runs a loaded scenario to its end and returns its event log, the record every report is
 * computed from. The same scenario and seed always give a byte-identical log.
 */
export function runScenario(
  scenario: LoadedScenarioLike,
  options: RunScenarioOptions = {},
): EventLog {
  const config: SimConfig =
    options.strategy === undefined
      ? scenario.config
      : { ...scenario.config, strategy: { object: options.strategy } };
  return runSimulation(config, scenario.name, {
    limits: scenario.limits,
    warnings: scenario.warnings,
  }).log;
}

/** What runScenario needs of a loaded scenario. */
export interface LoadedScenarioLike {
  readonly name: string;
  readonly config: SimConfig;
  readonly limits: Limits;
  readonly warnings: readonly string[];
}

export function runSimulation(
  simConfig: SimConfig,
  scenario = 'custom',
  options: RunOptions = {},
): RunResult {
  const run = simulation(simConfig, scenario, options);
  for (;;) {
    const step = run.next();
    if (step.done) return step.value;
  }
}

/**
 * One run as a generator: it pauses (yields) every few thousand kernel events, so that a caller
 * may let the event loop turn between them (src/cli/interruptible-run.ts). Same log either way.
 */
export function* simulation(
  simConfig: SimConfig,
  scenario: string,
  options: RunOptions,
): Generator<void, RunResult> {
  // Plans are drawn up front from each instruction and the seed, and checked against staffing.
  const planned = withPlans(simConfig);
  const config: PlannedConfig = { ...planned, org: withLeads(planned) };
  const problems = [
    ...orgProblems(config),
    ...outageProblems(config),
    ...staffingSummary(config),
    ...changeIssues(config).map(
      (i) => `requirement change ${i.change + 1}: ${i.path.join('.')} ${i.message}`,
    ),
  ];
  if (problems.length > 0)
    throw new SimulationError(`This org cannot run: ${problems.join('; ')}.`);
  const world = new World(config, teamsFor(config));
  recordStart(world, config, scenario, options.warnings ?? []);
  const standups = newStandupState();
  const { budgetUsd, dailyBudgetUsd } = config.cost;
  const budget =
    budgetUsd === null && dailyBudgetUsd === null ? null : new BudgetWatch(world, config.cost);
  const limits = Object.keys(config.rateLimits).length === 0 ? null : new RateLimits(world);
  const failures = Object.keys(config.agentFailures).length === 0 ? null : new AgentFailures(world);
  // Approvals hold finished instructions, and workflow gates the steps after them, until their
  // humans approve: hooks on the world.
  const gated = config.instructions.some((i) => (i.plan.gates ?? []).length > 0);
  if (config.approvals.length > 0 || gated) new Approvals(world);
  const pools = config.pools.length > 0 ? new Pools(world) : null;
  if (config.git !== null) world.git = new GitFlow(world);
  if (config.rules.length > 0) new Rules(world, config.rules, pools);
  world.onWork = (event: DeskEmitted) => {
    dispatch(world, standups, event);
    budget?.observe(event);
    limits?.observe(event);
    failures?.observe(event);
    pools?.observe(event);
  };
  world.reactions = {
    reported: (task, report) => onTaskReport(world, task, report),
    blocked: (task) => raiseBlocker(world, task),
    ended: (task) => onTerminal(world, task),
  };
  if (budget) world.intakeRefusal = () => budget.refuse();
  for (const spec of allPeople(config.org)) world.addPerson(spec);
  pools?.start();

  const instructions = [...config.instructions].sort((a, b) => a.at - b.at);
  world.workload.expected = instructions.length;
  for (const spec of instructions) {
    world.kernel.scheduleAt(spec.at, () => {
      world.wake();
      world.workload.received++;
      receiveInstruction(world, spec);
      budget?.checkStuck();
    });
  }
  for (const outage of config.outages) scheduleOutage(world, outage);
  for (const hire of config.hires) {
    world.kernel.scheduleAt(hire.at, () => {
      const { rampUpDays, startProductivity } = hire;
      world.addPerson(hire.ic, { from: hire.at, days: rampUpDays, startProductivity });
      world.record({
        type: 'hire',
        person: hire.ic.id,
        team: hire.ic.team,
        domain: hire.ic.domain,
        rampUpDays,
        startProductivity,
      });
      tryAssign(world, hire.ic.team, hire.ic.domain);
    });
  }
  for (const change of config.changes) {
    world.kernel.scheduleAt(change.at, () => changeRequirements(world, change));
  }

  let stalled = false;
  const daily = (
    hour: Hours | null,
    hold: (day: number) => void,
    skipped?: (lastSkipped: Hours) => void,
  ) => {
    if (hour === null) return;
    world.rituals.add({
      hour,
      hold: (day) => {
        const arrived = world.workload.received === world.workload.expected;
        if (arrived && world.now - world.lastProgress > STALL_DAYS * HOURS_PER_DAY) {
          stalled = true;
          return false;
        }
        hold(day);
        return true;
      },
      ...(skipped === undefined ? {} : { skipped }),
    });
  };
  // While desks are held on a spent budget no ritual is called: it would be held too.
  daily(config.capacityReviewHour, () => {
    if (world.held === null)
      world.messages.deliver(world.roster.manager(), {
        type: 'capacity.review',
        workHours: config.overheads.rebalanceHours,
      });
  });
  daily(
    config.standupHour,
    (day) => {
      if (world.held === null) callStandup(world, standups, day);
    },
    (lastSkipped) => skipStandups(world, standups, lastSkipped),
  );
  // A midnight passed while the org was idle: the day work comes back on starts a fresh budget.
  if (budget && dailyBudgetUsd !== null)
    daily(
      0,
      () => budget.midnight(),
      () => budget.midnight(),
    );

  yield* runKernel(world, config.horizonHours, options, () => budget?.halted ?? false);
  const open = [...world.tasks.values()].filter((t) => !t.terminal).length;
  const finite = Number.isFinite(config.horizonHours);
  const spent = budget?.spent();
  world.record({
    type: 'run.end',
    reason: runOutcome({
      // Without a horizon, a run that stops with work left has nothing more that could happen.
      ended: !world.workload.remains() ? 'done' : stalled || !finite ? 'stalled' : 'horizon',
      budgetStop: budget?.endedRun ?? false,
      overBudget: spent !== undefined && budgetUsd !== null && spent > budgetUsd * (1 + 1e-9),
      refused: budget?.refused ?? 0,
    }),
    openTasks: open,
    ...(spent === undefined ? {} : { spentUsd: spent }),
  });
  return { log: world.log, world };
}
