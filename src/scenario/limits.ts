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
