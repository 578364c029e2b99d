// The command center's replay, on logs worked out by hand: each person's status frame by frame,
// the backlog by priority, the day's spend, the blocked stays and the live feed.

import { describe, expect, it } from 'vitest';
import { overTime } from '../../src/collect/over-time/index.ts';
import { BLOCKED_ALERT_HOURS, replayOf } from '../../src/collect/replay/index.ts';
import type { LogRecord } from '../../src/log/event-log.ts';
import {
  ic,
  LEADS,
  move,
  ready,
  received,
  runEnd,
  runStart,
  tactical,
  throttle,
  work,
} from './log-builder.ts';
import { LOG } from './two-tasks-log.ts';

/** `n` frames of `status`. */
const of = (status: string, n: number) => status.repeat(n);

describe('the replay of the two-task log', () => {
  const o = overTime(LOG, []);
  const r = replayOf(LOG, o);

  it('shows the leads idle all along, around the clock', () => {
    expect(r.status.slice(0, 3)).toEqual([of('i', 41), of('i', 41), of('i', 41)]);
  });

  it('shows ic-1 working 3–13, then away 14–30', () => {
    expect(r.status[3]).toBe(of('i', 3) + of('w', 10) + of('i', 1) + of('a', 16) + of('i', 11));
  });

  it('shows ic-2 away outside 09:00–17:00, working at 09:00 on day 1 in its slice', () => {
    // Day 0 09:00–17:00 idle; 17:00 to 09:00 the next day away (its slice from 20 waits for the
    // morning); 09:00–10:00 working; idle to the end at 16:00.
    expect(r.status[4]).toBe(of('a', 9) + of('i', 8) + of('a', 16) + of('w', 1) + of('i', 7));
  });

  it('counts the released tasks waiting, by priority', () => {
    // Both tasks are P2: T1 waits 1–2, T2 waits 5–20.
    r.queue.forEach((q, k) => {
      const waiting = k === 1 || (k >= 5 && k < 20) ? 1 : 0;
      expect(q).toEqual([0, 0, waiting, 0]);
    });
  });

  it('gives the day’s spend, from 0 at each midnight', () => {
    // $1 an hour from 3 to 13; then $4 in the hour 33–34 (day 1, 09:00–10:00).
    const expected = o.times.map((t) => {
      if (t < 24) return Math.min(Math.max(t - 3, 0), 10);
      return t >= 34 ? 4 : 0;
    });
    expect(r.spentToday).toEqual(expected);
  });

  it('feeds what a watcher would read, at its time', () => {
    expect(r.feed.t).toEqual([0, 6, 8, 10, 13, 14, 30, 34]);
    expect(r.feed.text).toEqual([
      'I1 received: P2, tier 2, “I1”',
      'escalation E1 on T2 (sla) to dl-backend, rung 1',
      'escalation E1 resolved by dl-backend: acted',
      'budget (run) 80 % spent: $9.60 of $12',
      'T1 completed',
      'ic-1 away',
      'ic-1 back',
      'T2 completed',
    ]);
  });
});

/** I1's one task T1, released at 0 and taken up by ic-1 at 1. */
const T1_ON_IC1: LogRecord[] = [
  received(0, 'I1'),
  tactical(0, 'I1', 'S1', [{ id: 'T1' }]),
  move(0, 'T1', null, 'PENDING'),
  ready(0, 'T1'),
  move(1, 'T1', 'PENDING', 'ASSIGNED', 'ic-1'),
  move(1, 'T1', 'ASSIGNED', 'IN_PROGRESS'),
];

/** T1 held by ic-1: worked 1–3, blocked 3–6, worked 6–9, done at 9; the run ends at 10. */
const BLOCKED: LogRecord[] = [
  runStart([...LEADS, ic('ic-1', 'backend')]),
  ...T1_ON_IC1,
  work(3, 'ic-1', 'execute', 1, 1, 'T1', { outcome: 'paused' }),
  { ...move(3, 'T1', 'IN_PROGRESS', 'BLOCKED'), blocker: 'technical' } as LogRecord,
  move(6, 'T1', 'BLOCKED', 'IN_PROGRESS'),
  work(9, 'ic-1', 'execute', 1, 6, 'T1'),
  move(9, 'T1', 'IN_PROGRESS', 'COMPLETED'),
  runEnd(10),
];

