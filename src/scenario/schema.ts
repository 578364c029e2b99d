// The scenario file's schema: what a YAML scenario may say, with every field described. It is the
// one definition of the format: the loader validates against it and scenarios/schema.json (for
// editors) is generated from it. Unknown keys are errors, so a typo never passes silently.

import { z } from 'zod';
import { MODULE_PATH, STRATEGY_NAMES } from '../domain/assignment/index.ts';
import { BUDGET_POLICIES } from '../domain/budget.ts';
import { DAY_NAMES } from '../domain/calendar.ts';
import { BLOCKER_TYPES } from '../domain/escalation.ts';
import { GATES } from '../domain/gates.ts';
import { DOMAINS } from '../domain/org.ts';
import { RULE_TRIGGERS } from '../domain/rules.ts';
import { DEFAULT_ENGINE, ENGINES } from '../engine/engine.ts';
import { gitSection } from './git-schema.ts';
import { id, scenarioName } from './names.ts';
import {
  above,
  activityHours,
  budget,
  estimateHours,
  laterTime,
  MAX_HOURS,
  MAX_SEED,
  MIN_HOURS_PER_DAY,
  price,
  slaHours,
  time,
  whole,
  within,
} from './numbers.ts';

const hours = time.describe('simulated hours from the start of the run, ≥ 0');
const workHours = activityHours.describe('working hours, ≥ 0');
const hourOfDay = z
  .number()
  .min(0, { error: 'must be an hour of the day, ≥ 0 and < 24' })
  .lt(24, { error: 'must be an hour of the day, ≥ 0 and < 24' });
const tokenRate = within(0, 1e9, 'tokens an hour');
/** Tokens an hour by kind of work (seed 000's four); what is left out is the default's. */
const tokenRates = z
  .strictObject({
    lightCoding: tokenRate,
    heavyCoding: tokenRate,
    research: tokenRate,
    review: tokenRate,
  })
  .partial();
/** A model's rate limits, shared by all its agents (docs/agents.md). */
const modelLimits = z
  .strictObject({
    requestsPerMinute: whole(1).describe('requests admitted in any minute, at most'),
    tokensPerMinute: whole(1).describe('tokens admitted in any minute, at most'),
    concurrency: whole(1).describe('agents on the model working at once, at most'),
  })
  .partial()
  .describe('rate limits shared by every agent on the model; a request over them gets a 429');
/** Who approves at a gate or under a policy, and what a timeout does (docs/agents.md). */
const gateRuleFields = {
  approvers: z.array(id).min(1).describe('humans of org.humans who approve'),
  mode: z
    .enum(['all', 'any'])
    .optional()
    .describe('all of them must approve (default), or any one'),
  hours: activityHours.optional().describe('desk hours one approval takes (default 0.5)'),
  timeoutHours: above(0, 10_000, 'hours').optional().describe('hours before onTimeout applies'),
  onTimeout: z
    .enum(['wait', 'approve', 'deny', 'escalate'])
    .optional()
    .describe(
      'after timeoutHours: wait on (default), approve or deny on nobody’s word, or ask escalateTo too',
    ),
  escalateTo: z
    .array(id)
    .min(1)
    .optional()
    .describe('humans asked as well when onTimeout is escalate'),
  denyShare: z
    .number()
    .min(0)
    .max(1)
    .optional()
    .describe('the chance each approver’s decision is no (default 0); a no denies the work'),
};
/** A human approval policy (docs/agents.md, Humans who approve). */
const approvalPolicy = z.strictObject({
  id: id.describe('the policy’s name, as the reports give it'),
  when: z
    .strictObject({
      domains: z.array(z.enum(DOMAINS)).min(1).describe('its plan works in any of these domains'),
      priority: z.array(z.union([z.enum(['P0', 'P1', 'P2', 'P3']), whole(0, 3)])).min(1),
      tier: z.array(z.literal([1, 2, 3, 4])).min(1),
      instructions: z.array(id).min(1),
      workTypes: z.array(id).min(1).describe('its work type is one of these'),
    })
    .partial()
    .optional()
    .describe('the instructions it covers: every condition given must hold (none: all)'),
  ...gateRuleFields,
});

