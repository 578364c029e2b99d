// What the task lifecycle machine accepts and what it reports. The reports are the raw material
// of the event log: the host stamps each with the simulated time.

import {
  type BlockerType,
  type EscalationLevel,
  type EscalationRole,
  roleAt,
  visitStartLevel,
} from './escalation.ts';
import type { Gate } from './gates.ts';
import type { SlaState } from './sla.ts';
import type { TaskState } from './task-states.ts';

export type TaskEvent =
  | { type: 'task.plan' }
  | { type: 'task.assign'; assignee: string }
  | { type: 'task.start' }
  | { type: 'task.submit' }
  | { type: 'task.block'; blocker: BlockerType }
  | { type: 'blocker.escalate' }
  | { type: 'blocker.resolved' }
  | { type: 'review.approved'; gate: Gate; reviewer: string }
  | { type: 'review.rejected'; gate: Gate; reviewer: string }
  /** Its change is merged into its team branch (git modelled): it may complete. */
  | { type: 'change.merged' }
  /** A conflict in it was resolved by rebasing: its reviews start again at its first gate. */
  | { type: 'change.reviewAgain' }
  | { type: 'handoff.accepted' }
  | { type: 'handoff.returned' }
  | { type: 'task.reassign'; assignee: string }
  /** More urgent work takes the task's WIP slot: back to the backlog, with the work it has left. */
  | { type: 'task.preempt' }
  | { type: 'task.cancel'; reason: string };

export type TaskEventType = TaskEvent['type'];

export interface TransitionReport {
  type: 'task.transition';
  task: string;
  /** null when the task is created. */
  from: TaskState | null;
  to: TaskState;
  /** The event type that caused it, `sla.breach`, `task.created` or `handoff.notRequired`. */
  cause: string;
  /** Entering ASSIGNED: who holds the task now. */
  assignee?: string;
  /** Entering BLOCKED: what kind of blocker. */
  blocker?: BlockerType;
  /** Entering ESCALATED: the rung of the ladder the escalation lands on. */
  level?: EscalationLevel;
  role?: EscalationRole;
}

export interface GateReport {
  type: 'task.gate';
  task: string;
  gate: Gate;
  outcome: 'passed' | 'rejected';
  reviewer: string;
}

export interface SlaBreachReport {
  type: 'task.slaBreach';
  task: string;
  state: SlaState;
  /** The k-th breach of this state visit: it fired k × slaHours after entry. */
  breach: number;
  slaHours: number;
}

export type TaskReport = TransitionReport | GateReport | SlaBreachReport;

/** What a transition into `to` records beyond from/to/cause, read from the task's context. */
export function transitionDetails(
  to: TaskState,
  context: { assignee: string | null; blocker: BlockerType | null },
): Pick<TransitionReport, 'assignee' | 'blocker' | 'level' | 'role'> {
  if (to === 'ASSIGNED' && context.assignee !== null) return { assignee: context.assignee };
  if (to === 'BLOCKED' && context.blocker !== null) return { blocker: context.blocker };
  if (to === 'ESCALATED' && context.blocker !== null) {
    const level = visitStartLevel(to, context.blocker);
    return { level, role: roleAt(level) };
  }
  return {};
}

/** The cause recorded for a transition, from the XState event that drove it. */
export function transitionCause(eventType: string, from: TaskState | null, to: TaskState): string {
  if (from === null) return 'task.created';
  if (eventType.startsWith('xstate.after.')) return 'sla.breach';
  if (
    from === 'READY_FOR_HANDOFF' &&
    to === 'COMPLETED' &&
    eventType !== 'handoff.accepted' &&
    eventType !== 'change.merged'
  ) {
    return 'handoff.notRequired';
  }
  return eventType;
}
