// Whatever the schema accepts, `report` can report on: a real log with records dropped, repeated,
// pointed at people, tasks and instructions that do not exist, given extreme numbers or standup
// content of the wrong shape either fails the schema or yields every report, never a crash.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORMATS, reportFiles } from '../../src/cli/render.ts';
import { reportsOf } from '../../src/collect/index.ts';
import { checkRecord } from '../../src/log/check-record.ts';
import { EventLog } from '../../src/log/event-log.ts';
import type { LogRecord } from '../../src/log/records.ts';
import { runSimulation } from '../../src/org/run.ts';
import { terminalReport } from '../../src/report/terminal.ts';
import { loadScenario } from '../../src/scenario/load.ts';

const scenario = loadScenario('ic-outage');
const BASE: readonly Record<string, unknown>[] = JSON.parse(
  `[${runSimulation(scenario.config, scenario.name).log.toJsonLines().trimEnd().replaceAll('\n', ',')}]`,
);

const REFERENCES = ['person', 'from', 'to', 'by', 'assignee', 'reviewer', 'task', 'instruction'];
const EXTREMES = [0, 0.5, 1e-300, 5e15, 1e308];

interface Mutation {
  readonly at: number;
  readonly kind: 'drop' | 'repeat' | 'ghost' | 'extreme' | 'state' | 'content';
  readonly n: number;
}

/** One change to the record at `at`, picked by `kind`; `n` varies the change. */
const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat({ max: BASE.length - 3 }).map((i) => i + 1),
  kind: fc.constantFrom('drop', 'repeat', 'ghost', 'extreme', 'state', 'content'),
  n: fc.nat({ max: 20 }),
});

function mutated(changes: readonly Mutation[]): Record<string, unknown>[] {
  const records = BASE.map((r) => structuredClone(r));
  for (const { at, kind, n } of changes) {
    const record = records[at];
    if (record === undefined || at === records.length - 1) continue;
    if (kind === 'drop') records.splice(at, 1);
    if (kind === 'repeat') records.splice(at, 0, structuredClone(record));
    if (kind === 'ghost')
      for (const key of REFERENCES) if (key in record) record[key] = `ghost-${n}`;
    if (kind === 'extreme') {
      const keys = Object.keys(record).filter((k) => k !== 't' && typeof record[k] === 'number');
      const key = keys[n % Math.max(1, keys.length)];
      if (key !== undefined) record[key] = EXTREMES[n % EXTREMES.length];
    }
    // What the n-th standup message carries, one field replaced by a value of the wrong shape.
    if (kind === 'content') {
      const standups = records.filter((r) => r.protocol === 'standup');
      const content = standups[(at * 7 + n) % standups.length]?.content as Record<string, unknown>;
      const keys = Object.keys(content);
      content[keys[n % keys.length] ?? 'day'] = [5, 'none', { a: 1 }][n % 3];
    }
    if (kind === 'state' && record.type === 'task.transition')
      record.to = ['COMPLETED', 'CANCELLED', 'BLOCKED', 'PENDING', 'ESCALATED'][n % 5];
  }
  return records;
}

describe('a log the schema accepts', () => {
  it('always yields every report, the Arrow form of the log and its trace', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 6 }), async (changes) => {
        const records = mutated(changes);
        fc.pre(records.every((r) => checkRecord(r).ok));
        const log = new EventLog();
        for (const r of records) log.append(r as LogRecord);
        const reports = reportsOf(log);
        const files = await reportFiles(reports, log, new Set(FORMATS), { copyLog: true });
        // events.jsonl, 5 Markdown, 5 JSON, report.html, command-center.html, events.arrow and
        // trace.json.
        expect(Object.keys(files)).toHaveLength(15);
        expect(() =>
          JSON.parse([...(files['trace.json'] as Iterable<string>)].join('')),
        ).not.toThrow();
        expect(terminalReport(reports, { colour: false }).length).toBeGreaterThan(0);
      }),
      { numRuns: 60, seed: 10 },
    );
  });
});