/** A chance below 1: at 1 every execution would loop or stop early, and none would ever finish. */
const belowOne = z
  .number()
  .min(0, { error: 'must be ≥ 0' })
  .lt(1, { error: 'must be below 1: at 1 no execution would ever finish' });

/** How an agent on the model fails (docs/agents.md). */
const agentFailures = z
  .strictObject({
    loop: belowOne.describe(
      'the chance an execution loops: repeats steps without progress until a cap stops it',
    ),
    stopEarly: belowOne.describe('the chance an execution stops early and is handed in unfinished'),
    passBadWork: z
      .number()
      .min(0)
      .max(1)
      .describe('the chance a review by the model passes work its gate should reject'),
    rejectGoodWork: z
      .number()
      .min(0)
      .max(1)
      .describe('the chance a review by the model rejects work its gate should pass'),
  })
  .partial()
  .describe('how agents on the model fail; each left out: never');
/** Caps on one execution by an agent on the model. */
const agentCaps = z
  .strictObject({
    maxTurns: whole(1).describe(
      'turns (requests of tokensPerRequest tokens) one execution may take',
    ),
    maxUsd: above(0, 1e9, 'USD').describe('dollars one execution may spend'),
    restartTurns: whole(0, 1_000_000).describe(
      'turns an agent spends getting back into the work when it starts over after a cap (default 20)',
    ),
    onCap: z
      .enum(['escalate', 'retry', 'fail'])
      .describe(
        'when a cap trips: escalate (a resource blocker to the EM, the default), retry, or fail (the task fails, its instruction closes undone)',
      ),
    retryOn: id.describe(
      'a retry goes to an agent of the task’s team and domain on this model (implies onCap: retry)',
    ),
  })
  .partial()
  .describe('caps on one execution: what stops a loop');
/** What an agent does after a 429 (default: the Anthropic and OpenAI SDKs'). */
const retryPolicy = z
  .strictObject({
    maxRetries: whole(0, 1000).describe('retries before the work fails (default 2)'),
    baseSeconds: above(0, 3600, 'seconds').describe(
      'the first retry’s wait, doubling (default 0.5)',
    ),
    maxSeconds: above(0, 3600, 'seconds').describe('the longest wait (default 8)'),
    jitter: z
      .number()
      .min(0)
      .max(1)
      .describe('the share of a wait taken off at random: 0.25 the SDKs’, 1 full jitter'),
    retryAfter: z.boolean().describe('wait out a retry-after of up to 60 s (default true)'),
    onExhausted: z
      .enum(['fail', 'wait'])
      .describe('after the last retry: fail the work (default), or wait for room'),
  })
  .partial()
  .describe('how an agent retries after a 429');
const probability = z.number().min(0).max(1).describe('a probability, 0 to 1');
const domain = z.enum(DOMAINS);
const level = z.literal([1, 2, 3, 4, 5]).describe('skill level, 1 (novice) to 5 (expert)');
const tier = z.literal([1, 2, 3, 4]).describe('instruction tier, 1 to 4');
const priority = z
  .union([z.enum(['P0', 'P1', 'P2', 'P3']), whole(0, 3)])
  .describe('P0 (incident) to P3, or 0 to 3');

const calendar = z
  .strictObject({
    hoursPerDay: within(
      MIN_HOURS_PER_DAY,
      24,
      'hours',
      'a working day shorter than 15 minutes cannot hold one activity',
    ).describe('working hours a day; 24 for an agent that never stops'),
    startHour: hourOfDay.default(0).describe('local hour of the day the working window opens'),
    workingDays: z
      .array(z.enum(DAY_NAMES))
      .min(1)
      .refine((days) => new Set(days).size === days.length, {
        message: 'must name each day once',
      })
      .meta({ uniqueItems: true })
      .optional()
      .describe('the days of the week worked (day 0 of a run is a Monday); default every day'),
    holidays: z
      .array(whole(0, Math.floor(MAX_HOURS / 24)))
      .max(10_000)
      .optional()
      .describe('local days of the run (0-based) not worked'),
    utcOffsetHours: z
      .number()
      .min(-12)
      .max(14)
      .optional()
      .describe('hours local time is ahead of the org’s clock, −12 to 14; default 0'),
  })
  .describe('when a person works');

