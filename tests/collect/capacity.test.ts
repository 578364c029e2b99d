// The capacity report on a hand-written log: hours available and busy per IC, domain, lead and
// org, the daily forecasts, the oversubscribed periods they add up to, and the rebalances. Every
// figure was worked out by hand (below) before the collector was asked.

import { describe, expect, it } from 'vitest';
import { capacity } from '../../src/collect/capacity.ts';
import { OFFICE_WEEKDAYS } from '../../src/domain/calendar.ts';
import type { LogRecord } from '../../src/log/event-log.ts';
import {
  forecast,
  hire,
  ic,
  LEADS,
  OFFICE,
  outage,
  person,
  rebalance,
  received,
  runEnd,
  runStart,
  work,
} from './log-builder.ts';

/**
 * The window: first arrival 8 → end 84 (day 3, 12:00) = 76 h. Day 0 is a Monday.
 *   ic-b1 (backend, 24 h a day, out 30–40): available 76 − 10 = 66.
 *     execute X 6–10 (2 h inside the window), review Y 12–13 (1), execute Z 13–30 until its outage
 *     (17), a standup 57–57.25 (0.25, neither executing nor reviewing).
 *     busy 2 + 1 + 17 + 0.25 = 20.25, executing 19, reviewing 1; 20.25 / 66 = 0.307.
 *   ic-b2 (backend, 09:00–17:00 every day): available 8 + 8 + 8 + 3 (81–84) = 27.
 *     execute W 9–17 (8), QA validation V 33–35 (2), execute U from 35: 35–41 and 57–59 (8).
 *     busy 18, executing 16, reviewing 2; 18 / 27 = 0.667.
 *   ic-f1 (frontend, 24 h, hired at 44): available 84 − 44 = 40.
 *     execute F 44–54 (10), review G 60–62 (2): busy 12, executing 10, reviewing 2; 12 / 40 = 0.3.
 *   domains: backend 66 + 27 = 93 available, 20.25 + 18 = 38.25 busy, 0.411; frontend 40, 12, 0.3.
 *   org (ICs): 133 available, 50.25 busy, 50.25 / 133 = 0.378.
 *   leads: em, four capacity reviews of 0.5 h: 2 / 76 = 0.026; tl 1 / 76 = 0.013;
 *     dl-backend 3 / 76 = 0.039; human-1 (09:00–17:00 weekdays, Mon–Thu here: 8 + 8 + 8 + 3 = 27
 *     available) an escalation 16–17 and 33–33.5 (1.5): 1.5 / 27 = 0.056.
 * Forecasts, one a day per domain (oversubscribed marked *):
 *   backend  day 0 120/130.44*, day 1 96/110.25*, day 2 120/80, day 3 100/150*
 *   frontend day 0 72/10, day 1 72/20, day 2 40/60*, day 3 72/30
 *   Oversubscribed periods: backend days 0–1 (consecutive, merged), frontend day 2, and backend
 *   day 3 (day 2 was not oversubscribed: the gap splits it from days 0–1). In order of first day.
 */
const LOG: LogRecord[] = [
  runStart([
    ...LEADS,
    ic('ic-b1', 'backend'),
    ic('ic-b2', 'backend', OFFICE),
    ic('ic-f1', 'frontend'),
    person('human-1', 'human', OFFICE_WEEKDAYS),
  ]),
  received(8, 'I1'),
  work(8.5, 'em', 'rebalance', 8, 8),
  forecast(8.5, 'backend', 120, 130.4449, true),
  forecast(8.5, 'frontend', 72, 10, false),
  work(9.5, 'tl', 'strategicPlanning', 8.5, 8.5),
  work(10, 'ic-b1', 'execute', 6, 6, 'X'),
  work(12.5, 'dl-backend', 'tacticalPlanning', 9.5, 9.5),
  work(13, 'ic-b1', 'peerReview', 12, 12, 'Y'),
  work(17, 'ic-b2', 'execute', 9, 9, 'W'),
  outage(30, 'ic-b1', 'start'),
  work(30, 'ic-b1', 'execute', 13, 13, 'Z', { outcome: 'outage' }),
  work(32.5, 'em', 'rebalance', 32, 32),
  forecast(32.5, 'backend', 96, 110.25, true),
  forecast(32.5, 'frontend', 72, 20, false),
  work(33.5, 'human-1', 'escalation', 16, 16, 'Z', { hours: 1.5 }),
  work(35, 'ic-b2', 'qaValidation', 33, 33, 'V'),
  outage(40, 'ic-b1', 'end'),
  hire(44, 'ic-f1', 'frontend'),
  work(54, 'ic-f1', 'execute', 44, 44, 'F'),
  work(56.5, 'em', 'rebalance', 56, 56),
  forecast(56.5, 'backend', 120, 80, false),
  forecast(56.5, 'frontend', 40, 60, true),
  rebalance(56.5, 'backend', 80, { person: 'ic-f1' }),
  work(57.25, 'ic-b1', 'standup', 57, 57),
  work(59, 'ic-b2', 'execute', 35, 35, 'U', { hours: 8 }),
  work(62, 'ic-f1', 'peerReview', 60, 60, 'G'),
  work(80.5, 'em', 'rebalance', 80, 80),
  forecast(80.5, 'backend', 100, 150, true),
  forecast(80.5, 'frontend', 72, 30, false),
  rebalance(80.5, 'backend', 104, { tasks: ['T7', 'T8'] }),
  runEnd(84, 'horizon', 2),
];

