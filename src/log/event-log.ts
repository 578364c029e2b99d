// The event log: every transition, gate outcome and SLA breach, stamped with simulated time.
// Reports are computed from it alone; serialised as JSON lines it is the run's fingerprint.

import { createHash } from 'node:crypto';
import type { LogRecord } from './records.ts';

export type { LogRecord } from './records.ts';

const HASH_BATCH = 1 << 20;

/** A run's event log: its records in order, as JSON lines, and their SHA-256. */
export class EventLog {
  private readonly entries: LogRecord[] = [];

  append(record: LogRecord): void {
    this.entries.push(record);
  }

  get records(): readonly LogRecord[] {
    return this.entries;
  }

  get size(): number {
    return this.entries.length;
  }

  /** One JSON object per line, keys in the order they were written: byte-stable for a seed. */
  toJsonLines(): string {
    let out = '';
    for (const chunk of this.jsonLineChunks()) out += chunk;
    return out;
  }

  /**
   * The JSON-lines form a megabyte at a time, for writing and hashing: the whole form of a large
   * run is longer than the longest string V8 can hold (~512 MiB).
   */
  *jsonLineChunks(): Generator<string> {
    let batch = '';
    for (const record of this.entries) {
      batch += `${JSON.stringify(record)}\n`;
      if (batch.length >= HASH_BATCH) {
        yield batch;
        batch = '';
      }
    }
    if (batch !== '') yield batch;
  }

  /**
   * SHA-256 of the JSON-lines form, in hex. Hashed a megabyte at a time: the whole form of a
   * large run is longer than the longest string V8 can hold (~512 MiB).
   */
  sha256(): string {
    const hash = createHash('sha256');
    for (const chunk of this.jsonLineChunks()) hash.update(chunk);
    return hash.digest('hex');
  }
}
