// The line reader: lines cut at newlines whatever the chunk boundaries, UTF-8 checked, a cut last
// line flagged, and the limits on a file and a line kept while reading.

import { describe, expect, it } from 'vitest';
import { LineError, readLines } from '../../src/log/lines.ts';
import { scratch } from './hand-log.ts';

const files = scratch('orgsim-lines-');
const ROOMY = { maxBytes: 2 ** 30, maxLineBytes: 2 ** 26 };

describe('readLines', () => {
  it('reads lines that straddle the 1 MiB chunks, multi-byte characters included', () => {
    // Lines of 1,000 bytes with their newline: a 5-digit number, then 497 'é' of 2 bytes each at
    // odd offsets. The chunk boundaries at 1,048,576 and 2,097,152 bytes fall at offsets 576 and
    // 152 of lines 1,049 and 2,098: inside an 'é'.
    const lines = Array.from(
      { length: 2500 },
      (_, i) => String(i).padStart(5, '0') + 'é'.repeat(497),
    );
    const file = files.write('long.txt', lines.map((l) => `${l}\n`).join(''));
    const read = [...readLines(file, ROOMY)];
    expect(read.map((l) => l.text)).toEqual(lines);
    expect(read.map((l) => l.number)).toEqual(lines.map((_, i) => i + 1));
    expect(read.every((l) => l.terminated)).toBe(true);
  });

  it('flags a last line with no newline after it', () => {
    const file = files.write('cut.txt', 'a\nb\nc');
    expect([...readLines(file, ROOMY)]).toEqual([
      { number: 1, text: 'a', terminated: true },
      { number: 2, text: 'b', terminated: true },
      { number: 3, text: 'c', terminated: false },
    ]);
  });

  it('gives an empty line for each blank line, and nothing for an empty file', () => {
    expect([...readLines(files.write('blank.txt', '\n\n'), ROOMY)].map((l) => l.text)).toEqual([
      '',
      '',
    ]);
    expect([...readLines(files.write('empty.txt', ''), ROOMY)]).toEqual([]);
  });

  it('names the first line that is not UTF-8', () => {
    const file = files.write(
      'latin1.txt',
      Buffer.concat([
        Buffer.from('ok\nfine\n'),
        Buffer.from([0x63, 0x61, 0x66, 0xe9]),
        Buffer.from('\nok\n'),
      ]),
    );
    expect(() => [...readLines(file, ROOMY)]).toThrow(
      new LineError(3, 'is not UTF-8 text: an event log is JSON lines, one record a line'),
    );
  });

  it('stops at a line longer than the limit, before reading the rest', () => {
    // 3 MiB with no newline against a 2 MiB line limit: it stops after the third chunk.
    const file = files.write('one-line.txt', `ok\n${'x'.repeat(3 * 2 ** 20)}`);
    expect(() => [...readLines(file, { maxBytes: 2 ** 30, maxLineBytes: 2 * 2 ** 20 })]).toThrow(
      new LineError(2, 'the line is longer than 2 MiB, more than any record of an event log'),
    );
  });

  it('stops once the file has passed its limit', () => {
    // 3 MiB of "a\n" against a 2 MiB limit: the first two chunks hold lines 1 to 1,048,576, and
    // reading the third passes the limit.
    const file = files.write('big.txt', 'a\n'.repeat(3 * 2 ** 19));
    expect(() => [...readLines(file, { maxBytes: 2 * 2 ** 20, maxLineBytes: 100 })]).toThrow(
      new LineError(2 ** 20 + 1, 'the file is larger than 2 MiB, the most an event log may hold'),
    );
  });
});
