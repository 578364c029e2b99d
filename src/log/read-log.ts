// Reads a saved event log (`events.jsonl`) for `orgsim report`: every line must be a record the
// log's schema accepts, the first the run's `run.start` and the last its `run.end`, and times must
// never go back. The first problem is a LogError naming the file, line, field, value and fix.

import { statSync } from 'node:fs';
import { join } from 'node:path';
import { checkRecord } from './check-record.ts';
import { EventLog } from './event-log.ts';
import { byteSize, LineError, type LineLimits, readLines } from './lines.ts';

/**
 * The largest log `report` reads: 1 GiB, about 5 million records. A run writes ~40 records and
 * ~8 KiB a task, so a run at the load-time limit of 100,000 tasks writes ~800 MB; reporting on
 * 3 million records takes ~2 GB of memory, and much past 1 GiB would exhaust Node's heap. One
 * line may hold 64 MiB (a plan of 100,000 tasks is ~15 MB).
 */
export const LOG_LIMITS: LineLimits = { maxBytes: 2 ** 30, maxLineBytes: 64 * 2 ** 20 };

/** A log that is not one orgsim wrote, or not whole: exit code 2, no stack trace. */
export class LogError extends Error {
  override readonly name = 'LogError';
}

export function readLog(file: string, limits: LineLimits = LOG_LIMITS): EventLog {
  checkFile(file, limits);
  const reader = new LogReader(file);
  try {
    for (const line of readLines(file, limits))
      reader.read(line.number, line.text, line.terminated);
  } catch (error) {
    if (!(error instanceof LineError)) throw error;
    reader.problem(error.line, error.problem);
    return reader.finish(false);
  }
  return reader.finish(true);
}

/** Refuses, before reading a byte, what cannot be a log: nothing there, a folder, too large. */
function checkFile(file: string, limits: LineLimits): void {
  let stats: ReturnType<typeof statSync>;
  try {
    stats = statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? 'unknown error'})`;
    throw new LogError(`${file} ${why}: give the path of an events.jsonl written by orgsim`);
  }
  if (stats.isDirectory())
    throw new LogError(
      `${file} is a folder: give the path of the events.jsonl in it, such as ${join(file, 'events.jsonl')}`,
    );
  if (stats.size > limits.maxBytes)
    throw new LogError(
      `${file} is ${byteSize(stats.size)}, more than the ${byteSize(limits.maxBytes)} a log may be: it is not one orgsim wrote, or its run was far beyond orgsim's limits`,
    );
}

/** Checks lines one by one; keeps the first problem and counts the lines with others. */
class LogReader {
  private readonly log = new EventLog();
  private first: string | null = null;
  private moreBad = 0;
  private lines = 0;
  private records = 0;
  private runStartLine = 0;
  private runEndLine = 0;
  private lastT = 0;
  private lastLine = 0;

  constructor(private readonly file: string) {}

  read(number: number, text: string, terminated: boolean): void {
    this.lines++;
    const line = number === 1 && text.startsWith('\uFEFF') ? text.slice(1) : text;
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      this.problem(
        number,
        terminated
          ? `is not JSON: ${(error as Error).message}`
          : 'is cut short (the file ends mid-line, with no newline): the run that wrote it was stopped while writing; run the scenario again',
      );
      return;
    }
    const checked = checkRecord(value);
    if (!checked.ok) {
      this.problem(number, checked.problem);
      return;
    }
    const { record } = checked;
    this.records++;
    if (this.records === 1 && record.type !== 'run.start') {
      this.problem(
        number,
        `the first record must be run.start, got ${record.type}: the log lost its start, or it is not an orgsim log`,
      );
      return;
    }
    if (record.type === 'run.start' && this.runStartLine !== 0) {
      this.problem(
        number,
        `a second run.start (the first is on line ${this.runStartLine}): a log holds one run; were two logs joined?`,
      );
      return;
    }
    if (this.runEndLine !== 0) {
      this.problem(
        number,
        `a ${record.type} record after the run.end on line ${this.runEndLine}: a log ends with its run.end; were two logs joined?`,
      );
      return;
    }
    if (record.type === 'run.start') this.runStartLine = number;
    if (record.type === 'run.end') this.runEndLine = number;
    if (record.t < this.lastT) {
      this.problem(
        number,
        `t ${record.t} is earlier than t ${this.lastT} on line ${this.lastLine}: a log's records are in time order`,
      );
      return;
    }
    this.lastT = record.t;
    this.lastLine = number;
    if (this.first === null) this.log.append(record);
  }

  problem(number: number, what: string): void {
    if (this.first === null) this.first = `${this.file}:${number}: ${what}`;
    else this.moreBad++;
  }

  /** The log; or the first problem, with how many other lines had one if `counted` is true. */
  finish(counted: boolean): EventLog {
    if (this.first !== null) {
      const more =
        counted && this.moreBad > 0
          ? ` (and ${this.moreBad} more bad line${this.moreBad === 1 ? '' : 's'} after it)`
          : '';
      throw new LogError(`${this.first}${more}`);
    }
    if (this.records === 0)
      throw new LogError(
        `${this.file}:1: ${this.lines === 0 ? 'is empty' : 'holds only blank lines'}: an orgsim event log starts with a run.start record`,
      );
    if (this.runEndLine === 0)
      throw new LogError(
        `${this.file}:${this.lastLine}: the log ends here, without a run.end record: it was cut short; run the scenario again for a whole log`,
      );
    return this.log;
  }
}
