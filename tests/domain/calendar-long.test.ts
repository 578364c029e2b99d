// Long walks over a calendar jump whole weeks: the answers stay those of a brute-force reference
// that steps every quarter hour, and a calendar of a few nanoseconds a day no longer spins.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Calendar, finishTime, workingHoursBetween } from '../../src/domain/calendar.ts';
import { calendars, quarters } from './calendar-arbitraries.ts';
import { finishTimeRef, workingHoursBetweenRef } from './calendar-reference.ts';

const WEEK = 168;
const perWeek = (c: Calendar) => c.hoursPerDay * (c.workingDays?.length ?? 7);

describe('walks of more than a year of windows', () => {
  it('finish work where a quarter-hour reference does, holidays and time zones included', () => {
    fc.assert(
      fc.property(
        calendars,
        quarters(0, WEEK * 3),
        fc.integer({ min: 53, max: 90 }),
        quarters(0, 24),
        (calendar, from, weeks, extra) => {
          const work = weeks * perWeek(calendar) + extra;
          expect(finishTime(from, work, calendar)).toBe(finishTimeRef(from, work, calendar, 1 / 4));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('count the working hours between two instants as a quarter-hour reference does', () => {
    fc.assert(
      fc.property(
        calendars,
        quarters(0, WEEK * 3),
        quarters(WEEK * 53, WEEK * 90),
        (calendar, from, span) => {
          expect(workingHoursBetween(from, from + span, calendar)).toBe(
            workingHoursBetweenRef(from, from + span, calendar, 1 / 4),
          );
        },
      ),
      { numRuns: 100 },
    );
  });

  it('worked out by hand: 4,000 h on office hours, Monday to Friday, with a holiday', () => {
    const office: Calendar = {
      hoursPerDay: 8,
      startHour: 9,
      workingDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
    };
    // 100 weeks of 40 h: the last window is Friday of week 99, 09:00–17:00.
    expect(finishTime(0, 4000, office)).toBe(99 * WEEK + 4 * 24 + 17);
    // One holiday (the Wednesday of week 0) takes one more working day: Monday of week 100.
    expect(finishTime(0, 4000, { ...office, holidays: [2] })).toBe(100 * WEEK + 17);
    expect(workingHoursBetween(0, 100 * WEEK, office)).toBe(4000);
    // 24 h a day, day 1 off: the window of day 0 ends as the holiday's would open. 53 weeks of
    // work is 371 days, and the holiday makes it 372.
    expect(finishTime(0, 53 * WEEK, { hoursPerDay: 24, startHour: 0, holidays: [1] })).toBe(
      372 * 24,
    );
    expect(workingHoursBetween(0, 100 * WEEK, { ...office, holidays: [2] })).toBe(3992);
  });

  it('takes no time to walk a calendar of a nanosecond a day, which used to spin forever', () => {
    const tiny: Calendar = { hoursPerDay: 2 ** -30, startHour: 0 };
    const started = performance.now();
    // 2^28 windows of 2^-30 h make a quarter hour: the last one opens on day 2^28 − 1. So far from
    // 0 the clock cannot tell a nanosecond: the instants are right to the day, the hours to a
    // few windows.
    expect(Math.abs(finishTime(0, 0.25, tiny) - (2 ** 28 - 1) * 24)).toBeLessThan(24);
    expect(workingHoursBetween(0, 2 ** 28 * 24, tiny)).toBeCloseTo(0.25, 6);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
