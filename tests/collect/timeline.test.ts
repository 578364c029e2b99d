// The timeline readers on hand-written logs: records by type, the run's start and end, each task's
// life, absences and overtime, and the hours a person had or a slice of work spent in a window.
// Every expected value was worked out by hand from the log above it.

import { describe, expect, it } from 'vitest';
import {
  absences,
  availableHours,
  calendarAt,
  runEnd as endOf,
  hoursWithin,
  interrupted,
  LogView,
  ofType,
  runStart as startOf,
  timelines,
  workingHoursOf,
} from '../../src/collect/timeline.ts';
import { ALWAYS } from '../../src/domain/calendar.ts';
import type { LogRecord } from '../../src/log/event-log.ts';
import {
  gate,
  hire,
  ic,
  LEADS,
  move,
  OFFICE,
  outage,
  overtime,
  ready,
  received,
  requirementChanged,
  runEnd,
  runStart,
  tactical,
  work,
} from './log-builder.ts';

describe('ofType', () => {
  it('gives the records of one type in log order, and none for a type the log lacks', () => {
    const a = work(2, 'ic-1', 'execute', 0, 0, 'T1');
    const b = work(5, 'ic-1', 'execute', 2, 2, 'T2');
    const log = [runStart([ic('ic-1', 'backend')]), a, outage(3, 'ic-1', 'start'), b];
    expect(ofType(log, 'work')).toEqual([a, b]);
    expect(ofType(log, 'hire')).toEqual([]);
  });

  it('reads a view of a log once: asked twice, it gives the very same array', () => {
    const view = new LogView([runStart([]), work(2, 'ic-1', 'execute', 0, 0, 'T1')]);
    expect(ofType(view, 'work')).toBe(view.ofType('work'));
    expect(view.ofType('work')).toHaveLength(1);
    expect(view.ofType('hire')).toEqual([]);
  });

  it('reads a growing log again once it has more records', () => {
    const a = work(2, 'ic-1', 'execute', 0, 0, 'T1');
    const b = work(4, 'ic-1', 'execute', 2, 2, 'T2');
    const log: LogRecord[] = [runStart([]), a];
    expect(ofType(log, 'work')).toEqual([a]);
    log.push(b);
    expect(ofType(log, 'work')).toEqual([a, b]);
  });
});

describe('runStart and runEnd', () => {
  it('finds the run.start record wherever it is', () => {
    const log = [received(0, 'I1'), runStart([]), runEnd(3)];
    expect(startOf(log)).toBe(log[1]);
  });

  it('says what is wrong with a log that has no run.start', () => {
    const log = [received(0, 'I1'), runEnd(3)];
    expect(() => startOf(log)).toThrow(
      'This event log has no run.start record: it was not written by orgsim, or is cut.',
    );
  });

  it('ends the run at the last record, or at 0 for an empty log', () => {
    expect(endOf([runStart([]), received(2, 'I1'), work(7.5, 'ic-1', 'execute', 2, 2)])).toBe(7.5);
    expect(endOf([])).toBe(0);
  });
});

/**
 * I1 planned at 1 into T1 (4 h), T2 (2 h, after T1) and T3 (1 h). At 2 a requirement change
 * rescales T1 to 6 h and names GHOST, a task no plan has; at 2.5 another changes nothing.
 *   T1: released 3 (PENDING 3–4), IN_PLANNING 4–5, ASSIGNED to ic-1 at 5 (5–6), IN_PROGRESS 6–9
 *       (the transition names ic-1 again, but only an ASSIGNED one makes a holder), UNDER_REVIEW
 *       9–10, rejected at 10 and back to ASSIGNED with no assignee (10–10, no new holder),
 *       IN_PROGRESS 10–12, COMPLETED at 12: no visit left open.
 *       Executed 6–9 and 10–12 = 5 h (the peer review and the EM's task-less rebalance not counted).
 *   T2: released 12, IN_PLANNING 13–14, ASSIGNED to ic-2 at 14, IN_PROGRESS from 15 until the
 *       run ends at 20, still open.
 *   T3: never released: no visits, no holders.
 *   GHOST is released and moved, but not planned: it has no timeline, and reading it is harmless.
 */
