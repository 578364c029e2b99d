// Random calendars for property tests, on a quarter-hour grid so that a brute-force reference
// stepping by quarter hours meets every window edge exactly.

import fc from 'fast-check';
import { type Calendar, DAY_NAMES } from '../../src/domain/calendar.ts';

/** Quarter hours from `min` to `max`: every boundary lands on a grid the reference steps exactly. */
export const quarters = (min: number, max: number) =>
  fc.integer({ min: min * 4, max: max * 4 }).map((n) => n / 4);

/** Any valid calendar: some worked weekdays, holidays, an offset, windows that cross midnight. */
export const calendars: fc.Arbitrary<Calendar> = fc.record(
  {
    hoursPerDay: quarters(0.25, 24),
    startHour: quarters(0, 23.75),
    workingDays: fc.subarray([...DAY_NAMES], { minLength: 1 }),
    holidays: fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 12 }),
    utcOffsetHours: quarters(-12, 14),
  },
  { requiredKeys: ['hoursPerDay', 'startHour'] },
);