describe('the replay of a task blocked on its holder’s desk', () => {
  const r = replayOf(BLOCKED, overTime(BLOCKED, []));

  it('shows the holder blocked while the task is, and working either side', () => {
    expect(r.status[3]).toBe('iwwbbbwwwii');
  });

  it('lists the stay in BLOCKED with its holder, for the alert after 15 minutes', () => {
    expect(BLOCKED_ALERT_HOURS).toBe(0.25);
    expect(r.blocked).toEqual([{ task: 'T1', holder: 'ic-1', from: 3, to: 6 }]);
    expect(r.feed.text).toContain('T1 blocked (technical)');
  });
});

/**
 * T1 held by ic-1, an agent on `fast`: worked 1–3, refused at 3 and waiting on the model's rate
 * limit 3–5, worked 5–9, done at 9; the run ends at 10. (The failure at 6 is there for the feed.)
 */
const THROTTLED: LogRecord[] = [
  runStart([...LEADS, { ...ic('ic-1', 'backend'), model: 'fast' }]),
  ...T1_ON_IC1,
  work(3, 'ic-1', 'execute', 1, 1, 'T1', { outcome: 'throttled' }),
  throttle(3, 'ic-1', 'start', { limit: 'tokens', attempt: 1, until: 5 }),
  throttle(5, 'ic-1', 'end'),
  throttle(6, 'ic-1', 'failed', { limit: 'tokens', attempt: 3 }),
  work(9, 'ic-1', 'execute', 1, 5, 'T1'),
  move(9, 'T1', 'IN_PROGRESS', 'COMPLETED'),
  runEnd(10),
];

describe('the replay of an agent waiting on a rate limit', () => {
  const r = replayOf(THROTTLED, overTime(THROTTLED, []));

  it('shows the agent throttled while it waits, and working either side', () => {
    expect(r.status[3]).toBe('iwwttwwwwii');
  });

  it('feeds work that ran out of retries, and not each 429', () => {
    expect(r.feed.text).toContain('ic-1 out of retries on fast (tokens): work failed');
    expect(r.feed.text.filter((line) => line.includes('429'))).toEqual([]);
    expect(r.feed.t[r.feed.text.indexOf('ic-1 out of retries on fast (tokens): work failed')]).toBe(
      6,
    );
  });
});

/**
 * T1 (ic-1) merged clean at 2; T2 (ic-2) conflicts with it in `api` at 3, ic-2 rebases by 4 and
 * merges at 5; T3's conflict at 6 is dropped with the task at 7.
 */
const MERGED: LogRecord[] = [
  runStart([...LEADS, ic('ic-1', 'backend'), ic('ic-2', 'backend')]),
  {
    t: 2,
    type: 'git.merge',
    task: 'T1',
    instruction: 'I1',
    team: 'team-1',
    by: 'ic-1',
    into: 'team/team-1',
    components: ['api'],
    baseAt: 0,
    ageHours: 2,
    overlap: 0,
  },
  {
    t: 3,
    type: 'git.conflict',
    conflict: 'K1',
    task: 'T2',
    team: 'team-1',
    by: 'ic-2',
    components: ['api'],
    with: ['T1'],
    overlap: 1,
    baseAt: 1,
    ageHours: 2,
    chance: 0.2,
    resolution: 'rebase',
    to: 'ic-2',
  },
  { t: 4, type: 'git.resolved', conflict: 'K1', task: 'T2', by: 'ic-2', resolution: 'rebase' },
  {
    t: 5,
    type: 'git.merge',
    task: 'T2',
    instruction: 'I1',
    team: 'team-1',
    by: 'ic-2',
    into: 'team/team-1',
    components: ['api', 'db'],
    baseAt: 4,
    ageHours: 1,
    overlap: 0,
  },
  {
    t: 7,
    type: 'git.resolved',
    conflict: 'K2',
    task: 'T3',
    by: 'ic-1',
    resolution: 'integrator',
    dropped: true,
  },
  runEnd(8),
];

describe('the replay of merges and conflicts', () => {
  const r = replayOf(MERGED, overTime(MERGED, []));

  it('feeds each merge, conflict and resolution at its time', () => {
    const lines = r.feed.text.map((text, i) => [r.feed.t[i], text]);
    expect(lines).toEqual([
      [2, 'ic-1 merged T1 into team/team-1'],
      [3, 'T2 conflicts in api with T1: ic-2 rebases'],
      [4, 'ic-2 resolved the conflict on T2'],
      [5, 'ic-2 merged T2 into team/team-1'],
      [7, 'conflict K2 on T3 dropped with the task'],
    ]);
  });
});
