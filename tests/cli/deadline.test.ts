// A forecast's deadline in hours: --deadline as given, --date as the end of that day counted from
// --start, the Monday of day 0.

import { describe, expect, it } from 'vitest';
import { deadlineOf } from '../../src/cli/deadline.ts';

describe('the deadline', () => {
  it('is --deadline as given, or none', () => {
    expect(deadlineOf({ deadline: 612.5 })).toBe(612.5);
    expect(deadlineOf({})).toBeUndefined();
  });

  it('is the end of --date on the org’s clock, day 0 being --start', () => {
    // 2027-01-04 is a Monday. Its own end is hour 24; Friday the 8th ends at 5 × 24 = 120;
    // 2027-02-01 is 28 days on, ending at 29 × 24 = 696. 2028-02-28 is a Monday; across the leap
    // day, 2028-03-01 is 2 days on, ending at 3 × 24 = 72.
    expect(deadlineOf({ start: '2027-01-04', date: '2027-01-04' })).toBe(24);
    expect(deadlineOf({ start: '2027-01-04', date: '2027-01-08' })).toBe(120);
    expect(deadlineOf({ start: '2027-01-04', date: '2027-02-01' })).toBe(696);
    expect(deadlineOf({ start: '2028-02-28', date: '2028-03-01' })).toBe(72);
  });

  it('refuses what is not a date, a start that is not a Monday, and a date before the start', () => {
    expect(() => deadlineOf({ start: '2027-01-05', date: '2027-01-08' })).toThrow(
      /--start 2027-01-05 is a Tuesday: day 0 of the org's calendar is a Monday/,
    );
    expect(() => deadlineOf({ start: '2027-01-04', date: '2027-02-30' })).toThrow(
      /--date takes a date as YYYY-MM-DD, got "2027-02-30"/,
    );
    expect(() => deadlineOf({ start: '4 Jan 2027', date: '2027-02-01' })).toThrow(
      /--start takes a date as YYYY-MM-DD/,
    );
    expect(() => deadlineOf({ date: '2027-02-01' })).toThrow(/needs --start YYYY-MM-DD/);
    expect(() => deadlineOf({ start: '2027-01-04' })).toThrow(/--start goes with --date/);
    expect(() => deadlineOf({ deadline: 5, date: '2027-02-01' })).toThrow(/not both/);
    expect(() => deadlineOf({ start: '2027-01-11', date: '2027-01-04' })).toThrow(
      /is before --start/,
    );
  });
});
