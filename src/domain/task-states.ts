// The task lifecycle's states: camelCase in the machine, UPPER_SNAKE in logs and reports.

export const TASK_STATES = [
  'PENDING',
  'IN_PLANNING',
  'ASSIGNED',
  'IN_PROGRESS',
  'BLOCKED',
  'ESCALATED',
  'UNDER_REVIEW',
  'DOMAIN_REVIEW',
  'READY_FOR_HANDOFF',
  'COMPLETED',
  'CANCELLED',
] as const;

export type TaskState = (typeof TASK_STATES)[number];

/** The states a task can be blocked from, and so resumed into when the blocker clears. */
export const BLOCKABLE_STATES = [
  'ASSIGNED',
  'IN_PROGRESS',
  'UNDER_REVIEW',
  'DOMAIN_REVIEW',
  'READY_FOR_HANDOFF',
] as const satisfies readonly TaskState[];

export type BlockableState = (typeof BLOCKABLE_STATES)[number];

const TO_NODE = {
  PENDING: 'pending',
  IN_PLANNING: 'inPlanning',
  ASSIGNED: 'assigned',
  IN_PROGRESS: 'inProgress',
  BLOCKED: 'blocked',
  ESCALATED: 'escalated',
  UNDER_REVIEW: 'underReview',
  DOMAIN_REVIEW: 'domainReview',
  READY_FOR_HANDOFF: 'readyForHandoff',
  COMPLETED: 'completed',
  CANCELLED: 'cancelled',
} as const satisfies Record<TaskState, string>;

export type TaskStateNode = (typeof TO_NODE)[TaskState];

const FROM_NODE = Object.fromEntries(
  Object.entries(TO_NODE).map(([state, node]) => [node, state]),
) as Record<TaskStateNode, TaskState>;

/** `IN_PROGRESS` → `inProgress`, the machine's state node key. */
export function stateNode(state: TaskState): TaskStateNode {
  return TO_NODE[state];
}

/** `inProgress` → `IN_PROGRESS`; throws on a key that is not a lifecycle state. */
export function stateName(node: string): TaskState {
  const state = FROM_NODE[node as TaskStateNode];
  if (state === undefined) throw new Error(`"${node}" is not a task lifecycle state node.`);
  return state;
}

/** COMPLETED or CANCELLED: the states a task never leaves. */
export function isTerminal(state: TaskState): boolean {
  return state === 'COMPLETED' || state === 'CANCELLED';
}
