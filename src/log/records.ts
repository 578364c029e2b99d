// Every kind of record the event log holds. Plain JSON-serialisable objects, each stamped with the
// simulated time `t`; reports are computed from these alone.

import type { ActivityKind } from '../domain/activity.ts';
import type { BudgetPolicy } from '../domain/budget.ts';
import type { Calendar } from '../domain/calendar.ts';
import type { BlockerType, EscalationLevel, EscalationRole } from '../domain/escalation.ts';
import type { EscalationAction, EscalationOutcome } from '../domain/escalation-policy.ts';
import type { Tier } from '../domain/gates.ts';
import type { Domain, Role } from '../domain/org.ts';
import type { RunOutcome } from '../domain/outcome.ts';
import type { SlaState } from '../domain/sla.ts';
import type { TaskReport } from '../domain/task-events.ts';
import type { Hours } from '../kernel/time.ts';

export type Protocol = 'delegation' | 'broadcast' | 'handoff' | 'standup';

/** Which budget a record is about: the run's, or the day's. */
export type BudgetScope = 'run' | 'day';

/**
 * How a slice of work ended. `paused`: stopped for a ritual at its hour, resumed after it; `held`:
 * stopped because a budget was spent, resumed when it resets.
 */
export type WorkOutcome = 'finished' | 'preempted' | 'paused' | 'outage' | 'dropped' | 'held';

