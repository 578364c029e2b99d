// The limits: `--limits` text, the defaults, and the events limit scaled to a scenario's size so
// that a small scenario caught in a loop stops after about a million events, not twenty.

import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, limitsFor, parseLimits } from '../../src/scenario/limits.ts';
import { loadScenario } from '../../src/scenario/load.ts';

describe('--limits', () => {
  it('names only what the user set', () => {
    expect(parseLimits('tasks=200000')).toEqual({ tasks: 200_000 });
    expect(parseLimits(' people=5 , events=7 ')).toEqual({ people: 5, events: 7 });
  });

  it('says what is wrong with a bad list', () => {
    expect(parseLimits('speed=3')).toMatch(/has an unknown limit "speed"/);
    expect(parseLimits('tasks=0')).toBe('tasks must be a whole number ≥ 1, got "0"');
    expect(parseLimits('tasks=1.5')).toBe('tasks must be a whole number ≥ 1, got "1.5"');
    expect(parseLimits('tasks=1=2')).toBe('tasks must be a whole number ≥ 1, got "1=2"');
    expect(parseLimits('tasks=1e3')).toBe('tasks must be a whole number ≥ 1, got "1e3"');
    expect(parseLimits(',')).toMatch(/takes key=value pairs/);
  });
});

describe('the limits of a scenario', () => {
  it('scale the events limit with the tasks it may have: 1,000,000 + 2,000 a task', () => {
    expect(limitsFor(0).events).toBe(1_000_000);
    expect(limitsFor(180).events).toBe(1_360_000);
    // Capped at the default's 20 million from 9,500 tasks on.
    expect(limitsFor(9_500).events).toBe(20_000_000);
    expect(limitsFor(100_000).events).toBe(20_000_000);
    expect(limitsFor(10, { events: 5 }).events).toBe(5);
    expect(limitsFor(10, { tasks: 7 })).toEqual({ ...DEFAULT_LIMITS, events: 1_020_000, tasks: 7 });
  });

  it('are worked out from the file at load', () => {
    // tier1: one strategic task of one tactical task. tier4: at most 36 × 5 = 180 tasks.
    expect(loadScenario('tier1').limits.events).toBe(1_002_000);
    expect(loadScenario('tier4').limits.events).toBe(1_360_000);
    expect(loadScenario('tier4', { limits: { events: 99 } }).limits.events).toBe(99);
  });
});