function taskLog(): LogRecord[] {
  return [
    runStart([...LEADS, ic('ic-1', 'backend'), ic('ic-2', 'backend')]),
    tactical(1, 'I1', 'I1-S1', [
      { id: 'T1', estimateHours: 4 },
      { id: 'T2', estimateHours: 2, dependsOn: ['T1'] },
      { id: 'T3', estimateHours: 1 },
    ]),
    requirementChanged(2, 'I1', {
      factor: 1.5,
      tasks: [
        { id: 'T1', estimateHours: 6 },
        { id: 'GHOST', estimateHours: 9 },
      ],
    }),
    requirementChanged(2.5, 'I1'),
    move(3, 'T1', null, 'PENDING'),
    ready(3, 'T1'),
    ready(3, 'GHOST'),
    move(3, 'GHOST', null, 'PENDING'),
    move(4, 'T1', 'PENDING', 'IN_PLANNING'),
    move(5, 'T1', 'IN_PLANNING', 'ASSIGNED', 'ic-1'),
    move(6, 'T1', 'ASSIGNED', 'IN_PROGRESS', 'ic-1'),
    work(9, 'ic-1', 'execute', 6, 6, 'T1'),
    move(9, 'T1', 'IN_PROGRESS', 'UNDER_REVIEW'),
    work(10, 'ic-2', 'peerReview', 9, 9, 'T1'),
    gate(10, 'T1', 'rejected', 'ic-2'),
    move(10, 'T1', 'UNDER_REVIEW', 'ASSIGNED'),
    move(10, 'T1', 'ASSIGNED', 'IN_PROGRESS'),
    work(11, 'em', 'rebalance', 10, 10),
    work(11, 'ic-2', 'execute', 10, 10, 'GHOST'),
    work(12, 'ic-1', 'execute', 10, 10, 'T1'),
    move(12, 'T1', 'IN_PROGRESS', 'COMPLETED'),
    move(12, 'T2', null, 'PENDING'),
    ready(12, 'T2'),
    move(13, 'T2', 'PENDING', 'IN_PLANNING'),
    move(14, 'T2', 'IN_PLANNING', 'ASSIGNED', 'ic-2'),
    move(15, 'T2', 'ASSIGNED', 'IN_PROGRESS'),
    runEnd(20, 'horizon', 1),
  ];
}

describe('timelines, by hand', () => {
  it('has a timeline for each planned task, and none for a task no plan lists', () => {
    expect([...timelines(taskLog()).keys()]).toEqual(['T1', 'T2', 'T3']);
  });

  it('reads a completed task: its plan, rescaled estimate, visits, holder, work and rejection', () => {
    expect(timelines(taskLog()).get('T1')).toEqual({
      id: 'T1',
      instruction: 'I1',
      strategic: 'I1-S1',
      team: 'team-1',
      domain: 'backend',
      estimateHours: 6,
      dependsOn: [],
      priority: 2,
      plannedAt: 1,
      releasedAt: 3,
      startedAt: 6,
      endedAt: 12,
      outcome: 'COMPLETED',
      visits: [
        { state: 'PENDING', from: 3, to: 4 },
        { state: 'IN_PLANNING', from: 4, to: 5 },
        { state: 'ASSIGNED', from: 5, to: 6 },
        { state: 'IN_PROGRESS', from: 6, to: 9 },
        { state: 'UNDER_REVIEW', from: 9, to: 10 },
        { state: 'ASSIGNED', from: 10, to: 10 },
        { state: 'IN_PROGRESS', from: 10, to: 12 },
      ],
      holders: [{ t: 5, person: 'ic-1' }],
      workedHours: 5,
      rejected: 1,
    });
  });

  it('keeps the planned estimate of a task the change did not rescale, and closes its open visit at the run end', () => {
    const t2 = timelines(taskLog()).get('T2');
    expect(t2?.estimateHours).toBe(2);
    expect(t2?.dependsOn).toEqual(['T1']);
    expect([t2?.releasedAt, t2?.startedAt, t2?.endedAt, t2?.outcome]).toEqual([12, 15, null, null]);
    expect(t2?.visits).toEqual([
      { state: 'PENDING', from: 12, to: 13 },
      { state: 'IN_PLANNING', from: 13, to: 14 },
      { state: 'ASSIGNED', from: 14, to: 15 },
      { state: 'IN_PROGRESS', from: 15, to: 20 },
    ]);
    expect(t2?.holders).toEqual([{ t: 14, person: 'ic-2' }]);
    expect([t2?.workedHours, t2?.rejected]).toEqual([0, 0]);
  });

  it('leaves a task never released with no visits and no holders', () => {
    const t3 = timelines(taskLog()).get('T3');
    expect(t3?.visits).toEqual([]);
    expect(t3?.holders).toEqual([]);
    expect([t3?.team, t3?.releasedAt, t3?.estimateHours]).toEqual([null, null, 1]);
  });

  it('reads a view of a log once: asked twice, it gives the very same map', () => {
    const view = new LogView(taskLog());
    expect(timelines(view)).toBe(view.timelines());
    expect([...view.timelines().keys()]).toEqual([...timelines(taskLog()).keys()]);
  });

  it('reads a growing log again once it has more records', () => {
    const log = taskLog();
    // T3 has no visit yet; released at 20, it is PENDING from 20 to the new end, 20.
    expect(timelines(log).get('T3')?.releasedAt).toBeNull();
    log.push(move(20, 'T3', null, 'PENDING'));
    expect(timelines(log).get('T3')?.releasedAt).toBe(20);
    expect(timelines(log).get('T3')?.visits).toEqual([{ state: 'PENDING', from: 20, to: 20 }]);
  });
});

