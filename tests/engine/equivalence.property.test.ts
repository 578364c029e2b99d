// The fast engine against XState itself: every shipped scenario, and hundreds of small random orgs
// that exercise every feature the machines take part in (tiers 1–4, outages, hires, requirement
// changes, budgets that hold work, preemption, overtime, escalations), must write byte-identical logs.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STRATEGY_NAMES } from '../../src/domain/assignment/index.ts';
import type { LogRecord } from '../../src/log/event-log.ts';
import { runSimulation } from '../../src/org/run.ts';
import type { SimConfig } from '../../src/scenario/config.ts';
import { loadScenario, scenarioNames } from '../../src/scenario/load.ts';
import { configOf, org } from './generated-org.ts';

/** Runs `config` on both engines; throws naming the first line where their logs differ. */
function expectSameLog(config: SimConfig, name = 'custom'): readonly LogRecord[] {
  const xstate = runSimulation({ ...config, engine: 'xstate' }, name).log;
  const fast = runSimulation({ ...config, engine: 'fast' }, name).log;
  const a = xstate.toJsonLines();
  const b = fast.toJsonLines();
  if (a === b) return fast.records;
  throw new Error(firstDifference(a.split('\n'), b.split('\n')));
}

const clip = (line: string | undefined) =>
  line === undefined ? '(no such line)' : line.length > 600 ? `${line.slice(0, 600)}…` : line;

/** Where two logs part, with both lines: enough to start from, without megabytes of log. */
function firstDifference(xstate: readonly string[], fast: readonly string[]): string {
  let i = 0;
  while (i < xstate.length && i < fast.length && xstate[i] === fast[i]) i++;
  return [
    `the engines' logs differ first at line ${i + 1} (xstate: ${xstate.length} lines, fast: ${fast.length})`,
    `  xstate: ${clip(xstate[i])}`,
    `  fast:   ${clip(fast[i])}`,
  ].join('\n');
}

/** What a log shows happened: each feature counted once per run it appears in. */
const FEATURES = {
  'tier 1': (r) => r.type === 'instruction.received' && r.tier === 1,
  'tier 2': (r) => r.type === 'instruction.received' && r.tier === 2,
  'tier 3': (r) => r.type === 'instruction.received' && r.tier === 3,
  'tier 4': (r) => r.type === 'instruction.received' && r.tier === 4,
  'architecture review': (r) => r.type === 'task.gate' && r.gate === 'architectureReview',
  'two teams': (r) => r.type === 'run.start' && r.people.some((p) => p.team === 'team-2'),
  'office hours': (r) =>
    r.type === 'run.start' && r.people.some((p) => p.role === 'IC' && p.calendar.hoursPerDay < 24),
  'always on': (r) =>
    r.type === 'run.start' &&
    r.people.some((p) => p.role === 'IC' && p.calendar.hoursPerDay === 24),
  blocker: (r) => r.type === 'task.transition' && r.to === 'BLOCKED',
  'outage, uncovered': (r) => r.type === 'outage' && r.phase === 'start' && r.cover === undefined,
  'outage, covered': (r) => r.type === 'outage' && r.phase === 'start' && r.cover !== undefined,
  'hire ramping up': (r) => r.type === 'hire' && (r.rampUpDays ?? 0) > 0,
  'requirement change cancelling': (r) =>
    r.type === 'requirement.changed' && r.outcome === 'applied' && r.cancelled.length > 0,
  'requirement change rescaling': (r) =>
    r.type === 'requirement.changed' && r.outcome === 'applied' && r.rescaled !== undefined,
  'requirement change adding': (r) =>
    r.type === 'requirement.changed' && r.outcome === 'applied' && r.added !== undefined,
  'budget alert': (r) => r.type === 'budget.alert',
  'budget exhausted': (r) => r.type === 'budget.exhausted',
  'work held on a budget': (r) => r.type === 'work' && r.outcome === 'held',
  'daily budget reset': (r) => r.type === 'budget.reset',
  'intake refused': (r) => r.type === 'instruction.decided' && !r.go,
  'P0 incident': (r) => r.type === 'instruction.received' && r.priority === 0,
  'slot preemption': (r) => r.type === 'task.preempted' && r.kind === 'slot',
  'desk preemption': (r) => r.type === 'task.preempted' && r.kind === 'desk',
  overtime: (r) => r.type === 'overtime' && r.phase === 'start',
  'SLA breach': (r) => r.type === 'task.slaBreach',
  'escalation on an SLA': (r) => r.type === 'escalation.opened' && r.route === 'sla',
  'escalation on a blocker': (r) => r.type === 'escalation.opened' && r.route !== 'sla',
  'escalation climbing': (r) => r.type === 'escalation.climbed',
  rebalance: (r) => r.type === 'rebalance',
  'run done': (r) => r.type === 'run.end' && r.reason === 'done',
  'run cut at the horizon': (r) => r.type === 'run.end' && r.reason === 'horizon',
  'run stopped on its budget': (r) => r.type === 'run.end' && r.reason === 'budgetStop',
} satisfies Record<string, (r: LogRecord) => boolean>;

