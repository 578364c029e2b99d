// The events of Google's Trace Event Format that orgsim writes: what ui.perfetto.dev and
// chrome://tracing read. Times are microseconds of trace time; see `traceTime` for the mapping.

import type { Hours } from '../../kernel/time.ts';

/** One simulated hour is one hour of trace time: the viewers' clocks then read simulated time. */
const MICROSECONDS_PER_HOUR = 3_600_000_000;

/**
 * Simulated hours as whole microseconds of trace time, counted from hour 0 of the run. Whole
 * numbers, so that a slice that ends when the next begins ends exactly where it begins.
 */
export function traceTime(hours: Hours): number {
  return Math.round(hours * MICROSECONDS_PER_HOUR);
}

interface Placed {
  readonly ts: number;
  readonly pid: number;
  readonly tid: number;
}

/** A slice on a person's track (`ph: 'X'`), with its end of a flow arrow if it has one. */
export interface SliceEvent extends Placed {
  readonly name: string;
  readonly cat: string;
  readonly ph: 'X';
  readonly dur: number;
  readonly args: Readonly<Record<string, unknown>>;
  /** Flow v2: the arrow's id, and which end of it this slice is. */
  readonly bind_id?: number;
  readonly flow_out?: true;
  readonly flow_in?: true;
}

/** A moment: on a track (`t`), on a team's process (`p`) or on the whole trace (`g`). */
export interface InstantEvent extends Placed {
  readonly name: string;
  readonly cat: string;
  readonly ph: 'i';
  readonly s: 't' | 'p' | 'g';
  readonly args: Readonly<Record<string, unknown>>;
}

/** A counter's values at `ts`, one series per key of `args`. */
export interface CounterEvent extends Placed {
  readonly name: string;
  readonly ph: 'C';
  readonly args: Readonly<Record<string, number>>;
}

/** The start or end of a span that is not work (an outage, overtime): a track of its own. */
export interface SpanEvent extends Placed {
  readonly name: string;
  readonly cat: string;
  readonly ph: 'b' | 'e';
  readonly id: string;
  readonly args?: Readonly<Record<string, unknown>>;
}

/** The name or the place in order of a process or a track. */
export type MetadataEvent = Placed & { readonly ph: 'M' } & (
    | { readonly name: 'process_name' | 'thread_name'; readonly args: { readonly name: string } }
    | {
        readonly name: 'process_sort_index' | 'thread_sort_index';
        readonly args: { readonly sort_index: number };
      }
  );

export type TraceEvent = SliceEvent | InstantEvent | CounterEvent | SpanEvent | MetadataEvent;
