// Calendars in a scenario file: weekdays, holidays and time zones set for the org, a team and one
// person reach the people they are meant for, and no one's logged work falls outside their week.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Calendar, DAY_NAMES } from '../../src/domain/calendar.ts';
import type { LogRecord } from '../../src/log/event-log.ts';
import { runSimulation } from '../../src/org/run.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { workingDayAt, workingHoursBetweenRef } from '../domain/calendar-reference.ts';
import { violations } from '../org/log-checks.ts';

const dir = mkdtempSync(join(tmpdir(), 'orgsim-calendars-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
const home: Calendar = { hoursPerDay: 8, startHour: 9, workingDays: WEEKDAYS, holidays: [3] };
const abroad: Calendar = {
  hoursPerDay: 8,
  startHour: 9,
  workingDays: WEEKDAYS,
  holidays: [2, 9],
  utcOffsetHours: 5.5,
};
// Sunday to Thursday nights in UTC−8: each shift runs past local midnight.
const owl: Calendar = {
  hoursPerDay: 8,
  startHour: 20,
  workingDays: ['sun', 'mon', 'tue', 'wed', 'thu'],
  utcOffsetHours: -8,
};

const yaml = `
seed: 7
# Working hours exactly as written: no overtime for the EM to approve.
overtime: null
org:
  calendar: { hoursPerDay: 8, startHour: 9, workingDays: [mon, tue, wed, thu, fri], holidays: [3] }
  teams:
    - id: home
      ics: { backend: 2, frontend: 1, qa: 1 }
    - id: abroad
      calendar:
        hoursPerDay: 8
        startHour: 9
        workingDays: [mon, tue, wed, thu, fri]
        holidays: [2, 9]
        utcOffsetHours: 5.5
      ics: { backend: 2, qa: 1 }
      people:
        - id: owl
          domain: backend
          calendar: { hoursPerDay: 8, startHour: 20, workingDays: [sun, mon, tue, wed, thu], utcOffsetHours: -8 }
instructions:
  - { at: 0, tier: 2, domains: [backend, qa] }
  - { at: 30, tier: 3, domains: [backend, frontend, qa] }
  - { at: 100, tier: 2, domains: [backend, qa] }
events:
  - { type: hire, at: 40, id: late-qa, team: abroad, domain: qa }
`;

/** Whose calendar is whose, as the scenario means it: not read back from the run. */
function meant(person: string): Calendar {
  if (person === 'owl') return owl;
  if (person === 'late-qa' || person.startsWith('abroad/')) return abroad;
  return home;
}

describe('a scenario with weekday calendars', () => {
  const file = join(dir, 'weekdays.yaml');
  writeFileSync(file, yaml);
  const scenario = loadScenario(file);
  const { log } = runSimulation(scenario.config, scenario.name);
  const records = log.records;
  const work = records.filter(
    (r): r is Extract<LogRecord, { type: 'work' }> => r.type === 'work' && r.hours > 0,
  );

  it('runs to the end, sound by every log invariant', () => {
    expect(records.at(-1)).toMatchObject({ type: 'run.end', reason: 'done' });
    expect(violations(scenario.config, records)).toEqual([]);
  });

  it('gives the org’s calendar to everyone, a team’s to its members and hires, and an IC’s own to them', () => {
    const start = records.find((r) => r.type === 'run.start');
    const people = start?.type === 'run.start' ? start.people : [];
    expect(people.map((p) => p.id)).toEqual(expect.arrayContaining(['em', 'abroad/tl', 'owl']));
    for (const p of people) expect(p.calendar, p.id).toEqual(meant(p.id));
    const byCalendar = (c: Calendar) => new Set(work.filter((w) => meant(w.person) === c));
    for (const c of [home, abroad, owl]) expect(byCalendar(c).size).toBeGreaterThan(0);
    expect(work.some((w) => w.person === 'late-qa')).toBe(true);
  });

  it('logs no work on a weekend or holiday of the person’s calendar', () => {
    for (const w of work) {
      const calendar = meant(w.person);
      // The instant a finished slice ended lies in the window of a local day that is worked. (A
      // slice paused by a standup at the hour a window opens ended outside one: it is checked by
      // its hours below.)
      const day = workingDayAt(w.t - 1e-9, calendar);
      if (day === null && w.outcome === 'finished')
        throw new Error(`${w.person} finished at ${w.t}, outside working hours`);
      if (day !== null) {
        expect(calendar.workingDays).toContain(DAY_NAMES[((day % 7) + 7) % 7]);
        expect(calendar.holidays ?? []).not.toContain(day);
      }
      // And every hour it counts lies in such a window, stepped through 3 minutes at a time: the
      // reference is off by at most one step where a window opens or closes, twice a day.
      const step = 1 / 20;
      const windows = Math.ceil((w.t - w.startedAt) / 24) + 1;
      const counted = workingHoursBetweenRef(w.startedAt, w.t, calendar, step);
      expect(Math.abs(w.hours - counted)).toBeLessThanOrEqual(2 * step * windows);
    }
  });
});
