// Builders for the event logs the collector tests write by hand: one short call per record, with
// the fields no collector reads filled in, so each log reads as the story worked out above it.

import { expect } from 'vitest';
import type { ActivityKind } from '../../src/domain/activity.ts';
import type { BudgetPolicy } from '../../src/domain/budget.ts';
import { ALWAYS, type Calendar } from '../../src/domain/calendar.ts';
import { type BlockerType, type EscalationLevel, roleAt } from '../../src/domain/escalation.ts';
import type { EscalationAction, EscalationOutcome } from '../../src/domain/escalation-policy.ts';
import type { Tier } from '../../src/domain/gates.ts';
import type { Domain, Role } from '../../src/domain/org.ts';
import type { SlaState } from '../../src/domain/sla.ts';
import type { TaskState } from '../../src/domain/task-states.ts';
import type { Hours } from '../../src/kernel/time.ts';
import type { BudgetScope, LogRecord, Protocol } from '../../src/log/records.ts';

type Of<T extends LogRecord['type']> = Extract<LogRecord, { type: T }>;
export type Person = Of<'run.start'>['people'][number];
type Work = Of<'work'>;

export const TEAM = 'team-1';

/** A 09:00–17:00 window every day of the week (weekends worked, so day numbers stay simple). */
export const OFFICE: Calendar = { hoursPerDay: 8, startHour: 9 };

/** A person on the roster; the EM and humans sit in `org`, everyone else in TEAM. */
export function person(
  id: string,
  role: Role,
  calendar: Calendar = ALWAYS,
  domain?: Domain,
): Person {
  return {
    id,
    role,
    team: role === 'EM' || role === 'human' ? 'org' : TEAM,
    ...(domain === undefined ? {} : { domain }),
    calendar,
  };
}

export function ic(id: string, domain: Domain, calendar: Calendar = ALWAYS): Person {
  return { ...person(id, 'IC', calendar, domain), wipLimit: 2, skills: { [domain]: 3 } };
}

/** The EM, the Tech Lead and the backend Domain Lead, all 24 h a day: the top of most rosters. */
export const LEADS: readonly Person[] = [
  person('em', 'EM'),
  person('tl', 'TL'),
  person('dl-backend', 'DL', ALWAYS, 'backend'),
];

export function runStart(people: Person[], budgetUsd: number | null = null): LogRecord {
  return {
    t: 0,
    type: 'run.start',
    scenario: 'hand',
    seed: 1,
    strategy: 'weighted',
    horizonHours: null,
    budgetUsd,
    dailyBudgetUsd: null,
    budgetPolicy: 'stopIntake',
    budgetAlerts: [0.8],
    forecastHours: 72,
    people,
  };
}

export const runEnd = (t: Hours, reason: Of<'run.end'>['reason'] = 'done', openTasks = 0) =>
  ({ t, type: 'run.end', reason, openTasks }) satisfies LogRecord;

export const received = (t: Hours, instruction: string, priority = 2, tier: Tier = 2) =>
  ({
    t,
    type: 'instruction.received',
    instruction,
    tier,
    priority,
    title: instruction,
  }) satisfies LogRecord;

export const completed = (
  t: Hours,
  instruction: string,
  leadTimeHours: Hours,
  tasks = 1,
  cancelled = 0,
) =>
  ({
    t,
    type: 'instruction.completed',
    instruction,
    leadTimeHours,
    tasks,
    cancelled,
  }) satisfies LogRecord;

/** The Tech Lead's plan: one strategic task per id, in `domain`, each milestone after the last. */
export function strategic(
  t: Hours,
  instruction: string,
  ids: string[],
  domain: Domain = 'backend',
): LogRecord {
  return {
    t,
    type: 'plan.strategic',
    instruction,
    by: 'tl',
    strategic: ids.map((id, milestone) => ({ id, domain, milestone, dependsOn: [] })),
  };
}