type Feature = keyof typeof FEATURES;

const RUNS = 400;

/**
 * Runs of the 400 that must show each feature: a third or less of what the generator gives on
 * average, so that a generator drifting away from a feature fails and chance almost never does.
 * The rare five come in 3–6 % of runs (about 14–24 of 400): fewer than 3 of one of them by chance
 * is about 1 in 10,000 at worst.
 */
const AT_LEAST: Partial<Record<Feature, number>> = {
  'escalation climbing': 3,
  'intake refused': 3,
  overtime: 3,
  'desk preemption': 3,
  'slot preemption': 3,
};
const MINIMUM = 20;

describe('the fast engine and XState', () => {
  it(`write byte-identical logs for ${RUNS} random small orgs, every feature in play`, () => {
    const seen = new Map<Feature, number>();
    const strategies = new Set<string>();
    fc.assert(
      fc.property(org, (s) => {
        const records = expectSameLog(configOf(s));
        strategies.add(s.strategy);
        for (const [feature, shows] of Object.entries(FEATURES) as [
          Feature,
          (r: LogRecord) => boolean,
        ][])
          if (records.some(shows)) seen.set(feature, (seen.get(feature) ?? 0) + 1);
      }),
      { numRuns: RUNS },
    );
    // Only once every run agreed: the generator still exercises what it is meant to.
    const counts = Object.fromEntries(
      (Object.keys(FEATURES) as Feature[]).map((f) => [f, seen.get(f) ?? 0]),
    );
    const thin = Object.entries(counts).filter(([f, n]) => n < (AT_LEAST[f as Feature] ?? MINIMUM));
    expect(thin, `features seen in too few runs: ${JSON.stringify(counts)}`).toEqual([]);
    expect([...strategies].sort()).toEqual([...STRATEGY_NAMES].sort());
  }, 240_000);
});

const SHIPPED = scenarioNames();

describe('the fast engine and XState on every shipped scenario', () => {
  it('find the shipped scenarios', () => {
    expect(SHIPPED.length).toBeGreaterThanOrEqual(10);
  });

  for (const name of SHIPPED) {
    it(`write the same log for ${name}`, () => {
      const { config, limits, warnings } = loadScenario(name);
      const run = (engine: SimConfig['engine']) =>
        runSimulation({ ...config, engine }, name, { limits, warnings }).log;
      const fast = run('fast');
      const xstate = run('xstate');
      if (fast.sha256() !== xstate.sha256())
        throw new Error(
          `${name}: ${firstDifference(xstate.toJsonLines().split('\n'), fast.toJsonLines().split('\n'))}`,
        );
      expect(fast.records.at(-1)?.type).toBe('run.end');
    });
  }
});
