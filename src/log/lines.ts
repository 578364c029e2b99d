// Reads an event log line by line, a megabyte at a time, so that a log of any size is read without
// holding it in one string, and a file that is not text (or not one that ends) stops early.

import { isUtf8 } from 'node:buffer';
import { closeSync, openSync, readSync } from 'node:fs';

export interface Line {
  /** 1-based. */
  readonly number: number;
  readonly text: string;
  /** False for a last line with no newline after it: a writer killed mid-line leaves one. */
  readonly terminated: boolean;
}

export interface LineLimits {
  /** Bytes the whole file may hold. */
  readonly maxBytes: number;
  /** Bytes one line may hold. */
  readonly maxLineBytes: number;
}

/** Why reading stopped before the end of the file: the line it stopped at, and why. */
export class LineError extends Error {
  override readonly name = 'LineError';

  constructor(
    readonly line: number,
    readonly problem: string,
  ) {
    super(`line ${line}: ${problem}`);
  }
}

const CHUNK_BYTES = 1 << 20;
const NEWLINE = 0x0a;

/** The lines of `file`, decoded as UTF-8; throws LineError past a limit or on bytes not UTF-8. */
export function* readLines(file: string, limits: LineLimits): Generator<Line> {
  const fd = openSync(file, 'r');
  const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  // The bytes after the last newline read so far: the start of a line still being read.
  let pending = Buffer.alloc(0);
  let number = 0;
  let total = 0;
  try {
    for (;;) {
      const read = readSync(fd, chunk, 0, CHUNK_BYTES, null);
      if (read === 0) break;
      total += read;
      if (total > limits.maxBytes)
        throw new LineError(
          number + 1,
          `the file is larger than ${byteSize(limits.maxBytes)}, the most an event log may hold`,
        );
      const data =
        pending.length === 0
          ? chunk.subarray(0, read)
          : Buffer.concat([pending, chunk.subarray(0, read)]);
      // A newline byte never occurs inside a multi-byte UTF-8 character: cutting there is safe.
      const end = data.lastIndexOf(NEWLINE);
      if (end === -1) {
        pending = Buffer.from(data);
        if (pending.length > limits.maxLineBytes)
          throw new LineError(
            number + 1,
            `the line is longer than ${byteSize(limits.maxLineBytes)}, more than any record of an event log`,
          );
        continue;
      }
      const text = decode(data.subarray(0, end), number + 1);
      pending = Buffer.from(data.subarray(end + 1));
      for (const line of text.split('\n')) yield { number: ++number, text: line, terminated: true };
    }
    if (pending.length > 0)
      yield { number: number + 1, text: decode(pending, number + 1), terminated: false };
  } finally {
    closeSync(fd);
  }
}

/** UTF-8 text, or a LineError naming the first line that is not. */
function decode(bytes: Buffer, firstLine: number): string {
  if (!isUtf8(bytes)) {
    let line = firstLine;
    for (let start = 0; ; line++) {
      const end = bytes.indexOf(NEWLINE, start);
      if (end === -1 || !isUtf8(bytes.subarray(start, end))) break;
      start = end + 1;
    }
    throw new LineError(line, 'is not UTF-8 text: an event log is JSON lines, one record a line');
  }
  return bytes.toString('utf8');
}

/** `512 bytes`, `64 MiB`, `2 GiB`: a size as a message shows it. */
export function byteSize(bytes: number): string {
  const units: Array<[string, number]> = [
    ['GiB', 2 ** 30],
    ['MiB', 2 ** 20],
  ];
  for (const [unit, size] of units)
    if (bytes >= size) return `${Number((bytes / size).toFixed(1))} ${unit}`;
  return `${bytes} bytes`;
}
