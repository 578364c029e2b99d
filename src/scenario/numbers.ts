// The numbers a scenario may hold, each with its unit, its range and the reason for the range,
// worded as the error a user reads ("must be a whole number ≥ 1"). The bounds keep every value
// finite and every sum of them (a cost, a time) far from overflow; the minimums keep a run from
// spinning on values no one means (a 15-second working day).

import { z } from 'zod';
import { grouped } from '../text/number.ts';

/** The latest time a scenario may name: a million hours (114 years) after the start of the run. */
export const MAX_HOURS = 1_000_000;
/** The longest single piece of management or review work: 1,000 hours. */
export const MAX_ACTIVITY_HOURS = 1_000;
/** The largest task estimate: 10,000 hours (five working years). */
export const MAX_ESTIMATE_HOURS = 10_000;
/** The shortest task estimate or SLA: 3 minutes. */
export const MIN_DURATION_HOURS = 0.05;
/** The shortest working day: 15 minutes, the shortest stretch that can hold an activity. */
export const MIN_HOURS_PER_DAY = 0.25;

/** A whole number in [min, max]; the message says so. */
/** The largest seed: replication seeds count up from a base and must stay exact integers. */
export const MAX_SEED = Number.MAX_SAFE_INTEGER;

export function whole(min: number, max = Number.MAX_SAFE_INTEGER) {
  const unbounded = max === Number.MAX_SAFE_INTEGER;
  const expected = unbounded
    ? `must be a whole number ≥ ${grouped(min)}`
    : `must be a whole number from ${grouped(min)} to ${grouped(max)}`;
  return z
    .number()
    .int({ error: expected })
    .min(min, { error: expected })
    .max(max, {
      error: unbounded
        ? `must be a whole number ≤ ${grouped(max)}, the largest exact one`
        : expected,
    });
}

/** A number in [min, max] with its unit and why the bounds are there. */
export function within(min: number, max: number, unit: string, why = '') {
  return z
    .number()
    .min(min, { error: bound('≥', min, unit, why) })
    .max(max, { error: bound('≤', max, unit, why) });
}

/** "must be ≥ 0.25 hours: a working day shorter than 15 minutes cannot hold one activity" */
function bound(relation: string, value: number, unit: string, why: string): string {
  return `must be ${relation} ${grouped(value)}${unit === '' ? '' : ` ${unit}`}${why === '' ? '' : ` (${why})`}`;
}

/** A number > min (exclusive) and ≤ max. */
export function above(min: number, max: number, unit: string, why = '') {
  return z
    .number()
    .gt(min, { error: bound('>', min, unit, why) })
    .max(max, { error: bound('≤', max, unit, why) });
}

/** A time of the run, in simulated hours from its start. */
export const time = within(0, MAX_HOURS, 'hours', 'a time of the run, at most 114 years in');
/** A time strictly after the start. */
export const laterTime = above(0, MAX_HOURS, 'hours', 'a time of the run, at most 114 years in');
/** Working hours of one management or review activity; zero is allowed. */
export const activityHours = within(
  0,
  MAX_ACTIVITY_HOURS,
  'hours',
  'the working hours of one activity',
);
/** A task's estimate. */
export const estimateHours = within(
  MIN_DURATION_HOURS,
  MAX_ESTIMATE_HOURS,
  'hours',
  'a task estimate, from 3 minutes to 10,000 hours',
);
/** An SLA: hours a task may stay in a state. */
export const slaHours = within(
  MIN_DURATION_HOURS,
  MAX_HOURS,
  'hours',
  'an SLA shorter than 3 minutes breaches on every visit',
);
/** A price in USD per unit (an hour, a million tokens). */
export const price = within(0, 1_000_000, 'USD', 'a price per unit');
/** A budget in USD. */
export const budget = above(0, 1e12, 'USD', 'a budget');
