// The standups on a hand-written log: each IC's yesterday, today and blockers, and each lead's
// roll-up, filed under the day of the call they answer, even when they arrive the next morning.

import { describe, expect, it } from 'vitest';
import { standups } from '../../src/collect/standup.ts';
import type { LogRecord } from '../../src/log/event-log.ts';
import { message, runStart } from './log-builder.ts';

const report = (t: number, from: string, to: string, content?: Record<string, unknown>) =>
  message(t, 'standup', 'standup.report', from, to, content === undefined ? {} : { content });
const rollup = (t: number, from: string, to: string, content: Record<string, unknown>) =>
  message(t, 'standup', 'standup.rollup', from, to, { content });

const blocked = (task: string, type: string, ageHours: number) => ({ task, type, ageHours });

/** What the leads said on days 0 and 1, passed up whole in the TL's roll-up. */
const FRONTEND_0 = {
  day: 0,
  domain: 'frontend',
  reports: 1,
  done: 1,
  planned: 2,
  blockers: [],
  backlog: 0,
  oldestBacklogHours: 0,
};
const BACKEND_0 = {
  day: 0,
  domain: 'backend',
  reports: 2,
  done: 1,
  planned: 2,
  blockers: [blocked('T2', 'dependency', 4.5)],
  backlog: 1,
  oldestBacklogHours: 6,
};
const TEAM_0 = {
  day: 0,
  team: 'team-1',
  leads: [FRONTEND_0, BACKEND_0],
  idle: [],
  biggestBacklog: { domain: 'backend', tasks: 1, oldestHours: 6.25 },
  blockers: [blocked('T2', 'dependency', 5)],
};
const BACKEND_1 = {
  day: 1,
  domain: 'backend',
  reports: 2,
  done: 1,
  planned: 2,
  blockers: [blocked('T3', 'technical', 0.75), blocked('T2', 'dependency', 6.75)],
  backlog: 0,
  oldestBacklogHours: 0,
};
const TEAM_1 = {
  day: 1,
  team: 'team-1',
  leads: [BACKEND_1],
  idle: ['ic-3'],
  biggestBacklog: null,
  blockers: BACKEND_1.blockers,
};
/** A roll-up written without its day (an older log): it falls under the day it was sent, 2. */
const FRONTEND_UNDATED = { domain: 'frontend', reports: 0, done: 0, planned: 0, blockers: [] };

/**
 * Three calls, at 9 on days 0, 1 and 2. Day 0: ic-1 and ic-3 report at once; ic-2's report comes
 * the next morning at 31 (day 1, 07:00), and dl-backend's and the TL's roll-ups after it: all
 * three answer day 0's call and stay under day 0. Day 1: three reports, two roll-ups. Day 2: one
 * report with no content at all (nothing to say) among two others, and an undated roll-up. A
 * delegation, a broadcast and a handoff in between are no standup and appear nowhere.
 */
const LOG: LogRecord[] = [
  runStart([]),
  report(9.25, 'ic-1', 'dl-backend', {
    day: 0,
    person: 'ic-1',
    yesterday: [],
    today: ['T1'],
    blockers: [],
  }),
  report(9.25, 'ic-3', 'dl-frontend', {
    day: 0,
    person: 'ic-3',
    yesterday: ['F0'],
    today: ['F1', 'F2'],
    blockers: [],
  }),
  rollup(9.5, 'dl-frontend', 'tl', FRONTEND_0),
  message(9.5, 'delegation', 'delegate.task', 'dl-backend', 'ic-2', { task: 'T2' }),
  report(31, 'ic-2', 'dl-backend', {
    day: 0,
    person: 'ic-2',
    yesterday: ['T0'],
    today: ['T2'],
    blockers: [blocked('T2', 'dependency', 4.5)],
  }),
  rollup(31.25, 'dl-backend', 'tl', BACKEND_0),
  rollup(31.5, 'tl', 'em', TEAM_0),
  report(33.25, 'ic-1', 'dl-backend', {
    day: 1,
    person: 'ic-1',
    yesterday: ['T1'],
    today: ['T3'],
    blockers: [blocked('T3', 'technical', 0.75)],
  }),
  report(33.25, 'ic-2', 'dl-backend', {
    day: 1,
    person: 'ic-2',
    yesterday: [],
    today: ['T2'],
    blockers: [blocked('T2', 'dependency', 6.75)],
  }),
  report(33.25, 'ic-3', 'dl-frontend', {
    day: 1,
    person: 'ic-3',
    yesterday: ['F1', 'F2'],
    today: [],
    blockers: [],
  }),
  rollup(33.5, 'dl-backend', 'tl', BACKEND_1),
  rollup(33.75, 'tl', 'em', TEAM_1),
  message(34, 'broadcast', 'plan.published', 'tl', 'team/team-1', { recipients: 6 }),
  report(57.25, 'ic-1', 'dl-backend', {
    day: 2,
    person: 'ic-1',
    yesterday: ['T3', 'T4'],
    today: ['T5'],
    blockers: [],
  }),
  report(57.25, 'ic-2', 'dl-backend', {
    day: 2,
    person: 'ic-2',
    yesterday: ['T2'],
    today: [],
    blockers: [],
  }),
  report(57.25, 'ic-3', 'dl-frontend'),
  rollup(57.5, 'dl-frontend', 'tl', FRONTEND_UNDATED),
  message(57.5, 'handoff', 'handoff.request', 'dl-backend', 'dl-frontend', { task: 'T2' }),
  { t: 60, type: 'run.end', reason: 'done', openTasks: 0 },
];

