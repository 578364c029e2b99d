// A trace as the JSON file the viewers open, written a megabyte at a time: a large run's trace
// is longer than the longest string V8 can hold.

import type { LogRecord } from '../../log/event-log.ts';
import { traceEvents } from './trace.ts';

const CHUNK = 1 << 20;

/** `trace.json` for a run's log: one event per line, keys in a fixed order. */
export function* traceJsonChunks(records: readonly LogRecord[]): Generator<string> {
  const start = records[0];
  const about =
    start?.type === 'run.start'
      ? { scenario: start.scenario, seed: String(start.seed), strategy: start.strategy }
      : {};
  const otherData = {
    ...about,
    time: 'trace time is simulated time: 1 hour of trace = 1 simulated hour, from hour 0 of the run',
  };
  let chunk = `{"otherData":${JSON.stringify(otherData)},"displayTimeUnit":"ms","traceEvents":[`;
  let first = true;
  for (const event of traceEvents(records)) {
    chunk += `${first ? '\n' : ',\n'}${JSON.stringify(event)}`;
    first = false;
    if (chunk.length >= CHUNK) {
      yield chunk;
      chunk = '';
    }
  }
  yield `${chunk}\n]}\n`;
}
