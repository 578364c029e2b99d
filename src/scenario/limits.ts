// The limits that keep every accepted scenario bounded in time and memory. Load-time limits refuse
// a scenario whose estimated size exceeds them (exit 2, the estimate and the limit in the
// message); run-time limits stop a run that goes past them (exit 3). `--limits key=value,...`
// raises or lowers any of them knowingly.

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

/**
 * `--limits people=5000,tasks=200000`: the defaults with the named limits replaced. Returns the
 * problem as a sentence when the text is not a list of known `key=whole number` pairs.
 */
export function parseLimits(text: string): Limits | string {
  const out: { -readonly [K in keyof Limits]: number } = { ...DEFAULT_LIMITS };
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
