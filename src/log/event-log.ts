// The event log: every transition, gate outcome and SLA breach, stamped with simulated time.
// Reports are computed from it alone; serialised as JSON lines it is the run's fingerprint.
//
// It is stored in columns, not as record objects: for each record the number of its shape (its
// keys and the kind of each value, record-shapes.ts), then its numbers in a float column and its
// strings as ids into an intern table. A 100,000-task year's three million records then cost a
// few dozen typed arrays instead of three million objects for the garbage collector to walk. The
// JSON lines and the hash are written from the columns; record objects are built only when a
// reader asks for them.

import { createHash } from 'node:crypto';
import { type Column, float64Column, int32Column, uint16Column } from './columns.ts';
import { Kind, kindOf, Shapes, type Sources } from './record-shapes.ts';
import type { LogRecord } from './records.ts';

export type { LogRecord } from './records.ts';

const HASH_BATCH = 1 << 20;
/**
 * The JSON lines of a log up to this many characters are kept once hashed, so that writing
 * `events.jsonl` next does not make them again; a longer log is made twice rather than held.
 */
const KEEP_CHARS = 64 * (1 << 20);

/** A run's event log: its records in order, as JSON lines, and their SHA-256. */
export class EventLog {
  private readonly shapes = new Shapes();
  private readonly shapeIds: Column<Uint16Array> = uint16Column();
  private readonly numbers: Column<Float64Array> = float64Column();
  /** String ids and object indexes, in the order of the values that are not numbers. */
  private readonly refs: Column<Int32Array> = int32Column();
  private readonly strings: string[] = [];
  private readonly stringIds = new Map<string, number>();
  /** Each string's JSON form, made the first time a line needs it. */
  private readonly quoted: Array<string | undefined> = [];
  private readonly objects: unknown[] = [];
  // Scratch space for the record being appended: its keys and kinds, reused record to record.
  private readonly keys: string[] = [];
  private readonly kinds: Kind[] = [];
  private built: readonly LogRecord[] | null = null;
  private hash: string | null = null;
  private kept: readonly string[] | null = null;

  /**
   * Told of each record as it is appended, when set: the run's event rules watch the log as a
   * fleet's rules engine watches its event stream (src/org/rules.ts).
   */
  watcher: ((t: number, record: Omit<LogRecord, 't'>) => void) | null = null;

  append(record: LogRecord): void {
    this.close(record.type, this.storeFields(record, 0));
    this.watcher?.(record.t, record);
  }

  /** Appends `{ t, ...rest }` without building that object first. */
  appendAt(t: number, rest: Omit<LogRecord, 't'>): void {
    this.keys[0] = 't';
    this.kinds[0] = this.store(t);
    this.close(rest.type, this.storeFields(rest, 1));
    this.watcher?.(t, rest);
  }

  /** Stores each field of `fields` as the record's keys from `from` on; returns the key count. */
  private storeFields(fields: object, from: number): number {
    let count = from;
    for (const key in fields) {
      this.keys[count] = key;
      this.kinds[count] = this.store((fields as Record<string, unknown>)[key]);
      count++;
    }
    return count;
  }

  private store(value: unknown): Kind {
    const kind = kindOf(value);
    if (kind === Kind.number) this.numbers.push(value as number);
    else if (kind === Kind.string) this.refs.push(this.intern(value as string));
    else if (kind === Kind.object) this.refs.push(this.objects.push(value) - 1);
    return kind;
  }

  private close(type: string, count: number): void {
    this.shapeIds.push(this.shapes.idOf(type, this.keys, this.kinds, count));
    this.built = null;
    this.hash = null;
    this.kept = null;
  }

  private intern(text: string): number {
    let id = this.stringIds.get(text);
    if (id === undefined) {
      id = this.strings.push(text) - 1;
      this.stringIds.set(text, id);
    }
    return id;
  }

  /** The records as objects, built on first use after the last append. */
  get records(): readonly LogRecord[] {
    if (this.built === null) {
      const out: LogRecord[] = [];
      for (const record of this.each()) out.push(record);
      this.built = out;
    }
    return this.built;
  }

  get size(): number {
    return this.shapeIds.length;
  }

  /** Each record as an object, built as it is reached: for one pass without holding them all. */
  *each(): Generator<LogRecord> {
    const shapeIds = this.shapeIds.reader();
    const numbers = this.numbers.reader();
    const refs = this.refs.reader();
    const from: Sources = { numbers, refs, strings: this.strings, objects: this.objects };
    for (let i = 0, n = this.size; i < n; i++)
      yield this.shapes.get(shapeIds.next()).build(from) as LogRecord;
  }

  /** One JSON object per line, keys in the order they were written: byte-stable for a seed. */
  toJsonLines(): string {
    let out = '';
    for (const chunk of this.jsonLineChunks()) out += chunk;
    return out;
  }

  /**
   * The JSON-lines form a megabyte at a time, for writing and hashing: the whole form of a large
   * run is longer than the longest string V8 can hold (~512 MiB). Each line is what
   * `JSON.stringify` writes for the record, made from the columns.
   */
  *jsonLineChunks(): Generator<string> {
    if (this.kept !== null) yield* this.kept;
    else yield* this.makeChunks();
  }

  private *makeChunks(): Generator<string> {
    const shapeIds = this.shapeIds.reader();
    const numbers = this.numbers.reader();
    const refs = this.refs.reader();
    let batch = '';
    for (let i = 0, n = this.size; i < n; i++) {
      const { kinds, prefixes } = this.shapes.get(shapeIds.next());
      let line = '{';
      for (let k = 0; k < kinds.length; k++) {
        const kind = kinds[k];
        if (kind === Kind.undefined) continue;
        line += prefixes[k];
        if (kind === Kind.number) {
          const value = numbers.next();
          line += Number.isFinite(value) ? String(value) : 'null';
        } else if (kind === Kind.string) line += this.quote(refs.next());
        else if (kind === Kind.object) line += JSON.stringify(this.objects[refs.next()]);
        else line += JSON_CONSTANTS[kind as Kind];
      }
      batch += `${line}}\n`;
      if (batch.length >= HASH_BATCH) {
        yield batch;
        batch = '';
      }
    }
    if (batch !== '') yield batch;
  }

  private quote(id: number): string {
    let text = this.quoted[id];
    if (text === undefined) {
      text = JSON.stringify(this.strings[id]);
      this.quoted[id] = text;
    }
    return text;
  }

  /**
   * SHA-256 of the JSON-lines form, in hex, computed once until the next append. Hashed a
   * megabyte at a time: the whole form of a large run is longer than the longest string V8 can
   * hold (~512 MiB). Up to KEEP_CHARS, the chunks hashed are kept for `jsonLineChunks`.
   */
  sha256(): string {
    if (this.hash === null) {
      const hash = createHash('sha256');
      let kept: string[] | null = [];
      let chars = 0;
      for (const chunk of this.makeChunks()) {
        hash.update(chunk);
        chars += chunk.length;
        if (chars > KEEP_CHARS) kept = null;
        else kept?.push(chunk);
      }
      this.hash = hash.digest('hex');
      this.kept = kept;
    }
    return this.hash;
  }
}

const JSON_CONSTANTS: Record<Kind, string> = ['', '', 'true', 'false', 'null', '', ''];
