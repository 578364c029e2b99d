// Working calendars: when a person's work progresses. A calendar is a daily window of
// `hoursPerDay` hours opening at `startHour`, on the worked days of the week minus holidays, in a
// time zone of its own. 24 hours every day (an AI agent) makes working time equal simulated time.

import { HOURS_PER_DAY, type Hours } from '../kernel/time.ts';

/** The days of the week in order; day 0 of a run is a Monday. */
export const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export type DayName = (typeof DAY_NAMES)[number];

export interface Calendar {
  readonly hoursPerDay: Hours;
  /** Local hour of the day the window opens, 0 ≤ startHour < 24. */
  readonly startHour: Hours;
  /** The days of the week that are worked; every day when absent. Never empty. */
  readonly workingDays?: readonly DayName[];
  /** Local days of the run (0-based) that are not worked. */
  readonly holidays?: readonly number[];
  /** Offset of local time from the org's reference clock, −12 to +14; 0 when absent. */
  readonly utcOffsetHours?: Hours;
}

export const ALWAYS: Calendar = { hoursPerDay: HOURS_PER_DAY, startHour: 0 };

export const OFFICE_HOURS: Calendar = { hoursPerDay: 8, startHour: 9 };

export const WEEKDAYS: readonly DayName[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

/** 09:00–17:00, Monday to Friday. */
export const OFFICE_WEEKDAYS: Calendar = { hoursPerDay: 8, startHour: 9, workingDays: WEEKDAYS };

/** What makes a calendar unusable, as sentences; empty when it is fine. */
export function calendarProblems(calendar: Calendar): string[] {
  const problems: string[] = [];
  if (calendar.workingDays?.length === 0)
    problems.push('has no working day: list at least one day in workingDays');
  for (const day of calendar.workingDays ?? []) {
    if (!DAY_NAMES.includes(day))
      problems.push(`names an unknown working day "${day}": use ${DAY_NAMES.join(', ')}`);
  }
  return problems;
}

function everyDayWorked(calendar: Calendar): boolean {
  const days = calendar.workingDays;
  return (
    (days === undefined || DAY_NAMES.every((d) => days.includes(d))) &&
    (calendar.holidays === undefined || calendar.holidays.length === 0)
  );
}

function alwaysOn(calendar: Calendar): boolean {
  return calendar.hoursPerDay >= HOURS_PER_DAY && everyDayWorked(calendar);
}

/** Whether local day `day` (0-based, day 0 a Monday) is worked. */
function isWorkedDay(day: number, calendar: Calendar): boolean {
  const days = calendar.workingDays;
  if (days !== undefined && !days.includes(DAY_NAMES[((day % 7) + 7) % 7] as DayName)) return false;
  return calendar.holidays === undefined || !calendar.holidays.includes(day);
}

/**
 * The working window [start, end) that contains `t` or comes next after it. A window belongs to
 * the local day it opens on, even when it runs past midnight. Non-worked days are skipped whole.
 */
function windowAtOrAfter(t: Hours, calendar: Calendar): [Hours, Hours] {
  // Org time at which day 0's window opens; with no offset this is exactly `startHour`, so
  // calendars without the newer fields compute bit for bit what they always did.
  const origin = calendar.startHour - (calendar.utcOffsetHours ?? 0);
  let day = Math.floor((t - origin) / HOURS_PER_DAY);
  let start = day * HOURS_PER_DAY + origin;
  if (t >= start + calendar.hoursPerDay) {
    day++;
    start += HOURS_PER_DAY;
  }
  // Among 7 × (holidays + 1) days in a row every weekday comes up more often than there are
  // holidays, so a calendar with a working day finds it within that many.
  const limit = 7 * ((calendar.holidays?.length ?? 0) + 1);
  for (let skipped = 0; !isWorkedDay(day, calendar); skipped++) {
    if (skipped > limit)
      throw new RangeError(
        `A calendar with no working day never works: ${JSON.stringify(calendar)}. List at least one day in workingDays.`,
      );
    day++;
    start += HOURS_PER_DAY;
  }
  return [start, start + calendar.hoursPerDay];
}

export function isWorking(t: Hours, calendar: Calendar): boolean {
  if (alwaysOn(calendar)) return true;
  const [start] = windowAtOrAfter(t, calendar);
  return t >= start;
}

/**
 * The next instant after `t` at which the calendar may switch between working and not: the end of
 * the window `t` is in, or the start of the next one. Infinity for a calendar that never stops.
 */
export function nextChange(t: Hours, calendar: Calendar): Hours {
  if (alwaysOn(calendar)) return Number.POSITIVE_INFINITY;
  const [start, end] = windowAtOrAfter(t, calendar);
  return t < start ? start : end;
}

/** The first working instant at or after `t`: when work taken up at `t` really begins. */
export function workStart(t: Hours, calendar: Calendar): Hours {
  if (alwaysOn(calendar)) return t;
  const [start] = windowAtOrAfter(t, calendar);
  return Math.max(t, start);
}

const WEEK: Hours = 7 * HOURS_PER_DAY;

/**
 * Walks longer than this many weeks jump whole weeks at once: every week past the last holiday
 * has the same windows, so a tiny `hoursPerDay` or a huge span costs a few steps, not one per day.
 * Ordinary work (hours to weeks) never comes near it, so its arithmetic is the day-by-day walk's.
 */
const LONG_WALK_WEEKS = 52;

/**
 * How many whole weeks from `t` (a window's end) a walk may skip with `span` still to go (work
 * hours or clock hours, `perWeek` of them a week), leaving at least a week to walk; 0 when short
 * or while holidays lie ahead.
 */
function weeksToSkip(t: Hours, span: number, perWeek: number, calendar: Calendar): number {
  if (!(span > LONG_WALK_WEEKS * perWeek)) return 0;
  const lastHoliday = (calendar.holidays ?? []).reduce((m, d) => Math.max(m, d), -1);
  const origin = calendar.startHour - (calendar.utcOffsetHours ?? 0);
  // The windows still to come open on this day or later (a 24 h window ends as the next opens).
  if (Math.floor((t - origin) / HOURS_PER_DAY) <= lastHoliday) return 0;
  return Math.floor(span / perWeek) - 1;
}

/** Working hours in a week with no holiday. */
function weekHours(calendar: Calendar): Hours {
  return calendar.hoursPerDay * (calendar.workingDays?.length ?? DAY_NAMES.length);
}

/** The earliest time at which `work` hours of working time after `from` have been done. */
export function finishTime(from: Hours, work: Hours, calendar: Calendar): Hours {
  if (alwaysOn(calendar) || work <= 0) return from + Math.max(work, 0);
  const perWeek = weekHours(calendar);
  let left = work;
  let t = from;
  for (;;) {
    const [start, end] = windowAtOrAfter(t, calendar);
    const begin = Math.max(t, start);
    // Far enough from 0 a tiny window is below the clock's resolution (start + hoursPerDay ===
    // start): it still does its hours of work, or the walk would never end.
    const room = end > begin ? end - begin : calendar.hoursPerDay;
    if (left <= room) return begin + left;
    left -= room;
    t = end;
    const weeks = weeksToSkip(t, left, perWeek, calendar);
    left -= weeks * perWeek;
    t += weeks * WEEK;
  }
}

/** Working hours inside [from, to]. */
export function workingHoursBetween(from: Hours, to: Hours, calendar: Calendar): Hours {
  if (to <= from) return 0;
  if (alwaysOn(calendar)) return to - from;
  const perWeek = weekHours(calendar);
  let total = 0;
  let t = from;
  while (t < to) {
    const [start, end] = windowAtOrAfter(t, calendar);
    if (start >= to) break;
    total += Math.min(end, to) - Math.max(t, start);
    t = end;
    const weeks = weeksToSkip(t, to - t, WEEK, calendar);
    total += weeks * perWeek;
    t += weeks * WEEK;
  }
  return total;
}
