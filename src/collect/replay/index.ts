// The command center's replay of a run, from its log alone: at each frame (the report's sample
// times) each person's status, the backlog by priority and the day's spend; the tasks blocked, the
// breaches and the feed that the alerts and the live feed read at any moment.

import { HOURS_PER_DAY, type Hours } from '../../kernel/time.ts';
import { WAITING } from '../over-time/flow.ts';
import type { OverTime } from '../over-time/index.ts';
import { addOver } from '../over-time/samples.ts';
import { round } from '../stats.ts';
import {
  absences,
  type LogInput,
  ofType,
  runStart,
  throttleWaits,
  timelines,
  viewOf,
} from '../timeline.ts';
import { feedLine } from './feed.ts';
import { blockedStays, statuses } from './status.ts';

/** A task blocked longer than this (15 minutes, as seed 003's rule) raises an alert. */
export const BLOCKED_ALERT_HOURS = 0.25;

export interface Replay {
  /** Per person of the roster, one character per frame: a away, w working, b blocked, i idle. */
  readonly status: string[];
  /** Per frame, released tasks waiting in a backlog, by priority: [P0, P1, P2, P3]. */
  readonly queue: number[][];
  /** Per frame, the money spent since the start of its day of the org's clock. */
  readonly spentToday: number[];
  readonly dailyBudgetUsd: number | null;
  readonly blockedAlertHours: Hours;
  /** Each stay of a task in BLOCKED with who held it: the blocked-too-long alerts. */
  readonly blocked: Array<{ task: string; holder: string; from: Hours; to: Hours }>;
  readonly breaches: Array<{ t: Hours; task: string; state: string }>;
  /** The live feed, as columns: when, and what. */
  readonly feed: { t: Hours[]; text: string[] };
}

/** The replay of the run whose report over time is `o`. */
export function replayOf(input: LogInput, o: OverTime): Replay {
  const log = viewOf(input);
  const start = runStart(log);
  const tasks = [...timelines(log).values()];
  const stays = blockedStays(tasks);
  const byPriority = [0, 1, 2, 3].map(() => new Array<number>(o.times.length).fill(0));
  for (const t of tasks) {
    if (t.team === null || t.releasedAt === null) continue;
    const counts = byPriority[Math.min(3, Math.max(0, t.priority))] as number[];
    for (const v of t.visits)
      if (WAITING.has(v.state)) addOver(counts, o.step, Math.max(v.from, t.releasedAt), v.to);
  }
  const queue = o.times.map((_, k) => byPriority.map((counts) => counts[k] ?? 0));
  const spent = o.budget.spentUsd;
  const spentToday = o.times.map((t, k) => {
    // Every midnight is a frame (the step divides a day, or is whole days): today's spend is what
    // was spent since the frame at the start of this one's day.
    const dayStart = Math.floor(t / HOURS_PER_DAY) * HOURS_PER_DAY;
    const first = o.times.findIndex((time) => time >= dayStart);
    return round((spent[k] ?? 0) - (spent[first] ?? 0));
  });
  const feed: Replay['feed'] = { t: [], text: [] };
  for (const r of log.records) {
    const text = feedLine(r);
    if (text === null) continue;
    feed.t.push(round(r.t, 3));
    feed.text.push(text);
  }
  return {
    status: statuses(
      start.people,
      o.times,
      ofType(log, 'work'),
      stays,
      absences(log),
      throttleWaits(log),
    ),
    queue,
    spentToday,
    dailyBudgetUsd: start.dailyBudgetUsd,
    blockedAlertHours: BLOCKED_ALERT_HOURS,
    blocked: stays.map((s) => ({ ...s, from: round(s.from, 3), to: round(s.to, 3) })),
    breaches: ofType(log, 'task.slaBreach').map((b) => ({
      t: round(b.t, 3),
      task: b.task,
      state: b.state,
    })),
    feed,
  };
}
