// Where a trace's events go: one process per team, one track (a thread, to the viewers) per
// person, and a process of its own for the run as a whole (spend, and anyone outside the roster).

import type { LogRecord } from '../../log/event-log.ts';
import type { MetadataEvent } from './trace-event.ts';

type Person = Extract<LogRecord, { type: 'run.start' }>['people'][number];

/** A track's place: its process and its thread id. */
export interface Place {
  readonly pid: number;
  readonly tid: number;
}

/** The process of the run as a whole. */
export const RUN_PID = 1;

/**
 * The processes and tracks of a run's people, in roster order. Thread ids start after the last
 * process id, so that no person's track shares its id with a process: the viewers would take it
 * for that process's main thread.
 */
export class Tracks {
  private readonly teams = new Map<string, number>();
  private readonly people = new Map<string, Place>();
  private readonly names: MetadataEvent[] = [];
  private nextTid: number;

  constructor(roster: readonly Person[]) {
    this.name('process_name', RUN_PID, RUN_PID, 'run');
    this.sortIndex('process_sort_index', RUN_PID, RUN_PID, 0);
    for (const person of roster) {
      if (this.teams.has(person.team)) continue;
      const pid = RUN_PID + this.teams.size + 1;
      this.teams.set(person.team, pid);
      this.name('process_name', pid, pid, `team ${person.team}`);
      this.sortIndex('process_sort_index', pid, pid, pid);
    }
    this.nextTid = RUN_PID + this.teams.size + 1;
    for (const person of roster) this.add(person.id, this.processOf(person.team), label(person));
  }

  /** The process of `team`; the run's for a team with nobody on the roster. */
  processOf(team: string): number {
    return this.teams.get(team) ?? RUN_PID;
  }

  /** The track of `id`: a person's, or one in the run's process for an id outside the roster. */
  of(id: string): Place {
    return this.people.get(id) ?? this.add(id, RUN_PID, id);
  }

  /** Whether `id` is someone on the roster (or an id already given a track). */
  has(id: string): boolean {
    return this.people.has(id);
  }

  /** The names and the order of every process and track handed out so far. */
  metadata(): readonly MetadataEvent[] {
    return this.names;
  }

  private add(id: string, pid: number, title: string): Place {
    const place = { pid, tid: this.nextTid++ };
    this.people.set(id, place);
    this.name('thread_name', pid, place.tid, title);
    this.sortIndex('thread_sort_index', pid, place.tid, place.tid);
    return place;
  }

  private name(kind: 'process_name' | 'thread_name', pid: number, tid: number, name: string) {
    this.names.push({ name: kind, ph: 'M', ts: 0, pid, tid, args: { name } });
  }

  private sortIndex(
    kind: 'process_sort_index' | 'thread_sort_index',
    pid: number,
    tid: number,
    index: number,
  ) {
    this.names.push({ name: kind, ph: 'M', ts: 0, pid, tid, args: { sort_index: index } });
  }
}

/** `ic-backend-1 · IC backend`: who, in what role and domain. */
function label(person: Person): string {
  const domain = person.domain === undefined ? '' : ` ${person.domain}`;
  return `${person.id} · ${person.role}${domain}`;
}
