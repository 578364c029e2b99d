import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALWAYS,
  calendarProblems,
  DAY_NAMES,
  finishTime,
  isWorking,
  nextChange,
  OFFICE_HOURS,
  OFFICE_WEEKDAYS,
  workingHoursBetween,
} from '../../src/domain/calendar.ts';
import { calendars, quarters } from './calendar-arbitraries.ts';
import { finishTimeRef, isWorkingRef, workingHoursBetweenRef } from './calendar-reference.ts';

/** `day` (0 is a Monday) at `hour`, in org hours. */
const at = (day: number, hour: number) => day * 24 + hour;

describe('calendar', () => {
  it('runs office hours 09:00–17:00 every day', () => {
    expect(isWorking(8.5, OFFICE_HOURS)).toBe(false);
    expect(isWorking(9, OFFICE_HOURS)).toBe(true);
    expect(isWorking(17, OFFICE_HOURS)).toBe(false);
    expect(finishTime(0, 4, OFFICE_HOURS)).toBe(13);
    expect(finishTime(15, 4, OFFICE_HOURS)).toBe(24 + 11);
    expect(finishTime(10, 20, OFFICE_HOURS)).toBe(48 + 9 + 5);
    expect(workingHoursBetween(0, 48, OFFICE_HOURS)).toBe(16);
  });

  it('names the next edge of the working window: its end inside it, the next start outside', () => {
    expect(nextChange(10, OFFICE_HOURS)).toBe(17);
    expect(nextChange(17, OFFICE_HOURS)).toBe(24 + 9);
    expect(nextChange(3, OFFICE_HOURS)).toBe(9);
    // Friday 17:00 (day 4) → Monday 09:00 (day 7) on weekdays only.
    expect(nextChange(4 * 24 + 17, OFFICE_WEEKDAYS)).toBe(7 * 24 + 9);
    expect(nextChange(3, ALWAYS)).toBe(Number.POSITIVE_INFINITY);
  });

  it('makes working time equal to simulated time for an agent that never stops', () => {
    expect(finishTime(3.25, 10, ALWAYS)).toBe(13.25);
    expect(workingHoursBetween(3, 10, ALWAYS)).toBe(7);
  });

  it('handles a window that runs past midnight', () => {
    const night = { hoursPerDay: 8, startHour: 20 };
    expect(isWorking(2, night)).toBe(true);
    expect(isWorking(5, night)).toBe(false);
    expect(finishTime(0, 4, night)).toBe(4);
    expect(finishTime(4, 1, night)).toBe(21);
    expect(finishTime(22, 8, night)).toBe(24 + 20 + 2);
  });

  it('finishes work exactly when the working hours between start and finish equal the work', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 24 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 1, max: 200 }),
        (hoursPerDay, startHour, from4, work4) => {
          const calendar = { hoursPerDay, startHour };
          const from = from4 / 4;
          const work = work4 / 4;
          const end = finishTime(from, work, calendar);
          expect(end).toBeGreaterThanOrEqual(from + work);
          expect(workingHoursBetween(from, end, calendar)).toBeCloseTo(work, 9);
          expect(isWorking(end - 1e-9, calendar)).toBe(true);
        },
      ),
    );
  });

  describe('with working days, holidays and a time zone (day 0 is a Monday)', () => {
    it('works 09:00–17:00 on weekdays only', () => {
      expect(isWorking(at(4, 16.5), OFFICE_WEEKDAYS)).toBe(true); // Friday afternoon
      expect(isWorking(at(5, 12), OFFICE_WEEKDAYS)).toBe(false); // Saturday noon
      expect(isWorking(at(6, 12), OFFICE_WEEKDAYS)).toBe(false); // Sunday noon
      expect(isWorking(at(7, 9), OFFICE_WEEKDAYS)).toBe(true); // Monday 09:00
      // One week: 5 days × 8 h.
      expect(workingHoursBetween(0, at(7, 0), OFFICE_WEEKDAYS)).toBe(40);
      // Friday 12:00 to Monday 12:00: Friday 12–17 (5 h) + Monday 09–12 (3 h).
      expect(workingHoursBetween(at(4, 12), at(7, 12), OFFICE_WEEKDAYS)).toBe(8);
    });

    it('carries work started on Friday afternoon over the weekend', () => {
      // From Friday 16:00 (4 × 24 + 16 = 112): Friday 16–17 gives 1 h, Saturday and Sunday none,
      // Monday (day 7) 09–17 gives 8 h. So 9 h end on Monday 17:00 = 7 × 24 + 17 = 185, and a
      // tenth hour needs Tuesday (day 8) 09–10: 8 × 24 + 10 = 202.
      expect(finishTime(112, 9, OFFICE_WEEKDAYS)).toBe(185);
      expect(finishTime(112, 10, OFFICE_WEEKDAYS)).toBe(202);
      // Work handed over on Saturday morning (5 × 24 + 10 = 130) starts Monday 09:00 (177).
      expect(finishTime(130, 2, OFFICE_WEEKDAYS)).toBe(177 + 2);
    });

    it('skips holidays, counted in days of the run', () => {
      const wednesdayOff = { ...OFFICE_WEEKDAYS, holidays: [2] };
      expect(isWorking(at(2, 10), wednesdayOff)).toBe(false);
      expect(workingHoursBetween(0, at(7, 0), wednesdayOff)).toBe(32);
      // Tuesday 16:00 (40) + 2 h: Tuesday 16–17, then Thursday 09–10 = 3 × 24 + 10 = 82.
      expect(finishTime(40, 2, wednesdayOff)).toBe(82);
    });

    it('opens the window at startHour local time, moved by the offset', () => {
      const india = { ...OFFICE_WEEKDAYS, utcOffsetHours: 5.5 };
      // Local Monday 09:00 is org 09 − 5.5 = 03:30 on day 0; the window closes at 11:30.
      expect(isWorking(3.4, india)).toBe(false);
      expect(isWorking(3.5, india)).toBe(true);
      expect(isWorking(11.5, india)).toBe(false);
      const pacific = { ...OFFICE_WEEKDAYS, utcOffsetHours: -8 };
      // Local Monday 09:00 is org 17:00; local Friday 09–17 is org Friday 17:00 to Saturday 01:00.
      expect(isWorking(at(0, 16.9), pacific)).toBe(false);
      expect(isWorking(at(5, 0.5), pacific)).toBe(true);
      expect(workingHoursBetween(at(5, 0), at(7, 0), pacific)).toBe(1);
      // From org Saturday 00:00 (120), 3 h: 1 h to 01:00, then local Monday 09:00 = org day 7
      // 17:00 (185) for 2 more: 187.
      expect(finishTime(120, 3, pacific)).toBe(187);
    });

    it('gives a window past midnight to the day it opens on', () => {
      const nights = { hoursPerDay: 8, startHour: 20, workingDays: OFFICE_WEEKDAYS.workingDays };
      // Friday's shift (day 4) runs 20:00 to Saturday 04:00; Sunday's (day 6) is not worked.
      expect(isWorking(at(5, 2), nights)).toBe(true);
      expect(isWorking(at(7, 2), nights)).toBe(false);
      expect(isWorking(at(7, 20), nights)).toBe(true);
      expect(isWorking(at(5, 2), { ...nights, holidays: [4] })).toBe(false);
      // From Saturday 03:00 (123): 1 h to 04:00, then Monday 20:00 (188) for 2 more: 190.
      expect(finishTime(123, 3, nights)).toBe(190);
    });

    it('runs 24 h on worked days only when days are off', () => {
      const mondaysAndFridays = {
        hoursPerDay: 24,
        startHour: 0,
        workingDays: ['mon', 'fri'] as const,
      };
      expect(workingHoursBetween(0, at(7, 0), mondaysAndFridays)).toBe(48);
      // From Monday 12:00, 20 h: Monday's last 12, then Friday (day 4) from 00:00 for 8.
      expect(finishTime(12, 20, mondaysAndFridays)).toBe(at(4, 8));
    });

    it('keeps the O(1) path for an always-on calendar, whatever its offset', () => {
      const listed = { ...ALWAYS, workingDays: DAY_NAMES, holidays: [], utcOffsetHours: 5.5 };
      // A day-by-day walk over 10¹² hours would never return.
      expect(workingHoursBetween(0, 1e12, listed)).toBe(1e12);
      expect(finishTime(3.25, 1e12, listed)).toBe(3.25 + 1e12);
      expect(isWorking(7, listed)).toBe(true);
    });

    it('rejects a calendar with no working day instead of searching for one forever', () => {
      const never = { hoursPerDay: 8, startHour: 9, workingDays: [] };
      expect(calendarProblems(never)).toEqual([
        'has no working day: list at least one day in workingDays',
      ]);
      expect(calendarProblems(OFFICE_WEEKDAYS)).toEqual([]);
      expect(() => finishTime(0, 1, never)).toThrow(/no working day/);
    });
  });

  describe('against a brute-force reference', () => {
    const instants = quarters(0, 24 * 21);

    it('agrees on whether each instant is working, boundaries included', () => {
      fc.assert(
        fc.property(calendars, fc.integer({ min: 0, max: 8 * 24 * 21 }), (calendar, t8) => {
          expect(isWorking(t8 / 8, calendar)).toBe(isWorkingRef(t8 / 8, calendar));
        }),
      );
    });

    it('agrees on the working hours between two instants', () => {
      fc.assert(
        fc.property(calendars, instants, quarters(0, 24 * 14), (calendar, from, span) => {
          expect(workingHoursBetween(from, from + span, calendar)).toBe(
            workingHoursBetweenRef(from, from + span, calendar, 1 / 8),
          );
        }),
      );
    });

    it('agrees on when work finishes', () => {
      fc.assert(
        fc.property(calendars, instants, quarters(0.25, 40), (calendar, from, work) => {
          expect(finishTime(from, work, calendar)).toBe(finishTimeRef(from, work, calendar, 1 / 8));
        }),
      );
    });

    it('finishes when the working hours since the start reach the work, at any instant', () => {
      fc.assert(
        fc.property(
          calendars,
          fc.double({ min: 0, max: 500, noNaN: true }),
          fc.double({ min: 0.01, max: 60, noNaN: true }),
          (calendar, from, work) => {
            const end = finishTime(from, work, calendar);
            expect(workingHoursBetween(from, end, calendar)).toBeCloseTo(work, 9);
            expect(isWorkingRef(end - 1e-6, calendar)).toBe(true);
          },
        ),
      );
    });

    it('adds up: the hours in [a, b] and [b, c] are the hours in [a, c]', () => {
      fc.assert(
        fc.property(
          calendars,
          fc.array(fc.double({ min: -30, max: 800, noNaN: true }), {
            minLength: 3,
            maxLength: 3,
          }),
          (calendar, points) => {
            const [a, b, c] = points.sort((x, y) => x - y) as [number, number, number];
            expect(
              workingHoursBetween(a, b, calendar) + workingHoursBetween(b, c, calendar),
            ).toBeCloseTo(workingHoursBetween(a, c, calendar), 9);
          },
        ),
      );
    });
  });
});
