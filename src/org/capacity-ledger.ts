// What the EM has decided about capacity: which ICs are on overtime and until when, and when
// capacity was last asked for each team's domain (a lead asks at most once a day).

import type { Hours } from '../kernel/time.ts';

export class CapacityLedger {
  private readonly overtimeUntil = new Map<string, Hours>();
  private readonly asked = new Map<string, Hours>();

  onOvertime(person: string): boolean {
    return this.overtimeUntil.has(person);
  }

  startOvertime(person: string, until: Hours): void {
    this.overtimeUntil.set(person, until);
  }

  endOvertime(person: string): void {
    this.overtimeUntil.delete(person);
  }

  /** When capacity was last asked for `domain` in `team`, if ever. */
  askedAt(team: string, domain: string): Hours | undefined {
    return this.asked.get(`${team}/${domain}`);
  }

  ask(team: string, domain: string, now: Hours): void {
    this.asked.set(`${team}/${domain}`, now);
  }
}