/** Who does the work: an agent on a model of the model table, or a person. */
const worker = {
  model: id
    .optional()
    .describe('the model its agents run on, from `models` (default: the `cost` section’s rates)'),
  person: z
    .literal(true)
    .optional()
    .describe('people, not agents: no tokens, paid `costPerHour`, on their calendar'),
};

/** An agent's own failure odds, over its model's. */
const agentOdds = agentFailures
  .optional()
  .describe('how these agents fail, over their model’s odds (each left out: the model’s)');

const icGroup = z
  .strictObject({
    count: whole(1).describe('how many ICs like this'),
    level: level.optional().describe('skill level in the domain (default: 3, 4, 5 in turn)'),
    secondary: z
      .partialRecord(domain, level)
      .optional()
      .describe('secondary skills and their levels'),
    wipLimit: whole(1, 1000).optional(),
    calendar: calendar.optional(),
    costPerHour: price.optional().describe('USD per working hour on top of tokens (a human rate)'),
    ...worker,
    failures: agentOdds,
  })
  .describe('a group of identical ICs in one domain');

const person = z
  .strictObject({
    id: id,
    domain: domain.describe('primary domain'),
    skills: z
      .partialRecord(domain, level)
      .optional()
      .describe('levels per domain; the primary defaults to 3'),
    wipLimit: whole(1, 1000).optional(),
    calendar: calendar.optional(),
    costPerHour: price.optional(),
    ...worker,
    failures: agentOdds,
  })
  .describe('one IC described individually');

const icsByDomain = z
  .partialRecord(domain, z.union([whole(0), icGroup]))
  .describe('ICs per domain: a count, or a group with its skills');

const team = z.strictObject({
  id: id,
  calendar: calendar
    .optional()
    .describe(
      'the calendar of the team’s TL, leads and ICs unless set per IC (default: the org’s)',
    ),
  ics: icsByDomain.optional(),
  people: z.array(person).optional(),
  model: worker.model.describe(
    'the model of the team’s TL, leads and ICs unless set per IC (default: the org’s)',
  ),
  person: worker.person.describe('the team’s TL, leads and ICs are people unless set per IC'),
});

const org = z
  .strictObject({
    calendar: calendar
      .optional()
      .describe('everyone’s calendar unless set per team or IC (default 24 h every day)'),
    wipLimit: whole(1, 1000).optional().describe('IC WIP limit unless set per IC (default 2)'),
    teams: z
      .union([whole(1), z.array(team).min(1)])
      .optional()
      .describe('a number of identical teams (each with `ics`), or each team described'),
    ics: icsByDomain
      .optional()
      .describe('each team’s ICs when `teams` is a number (default: the seed’s 10)'),
    people: z
      .array(person)
      .optional()
      .describe('extra ICs described one by one (in the first team)'),
    model: worker.model.describe(
      'the model of the EM and of every team’s TL, leads and ICs unless set per team or IC',
    ),
    person: worker.person.describe('everyone is a person unless set per team or IC'),
    humans: z
      .array(
        z.strictObject({
          id: id,
          calendar: calendar.optional(),
          costPerHour: price.optional(),
          roles: z
            .array(id)
            .min(1)
            .optional()
            .describe(
              'what the human is (dba, on-call, security-lead): an approval or a gate may name a role for every human who has it',
            ),
        }),
      )
      .min(1)
      .optional()
      .describe(
        'the humans who decide requirements and priority conflicts (default: human-1, on the org’s calendar or office hours Monday–Friday)',
      ),
    unstaffedWork: z
      .enum(['error', 'borrow'])
      .default('error')
      .describe(
        'a plan needing a domain a team has no ICs in: an error (default), or work taken by its ICs with that secondary skill',
      ),
  })
  .describe('the organisation: one EM; per team a TL, a lead per staffed domain, and ICs');

const plannedTask = z.strictObject({
  id: id,
  title: z.string().optional(),
  estimateHours,
  complexity: level.optional(),
  dependsOn: z
    .array(z.string())
    .optional()
    .describe('ids of tasks (in any strategic task) this one needs'),
  architectural: z.boolean().optional(),
});