export type OrgRecord =
  | {
      type: 'instruction.received';
      instruction: string;
      tier: Tier;
      priority: number;
      title: string;
    }
  | { type: 'instruction.decided'; instruction: string; go: boolean; reason: string; by: string }
  | {
      type: 'instruction.completed';
      instruction: string;
      leadTimeHours: Hours;
      tasks: number;
      cancelled: number;
    }
  | {
      type: 'plan.strategic';
      instruction: string;
      by: string;
      strategic: Array<{
        id: string;
        domain: Domain;
        milestone: number;
        dependsOn: readonly string[];
      }>;
    }
  | {
      type: 'plan.tactical';
      instruction: string;
      strategic: string;
      by: string;
      tasks: Array<{
        id: string;
        domain: Domain;
        estimateHours: Hours;
        complexity: number;
        dependsOn: readonly string[];
        priority: number;
        architectural: boolean;
      }>;
    }
  | {
      type: 'task.ready';
      task: string;
      domain: Domain;
      team: string;
      /** The task's real effort at full skill, drawn when it is released: what bounds any schedule. */
      effortHours: Hours;
    }
  | {
      type: 'task.preempted';
      task: string;
      person: string;
      /** The more urgent task that took its place (`outage`: the IC who is out). */
      by: string;
      /**
       * `desk`: its work paused for P0 work on the same desk; `slot`: its WIP slot was taken;
       * `outage`: its lead took it back from an IC who is out.
       */
      kind: 'desk' | 'slot' | 'outage';
    }
  | {
      type: 'message';
      protocol: Protocol;
      kind: string;
      from: string;
      to: string;
      task?: string;
      instruction?: string;
      recipients?: number;
      content?: unknown;
    }
  | {
      type: 'work';
      person: string;
      kind: ActivityKind;
      task?: string;
      /** The instruction the work served: its task's, or its own (intake, planning); none for rituals. */
      instruction?: string;
      /** When the activity reached the person's desk, and when this slice of it started. */
      queuedAt: Hours;
      startedAt: Hours;
      hours: Hours;
      outcome: WorkOutcome;
      /** Tokens the slice used, input and output (none for a human). */
      tokensIn: number;
      tokensOut: number;
      costUsd: number;
    }
  | {
      type: 'escalation.opened';
      escalation: string;
      task: string;
      route: BlockerType | 'sla';
      /** For an SLA breach: the state the task was late in. */
      state?: SlaState;
      level: EscalationLevel;
      role: EscalationRole;
      to: string;
    }
  | {
      /** A rung's decision on an escalation it worked, and what came of it. */
      type: 'escalation.decided';
      escalation: string;
      task: string;
      by: string;
      level: EscalationLevel;
      role: EscalationRole;
      action: EscalationAction;
      outcome: EscalationOutcome;
      detail?: string;
      /** A referral: who has it now. */
      to?: string;
    }
  | {
      type: 'escalation.climbed';
      escalation: string;
      task: string;
      level: EscalationLevel;
      role: EscalationRole;
      to: string;
    }
  | {
      type: 'escalation.resolved';
      escalation: string;
      task: string;
      by: string;
      level: EscalationLevel;
      outcome: Exclude<EscalationOutcome, 'referred'>;
      hoursToResolve: Hours;
    }
  | {
      type: 'capacity.forecast';
      team: string;
      domain: Domain;
      availableHours: Hours;
      committedHours: Hours;
      oversubscribed: boolean;
      /** The same, per IC in the domain's pool. */
      ics: Array<{ id: string; availableHours: Hours; committedHours: Hours }>;
    }
  | {
      type: 'rebalance';
      kind: 'borrow' | 'defer';
      team: string;
      domain: Domain;
      person?: string;
      tasks?: string[];
      until: Hours;
    }
  | {
      type: 'outage';
      person: string;
      phase: 'start' | 'end';
      /** At the start: who covers for them, if anyone. */
      cover?: string;
    }
  | {
      /** The EM approved overtime (`start`: working `hoursPerDay` a day from now), or it ended. */
      type: 'overtime';
      person: string;
      phase: 'start' | 'end';
      hoursPerDay: Hours;
    }
  | {
      type: 'hire';
      person: string;
      team: string;
      domain: Domain;
      /**
       * Productivity rises linearly from `startProductivity` to 1 over `rampUpDays` days. Always
       * written; a log from before ramp-ups has neither: productive at once.
       */
      rampUpDays?: number;
      startProductivity?: number;
    }
  | {
      type: 'requirement.changed';
      instruction: string;
      /**
       * `applied`; `tooLate`: the instruction had finished, nothing changed; `declined`: the EM
       * declined the instruction before its plan was out, so there was nothing to change. Always
       * written; a log from before it existed has none, and its changes were applied.
       */
      outcome?: 'applied' | 'tooLate' | 'declined';
      cancelled: string[];
      /** Every unfinished task's new estimate, and for a released one its new effort. */
      rescaled?: {
        factor: number;
        tasks: Array<{ id: string; estimateHours: Hours; effortHours?: Hours }>;
      };
      /**
       * The strategic task added to the plan (the instruction's `plan.strategic` stays as the TL
       * published it), sent to its domain's lead: its tasks come in that lead's `plan.tactical`.
       */
      added?: {
        strategic: string;
        domain: Domain;
        milestone: number;
        dependsOn: readonly string[];
        tasks: string[];
      };
    }
  | {
      /** Spending reached `threshold` of a budget: logged once per threshold (per day for `day`). */
      type: 'budget.alert';
      scope: BudgetScope;
      /** The day of the org's clock, for a daily budget. */
      day?: number;
      threshold: number;
      /** Spent against this budget at the crossing (the day's spend for `day`). */
      spentUsd: number;
      budgetUsd: number;
      share: number;
    }
  | {
      /** Spending reached a budget: its policy takes effect. */
      type: 'budget.exhausted';
      scope: BudgetScope;
      day?: number;
      spentUsd: number;
      budgetUsd: number;
      policy: BudgetPolicy;
    }
  | {
      /** A new day: a spent daily budget is available again, and its policy lifted. */
      type: 'budget.reset';
      scope: 'day';
      day: number;
    }
  | {
      type: 'run.start';
      scenario: string;
      seed: number;
      strategy: string;
      horizonHours: Hours | null;
      budgetUsd: number | null;
      dailyBudgetUsd: number | null;
      budgetPolicy: BudgetPolicy;
      budgetAlerts: readonly number[];
      forecastHours: Hours;
      people: Array<{
        id: string;
        role: Role;
        team: string;
        domain?: Domain;
        calendar: Calendar;
        wipLimit?: number;
        skills?: Partial<Record<Domain, number>>;
      }>;
      /** The scenario's warnings (legal input, almost certainly not meant); absent when none. */
      warnings?: readonly string[];
    }
  | {
      type: 'run.end';
      reason: RunOutcome;
      openTasks: number;
      /** With a budget: the spend accrued by the end, work in progress included. */
      spentUsd?: number;
    };

export type LogRecord = { t: Hours } & (TaskReport | OrgRecord);