/**
 * Run end 50.
 *   ic-1: out 5–8, and from 30 to the end (50); overtime 12 h a day 10–20, and 10 h a day from 40
 *         to the end (50).
 *   ic-2: out from 42 to the end; overtime 11 h a day from 45 to the end: open ones only.
 *   ic-3: an overtime end at 2 with no start (ignored); hired at 4; an outage end at 46 with no
 *         start: an outage of no length, 46–46.
 */
function absenceLog(): LogRecord[] {
  return [
    runStart([...LEADS, ic('ic-1', 'backend'), ic('ic-2', 'backend'), ic('ic-3', 'backend')]),
    overtime(2, 'ic-3', 'end', 10),
    hire(4, 'ic-3', 'backend'),
    outage(5, 'ic-1', 'start'),
    outage(8, 'ic-1', 'end'),
    overtime(10, 'ic-1', 'start', 12),
    overtime(20, 'ic-1', 'end', 12),
    outage(30, 'ic-1', 'start'),
    overtime(40, 'ic-1', 'start', 10),
    outage(42, 'ic-2', 'start'),
    overtime(45, 'ic-2', 'start', 11),
    outage(46, 'ic-3', 'end'),
    runEnd(50, 'horizon'),
  ];
}

describe('absences, by hand', () => {
  it('pairs outage starts with ends, and runs one still open to the end of the run', () => {
    expect(absences(absenceLog()).outages).toEqual(
      new Map([
        [
          'ic-1',
          [
            [5, 8],
            [30, 50],
          ],
        ],
        ['ic-2', [[42, 50]]],
        ['ic-3', [[46, 46]]],
      ]),
    );
  });

  it('pairs overtime starts with ends, ignores an end with no start, and runs an open one to the end', () => {
    expect(absences(absenceLog()).overtime).toEqual(
      new Map([
        [
          'ic-1',
          [
            [10, 20, 12],
            [40, 50, 10],
          ],
        ],
        ['ic-2', [[45, 50, 11]]],
      ]),
    );
  });

  it('notes when each person was hired', () => {
    expect(absences(absenceLog()).hired).toEqual(new Map([['ic-3', 4]]));
  });
});

describe('calendarAt', () => {
  it("gives the overtime's hours from its start, up to but not at its end", () => {
    const log = [
      runStart([]),
      overtime(10, 'ic-1', 'start', 12),
      overtime(20, 'ic-1', 'end', 12),
      runEnd(30),
    ];
    const away = absences(log);
    const p = ic('ic-1', 'backend', OFFICE);
    const longer = { hoursPerDay: 12, startHour: 9 };
    // Overtime covers [10, 20): 5 before, 20 and 25 after are on the person's own calendar.
    expect(calendarAt(away, p, 5)).toEqual(OFFICE);
    expect(calendarAt(away, p, 10)).toEqual(longer);
    expect(calendarAt(away, p, 15)).toEqual(longer);
    expect(calendarAt(away, p, 20)).toEqual(OFFICE);
    expect(calendarAt(away, p, 25)).toEqual(OFFICE);
    expect(calendarAt(away, ic('ic-2', 'backend', OFFICE), 15)).toEqual(OFFICE);
  });
});