const plan = z
  .strictObject({
    strategic: z
      .array(
        z.strictObject({
          id: id,
          domain,
          title: z.string().optional(),
          dependsOn: z
            .array(z.string())
            .optional()
            .describe('ids of strategic tasks this one follows'),
          tasks: z.array(plannedTask).min(1).describe('its tactical tasks'),
        }),
      )
      .min(1),
  })
  .describe(
    'an explicit plan instead of one generated from the tier; task ids are prefixed with the instruction id',
  );

const count = whole(1, 1_000);
const countRange = z.union([count, z.tuple([count, count])]);
const shape = z
  .strictObject({
    strategic: countRange.describe('strategic tasks: a number or a range [low, high]'),
    tacticalPerStrategic: countRange.describe('tactical tasks per strategic task'),
    estimateHours: z
      .union([estimateHours, z.tuple([estimateHours, estimateHours])])
      .describe('estimate of each tactical task, hours: a number or a range'),
    complexity: z.union([level, z.tuple([level, level])]).describe('complexity 1–5, or a range'),
    milestones: whole(1, 12),
  })
  .partial()
  .describe('overrides of the tier’s plan shape (tier 4: 30–36 strategic, 4–5 tactical each)');

const instructionFields = {
  tier: tier.optional().describe('instruction tier, 1 to 4 (its workflow’s when it names one)'),
  workflow: id.optional().describe('a workflow of the workflows section: its steps are the plan'),
  workType: id
    .optional()
    .describe('its work type, for the reports and approval policies (default: its workflow’s)'),
  priority: priority.default('P2'),
  title: z.string().optional(),
  plan: plan.optional(),
  domains: z
    .array(domain)
    .min(1)
    .refine((list) => new Set(list).size === list.length, 'must not repeat a domain')
    .optional()
    .describe(
      'the domains a generated plan works in (all of them from tier 2 on; tier 1 takes one)',
    ),
  shape: shape.optional(),
};

/** An event rule: a trigger, a condition, actions (docs/agents.md, Rules). */
const rulePriority = z.union([z.enum(['P0', 'P1', 'P2', 'P3']), whole(0, 3)]);
const ruleAction = z.union([
  z.strictObject({
    notify: z.string().min(1).describe('a channel or a group: the firing is logged'),
  }),
  z.strictObject({
    escalate: z
      .strictObject({ priority: rulePriority })
      .describe('raise the task’s priority to this one (task triggers)'),
  }),
  z.strictObject({
    assign: z
      .strictObject({ team: id })
      .describe('the EM gives the instruction to this team (instruction.received)'),
  }),
  z.strictObject({
    scale: z
      .strictObject({
        pool: id,
        to: z.union([z.enum(['min', 'max']), whole(0, 100_000)]),
      })
      .describe('bound the pool’s size from now on: its minimum, its maximum, or a number'),
  }),
  z.strictObject({
    pause: z
      .strictObject({
        pool: id,
        hours: above(0, 100_000, 'hours').optional().describe('how long (default: for good)'),
      })
      .describe('the pool’s agents take no new work'),
  }),
]);
const rule = z.strictObject({
  id: id.describe('the rule’s name, as the log gives it'),
  on: z.enum(RULE_TRIGGERS).describe('the event it watches'),
  when: z
    .strictObject({
      priority: z.array(rulePriority).min(1),
      workTypes: z.array(id).min(1),
      domains: z.array(domain).min(1),
      forHours: above(0, 100_000, 'hours').describe('task.blocked: blocked this long, still'),
      share: z
        .number()
        .gt(0, { error: 'must be a share of the budget, above 0 and below 1' })
        .lt(1, { error: 'must be a share of the budget, above 0 and below 1' })
        .describe('budget.alert: at least this share of the budget (below 1)'),
    })
    .partial()
    .optional()
    .describe('every condition given must hold (none: every event)'),
  do: z.array(ruleAction).min(1).describe('the actions, in order'),
});

