// From a finished run's log to the files of its report folder and what the terminal shows.

import type { Reports } from '../collect/index.ts';
import { logToArrow } from '../log/arrow.ts';
import type { EventLog } from '../log/event-log.ts';
import { htmlReport } from '../report/html.ts';
import { allMarkdown } from '../report/markdown.ts';

export const FORMATS = ['table', 'md', 'json', 'html', 'arrow'] as const;
export type Format = (typeof FORMATS)[number];

/** What a run prints and writes unless told: everything but the Arrow copy of its log. */
export const DEFAULT_FORMATS: readonly Format[] = ['table', 'md', 'json', 'html'];

/**
 * A file's content: text, text in chunks (the event log, which can outgrow one string), or bytes
 * (the log's Arrow form).
 */
export type FileContent = string | Iterable<string> | Uint8Array;

/**
 * The report files of a run; with `log`, its event log too, written in chunks, and with the
 * `arrow` format its Arrow form (`events.arrow`).
 */
export async function reportFiles(
  reports: Reports,
  log: EventLog | null,
  formats: ReadonlySet<Format>,
): Promise<Record<string, FileContent>> {
  const files: Record<string, FileContent> =
    log === null ? {} : { 'events.jsonl': log.jsonLineChunks() };
  const md = formats.has('md') || formats.has('html') ? allMarkdown(reports) : {};
  if (formats.has('md')) Object.assign(files, md);
  if (formats.has('json')) {
    files['summary.json'] = `${JSON.stringify(reports.summary, null, 2)}\n`;
    files['capacity.json'] = `${JSON.stringify(reports.capacity, null, 2)}\n`;
    files['bottleneck.json'] = `${JSON.stringify(reports.bottleneck, null, 2)}\n`;
    files['standup.json'] = `${JSON.stringify(reports.standup, null, 2)}\n`;
    files['cost.json'] = `${JSON.stringify(reports.cost, null, 2)}\n`;
  }
  if (formats.has('html')) files['report.html'] = htmlReport(reports, md);
  if (formats.has('arrow') && log !== null) files['events.arrow'] = await logToArrow(log.records);
  return files;
}
