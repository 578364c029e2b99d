// Details of the summary, capacity and standup reports, and of `reportsOf`, on small hand-written
// logs: a cut log (no run.end), a run that received no instruction or finished no task, an IC
// without a domain, standups answered out of order. Every figure was worked out by hand.

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { capacity } from '../../src/collect/capacity.ts';
import { reportsOf } from '../../src/collect/index.ts';
import { standups } from '../../src/collect/standup.ts';
import { headline } from '../../src/collect/summary.ts';
import { EventLog, type LogRecord } from '../../src/log/event-log.ts';
import {
  ic,
  message,
  move,
  person,
  received,
  runEnd,
  runStart,
  tactical,
  work,
} from './log-builder.ts';

describe('summary headline', () => {
  it('a cut log with no instruction and no finished task: unknown outcome, no rates', () => {
    // No run.end: outcome unknown. No instruction received: the makespan counts from 0 and ends
    // at 0 (nothing completed). T1 was planned and started, never finished: no throughput, no
    // rework rate (both 0, not 0 / 0).
    const log: LogRecord[] = [
      runStart([person('em', 'EM'), ic('ic-a', 'backend')]),
      tactical(1, 'I1', 'S1', [{ id: 'T1' }]),
      move(2, 'T1', null, 'PENDING'),
      move(3, 'T1', 'PENDING', 'IN_PROGRESS', 'ic-a'),
      work(9.25, 'ic-a', 'standup', 9, 9),
    ];
    const h = headline(log);
    expect(h.outcome).toBe('unknown');
    expect(h.simulatedHours).toBe(9.25);
    expect(h.makespanHours).toBe(0);
    expect(h.instructions).toEqual([]);
    expect(h.tasks).toEqual({ total: 1, completed: 0, cancelled: 0, open: 1 });
    expect(h.throughputPerDay).toBe(0);
    expect(h.reworkRate).toBe(0);
  });

  it('no throughput when tasks finished but no instruction did', () => {
    // I1 arrives at 5; T1 completes at 8, but I1 never does: the makespan is 0 (5 → 5), so no
    // throughput rather than 1 task in 0 h. T1 was never rejected: rework 0 of 1.
    const log: LogRecord[] = [
      runStart([person('em', 'EM'), ic('ic-a', 'backend')]),
      received(5, 'I1'),
      tactical(5.5, 'I1', 'S1', [{ id: 'T1' }]),
      move(6, 'T1', null, 'PENDING'),
      move(6.5, 'T1', 'PENDING', 'IN_PROGRESS', 'ic-a'),
      move(8, 'T1', 'IN_PROGRESS', 'COMPLETED'),
      runEnd(10, 'horizon', 0),
    ];
    const h = headline(log);
    expect(h.outcome).toBe('horizon');
    expect(h.makespanHours).toBe(0);
    expect(h.tasks).toEqual({ total: 1, completed: 1, cancelled: 0, open: 0 });
    expect(h.throughputPerDay).toBe(0);
    expect(h.reworkRate).toBe(0);
  });
});

describe('capacity details', () => {
  it('counts from 0 with no instruction received, and files an IC without a domain under ""', () => {
    // Window 0–10. ic-x (24 h, no domain) executes 2–6 and reviews 7–8: busy 5 of 10 = 0.5,
    // executing 4, reviewing 1. em does nothing: 0 of 10.
    const log: LogRecord[] = [
      runStart([person('em', 'EM'), person('ic-x', 'IC')]),
      work(6, 'ic-x', 'execute', 2, 2, 'T1'),
      work(8, 'ic-x', 'peerReview', 7, 7, 'T2'),
      runEnd(10),
    ];
    const c = capacity(log);
    expect(c.window).toEqual({ from: 0, to: 10 });
    expect(c.ics).toEqual([
      {
        id: 'ic-x',
        availableHours: 10,
        busyHours: 5,
        utilization: 0.5,
        domain: '',
        team: 'team-1',
        executeHours: 4,
        reviewHours: 1,
      },
    ]);
    expect(c.domains).toEqual([{ id: '', availableHours: 10, busyHours: 5, utilization: 0.5 }]);
    expect(c.leads).toEqual([{ id: 'em', availableHours: 10, busyHours: 0, utilization: 0 }]);
    expect(c.org).toEqual({ id: 'org (ICs)', availableHours: 10, busyHours: 5, utilization: 0.5 });
  });
});

describe('standup days', () => {
  it('come in day order, whatever order their items arrived in', () => {
    // Day 1's report arrives at 30, a late answer to day 0's call at 33, day 2's roll-up at 50
    // and day 3's report at 75 (day 3 by its time): days 0, 1, 2, 3.
    const report = (t: number, from: string, content?: Record<string, unknown>) =>
      message(t, 'standup', 'standup.report', from, 'dl-backend', {
        ...(content === undefined ? {} : { content }),
      });
    const log: LogRecord[] = [
      runStart([ic('ic-a', 'backend'), ic('ic-b', 'backend')]),
      report(30, 'ic-a', { day: 1, yesterday: ['T1'], today: ['T2'], blockers: [] }),
      report(33, 'ic-b', { day: 0, yesterday: [], today: ['T3'], blockers: [] }),
      message(50, 'standup', 'standup.rollup', 'dl-backend', 'tl', { content: { day: 2 } }),
      report(75, 'ic-a'),
    ];
    const days = standups(log);
    expect(days.map((d) => d.day)).toEqual([0, 1, 2, 3]);
    expect(days[0]?.reports.map((r) => r.person)).toEqual(['ic-b']);
    expect(days[1]?.reports.map((r) => r.person)).toEqual(['ic-a']);
    expect(days[2]?.rollups).toEqual([{ from: 'dl-backend', to: 'tl', content: { day: 2 } }]);
    expect(days[3]?.reports).toEqual([
      { person: 'ic-a', to: 'dl-backend', yesterday: [], today: [], blockers: [] },
    ]);
  });
});

describe('reportsOf', () => {
  it('computes every report from an event log, with the SHA-256 of its JSON lines', () => {
    // em's intake 0–0.5 for $0.25; the run ends done at 1.
    const records: LogRecord[] = [
      runStart([person('em', 'EM')]),
      received(0, 'I1'),
      work(0.5, 'em', 'intake', 0, 0, undefined, { costUsd: 0.25, instruction: 'I1' }),
      runEnd(1),
    ];
    const log = new EventLog();
    for (const r of records) log.append(r);
    const lines = records.map((r) => `${JSON.stringify(r)}\n`).join('');
    const sha = createHash('sha256').update(lines).digest('hex');
    const reports = reportsOf(log);
    expect(reports.summary.eventLogSha256).toBe(sha);
    expect(reports.summary.events).toBe(4);
    expect(reports.summary.outcome).toBe('done');
    expect(reports.cost.total).toEqual({
      hours: 0.5,
      tokensIn: 0,
      tokensOut: 0,
      tokensCached: 0,
      usd: 0.25,
    });
    expect(reports.capacity.window).toEqual({ from: 0, to: 1 });
    expect(reports.standup).toEqual([]);
    expect(reports.bottleneck.queues.map((q) => q.person)).toContain('em');
  });
});
