// From a finished run's log to the files of its report folder and what the terminal shows.

import type { Reports } from '../collect/index.ts';
import { logToArrow } from '../log/arrow.ts';
import type { EventLog } from '../log/event-log.ts';
import { commandCenterPage } from '../report/command-center/page.ts';
import { htmlReport } from '../report/html.ts';
import { allMarkdown } from '../report/markdown.ts';
import { traceJsonChunks } from '../report/trace/trace-json.ts';

export const FORMATS = ['table', 'md', 'json', 'html', 'arrow', 'trace'] as const;
export type Format = (typeof FORMATS)[number];

/** What a run prints and writes unless told: everything but the Arrow copy and the trace. */
export const DEFAULT_FORMATS: readonly Format[] = ['table', 'md', 'json', 'html'];

/**
 * A file's content: text, text in chunks (the event log, which can outgrow one string), or bytes
 * (the log's Arrow form).
 */
export type FileContent = string | Iterable<string> | Uint8Array;

/**
 * The report files of a run from its log: with `copyLog`, the log itself (`events.jsonl`, written
 * in chunks); with the `arrow` format its Arrow form (`events.arrow`); with `trace` the run as a
 * trace for Perfetto (`trace.json`).
 */
export async function reportFiles(
  reports: Reports,
  log: EventLog,
  formats: ReadonlySet<Format>,
  { copyLog }: { readonly copyLog: boolean },
): Promise<Record<string, FileContent>> {
  const files: Record<string, FileContent> = copyLog
    ? { 'events.jsonl': log.jsonLineChunks() }
    : {};
  const md = formats.has('md') || formats.has('html') ? allMarkdown(reports) : {};
  if (formats.has('md')) Object.assign(files, md);
  if (formats.has('json')) {
    files['summary.json'] = `${JSON.stringify(reports.summary, null, 2)}\n`;
    files['capacity.json'] = `${JSON.stringify(reports.capacity, null, 2)}\n`;
    files['bottleneck.json'] = `${JSON.stringify(reports.bottleneck, null, 2)}\n`;
    files['standup.json'] = `${JSON.stringify(reports.standup, null, 2)}\n`;
    files['cost.json'] = `${JSON.stringify(reports.cost, null, 2)}\n`;
  }
  if (formats.has('html')) {
    files['report.html'] = htmlReport(reports, md);
    files['command-center.html'] = commandCenterPage(reports);
  }
  if (formats.has('arrow')) files['events.arrow'] = await logToArrow(log.records);
  if (formats.has('trace')) files['trace.json'] = traceJsonChunks(log.records);
  return files;
}
