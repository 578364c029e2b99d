// The writer and the reader agree: every record a run writes is one the log's schema accepts, on
// every shipped scenario and on small runs built to write the record types those never do.

import { describe, expect, it } from 'vitest';
import { checkRecord } from '../../src/log/check-record.ts';
import type { LogRecord } from '../../src/log/records.ts';
import { RECORD_TYPES } from '../../src/log/schema.ts';
import { runSimulation } from '../../src/org/run.ts';
import type { SimConfig } from '../../src/scenario/config.ts';
import { defaultConfig } from '../../src/scenario/defaults.ts';
import { loadScenario, loadScenarioObject, scenarioNames } from '../../src/scenario/load.ts';
import { fullDomainOnOfficeHours, job, NO_BLOCKERS, NO_GATES, oneIc } from '../org/fixtures.ts';

/** Each record that fails the schema, as JSON written to disk and read back, with why. */
function rejected(records: readonly LogRecord[]): string[] {
  const bad: string[] = [];
  for (const record of records) {
    const checked = checkRecord(JSON.parse(JSON.stringify(record)));
    if (!checked.ok) bad.push(`${JSON.stringify(record)}: ${checked.problem}`);
  }
  return bad;
}

/** A run's records, simulated once however many tests read them. */
function once(config: () => SimConfig, name?: string): () => readonly LogRecord[] {
  let records: readonly LogRecord[] | undefined;
  return () => {
    records ??= runSimulation(config(), name).log.records;
    return records;
  };
}

/** Agents on a model that often stops early: executions handed in unfinished. */
const stoppedEarly = once(
  () =>
    loadScenarioObject({
      name: 'stops',
      seed: 3,
      models: { quick: { failures: { stopEarly: 0.5 } } },
      org: { model: 'quick', teams: [{ id: 't', ics: { backend: 2, qa: 1 } }] },
      instructions: [{ id: 'A', at: 0, tier: 2, domains: ['backend', 'qa'] }],
    }).config,
);

/** A release the CTO, on office hours, cannot approve before its one-hour timeout denies it. */
const denied = once(
  () =>
    loadScenarioObject({
      name: 'denied',
      seed: 2,
      org: {
        ics: { backend: 1 },
        humans: [{ id: 'cto', calendar: { hoursPerDay: 8, startHour: 9 } }],
      },
      approvals: [{ id: 'release', approvers: ['cto'], timeoutHours: 1, onTimeout: 'deny' }],
      instructions: [{ id: 'A', at: 18, tier: 1, domains: ['backend'] }],
    }).config,
);

/**
 * A backend agent whose 2-turn cap (20,000 tokens: 24 minutes of light coding at 50,000 an hour)
 * fails its 48-minute task, and so its instruction.
 */
const failed = once(
  () =>
    loadScenarioObject({
      name: 'failed',
      models: { m: { tokensPerRequest: 10_000, caps: { maxTurns: 2, onCap: 'fail' } } },
      org: { model: 'm', ics: { backend: 1 } },
      instructions: [{ id: 'A', at: 0, tier: 1, domains: ['backend'] }],
    }).config,
);

const SCENARIO_RUNS = Object.fromEntries(
  scenarioNames().map((name) => [name, once(() => loadScenario(name).config, name)]),
);

/** $100 a day against 25 h of $10-an-hour work: spent on days 0 and 1, reset at 24 and 48. */
const dailyBudget = once(() => oneIc({ dailyBudgetUsd: 100, policy: 'p0Only' }, [job('A', 1, 25)]));

/** Three 30 h tasks for one backend IC on office hours whom nobody can relieve: overtime. */
const overtime = once(() =>
  defaultConfig({
    blockers: NO_BLOCKERS,
    gates: NO_GATES,
    effort: { kind: 'fixed' },
    ...fullDomainOnOfficeHours(),
  }),
);

/** The backend lead is out from 2 h; the blocker waits its 2 h SLA, then climbs to the TL. */
const climbed = once(() =>
  defaultConfig({
    blockers: { ...NO_BLOCKERS, technical: 1 },
    gates: NO_GATES,
    effort: { kind: 'fixed' },
    instructions: [job('A', 1, 4)],
    outages: [{ person: 'dl-backend', from: 2, to: 100 }],
  }),
);

const count = (records: readonly LogRecord[], type: LogRecord['type']) =>
  records.filter((r) => r.type === type).length;

describe('the event log schema', () => {
  it.each(scenarioNames())('accepts every record the %s scenario writes', (name) => {
    const records = SCENARIO_RUNS[name]?.() ?? [];
    expect(records.length).toBeGreaterThan(100);
    expect(rejected(records)).toEqual([]);
  });

  it('accepts the alerts, exhaustions and resets of a daily budget', () => {
    const records = dailyBudget();
    expect(count(records, 'budget.alert')).toBe(2);
    expect(count(records, 'budget.exhausted')).toBe(2);
    expect(count(records, 'budget.reset')).toBe(2);
    expect(rejected(records)).toEqual([]);
  });

  it('accepts the overtime the EM approves for a full domain on office hours', () => {
    const records = overtime();
    expect(count(records, 'overtime')).toBe(2);
    expect(rejected(records)).toEqual([]);
  });

  it('accepts the early stops of agents that often stop early', () => {
    const records = stoppedEarly();
    expect(count(records, 'stop.early')).toBeGreaterThan(0);
    expect(rejected(records)).toEqual([]);
  });

  it('accepts an escalation that climbs past an absent lead', () => {
    const records = climbed();
    expect(count(records, 'escalation.climbed')).toBe(1);
    expect(rejected(records)).toEqual([]);
  });

  it('accepts the denial of an approval that timed out', () => {
    const records = denied();
    expect(count(records, 'instruction.denied')).toBe(1);
    expect(count(records, 'instruction.completed')).toBe(0);
    expect(rejected(records)).toEqual([]);
  });

  it('accepts a task failed by its cap, closing its instruction', () => {
    const records = failed();
    expect(count(records, 'instruction.failed')).toBe(1);
    expect(count(records, 'instruction.completed')).toBe(0);
    expect(rejected(records)).toEqual([]);
  });

  it('has every record type written by one of the runs above', () => {
    const seen = new Set<string>();
    for (const run of [
      ...Object.values(SCENARIO_RUNS),
      dailyBudget,
      overtime,
      climbed,
      stoppedEarly,
      denied,
      failed,
    ])
      for (const r of run()) seen.add(r.type);
    expect(RECORD_TYPES.filter((type) => !seen.has(type))).toEqual([]);
  });
});
