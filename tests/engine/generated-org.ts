// Small random orgs for property tests: one to two teams, tiers 1–4, every strategy and several
// calendars, outages with and without cover, hires ramping up, requirement changes, budgets that
// hold work or stop the run, P0 preemption, overtime, short SLAs, and agents on a model with rate
// limits (429s, retries, a concurrency cap) and failures (loops, caps, reviews that err).

import fc from 'fast-check';
import { STRATEGY_NAMES } from '../../src/domain/assignment/index.ts';
import type { BudgetPolicy } from '../../src/domain/budget.ts';
import { ALWAYS, OFFICE_HOURS, OFFICE_WEEKDAYS } from '../../src/domain/calendar.ts';
import { coverProblem } from '../../src/domain/cover.ts';
import type { Tier } from '../../src/domain/gates.ts';
import { allPeople, DOMAINS, type IcSpec, type OrgSpec, type Role } from '../../src/domain/org.ts';
import { SDK_RETRY } from '../../src/domain/retry.ts';
import { DEFAULT_SLA, type SlaTable } from '../../src/domain/sla.ts';
import { icOf } from '../../src/scenario/build-org.ts';
import type {
  Hire,
  InstructionSpec,
  Outage,
  Priority,
  RequirementChange,
  SimConfig,
} from '../../src/scenario/config.ts';
import { DEFAULT_COST, defaultConfig, defaultOrg } from '../../src/scenario/defaults.ts';

const instruction = fc.record({
  at: fc.integer({ min: 0, max: 48 }),
  tier: fc.constantFrom<Tier>(1, 2, 3, 4),
  priority: fc.constantFrom<Priority>(1, 2, 3),
  /** Work named for one or two domains piles up there: what makes the EM approve overtime. */
  domains: fc.option(fc.subarray([...DOMAINS], { minLength: 1, maxLength: 2 }), {
    nil: undefined,
    freq: 2,
  }),
});

/** Budgets sized against a small org's token spend (a few dollars a day), so that most bind. */
const budget = fc.record({
  policy: fc.constantFrom<BudgetPolicy>(
    'p0Only',
    'p0Only',
    'stopIntake',
    'stopIntake',
    'stopRun',
    'alert',
  ),
  budgetUsd: fc.option(fc.integer({ min: 1, max: 30 }), { nil: null }),
  dailyBudgetUsd: fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
  alerts: fc.constantFrom([0.8], [0.5, 0.9]),
});

/** A small org, as the choices `configOf` turns into a configuration. */
export const org = fc.record({
  seed: fc.nat(),
  teams: fc.integer({ min: 1, max: 2 }),
  strategy: fc.constantFrom(...STRATEGY_NAMES),
  headcount: fc.tuple(...DOMAINS.map(() => fc.constantFrom(1, 1, 2))),
  wipLimit: fc.integer({ min: 1, max: 2 }),
  calendar: fc.constantFrom('always', 'office', 'weekdays', 'mixed'),
  instructions: fc.array(instruction, { minLength: 1, maxLength: 3 }),
  /** A P0 incident arriving while the other work is under way, maybe in the same domain. */
  incident: fc.option(
    fc.record({
      at: fc.integer({ min: 2, max: 60 }),
      tier: fc.constantFrom<Tier>(1, 2),
      sameDomain: fc.boolean(),
    }),
    { nil: undefined },
  ),
  preemptUpTo: fc.constantFrom(-1, 0, 1),
  overtime: fc.boolean(),
  blockerOdds: fc.constantFrom(0, 0.1, 0.3, 0.5),
  shortSlas: fc.boolean(),
  horizon: fc.constantFrom(120, 240, Number.POSITIVE_INFINITY),
  outage: fc.option(
    fc.record({
      role: fc.constantFrom<Role>('DL', 'DL', 'IC', 'IC', 'TL', 'EM', 'human'),
      who: fc.nat(),
      from: fc.integer({ min: 0, max: 60 }),
      hours: fc.integer({ min: 1, max: 96 }),
      cover: fc.option(fc.nat(), { nil: undefined, freq: 2 }),
    }),
    { nil: undefined },
  ),
  hire: fc.option(
    fc.record({
      at: fc.integer({ min: 0, max: 48 }),
      team: fc.nat(),
      domain: fc.constantFrom(...DOMAINS),
      rampUpDays: fc.integer({ min: 0, max: 5 }),
      startProductivity: fc.constantFrom(0.25, 0.5, 1),
    }),
    { nil: undefined },
  ),
  change: fc.option(
    fc.record({
      instruction: fc.nat(),
      at: fc.integer({ min: 0, max: 72 }),
      share: fc.option(fc.constantFrom(0.2, 0.5), { nil: undefined }),
      rescale: fc.option(fc.constantFrom(0.5, 1.5, 2), { nil: undefined }),
      add: fc.option(
        fc.record({ domain: fc.constantFrom(...DOMAINS), tasks: fc.integer({ min: 1, max: 2 }) }),
        { nil: undefined },
      ),
    }),
    { nil: undefined },
  ),
  budget: fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 3 },
    { arbitrary: budget, weight: 2 },
  ),
  /** Everyone but the humans on one model, whose limits and failures bind a small org. */
  agents: fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 2 },
    {
      arbitrary: fc.record({
        tokensPerMinute: fc.option(fc.constantFrom(50_000, 100_000, 200_000), { nil: null }),
        concurrency: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
        onExhausted: fc.constantFrom<'fail' | 'wait'>('fail', 'wait'),
        loop: fc.constantFrom(0, 0.2, 0.5),
        stopEarly: fc.constantFrom(0, 0.2),
        passBadWork: fc.constantFrom(0, 0.3),
        rejectGoodWork: fc.constantFrom(0, 0.2),
        maxTurns: fc.constantFrom(12, 40, 120),
        onCap: fc.constantFrom<'escalate' | 'retry' | 'fail'>('escalate', 'retry', 'fail'),
      }),
      weight: 1,
    },
  ),
});

