// Reading a saved log back: a run's log reads back to the same records and the same reports, the
// harmless variations of a text file are accepted, and what is too large is refused up front.

import { describe, expect, it } from 'vitest';
import { type FileContent, FORMATS, reportFiles } from '../../src/cli/render.ts';
import { reportsOf } from '../../src/collect/index.ts';
import { LogError, readLog } from '../../src/log/read-log.ts';
import { runSimulation } from '../../src/org/run.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { HAND_LOG, scratch, text } from './hand-log.ts';

const files = scratch('orgsim-read-log-');
const HAND_RECORDS = HAND_LOG.map((line) => JSON.parse(line));

/** Each file's whole content: text in chunks joined, so that two sets of files can be compared. */
function contents(files: Record<string, FileContent>): Record<string, string | Uint8Array> {
  return Object.fromEntries(
    Object.entries(files).map(([name, c]) => [
      name,
      typeof c === 'string' || c instanceof Uint8Array ? c : [...c].join(''),
    ]),
  );
}

describe('readLog', () => {
  it.each(['tier1', 'tier4'])(
    'reads %s’s events.jsonl back to the same bytes and reports',
    async (name) => {
      const scenario = loadScenario(name);
      const { log } = runSimulation(scenario.config, scenario.name);
      const written = log.toJsonLines();
      // tier4's log is larger than the reader's 1 MiB chunks.
      if (name === 'tier4') expect(written.length).toBeGreaterThan(2 ** 20);
      const read = readLog(files.write(`${name}.jsonl`, written));
      expect(read.size).toBe(log.size);
      expect(read.toJsonLines()).toBe(written);
      const formats = new Set(FORMATS);
      const again = await reportFiles(reportsOf(read), read, formats, { copyLog: false });
      // 5 Markdown, 5 JSON, report.html, command-center.html, events.arrow and trace.json.
      expect(Object.keys(again)).toHaveLength(14);
      const first = await reportFiles(reportsOf(log), log, formats, { copyLog: false });
      expect(contents(again)).toEqual(contents(first));
    },
  );

  it('accepts a byte-order mark, blank lines, CRLF line ends and no newline at the end', () => {
    const variants = {
      bom: `\uFEFF${text()}`,
      blank: `\n${text().replaceAll('\n', '\n\n')}`,
      crlf: text().replaceAll('\n', '\r\n'),
      unterminated: text().trimEnd(),
    };
    for (const [name, content] of Object.entries(variants))
      expect(readLog(files.write(`${name}.jsonl`, content)).records, name).toEqual(HAND_RECORDS);
  });

  it('refuses a file larger than the limit before reading it', () => {
    const file = files.write('large.jsonl', text());
    const bytes = Buffer.byteLength(text());
    expect(() => readLog(file, { maxBytes: 1000, maxLineBytes: 1000 })).toThrow(
      `${file} is ${bytes} bytes, more than the 1000 bytes a log may be`,
    );
    expect(readLog(file, { maxBytes: bytes, maxLineBytes: bytes }).records).toEqual(HAND_RECORDS);
  });

  it('refuses a line longer than the limit, naming it', () => {
    // 3 MiB of spaces and no newline: reading stops once the line passes 1 MiB.
    const file = files.write('long-line.jsonl', `${' '.repeat(3 * 2 ** 20)}x\n`);
    expect(() => readLog(file, { maxBytes: 2 ** 30, maxLineBytes: 2 ** 20 })).toThrow(
      `${file}:1: the line is longer than 1 MiB, more than any record of an event log`,
    );
  });

  it('says a file that is not there does not exist', () => {
    const file = `${files.dir}/nowhere/events.jsonl`;
    expect(() => readLog(file)).toThrow(
      `${file} does not exist: give the path of an events.jsonl written by orgsim`,
    );
  });

  it('throws LogError, which the command line turns into exit code 2', () => {
    expect(() => readLog(files.write('empty.jsonl', ''))).toThrow(LogError);
  });
});
