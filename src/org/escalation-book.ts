// The escalations of a run: every one opened, by id, and per task the blocker and the SLA look-in
// it has open. Numbering is by order of opening, E-n for a blocker and B-n for a late task.

import type { BlockerType, EscalationLevel } from '../domain/escalation.ts';
import type { SlaState } from '../domain/sla.ts';
import type { Hours } from '../kernel/time.ts';

export interface Escalation {
  readonly id: string;
  readonly task: string;
  readonly route: BlockerType | 'sla';
  /** For an SLA breach, the state the task was late in. */
  readonly state: SlaState | null;
  readonly openedAt: Hours;
  /** People the escalation sits with, and the ladder level of each. */
  readonly holders: Map<string, EscalationLevel>;
  /** What the holders are asked: a blocker, a look at a late task, or capacity for it (the EM). */
  stage: 'blocker' | 'lookIn' | 'capacity';
  /** Someone has begun working on it: it no longer waits on a desk. */
  started: boolean;
  resolved: boolean;
}

export class EscalationBook {
  private readonly byId = new Map<string, Escalation>();
  private readonly blockers = new Map<string, Escalation>();
  private readonly lookIns = new Map<string, Escalation>();

  /** Opens an escalation of `task` at `now`: a blocker's, or (route `sla`) a late task's look-in. */
  open(task: string, route: Escalation['route'], state: SlaState | null, now: Hours): Escalation {
    const escalation: Escalation = {
      id: `${route === 'sla' ? 'B' : 'E'}-${this.byId.size + 1}`,
      task,
      route,
      state,
      openedAt: now,
      holders: new Map(),
      stage: route === 'sla' ? 'lookIn' : 'blocker',
      started: false,
      resolved: false,
    };
    this.byId.set(escalation.id, escalation);
    (route === 'sla' ? this.lookIns : this.blockers).set(task, escalation);
    return escalation;
  }

  get(id: string | undefined): Escalation | undefined {
    return id === undefined ? undefined : this.byId.get(id);
  }

  /** The task's last blocker escalation, resolved or not. */
  blockerOf(task: string): Escalation | undefined {
    return this.blockers.get(task);
  }

  /** The task's last SLA look-in, resolved or not. */
  lookInOf(task: string): Escalation | undefined {
    return this.lookIns.get(task);
  }
}