/** 600,000 tokens an hour of any work, 50,000 a request: a request every 5 minutes of work. */
const FAST_RATE = 600_000;
const TOKENS_PER_REQUEST = 50_000;

function onModel(org: OrgSpec, model: string): OrgSpec {
  return {
    ...org,
    em: { ...org.em, model },
    teams: org.teams.map((t) => ({
      ...t,
      tl: { ...t.tl, model },
      leads: t.leads.map((l) => ({ ...l, model })),
      ics: t.ics.map((ic) => ({ ...ic, model })),
    })),
  };
}

export type Org = typeof org extends fc.Arbitrary<infer T> ? T : never;

const CALENDARS = {
  always: ALWAYS,
  office: OFFICE_HOURS,
  weekdays: OFFICE_WEEKDAYS,
  mixed: OFFICE_HOURS,
} as const;

/** Every SLA a quarter of the default, so that breaches and their escalations happen. */
const SHORT_SLAS: SlaTable = {
  PENDING: 12,
  IN_PLANNING: 1,
  ASSIGNED: 2,
  IN_PROGRESS: { timesEstimate: 1 },
  BLOCKED: 0.5,
  ESCALATED: 2,
  UNDER_REVIEW: 2,
  DOMAIN_REVIEW: 2,
  READY_FOR_HANDOFF: 1,
};

/**
 * Tiers 3 and 4 keep their gates, planning hours and milestones but are planned small: a full
 * tier-4 initiative is 150 tasks, and hundreds of runs of it on XState would take minutes.
 */
const SMALL = {
  3: { strategic: [2, 4], tactical: [1, 3] },
  4: { strategic: [4, 8], tactical: [1, 3] },
} as const;

