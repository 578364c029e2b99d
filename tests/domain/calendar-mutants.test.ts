// Edges of src/domain/calendar.ts that the reference-based suites do not reach: the wording of a
// bad calendar, the always-on shortcut, zero or negative work, reversed intervals, and holidays
// on a long walk in a time zone behind the org's clock.

import { describe, expect, it } from 'vitest';
import {
  ALWAYS,
  type Calendar,
  calendarProblems,
  DAY_NAMES,
  type DayName,
  finishTime,
  isWorking,
  nextChange,
  OFFICE_HOURS,
  OFFICE_WEEKDAYS,
  workingHoursBetween,
  workStart,
} from '../../src/domain/calendar.ts';

describe('calendar edges', () => {
  it('names each unknown working day and lists the valid ones', () => {
    const typo = {
      ...OFFICE_WEEKDAYS,
      workingDays: ['mon', 'funday', 'Tue'] as unknown as readonly DayName[],
    };
    expect(calendarProblems(typo)).toEqual([
      'names an unknown working day "funday": use mon, tue, wed, thu, fri, sat, sun',
      'names an unknown working day "Tue": use mon, tue, wed, thu, fri, sat, sun',
    ]);
  });

  it('never stops when every day is listed and the holiday list is empty', () => {
    // Same as ALWAYS: no window edge ever comes, so the next change is at infinity.
    const listed: Calendar = { ...ALWAYS, workingDays: DAY_NAMES };
    const noHolidays: Calendar = { ...ALWAYS, holidays: [] };
    expect(nextChange(3, listed)).toBe(Number.POSITIVE_INFINITY);
    expect(nextChange(3, noHolidays)).toBe(Number.POSITIVE_INFINITY);
    // A single holiday does stop it: day 0's window [0, 24) ends at 24.
    expect(nextChange(3, { ...ALWAYS, holidays: [1] })).toBe(24);
  });

  it('keeps an always-on agent working at every instant, even an ulp before its local midnight', () => {
    // UTC+14: local midnight is org 10:00. t = 10 − 2⁻⁴⁹ is the double just below 10 (ulp 2⁻⁴⁹
    // in [8, 16)); t + 14 = 24 − 2⁻⁴⁹ lies half-way between doubles of [16, 32) (ulp 2⁻⁴⁸) and
    // rounds to even, 24. A day-by-day window search would put t on local day 1, whose window
    // opens at 10 > t. The agent never stops, so t is working, work starts at t, and an hour
    // of clock is an hour of work: (t + 1) − t = 1 exactly (both in [8, 16), no rounding).
    const agent: Calendar = { ...ALWAYS, utcOffsetHours: 14 };
    const t = 10 - 2 ** -49;
    expect(t).toBeLessThan(10);
    expect(isWorking(t, agent)).toBe(true);
    expect(workStart(t, agent)).toBe(t);
    expect(workingHoursBetween(t, t + 1, agent)).toBe(1);
    expect(finishTime(t, 1, agent)).toBe(t + 1);
  });

  it('finishes no work (or negative work) at once, even outside working hours', () => {
    // 20:00 is after the 09:00–17:00 window: with nothing to do, nothing waits for 09:00.
    expect(finishTime(20, 0, OFFICE_HOURS)).toBe(20);
    expect(finishTime(20, -3, OFFICE_HOURS)).toBe(20);
    // Saturday noon (5 × 24 + 12 = 132) on weekdays: still done at once.
    expect(finishTime(132, 0, OFFICE_WEEKDAYS)).toBe(132);
    expect(finishTime(3, 0, ALWAYS)).toBe(3);
    expect(finishTime(3, -2, ALWAYS)).toBe(3);
  });

  it('counts no working hours in an empty or reversed interval', () => {
    expect(workingHoursBetween(10, 5, ALWAYS)).toBe(0);
    expect(workingHoursBetween(7, 7, ALWAYS)).toBe(0);
    expect(workingHoursBetween(15, 10, OFFICE_HOURS)).toBe(0);
  });

  it('keeps a holiday right after the first window on a year-long walk at UTC−12', () => {
    // 24 h a day at local 00:00, UTC−12: day d's window is org [24d + 12, 24d + 36). Day 1 is a
    // holiday. 53 weeks of work (53 × 168 = 8,904 h) is 371 days of 24 h; from day 0's opening
    // (org 12:00) they are days 0 and 2–371, so the last window ends at 24 × 371 + 36 = 8,940.
    // Skipping whole weeks right after day 0 would jump over the holiday and finish a day early.
    const behind: Calendar = { hoursPerDay: 24, startHour: 0, utcOffsetHours: -12, holidays: [1] };
    expect(finishTime(12, 53 * 168, behind)).toBe(8940);
    // And the other way: from 12:00 to 8,940 there are the 8,904 working hours again.
    expect(workingHoursBetween(12, 8940, behind)).toBe(53 * 168);
  });
});