/** An agent pool: a team's agents in a domain, scaled on queue depth (docs/agents.md, Pools). */
const pool = z.strictObject({
  id: id.describe('the pool’s name, as the reports give it'),
  domain: domain.describe('its agents: the team’s ICs of this domain that are agents'),
  team: id
    .optional()
    .describe('its team (default: each team with agents in the domain, a pool each)'),
  min: whole(0, 100_000)
    .optional()
    .describe('agents always active (default 1); the max is their count'),
  tasksPerAgent: above(0, 1_000, '', 'tasks')
    .optional()
    .describe('tasks (held and waiting) each active agent is wanted for (default: its WIP limit)'),
  spinUpHours: z
    .number()
    .min(0)
    .max(1_000)
    .optional()
    .describe('hours before an agent the pool asks for is ready (default 0.05: 3 minutes)'),
  idleHours: z
    .number()
    .min(0)
    .max(1_000)
    .optional()
    .describe(
      'hours an agent is idle before the pool parks it, when it wants fewer (default 5 min)',
    ),
  costPerAgentHour: price
    .optional()
    .describe('USD per hour each active agent costs, working or not'),
  reserveP0: whole(0, 100_000)
    .optional()
    .describe('agents kept free of all but P0 work, on top of those the load wants (default 0)'),
});

const workflowStep = z
  .strictObject({
    name: id.describe('the step’s name, unique in its workflow'),
    domain: domain.optional().describe('the domain whose ICs do the step (a work step)'),
    estimateHours: z
      .union([estimateHours, z.tuple([estimateHours, estimateHours])])
      .optional()
      .describe('the step’s estimate, hours: a number, or a range drawn per instruction'),
    complexity: level.optional().describe('complexity 1–5 (default 2)'),
    dependsOn: z
      .array(id)
      .optional()
      .describe('names of steps done first (default: the step before it)'),
    parallel: z
      .boolean()
      .optional()
      .describe('runs alongside the step before it: waits for what that step waits for'),
    timeoutHours: above(0, 10_000, 'hours')
      .optional()
      .describe('hours in progress before the step escalates as an SLA breach'),
    architectural: z
      .boolean()
      .optional()
      .describe('the Tech Lead reviews its architecture (tiers 3–4; default false)'),
    gate: z
      .strictObject(gateRuleFields)
      .optional()
      .describe('a human gate instead of work: what depends on it waits for the approval'),
  })
  .describe('a step: work in a domain (domain, estimateHours), or a human gate (gate)');

const workflow = z
  .strictObject({
    workType: id.optional().describe('the work type of its instructions (default: its name)'),
    tier: tier
      .optional()
      .describe('the tier its instructions run at (default 1: peer review only)'),
    steps: z.array(workflowStep).min(1),
  })
  .describe('a workflow template: the steps an instruction of it runs');

const instruction = z.strictObject({
  id: id.optional(),
  at: hours,
  ...instructionFields,
});

const template = z
  .strictObject(instructionFields)
  .describe('what each arriving instruction looks like');

const arrival = z.discriminatedUnion('process', [
  z.strictObject({
    process: z.literal('poisson'),
    ratePerDay: within(
      0.001,
      1_000_000,
      'a day',
      'fewer than one arrival in 1,000 days is a schedule, not a rate',
    ).describe('mean arrivals per simulated day'),
    from: hours.default(0),
    until: laterTime.describe('no arrivals after this time'),
    template,
  }),
  z.strictObject({
    process: z.literal('schedule'),
    at: z.array(hours).min(1).describe('arrival times'),
    template,
  }),
]);

const ratio = above(0, 100, '', 'actual ÷ estimate').describe('actual ÷ estimate');
const empirical = z
  .strictObject({
    distribution: z.literal('empirical'),
    samples: z
      .array(ratio)
      .min(1)
      .optional()
      .describe('past actual ÷ estimate ratios, each drawn with equal odds'),
    bins: z
      .array(
        z
          .strictObject({ from: ratio, to: ratio, weight: above(0, 1e9, '') })
          .refine((bin) => bin.from < bin.to, {
            message: 'must be greater than from',
            path: ['to'],
          }),
      )
      .min(1)
      .optional()
      .describe('a histogram of actual ÷ estimate: a bin by weight, then a ratio in [from, to)'),
  })
  .refine((e) => (e.samples === undefined) !== (e.bins === undefined), {
    message: 'needs either samples or bins, not both',
  })
  .meta({ oneOf: [{ required: ['samples'] }, { required: ['bins'] }] })
  .describe('a team’s own history of actual ÷ estimate, not rescaled: its mean is kept');