/** The configuration of a generated org. */
export function configOf(s: Org): SimConfig {
  const office = defaultOrg({
    teams: s.teams,
    headcount: Object.fromEntries(DOMAINS.map((d, i) => [d, s.headcount[i] ?? 1])),
    wipLimit: s.wipLimit,
    calendar: CALENDARS[s.calendar as keyof typeof CALENDARS],
  });
  // Agents working around the clock under leads on office hours: blockers met at night pile up on
  // the lead's desk for the morning, and those it cannot get to within their SLA climb.
  const staffed: OrgSpec =
    s.calendar === 'mixed'
      ? {
          ...office,
          teams: office.teams.map((t) => ({
            ...t,
            ics: t.ics.map((ic) => ({ ...ic, calendar: ALWAYS })),
          })),
        }
      : office;
  const org = s.agents === undefined ? staffed : onModel(staffed, 'fast');
  const instructions: InstructionSpec[] = s.instructions.map(({ domains, ...x }, i) => ({
    id: `I${i + 1}`,
    title: `#${i + 1}`,
    ...x,
    hint: {
      ...(domains === undefined ? {} : { domains }),
      ...(x.tier === 3 || x.tier === 4 ? { shape: SMALL[x.tier] } : {}),
    },
  }));
  // The domain the first instruction's work is named for, if it is: where work piles up.
  const busy = s.instructions[0]?.domains?.[0];
  if (s.incident) {
    const { at, tier, sameDomain } = s.incident;
    const hint = sameDomain && busy !== undefined ? { hint: { domains: [busy] } } : {};
    instructions.push({ id: 'P0', title: 'incident', priority: 0, at, tier, ...hint });
  }

  const people = allPeople(org);
  const outages: Outage[] = [];
  if (s.outage) {
    const ofRole = people.filter((p) => p.role === s.outage?.role);
    const person = ofRole[s.outage.who % ofRole.length] as (typeof ofRole)[number];
    const covers = people.filter((c) => coverProblem(person, c) === null);
    const cover = s.outage.cover === undefined ? undefined : covers[s.outage.cover % covers.length];
    outages.push({
      person: person.id,
      from: s.outage.from,
      to: s.outage.from + s.outage.hours,
      ...(cover ? { cover: cover.id } : {}),
    });
  }

  const hires: Hire[] = [];
  if (s.hire) {
    const team = org.teams[s.hire.team % org.teams.length]?.id ?? 'team-1';
    const calendar = org.teams[0]?.tl.calendar ?? ALWAYS;
    const ic: IcSpec = icOf(
      'hire-1',
      team,
      s.hire.domain,
      0,
      { count: 1 },
      { calendar, wipLimit: 1 },
    );
    const { rampUpDays, startProductivity, at } = s.hire;
    hires.push({ at, ic, rampUpDays, startProductivity });
  }

  const changes: RequirementChange[] = [];
  if (s.change) {
    const target = instructions[s.change.instruction % instructions.length] as InstructionSpec;
    const { share, rescale, add } = s.change;
    changes.push({
      at: Math.max(target.at, s.change.at),
      instruction: target.id,
      ...(share === undefined ? {} : { share }),
      ...(rescale === undefined ? {} : { rescale }),
      ...(add === undefined ? {} : { add: { ...add, dependsOn: [] } }),
    });
  }

  return defaultConfig({
    seed: s.seed,
    strategy: s.strategy,
    horizonHours: s.horizon,
    org,
    instructions,
    preemptUpTo: s.preemptUpTo,
    overtime: s.overtime ? { extraHoursPerDay: 2, days: 3 } : null,
    sla: s.shortSlas ? SHORT_SLAS : DEFAULT_SLA,
    blockers: {
      technical: s.blockerOdds,
      dependency: s.blockerOdds / 2,
      requirements: s.blockerOdds / 3,
      resource: s.blockerOdds / 4,
      priority: s.blockerOdds / 4,
    },
    cost: {
      ...DEFAULT_COST,
      ...s.budget,
      models:
        s.agents === undefined
          ? {}
          : {
              fast: {
                ...DEFAULT_COST,
                tokensPerHour: {
                  lightCoding: FAST_RATE,
                  heavyCoding: FAST_RATE,
                  research: FAST_RATE,
                  review: FAST_RATE,
                },
              },
            },
    },
    ...(s.agents === undefined
      ? {}
      : {
          rateLimits: {
            fast: {
              requestsPerMinute: null,
              tokensPerMinute: s.agents.tokensPerMinute,
              concurrency: s.agents.concurrency,
              provider: null,
              tokensPerRequest: TOKENS_PER_REQUEST,
              retry: { ...SDK_RETRY, onExhausted: s.agents.onExhausted },
            },
          },
          agentFailures: {
            fast: {
              loop: s.agents.loop,
              stopEarly: s.agents.stopEarly,
              passBadWork: s.agents.passBadWork,
              rejectGoodWork: s.agents.rejectGoodWork,
              maxTurns: s.agents.maxTurns,
              maxUsd: null,
              tokensPerRequest: TOKENS_PER_REQUEST,
              restartTurns: 2,
              onCap: s.agents.onCap,
              retryOn: null,
            },
          },
        }),
    outages,
    hires,
    changes,
  });
}
