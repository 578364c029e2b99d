// A trace's counters, read off the log: per team and domain, the released tasks waiting in the
// backlog and those in progress; for the run, the money spent so far.

import { STARTED, WAITING } from '../../collect/over-time/flow.ts';
import type { TaskState } from '../../domain/task-states.ts';
import type { LogRecord } from '../../log/event-log.ts';
import { type CounterEvent, traceTime } from './trace-event.ts';
import { RUN_PID, type Tracks } from './tracks.ts';

/** One counter of one process: its series' values, written out each time one changes. */
class Counter {
  private readonly values = new Map<string, number>();
  /** Where its last event is in the output, and that event's time. */
  private last = -1;
  private lastTs = Number.NaN;

  constructor(
    private readonly name: string,
    private readonly pid: number,
    private readonly out: CounterEvent[],
  ) {}

  /** Sets series `key` to `value` at `ts`; several changes at one time make one event. */
  set(key: string, value: number, ts: number): void {
    this.values.set(key, value);
    const event: CounterEvent = {
      name: this.name,
      ph: 'C',
      ts,
      pid: this.pid,
      tid: this.pid,
      args: Object.fromEntries(this.values),
    };
    if (ts === this.lastTs) this.out[this.last] = event;
    else {
      this.last = this.out.push(event) - 1;
      this.lastTs = ts;
    }
  }

  add(key: string, by: number, ts: number): void {
    this.set(key, (this.values.get(key) ?? 0) + by, ts);
  }
}

interface Task {
  state: TaskState;
  /** Where it counts once released: its team's counters and its domain. */
  team?: { backlog: Counter; wip: Counter; domain: string };
}

/** Which of its team's counters a task in `state` counts in, if any. */
function bucketOf(state: TaskState): 'backlog' | 'wip' | null {
  return WAITING.has(state) ? 'backlog' : STARTED.has(state) ? 'wip' : null;
}

/** The counters of a run, in the order their values changed. */
export function counterEvents(records: readonly LogRecord[], tracks: Tracks): CounterEvent[] {
  const out: CounterEvent[] = [];
  const teams = new Map<string, { backlog: Counter; wip: Counter }>();
  const teamCounters = (team: string) => {
    let counters = teams.get(team);
    if (counters === undefined) {
      const pid = tracks.processOf(team);
      counters = { backlog: new Counter('backlog', pid, out), wip: new Counter('WIP', pid, out) };
      teams.set(team, counters);
    }
    return counters;
  };
  const spend = new Counter('spend (USD)', RUN_PID, out);
  let spent = 0;
  const tasks = new Map<string, Task>();
  /** Counts `task` in (`by` 1) or out of (-1) its team's counter for its state, once released. */
  const count = (task: Task, by: number, ts: number) => {
    const bucket = bucketOf(task.state);
    if (task.team !== undefined && bucket !== null) task.team[bucket].add(task.team.domain, by, ts);
  };
  for (const r of records) {
    const ts = traceTime(r.t);
    if (r.type === 'task.transition') {
      const task = tasks.get(r.task);
      if (task === undefined) tasks.set(r.task, { state: r.to });
      else if (bucketOf(task.state) === bucketOf(r.to)) task.state = r.to;
      else {
        count(task, -1, ts);
        task.state = r.to;
        count(task, 1, ts);
      }
    } else if (r.type === 'task.ready') {
      const task = tasks.get(r.task);
      if (task === undefined || task.team !== undefined) continue;
      task.team = { ...teamCounters(r.team), domain: r.domain };
      count(task, 1, ts);
    } else if (r.type === 'work' && r.costUsd > 0) {
      spent += r.costUsd;
      spend.set('spent', Math.round(spent * 100) / 100, ts);
    }
  }
  return out;
}