/** A Domain Lead's breakdown of one strategic task into tactical tasks. */
export function tactical(
  t: Hours,
  instruction: string,
  strategic: string,
  tasks: Array<{ id: string; estimateHours?: Hours; dependsOn?: string[] }>,
  domain: Domain = 'backend',
): LogRecord {
  return {
    t,
    type: 'plan.tactical',
    instruction,
    strategic,
    by: `dl-${domain}`,
    tasks: tasks.map((task) => ({
      id: task.id,
      domain,
      estimateHours: task.estimateHours ?? 4,
      complexity: 2,
      dependsOn: task.dependsOn ?? [],
      priority: 2,
      architectural: false,
    })),
  };
}

export const ready = (t: Hours, task: string, effortHours: Hours = 4, domain: Domain = 'backend') =>
  ({ t, type: 'task.ready', task, domain, team: TEAM, effortHours }) satisfies LogRecord;

export function move(
  t: Hours,
  task: string,
  from: TaskState | null,
  to: TaskState,
  assignee?: string,
): LogRecord {
  return {
    t,
    type: 'task.transition',
    task,
    from,
    to,
    cause: 'test',
    ...(assignee === undefined ? {} : { assignee }),
  };
}

export const gate = (t: Hours, task: string, outcome: 'passed' | 'rejected', reviewer: string) =>
  ({ t, type: 'task.gate', task, gate: 'peerReview', outcome, reviewer }) satisfies LogRecord;

export const breach = (t: Hours, task: string, state: SlaState, slaHours: Hours) =>
  ({ t, type: 'task.slaBreach', task, state, breach: 1, slaHours }) satisfies LogRecord;

export const outage = (t: Hours, person: string, phase: 'start' | 'end') =>
  ({ t, type: 'outage', person, phase }) satisfies LogRecord;

/** An escalation `id` about `task`, opened at rung `level` (an SLA breach when `state` is given). */
export function opened(
  t: Hours,
  escalation: string,
  task: string,
  route: BlockerType | 'sla',
  level: EscalationLevel,
  to: string,
  state?: SlaState,
): LogRecord {
  const late = state === undefined ? {} : { state };
  return {
    t,
    type: 'escalation.opened',
    escalation,
    task,
    route,
    ...late,
    level,
    role: roleAt(level),
    to,
  };
}

export const climbed = (
  t: Hours,
  escalation: string,
  task: string,
  level: EscalationLevel,
  to: string,
) =>
  ({
    t,
    type: 'escalation.climbed',
    escalation,
    task,
    level,
    role: roleAt(level),
    to,
  }) satisfies LogRecord;

export function decided(
  t: Hours,
  escalation: string,
  task: string,
  by: string,
  level: EscalationLevel,
  action: EscalationAction,
  outcome: EscalationOutcome,
  to?: string,
): LogRecord {
  const referral = to === undefined ? {} : { to };
  return {
    t,
    type: 'escalation.decided',
    escalation,
    task,
    by,
    level,
    role: roleAt(level),
    action,
    outcome,
    ...referral,
  };
}

export function resolved(
  t: Hours,
  escalation: string,
  task: string,
  by: string,
  level: EscalationLevel,
  outcome: Exclude<EscalationOutcome, 'referred'>,
  hoursToResolve: Hours,
): LogRecord {
  return { t, type: 'escalation.resolved', escalation, task, by, level, outcome, hoursToResolve };
}

export const hire = (t: Hours, person: string, domain: Domain) =>
  ({ t, type: 'hire', person, team: TEAM, domain }) satisfies LogRecord;

/** The EM's 3-day forecast for one domain of TEAM (per-IC detail left out: no collector reads it). */
export function forecast(
  t: Hours,
  domain: Domain,
  availableHours: Hours,
  committedHours: Hours,
  oversubscribed: boolean,
): LogRecord {
  return {
    t,
    type: 'capacity.forecast',
    team: TEAM,
    domain,
    availableHours,
    committedHours,
    oversubscribed,
    ics: [],
  };
}

