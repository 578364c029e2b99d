// The field types the event log's records are built from: ids, times, amounts and the domain's
// enums, each with its range. The record schemas (schema.ts) compose them.

import { z } from 'zod';
import { ACTIVITY_KINDS } from '../domain/activity.ts';
import { BUDGET_POLICIES } from '../domain/budget.ts';
import { DAY_NAMES } from '../domain/calendar.ts';
import { BLOCKER_TYPES, ESCALATION_LADDER } from '../domain/escalation.ts';
import { GATES } from '../domain/gates.ts';
import { DOMAINS } from '../domain/org.ts';
import { TASK_STATES } from '../domain/task-states.ts';

/** The id of a task, person, team, instruction or escalation. */
export const id = z.string().min(1);
export const ids = z.array(id).readonly();
/** Simulated time or a duration, in hours. */
export const hours = z.number().min(0);
export const count = z.number().int().min(0);
export const usd = z.number().min(0);
export const tokens = z.number().min(0);

export const domain = z.enum(DOMAINS);
export const tier = z.literal([1, 2, 3, 4]);
/** P0 (an incident) to P3. */
export const priority = z.number().int().min(0).max(3);
export const complexity = z.literal([1, 2, 3, 4, 5]);
export const skillLevel = z.literal([1, 2, 3, 4, 5]);
export const role = z.enum(['EM', 'TL', 'DL', 'IC', 'human']);
export const taskState = z.enum(TASK_STATES);
/** The states an SLA times: every state but the terminal ones. */
export const slaState = taskState.exclude(['COMPLETED', 'CANCELLED']);
export const gate = z.enum(GATES);
export const blockerType = z.enum(BLOCKER_TYPES);
export const escalationLevel = z.literal([0, 1, 2, 3, 4]);
export const escalationRole = z.enum(ESCALATION_LADDER);
export const escalationAction = z.enum([
  'unblock',
  'breakDependency',
  'provideResource',
  'referToHuman',
  'decide',
  'reassign',
  'askCapacity',
  'borrow',
  'deferLowerPriority',
  'approveOvertime',
  'recordHiringNeed',
  'none',
]);
export const escalationOutcome = z.enum(['acted', 'declined', 'referred', 'unresolved']);
export const activityKind = z.enum(ACTIVITY_KINDS);
export const budgetPolicy = z.enum(BUDGET_POLICIES);

export const PROTOCOLS = ['delegation', 'broadcast', 'handoff', 'standup'] as const;
export const protocol = z.enum(PROTOCOLS);

/** Which budget a record is about: the run's, or the day's. */
export const budgetScope = z.enum(['run', 'day']);

/**
 * How a slice of work ended. `paused`: stopped for a ritual at its hour, resumed after it; `held`:
 * stopped because a budget was spent, resumed when it resets; `throttled`: stopped by a rate limit
 * of the person's model (a 429, or no free place under its concurrency cap), resumed after it.
 */
export const workOutcome = z.enum([
  'finished',
  'preempted',
  'paused',
  'outage',
  'dropped',
  'held',
  'throttled',
]);

/** A person's working calendar as the run resolved it (see src/domain/calendar.ts). */
export const calendar = z.strictObject({
  hoursPerDay: z.number().positive().max(24),
  startHour: z.number().min(0).lt(24),
  workingDays: z.array(z.enum(DAY_NAMES)).min(1).readonly().optional(),
  holidays: z.array(count).readonly().optional(),
  utcOffsetHours: z.number().min(-12).max(14).optional(),
});
