// A corpus of logs that are not whole orgsim logs, each built by hand from the five-line log of
// hand-log.ts: `orgsim report` must name the file, the first bad line and what is wrong with it,
// and exit with 2 without a stack trace.

import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLog } from '../../src/log/read-log.ts';
import { orgsim, type Ran, STACK_FRAME } from '../cli/orgsim.ts';
import { message } from '../collect/log-builder.ts';
import { HAND_LOG, scratch, text, withFields, withLine } from './hand-log.ts';

interface BadLog {
  readonly name: string;
  /** The file's bytes, or `folder` for a folder where the log should be. */
  readonly content: string | Uint8Array | 'folder';
  /** The line the message names, or null where the problem is the file itself. */
  readonly line: number | null;
  /** What the message must say after `file:line: `. */
  readonly says: string;
}

const [START, RECEIVED, MOVE, WORK, END] = HAND_LOG as [string, string, string, string, string];
const STANDUP = JSON.stringify(
  message(1, 'standup', 'standup.report', 'ic-1', 'dl-backend', {
    content: { day: 0, person: 'ic-1', yesterday: [], today: ['T1'], blockers: [] },
  }),
);

const CORPUS: readonly BadLog[] = [
  {
    name: 'a field of the wrong type',
    content: text(withFields(4, { outcome: 3 })),
    line: 4,
    says: 'outcome must be one of "finished", "preempted", "paused", "outage", "dropped", "held", "throttled", got 3',
  },
  {
    name: 'a missing field',
    content: text(withLine(3, MOVE.replace(',"task":"T1"', ''))),
    line: 3,
    says: 'task must be a string, got nothing',
  },
  {
    name: 'an unknown record type',
    content: text(withFields(2, { type: 'instruction.arrived' })),
    line: 2,
    says: 'type must be a record type of an orgsim log (task.transition, task.gate,',
  },
  {
    name: 'a key the record type does not have',
    content: text(withFields(5, { exitCode: 0 })),
    line: 5,
    says: 'the run.end record has an unknown key "exitCode"',
  },
  {
    name: 'a negative time',
    content: text(withFields(3, { t: -0.5 })),
    line: 3,
    says: 't must be ≥ 0, got -0.5',
  },
  {
    name: 'a NaN time, which JSON writes as null',
    content: text(withFields(4, { t: Number.NaN })),
    line: 4,
    says: 't must be a number, got null',
  },
  {
    name: 'a time too large for a number',
    content: text(withLine(4, WORK.replace('"t":2', '"t":1e400'))),
    line: 4,
    says: 't must be a number, got a number too large to hold (Infinity)',
  },
  {
    name: 'a string where a number goes',
    content: text(withFields(5, { openTasks: '0' })),
    line: 5,
    says: 'openTasks must be a number, got "0"',
  },
  {
    name: 'a bad field deep inside run.start',
    content: text(withLine(1, START.replace('"wipLimit":2', '"wipLimit":0'))),
    line: 1,
    says: 'people[3].wipLimit must be ≥ 1, got 0',
  },
  {
    name: 'a second run.start',
    content: text([START, RECEIVED, START, MOVE, WORK, END]),
    line: 3,
    says: 'a second run.start (the first is on line 1): a log holds one run; were two logs joined?',
  },
  {
    name: 'a time earlier than the line before',
    content: text(withFields(4, { t: 0.25 })),
    line: 4,
    says: "t 0.25 is earlier than t 0.5 on line 3: a log's records are in time order",
  },
  {
    name: 'no run.start first',
    content: text([RECEIVED, MOVE, WORK, END]),
    line: 1,
    says: 'the first record must be run.start, got instruction.received',
  },
  {
    name: 'no run.end at the end',
    content: text([START, RECEIVED, MOVE, WORK]),
    line: 4,
    says: 'the log ends here, without a run.end record: it was cut short',
  },
  {
    name: 'a record after run.end',
    content: text([...HAND_LOG, WORK.replace('"t":2', '"t":4')]),
    line: 6,
    says: 'a work record after the run.end on line 5',
  },
  { name: 'an empty file', content: '', line: 1, says: 'is empty' },
  { name: 'only whitespace', content: ' \n\t\n\n', line: 1, says: 'holds only blank lines' },
  {
    name: 'a last line cut short by a killed writer',
    content: text([START, RECEIVED, MOVE, WORK]) + END.slice(0, 20),
    line: 5,
    says: 'is cut short (the file ends mid-line, with no newline)',
  },
  {
    name: 'a line that is not JSON',
    content: text(withLine(2, RECEIVED.slice(0, -1))),
    line: 2,
    says: 'is not JSON: ',
  },
  {
    name: 'a JSON array for a line',
    content: text(withLine(2, '[0,"instruction.received"]')),
    line: 2,
    says: 'must be a JSON object (one record), got [0,"instruction.received"]',
  },
  {
    name: 'a JSON string for a line',
    content: text(withLine(3, '"task.transition"')),
    line: 3,
    says: 'must be a JSON object (one record), got "task.transition"',
  },
  {
    name: 'binary garbage',
    content: Uint8Array.from([0x1f, 0x8b, 0x08, 0x00, 0xff, 0xfe, 0x0a, 0x80, 0x00]),
    line: 1,
    says: 'is not UTF-8 text',
  },
  {
    name: 'garbage after good lines',
    content: Buffer.concat([
      Buffer.from(text([START, RECEIVED])),
      Buffer.from([0xc3, 0x28, 0x0a]),
      Buffer.from(text([MOVE, WORK, END])),
    ]),
    line: 3,
    says: 'is not UTF-8 text',
  },
  {
    name: 'two bad lines',
    content: text(withFields(4, { hours: -1 }).map((l, i) => (i === 1 ? '{}' : l))),
    line: 2,
    says: 'type must be a record type of an orgsim log',
  },
  {
    name: 'standup content the standup report cannot read',
    content: text([
      START,
      RECEIVED,
      MOVE,
      STANDUP.replace('"yesterday":[]', '"yesterday":"T1"'),
      WORK,
      END,
    ]),
    line: 4,
    says: 'content.yesterday must be a list, got "T1"',
  },
  {
    name: 'a folder',
    content: 'folder',
    line: null,
    says: 'is a folder: give the path of the events.jsonl in it',
  },
];