const effort = z
  .discriminatedUnion('distribution', [
    z.strictObject({ distribution: z.literal('fixed') }),
    z.strictObject({
      distribution: z.literal('lognormal'),
      sigma: above(0, 3, '', 'a wider spread makes most efforts zero and a few endless'),
    }),
    z.strictObject({ distribution: z.literal('exponential') }),
    z.strictObject({ distribution: z.literal('uniform'), spread: z.number().positive().max(1) }),
    z.strictObject({ distribution: z.literal('triangular'), spread: z.number().positive().max(1) }),
    empirical,
  ])
  .describe('real effort = estimate × a draw (mean 1, except an empirical one: used as given)');

const slaLimit = z
  .union([slaHours, z.null()])
  .describe('hours in the state before a breach; null: no SLA');
const sla = z
  .strictObject({
    PENDING: slaLimit,
    IN_PLANNING: slaLimit,
    ASSIGNED: slaLimit,
    IN_PROGRESS: z.union([
      z.strictObject({ timesEstimate: within(0.1, 1000, '× the estimate') }),
      z.null(),
    ]),
    BLOCKED: slaLimit,
    ESCALATED: slaLimit,
    UNDER_REVIEW: slaLimit,
    DOMAIN_REVIEW: slaLimit,
    READY_FOR_HANDOFF: slaLimit,
  })
  .partial()
  .describe('per-state SLAs overriding the defaults');

const gates = z
  .partialRecord(
    z.enum(GATES),
    z.strictObject({
      enabled: z.boolean().optional(),
      rejectProbability: within(
        0,
        0.95,
        '',
        'above 0.95 a task is sent back 20 times or more on average, and at 1 forever',
      ).optional(),
    }),
  )
  .describe('gates switched on or off, and their rejection odds');

const byTier = z.strictObject({ 1: workHours, 2: workHours, 3: workHours, 4: workHours }).partial();
const byRole = z
  .strictObject({ EM: workHours, TL: workHours, DL: workHours, IC: workHours })
  .partial();
const overheads = z
  .strictObject({
    intakeHours: workHours,
    strategicPlanningHours: byTier,
    tacticalPlanningHoursPerTask: workHours,
    assignmentHours: workHours,
    peerReviewFraction: within(0, 10, '× the estimate'),
    qaValidationFraction: within(0, 10, '× the estimate'),
    reviewMinHours: workHours,
    domainApprovalHours: workHours,
    architectureReviewHours: workHours,
    handoffVerificationHours: workHours,
    handoffFixHours: workHours,
    standupHours: byRole,
    rebalanceHours: workHours,
    breachHandlingHours: workHours,
    escalationHours: z.partialRecord(z.enum(BLOCKER_TYPES), workHours),
    humanDecisionHours: workHours,
  })
  .partial()
  .describe('working hours of management and review work; zero is allowed');

