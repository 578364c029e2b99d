// A two-task log worked out by hand, read by the tests of the run over time and of the replay.

import type { LogRecord } from '../../src/log/event-log.ts';
import {
  ic,
  LEADS,
  move,
  OFFICE,
  opened,
  outage,
  ready,
  received,
  resolved,
  runEnd,
  runStart,
  tactical,
  work,
} from './log-builder.ts';

/**
 * T1 is released at 1, taken up by ic-1 (always on) at 2, worked 3–13 for $10, done at 13. T2
 * is released at 5, escalated at 6 (resolved at 8), taken up by ic-2 (09:00–17:00) at 20 and
 * worked 20–34 — one working hour, 09:00–10:00 of day 1 — for $4, done at 34. ic-1 is away
 * 14–30. The run budget is $12, its 80 % alert fires at 10, the run ends at 40.
 */
export const LOG: LogRecord[] = [
  runStart([...LEADS, ic('ic-1', 'backend'), ic('ic-2', 'backend', OFFICE)], 12),
  received(0, 'I1'),
  tactical(0, 'I1', 'S1', [{ id: 'T1' }, { id: 'T2' }]),
  move(0, 'T1', null, 'PENDING'),
  move(0, 'T2', null, 'PENDING'),
  ready(1, 'T1'),
  move(2, 'T1', 'PENDING', 'ASSIGNED', 'ic-1'),
  move(3, 'T1', 'ASSIGNED', 'IN_PROGRESS'),
  ready(5, 'T2'),
  opened(6, 'E1', 'T2', 'sla', 1, 'dl-backend', 'PENDING'),
  resolved(8, 'E1', 'T2', 'dl-backend', 1, 'acted', 2),
  {
    t: 10,
    type: 'budget.alert',
    scope: 'run',
    threshold: 0.8,
    spentUsd: 9.6,
    budgetUsd: 12,
    share: 0.8,
  },
  work(13, 'ic-1', 'execute', 3, 3, 'T1', { costUsd: 10 }),
  move(13, 'T1', 'IN_PROGRESS', 'COMPLETED'),
  outage(14, 'ic-1', 'start'),
  move(20, 'T2', 'PENDING', 'ASSIGNED', 'ic-2'),
  move(20, 'T2', 'ASSIGNED', 'IN_PROGRESS'),
  outage(30, 'ic-1', 'end'),
  work(34, 'ic-2', 'execute', 20, 20, 'T2', { costUsd: 4, hours: 1 }),
  move(34, 'T2', 'IN_PROGRESS', 'COMPLETED'),
  runEnd(40),
];
