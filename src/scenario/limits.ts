// The limits that keep every accepted scenario bounded in time and memory. Load-time limits refuse
// a scenario whose estimated size exceeds them (exit 2, the estimate and the limit in the
// message); run-time limits stop a run that goes past them (exit 3). `--limits key=value,...`
// raises or lowers any of them knowingly.

/** Size limits a scenario loads and runs under (see docs/scenarios.md). */
export interface Limits {
  /** People in the org, counting hires: ICs, leads, TLs, the EM and humans. */
  readonly people: number;
  /** Tactical tasks, estimated at load from plans, tiers and arrival rates × windows. */
  readonly tasks: number;
  /** Instructions, counting arrivals (rate × window). */
  readonly instructions: number;
  /** Kernel events a run may fire before it is stopped. */
  readonly events: number;
  /** Simulated hours a run may reach before it is stopped. */
  readonly hours: number;
}

export const DEFAULT_LIMITS: Limits = {
  people: 2_000,
  tasks: 100_000,
  instructions: 20_000,
  events: 20_000_000,
  hours: 2_000_000,
};

/** Kernel events a run may fire by default: a million, and 2,000 more per task it may have. */
export const EVENTS_BASE = 1_000_000;
export const EVENTS_PER_TASK = 2_000;

/**
 * The limits of one scenario: the defaults, with the events limit scaled to its size (so that a
 * small scenario caught in a loop is stopped in seconds, not after 20 million events and
 * gigabytes of log), and whatever the user set knowingly.
 */
export function limitsFor(estimatedTasks: number, set: Partial<Limits> = {}): Limits {
  const events = Math.min(
    DEFAULT_LIMITS.events,
    EVENTS_BASE + EVENTS_PER_TASK * Math.ceil(estimatedTasks),
  );
  return { ...DEFAULT_LIMITS, events, ...set };
}

/**
 * `--limits people=5000,tasks=200000`: the limits named, to replace the defaults. Returns the
 * problem as a sentence when the text is not a list of known `key=whole number` pairs.
 */
export function parseLimits(text: string): Partial<Limits> | string {
  const out: { -readonly [K in keyof Limits]?: number } = {};
  const keys = Object.keys(DEFAULT_LIMITS) as (keyof Limits)[];
  const isKey = (key: string): key is keyof Limits => (keys as string[]).includes(key);
  const pairs = text.split(',').map((p) => p.trim());
  if (pairs.every((p) => p === '')) return `takes key=value pairs (keys: ${keys.join(', ')})`;
  for (const pair of pairs) {
    const [key = '', value = '', ...rest] = pair.split('=');
    if (!isKey(key))
      return `has an unknown limit "${key}": the limits are ${keys.join(', ')} (e.g. --limits tasks=200000)`;
    const n = Number(value);
    if (rest.length > 0 || !/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1)
      return `${key} must be a whole number ≥ 1, got "${[value, ...rest].join('=')}"`;
    out[key] = n;
  }
  return out;
}