const event = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('outage'),
    person: z.string().min(1).describe('anyone in the org: an IC, a lead, the TL, the EM, a human'),
    from: hours,
    to: laterTime,
    cover: z
      .string()
      .min(1)
      .optional()
      .describe(
        'who takes their work meanwhile: for an IC an IC of its team, for a DL another DL or the TL of its team, for a TL another TL or one of its DLs, for the EM a TL, for a human another human',
      ),
  }),
  z.strictObject({
    type: z.literal('incident'),
    at: hours,
    id: id.optional(),
    tier: tier.default(1),
    title: z.string().default('P0 incident'),
    domains: instructionFields.domains,
  }),
  z
    .strictObject({
      type: z.literal('requirementChange'),
      at: hours,
      instruction: z.string().min(1),
      cancel: z
        .union([probability, z.array(z.string()).min(1)])
        .optional()
        .describe(
          'a share of the instruction’s unfinished tasks, or the ids of the tasks to cancel',
        ),
      rescale: within(0.01, 100, '× the estimate')
        .optional()
        .describe(
          'a factor on the estimate and effort of every unfinished task (of a started one, the work left)',
        ),
      add: z
        .strictObject({
          domain,
          tasks: z
            .union([whole(1), z.array(plannedTask).min(1)])
            .describe(
              'how many tasks to generate in the instruction’s shape, or the tasks themselves as in a plan',
            ),
          dependsOn: z
            .array(z.string())
            .optional()
            .describe('ids of the instruction’s tasks the new work waits for'),
        })
        .optional()
        .describe('new work: one strategic task in `domain`, planned by that domain’s lead'),
    })
    .refine((e) => e.cancel !== undefined || e.rescale !== undefined || e.add !== undefined, {
      message: 'needs at least one of cancel, rescale or add',
    })
    .meta({ anyOf: [{ required: ['cancel'] }, { required: ['rescale'] }, { required: ['add'] }] }),
  z.strictObject({
    type: z.literal('hire'),
    at: hours,
    id: id,
    team: z.string().optional(),
    domain,
    level: level.optional(),
    wipLimit: whole(1, 1000).optional(),
    rampUpDays: within(0, 365, 'days')
      .default(0)
      .describe('days (24 h each) until the hire is fully productive; 0: at once, as an agent is'),
    startProductivity: z
      .number()
      .positive()
      .max(1)
      .default(1)
      .describe('productivity on the first hour, > 0 and ≤ 1, rising linearly to 1'),
  }),
]);

