// From a finished run's log to the files of its report folder and what the terminal shows.

import { collect, type Reports } from '../collect/index.ts';
import type { EventLog } from '../log/event-log.ts';
import { htmlReport } from '../report/html.ts';
import { allMarkdown } from '../report/markdown.ts';

export const FORMATS = ['table', 'md', 'json', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export function reportFiles(
  reports: Reports,
  log: EventLog,
  formats: ReadonlySet<Format>,
): Record<string, string> {
  const files: Record<string, string> = { 'events.jsonl': log.toJsonLines() };
  if (formats.has('md')) Object.assign(files, allMarkdown(reports));
  if (formats.has('json')) {
    files['summary.json'] = `${JSON.stringify(reports.summary, null, 2)}\n`;
    files['capacity.json'] = `${JSON.stringify(reports.capacity, null, 2)}\n`;
    files['bottleneck.json'] = `${JSON.stringify(reports.bottleneck, null, 2)}\n`;
    files['standup.json'] = `${JSON.stringify(reports.standup, null, 2)}\n`;
    files['cost.json'] = `${JSON.stringify(reports.cost, null, 2)}\n`;
  }
  if (formats.has('html')) files['report.html'] = htmlReport(reports);
  return files;
}

export function reportsOf(log: EventLog): Reports {
  return collect(log.records, log.sha256());
}