/** A rebalance in `domain` of TEAM: borrow a person, or defer tasks. */
export function rebalance(
  t: Hours,
  domain: Domain,
  until: Hours,
  what: { person: string } | { tasks: string[] },
): LogRecord {
  const kind = 'person' in what ? 'borrow' : 'defer';
  return { t, type: 'rebalance', kind, team: TEAM, domain, ...what, until };
}

/**
 * A slice of work ending at `t`. Its hours default to `t - startedAt`: pass `hours` where the
 * person's calendar stretched the slice over time off.
 */
export function work(
  t: Hours,
  person: string,
  kind: ActivityKind,
  queuedAt: Hours,
  startedAt: Hours,
  task?: string,
  more: Partial<
    Pick<Work, 'hours' | 'outcome' | 'costUsd' | 'tokensIn' | 'tokensOut' | 'instruction'>
  > = {},
): LogRecord {
  return {
    t,
    type: 'work',
    person,
    kind,
    ...(task === undefined ? {} : { task }),
    ...(more.instruction === undefined ? {} : { instruction: more.instruction }),
    queuedAt,
    startedAt,
    hours: more.hours ?? t - startedAt,
    outcome: more.outcome ?? 'finished',
    tokensIn: more.tokensIn ?? 0,
    tokensOut: more.tokensOut ?? 0,
    costUsd: more.costUsd ?? 0,
  };
}

export function message(
  t: Hours,
  protocol: Protocol,
  kind: string,
  from: string,
  to: string,
  more: { recipients?: number; task?: string; content?: unknown } = {},
): LogRecord {
  return { t, type: 'message', protocol, kind, from, to, ...more };
}

/** Equal to 9 decimals: for figures a collector does not round. */
export const near = (value: number | undefined, expected: number) =>
  expect(value).toBeCloseTo(expected, 9);

/** The EM's overtime for `person`: from `start`, `hoursPerDay` a day, until its `end`. */
export const overtime = (t: Hours, person: string, phase: 'start' | 'end', hoursPerDay: Hours) =>
  ({ t, type: 'overtime', person, phase, hoursPerDay }) satisfies LogRecord;

/** A requirement change to `instruction`, applied: with the new estimates, when it rescaled tasks. */
export function requirementChanged(
  t: Hours,
  instruction: string,
  rescaled?: { factor: number; tasks: Array<{ id: string; estimateHours: Hours }> },
): LogRecord {
  return {
    t,
    type: 'requirement.changed',
    instruction,
    outcome: 'applied',
    cancelled: [],
    ...(rescaled === undefined ? {} : { rescaled }),
  };
}

/** The EM's go or no-go on an instruction. */
export const decision = (t: Hours, instruction: string, go = true, reason = 'P2 to team-1') =>
  ({ t, type: 'instruction.decided', instruction, go, reason, by: 'em' }) satisfies LogRecord;

/** A budget spent (a daily budget's names its `day`), and what the run does about it. */
export function exhausted(
  t: Hours,
  scope: BudgetScope,
  spentUsd: number,
  budgetUsd: number,
  day?: number,
  policy: BudgetPolicy = 'stopIntake',
): LogRecord {
  return {
    t,
    type: 'budget.exhausted',
    scope,
    ...(day === undefined ? {} : { day }),
    spentUsd,
    budgetUsd,
    policy,
  };
}

/** A daily budget renewed for `day`. */
export const reset = (t: Hours, day: number) =>
  ({ t, type: 'budget.reset', scope: 'day', day }) satisfies LogRecord;

/** A `throttle` record of `person` on the model `fast`: a wait's start (with its details), end or failure. */
export function throttle(
  t: Hours,
  person: string,
  phase: 'start' | 'end' | 'failed',
  more: { limit?: 'requests' | 'tokens' | 'concurrency'; attempt?: number; until?: Hours } = {},
): LogRecord {
  return { t, type: 'throttle', person, model: 'fast', phase, ...more };
}
