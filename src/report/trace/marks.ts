// A trace's moments: SLA breaches, escalations, preemptions, hires, budget alerts, agents' failures
// (out of retries, loops, caps, reviews that erred), git's merges and conflicts, and the
// instructions' milestones, each on the track of the person it concerns where there is one.

import type { LogRecord } from '../../log/event-log.ts';
import { type InstantEvent, traceTime } from './trace-event.ts';
import { type Place, RUN_PID, type Tracks } from './tracks.ts';

type Of<T extends LogRecord['type']> = Extract<LogRecord, { type: T }>;

/** A record's fields but its time and type: what a mark shows when selected. */
function fieldsOf(r: LogRecord): Record<string, unknown> {
  const { t: _t, type: _type, ...rest } = r;
  return rest;
}

/** Who holds each task and which team it is in, as the log goes: where its breaches show. */
export class TaskPlaces {
  private readonly holders = new Map<string, string>();
  private readonly teams = new Map<string, string>();

  see(r: LogRecord): void {
    if (r.type === 'task.ready') this.teams.set(r.task, r.team);
    else if (r.type === 'task.transition') {
      if (r.assignee !== undefined) this.holders.set(r.task, r.assignee);
      else if (r.to === 'PENDING' || r.to === 'COMPLETED' || r.to === 'CANCELLED')
        this.holders.delete(r.task);
    }
  }

  holder(task: string): string | undefined {
    return this.holders.get(task);
  }

  team(task: string): string | undefined {
    return this.teams.get(task);
  }
}

/** The mark `r` makes, if it makes one; `places` must have seen the records before it. */
export function markOf(r: LogRecord, tracks: Tracks, places: TaskPlaces): InstantEvent | null {
  switch (r.type) {
    case 'task.slaBreach':
      return breach(r, tracks, places);
    case 'escalation.opened':
      return onTrack(r, tracks.of(r.to), `escalation opened: ${r.task} (${r.route})`);
    case 'escalation.climbed':
      return onTrack(r, tracks.of(r.to), `escalation climbed: ${r.task} to ${r.role}`);
    case 'escalation.decided':
      return onTrack(r, tracks.of(r.by), `escalation decided: ${r.action}, ${r.outcome}`);
    case 'escalation.resolved':
      return onTrack(r, tracks.of(r.by), `escalation resolved: ${r.task} (${r.outcome})`);
    case 'task.preempted':
      return onTrack(r, tracks.of(r.person), `preempted: ${r.task} by ${r.by}`);
    case 'hire':
      return onTrack(r, tracks.of(r.person), 'hired');
    case 'throttle':
      // Waits are spans (trace.ts); a failure once the retries ran out is a moment.
      return r.phase === 'failed'
        ? onTrack(r, tracks.of(r.person), `out of retries on ${r.model}: work failed`)
        : null;
    case 'approval.decided':
      return r.outcome === 'approved'
        ? onTrack(r, tracks.of(r.by), `approved: ${r.instruction} (${r.policy})`)
        : global(r, `approved at the timeout: ${r.instruction} (${r.policy})`);
    case 'loop':
      return onTrack(r, tracks.of(r.person), `looping: ${r.task}`);
    case 'cap':
      return onTrack(r, tracks.of(r.person), `${r.cap} cap: ${r.task} (${r.action})`);
    case 'verification':
      return onTrack(r, tracks.of(r.reviewer), `review erred: ${r.task} (${r.error})`);
    case 'git.merge':
      return onTrack(r, tracks.of(r.by), `merged: ${r.task} into ${r.into}`);
    case 'git.conflict':
      return onTrack(r, tracks.of(r.to), `merge conflict: ${r.task} in ${r.components.join(', ')}`);
    case 'git.resolved':
      return onTrack(
        r,
        tracks.of(r.by),
        `conflict ${r.dropped === true ? 'dropped' : 'resolved'}: ${r.task}`,
      );
    case 'budget.alert':
      return global(r, `budget ${r.scope}: ${Math.round(r.threshold * 100)} % spent`);
    case 'budget.exhausted':
      return global(r, `budget ${r.scope} exhausted: ${r.policy}`);
    case 'budget.reset':
      return global(r, `daily budget reset (day ${r.day})`);
    case 'instruction.received':
    case 'instruction.decided':
    case 'instruction.completed':
      return mark(r, { pid: RUN_PID, tid: RUN_PID }, 'p', `${r.instruction} ${r.type.slice(12)}`);
    default:
      return null;
  }
}

/** On the track of whoever holds the task; else on its team's process; else on the whole trace. */
function breach(r: Of<'task.slaBreach'>, tracks: Tracks, places: TaskPlaces): InstantEvent {
  const name = `SLA breach: ${r.task} in ${r.state}`;
  const holder = places.holder(r.task);
  if (holder !== undefined) return onTrack(r, tracks.of(holder), name);
  const team = places.team(r.task);
  if (team === undefined) return global(r, name);
  const pid = tracks.processOf(team);
  return mark(r, { pid, tid: pid }, 'p', name);
}

const onTrack = (r: LogRecord, place: Place, name: string) => mark(r, place, 't', name);
const global = (r: LogRecord, name: string) => mark(r, { pid: RUN_PID, tid: RUN_PID }, 'g', name);

function mark(r: LogRecord, place: Place, s: InstantEvent['s'], name: string): InstantEvent {
  return {
    name,
    cat: r.type,
    ph: 'i',
    s,
    ts: traceTime(r.t),
    pid: place.pid,
    tid: place.tid,
    args: fieldsOf(r),
  };
}
