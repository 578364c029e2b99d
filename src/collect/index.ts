// Every report of a run, computed from its event log alone.

import type { EventLog, LogRecord } from '../log/event-log.ts';
import { type Bottleneck, bottleneck } from './bottleneck.ts';
import { type Capacity, capacity } from './capacity.ts';
import { type Costs, costs } from './cost.ts';
import { type OverTime, overTime } from './over-time/index.ts';
import { type Replay, replayOf } from './replay/index.ts';
import { type StandupDay, standups } from './standup.ts';
import { type Summary, summary } from './summary.ts';
import { LogView } from './timeline.ts';

/** Every report of one run. */
export interface Reports {
  readonly summary: Summary;
  readonly capacity: Capacity;
  readonly bottleneck: Bottleneck;
  readonly standup: StandupDay[];
  readonly cost: Costs;
  /** The run over time: what the HTML report's charts draw. */
  readonly overTime: OverTime;
  /** The run moment by moment: what the command center replays. */
  readonly replay: Replay;
}

/** Every report of a run, from its records and the SHA-256 of its JSON lines (for the summary). */
export function collect(records: readonly LogRecord[], eventLogSha256: string): Reports {
  // One view for every collector: each type's records and each task's life are read once.
  const log = new LogView(records);
  // The summary quotes the bottleneck's verdict: analysed once, for both.
  const b = bottleneck(log);
  const over = overTime(log, b.criticalPaths);
  return {
    summary: summary(log, eventLogSha256, b),
    capacity: capacity(log),
    bottleneck: b,
    standup: standups(log),
    cost: costs(log),
    overTime: over,
    replay: replayOf(log, over),
  };
}

/** Every report of a run, from its event log alone. */
export function reportsOf(log: EventLog): Reports {
  return collect(log.records, log.sha256());
}

export type { Bottleneck, Capacity, Costs, OverTime, Replay, StandupDay, Summary };