describe('workingHoursOf and availableHours', () => {
  /**
   * ic-1 on 09:00–17:00 every day, hired at 20 (day 0, 20:00), out 33–35 (day 1, 09:00–11:00)
   * and 66–72, with overtime of 10 h a day over day 2 (48–72: 09:00–19:00, i.e. 57–67).
   */
  function officeLog(): LogRecord[] {
    return [
      runStart([ic('ic-1', 'backend', OFFICE)]),
      hire(20, 'ic-1', 'backend'),
      outage(33, 'ic-1', 'start'),
      outage(35, 'ic-1', 'end'),
      overtime(48, 'ic-1', 'start', 10),
      outage(66, 'ic-1', 'start'),
      overtime(72, 'ic-1', 'end', 10),
      outage(72, 'ic-1', 'end'),
      runEnd(80),
    ];
  }

  it('adds the overtime hours that fall in the window to the calendar', () => {
    const away = absences(officeLog());
    const p = ic('ic-1', 'backend', OFFICE);
    // Days 0–2: 3 × 8 = 24, plus day 2's overtime 10 − 8 = 2.
    expect(workingHoursOf(away, p, 0, 72)).toBe(26);
    // Days 0–1 only: the overtime lies after the window and adds nothing.
    expect(workingHoursOf(away, p, 0, 48)).toBe(16);
    // Day 2 from 60: 60–67 under overtime = 7 (the own calendar would give 60–65 = 5).
    expect(workingHoursOf(away, p, 60, 80)).toBe(7);
  });

  it('takes the outages and the time before the hire off', () => {
    const away = absences(officeLog());
    const p = ic('ic-1', 'backend', OFFICE);
    // 26 − outage 33–35 (2) − outage 66–72 (overtime's 66–67: 1) − before the hire 0–20 (9–17: 8).
    expect(availableHours(away, p, 0, 72)).toBe(15);
    // Before the hire there is nothing: 9–12 worked, all of it before 20.
    expect(availableHours(away, p, 0, 12)).toBe(0);
  });
});

describe('hoursWithin', () => {
  it('gives a slice that lies inside the window its own hours, calendar or not', () => {
    // 2–5 inside [0, 10], worked 2.5 h of it: the slice's hours, not the clock's.
    expect(hoursWithin({ startedAt: 2, t: 5, hours: 2.5 }, 0, 10, undefined)).toBe(2.5);
    // Bounds are inclusive: starting at `from` or ending at `to` is inside.
    expect(hoursWithin({ startedAt: 0, t: 5, hours: 4 }, 0, 10, undefined)).toBe(4);
    expect(hoursWithin({ startedAt: 2, t: 10, hours: 7 }, 0, 10, undefined)).toBe(7);
  });

  it("counts the calendar's working hours of the part of a slice inside the window", () => {
    // 8–20 on 09:00–17:00 (8 h worked); inside [0, 12] is 8–12, of which 9–12 is worked: 3.
    expect(hoursWithin({ startedAt: 8, t: 20, hours: 8 }, 0, 12, OFFICE)).toBe(3);
    // 2–12 around the clock, inside [4, 10]: 6.
    expect(hoursWithin({ startedAt: 2, t: 12, hours: 10 }, 4, 10, ALWAYS)).toBe(6);
  });

  it('gives nothing for a slice across the window when there is no calendar to split it by', () => {
    expect(hoursWithin({ startedAt: 2, t: 12, hours: 10 }, 0, 10, undefined)).toBe(0);
  });
});

describe('interrupted', () => {
  it('is true for slices that went back on the desk: paused, preempted, outage, held', () => {
    expect(interrupted({ outcome: 'paused' })).toBe(true);
    expect(interrupted({ outcome: 'preempted' })).toBe(true);
    expect(interrupted({ outcome: 'outage' })).toBe(true);
    expect(interrupted({ outcome: 'held' })).toBe(true);
  });

  it('is false for slices that finished or were dropped', () => {
    expect(interrupted({ outcome: 'finished' })).toBe(false);
    expect(interrupted({ outcome: 'dropped' })).toBe(false);
    expect(interrupted({ outcome: '' })).toBe(false);
  });
});