/** A row of hours available and busy, and the utilisation worked out above. */
const row = (id: string, availableHours: number, busyHours: number, utilization: number) => ({
  id,
  availableHours,
  busyHours,
  utilization,
});
const inTeam = (domain: string) => ({ team: 'team-1', domain });

describe('capacity, by hand', () => {
  const c = () => capacity(LOG);

  it('measures over the window from the first arrival to the end of the run', () => {
    expect(c().window).toEqual({ from: 8, to: 84 });
  });

  it('gives each IC hours available (less outages and time before hire), busy, executing and reviewing', () => {
    expect(c().ics).toEqual([
      { ...row('ic-b1', 66, 20.25, 0.307), ...inTeam('backend'), executeHours: 19, reviewHours: 1 },
      { ...row('ic-b2', 27, 18, 0.667), ...inTeam('backend'), executeHours: 16, reviewHours: 2 },
      { ...row('ic-f1', 40, 12, 0.3), ...inTeam('frontend'), executeHours: 10, reviewHours: 2 },
    ]);
  });

  it('adds the ICs up per domain and for the org', () => {
    expect(c().domains).toEqual([row('backend', 93, 38.25, 0.411), row('frontend', 40, 12, 0.3)]);
    expect(c().org).toEqual(row('org (ICs)', 133, 50.25, 0.378));
  });

  it('gives leads, the EM and humans their own rows', () => {
    expect(c().leads).toEqual([
      row('em', 76, 2, 0.026),
      row('tl', 76, 1, 0.013),
      row('dl-backend', 76, 3, 0.039),
      row('human-1', 27, 1.5, 0.056),
    ]);
  });

  it('lists every forecast under its day', () => {
    const day = (
      n: number,
      domain: string,
      available: number,
      committed: number,
      over: boolean,
    ) => ({
      day: n,
      ...inTeam(domain),
      availableHours: available,
      committedHours: committed,
      oversubscribed: over,
    });
    expect(c().forecasts).toEqual([
      day(0, 'backend', 120, 130.44, true),
      day(0, 'frontend', 72, 10, false),
      day(1, 'backend', 96, 110.25, true),
      day(1, 'frontend', 72, 20, false),
      day(2, 'backend', 120, 80, false),
      day(2, 'frontend', 40, 60, true),
      day(3, 'backend', 100, 150, true),
      day(3, 'frontend', 72, 30, false),
    ]);
  });

  it('merges consecutive oversubscribed days into one period, and splits them at a gap', () => {
    expect(c().oversubscribed).toEqual([
      { ...inTeam('backend'), fromDay: 0, toDay: 1 },
      { ...inTeam('frontend'), fromDay: 2, toDay: 2 },
      { ...inTeam('backend'), fromDay: 3, toDay: 3 },
    ]);
  });

  it('lists the rebalances as they were made', () => {
    expect(c().rebalances).toEqual([
      { t: 56.5, kind: 'borrow', team: 'team-1', domain: 'backend', person: 'ic-f1', until: 80 },
      {
        t: 80.5,
        kind: 'defer',
        team: 'team-1',
        domain: 'backend',
        tasks: ['T7', 'T8'],
        until: 104,
      },
    ]);
  });
});
