// A run as a trace for ui.perfetto.dev and chrome://tracing (Trace Event Format, JSON): a process
// per team, a track per person, a slice per piece of work, arrows for delegations and handoffs,
// marks for breaches and escalations, spans for outages and overtime, counters for the flow.

import type { LogRecord } from '../../log/event-log.ts';
import { counterEvents } from './counters.ts';
import { markOf, TaskPlaces } from './marks.ts';
import { type SliceEvent, type SpanEvent, type TraceEvent, traceTime } from './trace-event.ts';
import { type Place, Tracks } from './tracks.ts';

type Of<T extends LogRecord['type']> = Extract<LogRecord, { type: T }>;

/** The trace's events: names and order of the tracks first, then the rest by time. */
export function traceEvents(records: readonly LogRecord[]): TraceEvent[] {
  const start = records[0];
  // A log without its opening record (cut by hand) still has a trace: everyone on a track of
  // the run's process.
  const tracks = new Tracks(start?.type === 'run.start' ? start.people : []);
  const places = new TaskPlaces();
  const timed: TraceEvent[] = [];
  const open = new Map<string, SpanEvent>();
  let flows = 0;
  for (const r of records) {
    places.see(r);
    if (r.type === 'work') timed.push(workSlice(r, tracks.of(r.person)));
    else if (r.type === 'message') {
      if (isArrow(r, tracks)) timed.push(...arrow(r, tracks, ++flows));
      else if (r.protocol === 'broadcast') timed.push(broadcast(r, tracks.of(r.from)));
    } else if (
      r.type === 'outage' ||
      r.type === 'overtime' ||
      (r.type === 'throttle' && r.phase !== 'failed')
    ) {
      const span = spanEdge(r, tracks.of(r.person));
      if (span.ph === 'b') open.set(span.id, span);
      else open.delete(span.id);
      timed.push(span);
    } else if (r.type === 'run.end') {
      // A span still open when the run ends is closed there, so that the viewers draw it.
      for (const span of open.values()) timed.push({ ...span, ph: 'e', ts: traceTime(r.t) });
    } else {
      const mark = markOf(r, tracks, places);
      if (mark !== null) timed.push(mark);
    }
  }
  timed.push(...counterEvents(records, tracks));
  // Stable: events at one time keep the log's order, so a flow's start comes before its end.
  timed.sort((a, b) => a.ts - b.ts);
  return [...tracks.metadata(), ...timed];
}

function workSlice(r: Of<'work'>, place: Place): SliceEvent {
  const ts = traceTime(r.startedAt);
  const args = defined({
    task: r.task,
    instruction: r.instruction,
    queuedAt: r.queuedAt,
    workingHours: r.hours,
    outcome: r.outcome,
    tokensIn: r.tokensIn,
    tokensOut: r.tokensOut,
    costUsd: r.costUsd,
  });
  const subject = r.task ?? r.instruction;
  return {
    name: subject === undefined ? r.kind : `${r.kind} ${subject}`,
    cat: r.kind,
    ph: 'X',
    ts,
    dur: traceTime(r.t) - ts,
    pid: place.pid,
    tid: place.tid,
    args,
  };
}

/** Delegations and handoffs from one person to another get an arrow; acknowledgements do not. */
function isArrow(r: Of<'message'>, tracks: Tracks): boolean {
  return (
    (r.protocol === 'delegation' || r.protocol === 'handoff') &&
    r.kind !== 'ack' &&
    tracks.has(r.from) &&
    tracks.has(r.to)
  );
}

/** A message as an arrow: a mark on the sender's track and one on the recipient's, bound by `id`. */
function arrow(r: Of<'message'>, tracks: Tracks, id: number): [SliceEvent, SliceEvent] {
  const ts = traceTime(r.t);
  const args = defined({ task: r.task, instruction: r.instruction });
  const from = tracks.of(r.from);
  const to = tracks.of(r.to);
  const end = { cat: r.protocol, ph: 'X', ts, dur: 0, args, bind_id: id } as const;
  return [
    { name: `${r.kind} → ${r.to}`, ...end, pid: from.pid, tid: from.tid, flow_out: true },
    { name: `${r.kind} ← ${r.from}`, ...end, pid: to.pid, tid: to.tid, flow_in: true },
  ];
}

function broadcast(r: Of<'message'>, place: Place): TraceEvent {
  const args = defined({
    to: r.to,
    recipients: r.recipients,
    task: r.task,
    instruction: r.instruction,
  });
  return {
    name: `${r.kind} → ${r.to}`,
    cat: r.protocol,
    ph: 'i',
    s: 't',
    ts: traceTime(r.t),
    pid: place.pid,
    tid: place.tid,
    args,
  };
}

/** The start or the end of someone's outage, overtime, or wait on a rate limit. */
function spanEdge(r: Of<'outage'> | Of<'overtime'> | Of<'throttle'>, place: Place): SpanEvent {
  const args =
    r.type === 'outage'
      ? defined({ cover: r.cover })
      : r.type === 'overtime'
        ? { hoursPerDay: r.hoursPerDay }
        : defined({ model: r.model, limit: r.limit, attempt: r.attempt, until: r.until });
  const what =
    r.type === 'outage'
      ? 'away'
      : r.type === 'overtime'
        ? 'on overtime'
        : 'waiting on a rate limit';
  return {
    name: `${r.person} ${what}`,
    cat: r.type,
    ph: r.phase === 'start' ? 'b' : 'e',
    id: `${r.type}:${r.person}`,
    ts: traceTime(r.t),
    pid: place.pid,
    tid: place.tid,
    ...(r.phase === 'start' ? { args } : {}),
  };
}

/** `fields` without its undefined values: what JSON would keep of it. */
function defined(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}
