// A brute-force reading of what a calendar means, written without the library's window arithmetic:
// an instant is working when a worked local day's window covers it, and time is counted by
// stepping in small increments. Slow and obviously right, to check src/domain/calendar.ts against.

import { type Calendar, DAY_NAMES } from '../../src/domain/calendar.ts';

/** Whether local day `day` (day 0 a Monday) is worked. */
export function isWorkedDayRef(day: number, calendar: Calendar): boolean {
  const name = DAY_NAMES[((day % 7) + 7) % 7];
  const weekdayWorked = calendar.workingDays?.some((d) => d === name) ?? true;
  return weekdayWorked && !(calendar.holidays ?? []).some((h) => h === day);
}

/** The local day whose window covers org instant `t`, or null when no worked window does. */
export function workingDayAt(t: number, calendar: Calendar): number | null {
  const local = t + (calendar.utcOffsetHours ?? 0);
  const today = Math.floor(local / 24);
  // Yesterday's window may run past midnight into today.
  for (const day of [today - 1, today]) {
    const opens = day * 24 + calendar.startHour;
    if (local >= opens && local < opens + calendar.hoursPerDay && isWorkedDayRef(day, calendar))
      return day;
  }
  return null;
}

export function isWorkingRef(t: number, calendar: Calendar): boolean {
  return workingDayAt(t, calendar) !== null;
}

/** Working hours in [from, to], counted `step` hours at a time by the midpoint of each step. */
export function workingHoursBetweenRef(
  from: number,
  to: number,
  calendar: Calendar,
  step: number,
): number {
  let total = 0;
  for (let t = from; t < to; t += step) {
    const width = Math.min(step, to - t);
    if (isWorkingRef(t + width / 2, calendar)) total += width;
  }
  return total;
}

/** The end of the step in which `work` hours have been worked after `from`. */
export function finishTimeRef(
  from: number,
  work: number,
  calendar: Calendar,
  step: number,
): number {
  let done = 0;
  let t = from;
  while (done < work) {
    if (isWorkingRef(t + step / 2, calendar)) done += step;
    t += step;
  }
  return t;
}
