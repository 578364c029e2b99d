import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALWAYS,
  finishTime,
  isWorking,
  OFFICE_HOURS,
  workingHoursBetween,
} from '../../src/domain/calendar.ts';

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
});