describe('standups, by hand', () => {
  const days = () => standups(LOG);

  it('files every report and roll-up under the day of the call it answers', () => {
    expect(days().map((d) => d.day)).toEqual([0, 1, 2]);
    expect(days().map((d) => d.reports.map((r) => r.person))).toEqual([
      ['ic-1', 'ic-3', 'ic-2'],
      ['ic-1', 'ic-2', 'ic-3'],
      ['ic-1', 'ic-2', 'ic-3'],
    ]);
    expect(days().map((d) => d.rollups.map((r) => r.from))).toEqual([
      ['dl-frontend', 'dl-backend', 'tl'],
      ['dl-backend', 'tl'],
      ['dl-frontend'],
    ]);
  });

  it("passes each IC's yesterday, today and blockers through, to whom it reported", () => {
    expect(days()[0]?.reports).toEqual([
      { person: 'ic-1', to: 'dl-backend', yesterday: [], today: ['T1'], blockers: [] },
      { person: 'ic-3', to: 'dl-frontend', yesterday: ['F0'], today: ['F1', 'F2'], blockers: [] },
      {
        person: 'ic-2',
        to: 'dl-backend',
        yesterday: ['T0'],
        today: ['T2'],
        blockers: [{ task: 'T2', type: 'dependency', ageHours: 4.5 }],
      },
    ]);
    expect(days()[1]?.reports).toEqual([
      {
        person: 'ic-1',
        to: 'dl-backend',
        yesterday: ['T1'],
        today: ['T3'],
        blockers: [{ task: 'T3', type: 'technical', ageHours: 0.75 }],
      },
      {
        person: 'ic-2',
        to: 'dl-backend',
        yesterday: [],
        today: ['T2'],
        blockers: [{ task: 'T2', type: 'dependency', ageHours: 6.75 }],
      },
      { person: 'ic-3', to: 'dl-frontend', yesterday: ['F1', 'F2'], today: [], blockers: [] },
    ]);
  });

  it('reads a report with no content as nothing finished, nothing planned, no blockers', () => {
    expect(days()[2]?.reports).toEqual([
      { person: 'ic-1', to: 'dl-backend', yesterday: ['T3', 'T4'], today: ['T5'], blockers: [] },
      { person: 'ic-2', to: 'dl-backend', yesterday: ['T2'], today: [], blockers: [] },
      { person: 'ic-3', to: 'dl-frontend', yesterday: [], today: [], blockers: [] },
    ]);
  });

  it("passes each lead's roll-up through whole, to whom it went", () => {
    expect(days()[0]?.rollups).toEqual([
      { from: 'dl-frontend', to: 'tl', content: FRONTEND_0 },
      { from: 'dl-backend', to: 'tl', content: BACKEND_0 },
      { from: 'tl', to: 'em', content: TEAM_0 },
    ]);
    expect(days()[1]?.rollups).toEqual([
      { from: 'dl-backend', to: 'tl', content: BACKEND_1 },
      { from: 'tl', to: 'em', content: TEAM_1 },
    ]);
    expect(days()[2]?.rollups).toEqual([
      { from: 'dl-frontend', to: 'tl', content: FRONTEND_UNDATED },
    ]);
  });
});