const files = scratch('orgsim-bad-logs-');

/** The corpus entry written to disk: its path. */
function written(bad: BadLog): string {
  const file = join(files.dir, `${bad.name.replaceAll(' ', '-')}.jsonl`);
  if (bad.content === 'folder') mkdirSync(file, { recursive: true });
  else files.write(`${bad.name.replaceAll(' ', '-')}.jsonl`, bad.content);
  return file;
}

function expected(bad: BadLog, file: string): string {
  return bad.line === null ? `${file} ${bad.says}` : `${file}:${bad.line}: ${bad.says}`;
}

describe('a log that is not a whole orgsim log', () => {
  it('has at least 20 cases', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(20);
  });

  it.each(CORPUS)('$name: readLog names the file, the line and the problem', (bad) => {
    const file = written(bad);
    expect(() => readLog(file)).toThrow(expected(bad, file));
  });

  it('counts the bad lines after the first', () => {
    const file = written(CORPUS.find((b) => b.name === 'two bad lines') as BadLog);
    expect(() => readLog(file)).toThrow(/:2: .* \(and 1 more bad line after it\)$/);
  });

  it('orgsim report exits with 2 and one line for each, with no stack trace', async () => {
    // Two at a time: each is a Node process of its own.
    const results: Array<{ bad: BadLog; file: string; r: Ran }> = [];
    const queue = [...CORPUS];
    const worker = async () => {
      for (let bad = queue.shift(); bad !== undefined; bad = queue.shift()) {
        const file = written(bad);
        results.push({ bad, file, r: await orgsim(['report', file, '--quiet']) });
      }
    };
    await Promise.all([worker(), worker()]);
    for (const { bad, file, r } of results) {
      expect(r.code, bad.name).toBe(2);
      expect(r.stdout, bad.name).toBe('');
      expect(r.stderr, bad.name).toContain(expected(bad, file));
      expect(r.stderr.trimEnd().split('\n'), bad.name).toHaveLength(1);
      expect(r.stderr, bad.name).not.toMatch(STACK_FRAME);
    }
    // Nothing was written: not even the `regenerated` folder beside the logs.
    expect(existsSync(join(files.dir, 'regenerated'))).toBe(false);
    // Each process loads all of orgsim through tsx: ~0.7 s of CPU, more on a busy machine.
  }, 180_000);
});
