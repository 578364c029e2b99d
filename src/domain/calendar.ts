// Working calendars: when a person's work progresses. A calendar is a daily window of
// `hoursPerDay` hours starting at `startHour`; every day is a working day. 24 hours a day (an AI
// agent) makes working time equal to simulated time.

import { HOURS_PER_DAY, type Hours } from '../kernel/time.ts';

export interface Calendar {
  readonly hoursPerDay: Hours;
  /** Hour of the day the window opens, 0 ≤ startHour < 24. */
  readonly startHour: Hours;
}

export const ALWAYS: Calendar = { hoursPerDay: HOURS_PER_DAY, startHour: 0 };

export const OFFICE_HOURS: Calendar = { hoursPerDay: 8, startHour: 9 };

function alwaysOn(calendar: Calendar): boolean {
  return calendar.hoursPerDay >= HOURS_PER_DAY;
}

/** The working window [start, end) that contains `t` or comes next after it. */
function windowAtOrAfter(t: Hours, calendar: Calendar): [Hours, Hours] {
  const day = Math.floor((t - calendar.startHour) / HOURS_PER_DAY);
  let start = day * HOURS_PER_DAY + calendar.startHour;
  if (t >= start + calendar.hoursPerDay) start += HOURS_PER_DAY;
  return [start, start + calendar.hoursPerDay];
}

export function isWorking(t: Hours, calendar: Calendar): boolean {
  if (alwaysOn(calendar)) return true;
  const [start] = windowAtOrAfter(t, calendar);
  return t >= start;
}

/** The earliest time at which `work` hours of working time after `from` have been done. */
export function finishTime(from: Hours, work: Hours, calendar: Calendar): Hours {
  if (alwaysOn(calendar) || work <= 0) return from + Math.max(work, 0);
  let left = work;
  let t = from;
  for (;;) {
    const [start, end] = windowAtOrAfter(t, calendar);
    const begin = Math.max(t, start);
    const room = end - begin;
    if (left <= room) return begin + left;
    left -= room;
    t = end;
  }
}

/** Working hours inside [from, to]. */
export function workingHoursBetween(from: Hours, to: Hours, calendar: Calendar): Hours {
  if (to <= from) return 0;
  if (alwaysOn(calendar)) return to - from;
  let total = 0;
  let t = from;
  while (t < to) {
    const [start, end] = windowAtOrAfter(t, calendar);
    if (start >= to) break;
    total += Math.min(end, to) - Math.max(t, start);
    t = end;
  }
  return total;
}
