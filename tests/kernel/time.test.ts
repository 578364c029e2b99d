// Simulated time in hours: the day an instant falls in, the hour of that day, and how an instant
// is printed for people.

import { describe, expect, it } from 'vitest';
import { dayOf, formatTime, hourOfDay } from '../../src/kernel/time.ts';

describe('simulated time', () => {
  it('puts an instant in its day and hour: day 0 starts at t = 0', () => {
    expect([0, 23.99, 24, 27.5, 49].map(dayOf)).toEqual([0, 0, 1, 1, 2]);
    // 27.5 h is 03:30 on day 1; 49 h is 01:00 on day 2.
    expect(hourOfDay(27.5)).toBe(3.5);
    expect(hourOfDay(49)).toBe(1);
    expect(hourOfDay(24)).toBe(0);
  });

  it('prints an instant with its day and clock time, minutes rounded', () => {
    expect(formatTime(27.5)).toBe('27.5h (day 1, 03:30)');
    expect(formatTime(0)).toBe('0h (day 0, 00:00)');
    // 23 h 20 min, and 10 h 05 min: two-digit hours and minutes.
    expect(formatTime(47 + 1 / 3)).toBe(`${47 + 1 / 3}h (day 1, 23:20)`);
    expect(formatTime(10 + 5 / 60)).toBe(`${10 + 5 / 60}h (day 0, 10:05)`);
    expect(formatTime(Number.POSITIVE_INFINITY)).toBe('Infinityh');
    expect(formatTime(Number.NaN)).toBe('NaNh');
  });
});
