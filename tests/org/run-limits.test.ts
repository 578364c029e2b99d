// The run-time guard: a run is stopped with RunLimitError before it fires more kernel events than
// `limits.events`, or an event past `limits.hours`; a horizon within the limit still ends a run
// normally. A calendar of a few seconds a day, which the schema refuses, is stopped too.

import { describe, expect, it } from 'vitest';
import type { Tier } from '../../src/domain/gates.ts';
import { RunLimitError } from '../../src/kernel/limits-error.ts';
import { type RunLimits, runSimulation } from '../../src/org/run.ts';
import type { SimConfig } from '../../src/scenario/config.ts';
import { defaultConfig, defaultOrg } from '../../src/scenario/defaults.ts';
import { DEFAULT_LIMITS } from '../../src/scenario/limits.ts';

const one = (tier: Tier, at = 0) => ({ id: 'I1', at, tier, priority: 2 as const, title: 'x' });

/** The error `runSimulation` throws under `limits`, or a failure if it ran. */
function stopped(config: SimConfig, limits: RunLimits): RunLimitError {
  try {
    runSimulation(config, 'limited', { limits });
  } catch (error) {
    if (error instanceof RunLimitError) return error;
    throw error;
  }
  return expect.fail(`the run finished under ${JSON.stringify(limits)}`);
}

/** The numbers after `label` in a message: "t=1,234.5 h" → 1234.5. */
const numberAfter = (message: string, label: string): number => {
  const match = new RegExp(`${label}([\\d,.]+)`).exec(message);
  if (match === null) return expect.fail(`no "${label}" in: ${message}`);
  return Number((match[1] as string).replaceAll(',', '').replace(/\.$/, ''));
};

describe('the limit on kernel events', () => {
  it('stops tier 4 after 1,000 events, naming the limit and how to raise it', () => {
    const error = stopped(defaultConfig({ seed: 1, instructions: [one(4)] }), {
      events: 1000,
      hours: DEFAULT_LIMITS.hours,
    });
    expect(error.name).toBe('RunLimitError');
    expect(error.message).toMatch(/^the run was stopped after 1,000 events at t=/);
    expect(error.message).toContain('(limit --limits events=1000)');
  });

  it('lets a run fire exactly as many events as the limit, and not one more', () => {
    const config = defaultConfig({ seed: 1, instructions: [one(2)] });
    const fired = runSimulation(config).world.kernel.eventsFired;
    const limits = (events: number) => ({ events, hours: DEFAULT_LIMITS.hours });
    const { log, world } = runSimulation(config, 'limited', { limits: limits(fired) });
    expect(world.kernel.eventsFired).toBe(fired);
    expect(log.records.at(-1)).toMatchObject({ type: 'run.end', reason: 'done' });
    expect(stopped(config, limits(fired - 1)).message).toContain(
      `after ${(fired - 1).toLocaleString('en-US')} events`,
    );
  });
});

describe('the limit on simulated hours', () => {
  it('stops tier 4 (about 650 h) before its first event past 100 h', () => {
    const error = stopped(defaultConfig({ seed: 1, instructions: [one(4)] }), {
      events: DEFAULT_LIMITS.events,
      hours: 100,
    });
    expect(error.message).toContain('(limit --limits hours=100)');
    expect(numberAfter(error.message, 'stopped at t=')).toBeLessThanOrEqual(100);
    expect(numberAfter(error.message, 'next event is at t=')).toBeGreaterThan(100);
  });

  it('stops a run whose first instruction comes after the limit before it fires anything', () => {
    const error = stopped(defaultConfig({ instructions: [one(1, 1_000_000)] }), {
      events: DEFAULT_LIMITS.events,
      hours: 500_000,
    });
    expect(error.message).toMatch(
      /^the run was stopped at t=0 h after 0 events: its next event is at t=1,000,000 h, past the limit of 500,000 simulated hours \(limit --limits hours=500000\)/,
    );
  });

  it('runs an instruction at hour 1,000,000 under the default limit (2,000,000 h)', () => {
    const { log } = runSimulation(defaultConfig({ instructions: [one(1, 1_000_000)] }));
    expect(log.records.at(-1)).toMatchObject({ type: 'run.end', reason: 'done' });
  });

  it('ends a run at a horizon within the limit as a horizon, and stops one whose horizon is beyond it', () => {
    const config = (horizonHours: number) =>
      defaultConfig({ seed: 1, horizonHours, instructions: [one(4)] });
    const limits = { events: DEFAULT_LIMITS.events, hours: 100 };
    const { log } = runSimulation(config(50), 'limited', { limits });
    expect(log.records.at(-1)).toMatchObject({ type: 'run.end', t: 50, reason: 'horizon' });
    expect(runSimulation(config(100), 'limited', { limits }).log.records.at(-1)).toMatchObject({
      t: 100,
      reason: 'horizon',
    });
    expect(stopped(config(500), limits).message).toContain('--limits hours=100');
  });
});

describe('a calendar of a few seconds a day (bypassing the schema)', () => {
  // A quarter-hour intake takes 25,000 days at 0.00001 h a day, 250 million at a nanosecond: the
  // run crawls through simulated time instead of ending. The guard stops it whichever limit it
  // meets first.
  for (const hoursPerDay of [1e-5, 1e-9]) {
    const crawling = defaultConfig({
      org: defaultOrg({ calendar: { hoursPerDay, startHour: 0 } }),
      instructions: [one(1)],
    });

    it(`is stopped within a small limit on events (${hoursPerDay} h a day)`, () => {
      const error = stopped(crawling, { events: 100, hours: DEFAULT_LIMITS.hours });
      expect(error.message).toContain('after 100 events');
    });

    it(`is stopped by the default limit on hours (${hoursPerDay} h a day)`, () => {
      expect(stopped(crawling, DEFAULT_LIMITS).message).toContain('--limits hours=2000000');
    });
  }
});
