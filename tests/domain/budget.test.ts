import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Accrual, crossingTime } from '../../src/domain/budget.ts';
import {
  ALWAYS,
  OFFICE_HOURS,
  OFFICE_WEEKDAYS,
  workingHoursBetween,
} from '../../src/domain/calendar.ts';
import { calendars, quarters } from './calendar-arbitraries.ts';
import { isWorkingRef } from './calendar-reference.ts';

/**
 * The crossing found the slow way: a quarter hour at a time (the rate is constant inside each,
 * read off the brute-force calendar), then solved linearly inside the quarter where it happens.
 */
function crossingRef(now: number, spent: number, active: readonly Accrual[], target: number) {
  if (spent >= target) return now;
  for (let t = now; ; t += 0.25) {
    let rate = 0;
    for (const a of active) if (isWorkingRef(t + 0.125, a.calendar)) rate += a.usdPerHour;
    if (spent + rate * 0.25 >= target) return t + (target - spent) / rate;
    spent += rate * 0.25;
  }
}

describe('crossingTime', () => {
  it('solves a straight line when everyone works around the clock', () => {
    // $10/h + $5/h from t = 2 with $100 spent: $60 more to $160 takes 60 / 15 = 4 h.
    const active = [
      { usdPerHour: 10, calendar: ALWAYS },
      { usdPerHour: 5, calendar: ALWAYS },
    ];
    expect(crossingTime(2, 100, active, 160)).toBe(6);
  });

  it('waits out the nights of office hours', () => {
    // $10/h, 09:00–17:00. From 16:00: $10 by 17:00, nothing overnight, then $20 more takes 2 h
    // from 09:00 next day (t = 33): $30 at t = 35.
    expect(crossingTime(16, 0, [{ usdPerHour: 10, calendar: OFFICE_HOURS }], 30)).toBe(35);
  });

  it('adds the rates of whoever is working in each stretch', () => {
    // An agent at $6/h all day and a person at $12/h 09:00–17:00, from midnight: $54 by 09:00,
    // then $18/h: $36 more to $90 takes 2 h, so 11:00.
    const active = [
      { usdPerHour: 6, calendar: ALWAYS },
      { usdPerHour: 12, calendar: OFFICE_HOURS },
    ];
    expect(crossingTime(0, 0, active, 90)).toBe(11);
  });

  it('skips weekends', () => {
    // $8/h, 09:00–17:00 Monday to Friday, from Friday 16:00 (day 4): $8 by 17:00, then Monday
    // (day 7) 09:00 = t 177: $16 more takes 2 h, t = 179.
    const friday = 4 * 24 + 16;
    expect(crossingTime(friday, 0, [{ usdPerHour: 8, calendar: OFFICE_WEEKDAYS }], 24)).toBe(179);
  });

  it('gives up at `until` when the crossing lies beyond it', () => {
    // $10/h from t = 0: $100 at t = 10.
    const active = [{ usdPerHour: 10, calendar: ALWAYS }];
    expect(crossingTime(0, 0, active, 100, 9.5)).toBeNull();
    expect(crossingTime(0, 0, active, 100, 10)).toBe(10);
    // Office hours: $80 by 17:00, then nothing until t = 33; $90 comes at t = 34.
    const office = [{ usdPerHour: 10, calendar: OFFICE_HOURS }];
    expect(crossingTime(0, 0, office, 90, 30)).toBeNull();
    expect(crossingTime(0, 0, office, 90, 40)).toBe(34);
  });

  it('is now when the target is already reached, and never with no one spending', () => {
    expect(crossingTime(5, 80, [{ usdPerHour: 1, calendar: ALWAYS }], 80)).toBe(5);
    expect(crossingTime(5, 10, [], 80)).toBeNull();
    expect(crossingTime(5, 10, [{ usdPerHour: 0, calendar: ALWAYS }], 80)).toBeNull();
  });

  it('matches a brute-force walk over any calendars, and lands where the spend is the target', () => {
    const accruals = fc.array(
      fc.record({ usdPerHour: fc.integer({ min: 0, max: 20 }), calendar: calendars }),
      { minLength: 1, maxLength: 3 },
    );
    fc.assert(
      fc.property(
        accruals,
        quarters(0, 200),
        fc.integer({ min: 0, max: 50 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (active, now, spent, share) => {
          const total = active.reduce((s, a) => s + a.usdPerHour, 0);
          // Some spending a few working hours away, so the reference walk stays short.
          const target = spent + share * Math.max(total, 1) * 6;
          const at = crossingTime(now, spent, active, target);
          if (total === 0) {
            expect(at).toBeNull();
            return;
          }
          expect(at).not.toBeNull();
          expect(at as number).toBeCloseTo(crossingRef(now, spent, active, target), 6);
          const reached = active.reduce(
            (s, a) => s + a.usdPerHour * workingHoursBetween(now, at as number, a.calendar),
            spent,
          );
          expect(reached).toBeCloseTo(target, 6);
        },
      ),
      { numRuns: 150 },
    );
  });
});