export const scenarioSchema = z
  .strictObject({
    $schema: z.string().optional(),
    name: scenarioName.optional().describe('names the report folder: letters, digits, ., _ and -'),
    description: z.string().optional().describe('the question this scenario answers'),
    seed: whole(0, MAX_SEED).default(1),
    horizonHours: z
      .union([laterTime, z.null()])
      .default(null)
      .describe('null: run until all work is done'),
    strategy: z
      .union([
        z.enum(STRATEGY_NAMES),
        z.string().regex(MODULE_PATH, {
          error: `must be one of ${STRATEGY_NAMES.join(', ')}, or the path of a strategy module (./my-strategy.js)`,
        }),
      ])
      .default('weighted')
      .describe(
        'a built-in assignment strategy, or the path of a strategy module (./my-strategy.js), relative to this file',
      ),
    preemption: z
      .strictObject({
        upTo: z
          .union([priority, z.null()])
          .default('P0')
          .describe(
            'this priority and more urgent take a WIP slot from lower-priority work; null: never',
          ),
      })
      .prefault({})
      .describe('when urgent work may take a WIP slot from work that has not passed a gate'),
    overtime: z
      .union([
        z.strictObject({
          extraHoursPerDay: z
            .number()
            .positive()
            .max(16)
            .describe('extra working hours a day (a calendar never goes past 24)'),
          days: z.number().positive().max(30).describe('for how many days'),
        }),
        z.null(),
      ])
      .default({ extraHoursPerDay: 2, days: 3 })
      .describe(
        'overtime the EM may approve for ICs on limited hours when a domain needs capacity; null: never',
      ),
    engine: z
      .enum(ENGINES)
      .default(DEFAULT_ENGINE)
      .describe(
        'fast interprets the XState machines directly; xstate runs them on XState (same log, slower)',
      ),
    org: org.prefault({}),
    rules: z
      .array(rule)
      .optional()
      .describe('event rules: a trigger, a condition and actions; every firing is logged'),
    pools: z
      .array(pool)
      .optional()
      .describe(
        'agent pools: a team’s agents in a domain, of which only some are active at a time',
      ),
    git: gitSection.optional(),
    workflows: z
      .record(id, workflow)
      .optional()
      .describe('workflow templates by name: an instruction naming one runs its steps'),
    instructions: z.array(instruction).default([]),
    arrivals: z.array(arrival).default([]),
    effort: effort.optional(),
    sla: sla.optional(),
    gates: gates.optional(),
    overheads: overheads.optional(),
    blockers: z
      .partialRecord(z.enum(BLOCKER_TYPES), probability)
      .optional()
      .describe('odds per task of each blocker type'),
    handoff: z
      .strictObject({
        incompleteProbability: within(
          0,
          0.95,
          '',
          'above 0.95 a handoff is returned 20 times or more on average, and at 1 forever',
        ),
        checklistItems: whole(1, 1000),
      })
      .partial()
      .optional(),
    reworkFraction: within(0, 10, '× the effort').optional(),
    rituals: z
      .strictObject({
        standupHour: z.union([hourOfDay, z.null()]),
        capacityReviewHour: z.union([hourOfDay, z.null()]),
        forecastHours: within(1, 10_000, 'hours'),
      })
      .partial()
      .optional()
      .describe('the daily standup and capacity review; null switches one off'),
    providers: z
      .record(
        id,
        z.strictObject({
          limits: z
            .strictObject({
              requestsPerMinute: whole(1).describe('requests admitted in any minute, at most'),
              tokensPerMinute: whole(1).describe('tokens admitted in any minute, at most'),
            })
            .partial()
            .describe('limits shared by every agent on any of the provider’s models'),
        }),
      )
      .optional()
      .describe('providers whose rate limits several models share (one API key, one organisation)'),
    models: z
      .record(
        id,
        z
          .strictObject({
            usdPerMillionTokens: price.describe('USD per million tokens, input and output alike'),
            usdPerMillionInputTokens: price,
            usdPerMillionOutputTokens: price,
            outputShare: probability,
            cachedShare: probability,
            usdPerMillionCachedInputTokens: price,
            tokensPerHour: tokenRates,
            outputTokensPerSecond: above(0, 1e6, 'tokens a second').describe(
              'output tokens a second one request streams: an execution whose work needs more takes longer (default: keeps up)',
            ),
            tokensPerRequest: whole(1, 10_000_000).describe(
              'tokens one request of an agent carries, input and output (default 10,000); used with limits',
            ),
            limits: modelLimits,
            provider: id.describe(
              'a provider of the providers section whose limits the model shares with its other models',
            ),
            retry: retryPolicy,
            failures: agentFailures,
            caps: agentCaps,
          })
          .partial()
          .describe(
            'a model: its prices and tokens an hour by kind of work; what it leaves out is the `cost` section’s',
          ),
      )
      .optional()
      .describe('the models agents run on, by name; an agent names one with `model`'),
    cost: z
      .strictObject({
        usdPerMillionTokens: price.describe(
          'USD per million tokens, input and output alike (default 3)',
        ),
        usdPerMillionInputTokens: price.describe(
          'USD per million input tokens (default: usdPerMillionTokens)',
        ),
        usdPerMillionOutputTokens: price.describe(
          'USD per million output tokens (default: usdPerMillionTokens)',
        ),
        outputShare: probability.describe(
          'the share of an activity’s tokens that are output, 0 to 1 (default 0.25)',
        ),
        cachedShare: probability.describe(
          'the share of an activity’s input tokens read from the prompt cache, 0 to 1 (default 0)',
        ),
        usdPerMillionCachedInputTokens: price.describe(
          'USD per million input tokens read from the cache (default: a tenth of the input price)',
        ),
        tokensPerHour: tokenRates,
        budgetUsd: z
          .union([budget, z.null()])
          .describe('the run’s budget in USD; null: none (default)'),
        dailyBudgetUsd: z
          .union([budget, z.null()])
          .describe(
            'a budget per day of the org’s clock, reset at 00:00, in USD; null: none (default)',
          ),
        policy: z
          .enum(BUDGET_POLICIES)
          .describe(
            'once a budget is spent: alert (alerts only), stopIntake (refuse new instructions; the default), p0Only (only P0 work goes on), stopRun (the run ends)',
          ),
        alerts: z
          .array(above(0, 10, '', 'a share of the budget'))
          .refine((list) => new Set(list).size === list.length, 'must not repeat a threshold')
          .meta({ uniqueItems: true })
          .describe('shares of each budget at which an alert is logged (default [0.8])'),
      })
      .partial()
      .optional(),
    events: z
      .array(event)
      .default([])
      .describe('outages, P0 incidents, requirement changes and hires'),
    approvals: z
      .array(approvalPolicy)
      .optional()
      .describe('human approvals a finished instruction needs before it is complete'),
  })
  .describe('an orgsim scenario');

export type RawScenario = z.input<typeof scenarioSchema>;
export type ParsedScenario = z.output<typeof scenarioSchema>;
