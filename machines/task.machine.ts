// The task lifecycle: PENDING → IN_PLANNING → ASSIGNED → IN_PROGRESS → UNDER_REVIEW →
// DOMAIN_REVIEW → READY_FOR_HANDOFF → COMPLETED (once its change is merged, when the run models
// git), with BLOCKED → ESCALATED as the escape path,
// rework on review rejection, CANCELLED from anywhere, and per-state SLAs that climb the
// escalation ladder. This machine is the single definition of the lifecycle.

import { assign, emit, setup } from 'xstate';
import type { BlockerType } from '../src/domain/escalation.ts';
import { stateAfterGates } from '../src/domain/gates.ts';
import { type SlaState, slaHours } from '../src/domain/sla.ts';
import {
  type TaskEvent,
  type TaskReport,
  transitionCause,
  transitionDetails,
} from '../src/domain/task-events.ts';
import type { TaskInput } from '../src/domain/task-input.ts';
import {
  BLOCKABLE_STATES,
  type BlockableState,
  stateNode,
  type TaskState,
} from '../src/domain/task-states.ts';

export interface TaskContext extends TaskInput {
  /** The state the task is in, as logged; null only before the first entry. */
  state: TaskState | null;
  /** Gates passed, in order, since the last rework. */
  passed: number;
  assignee: string | null;
  /** Where a blocked task returns once its blocker is resolved. */
  resumeTo: BlockableState | null;
  blocker: BlockerType | null;
  /** SLA breaches of this state visit so far. */
  breaches: number;
  reworks: number;
  /** Whether its change is in its team's branch: false until merged when the run models git. */
  merged: boolean;
}

/**
 * The k-th SLA breach of a visit fires k × SLA(state) after entry. An ordinary state breaches
 * once; an escalated blocker up to three times, each a chance for the org to take it higher.
 */
type Breach = 1 | 2 | 3;

function currentSla(context: TaskContext): number {
  return slaHours(context.sla, context.state as SlaState, context.estimateHours);
}

const taskSetup = setup({
  types: {
    context: {} as TaskContext,
    events: {} as TaskEvent,
    input: {} as TaskInput,
    emitted: {} as TaskReport,
  },
  guards: {
    needsPlanning: ({ context }) => !context.skipsPlanning,
    skipsPlanning: ({ context }) => context.skipsPlanning,
    /** Nothing keeps a task from COMPLETED: no consumer to hand off to, its change merged. */
    mayComplete: ({ context }) => !context.hasConsumer && context.merged,
    isMerged: ({ context }) => context.merged,
    /** An unmerged change's review opens again at its first gate, in `state`. */
    reviewsAgainIn: ({ context }, params: { state: TaskState }) =>
      !context.merged &&
      context.gates.length > 0 &&
      stateAfterGates(context.gates, 0) === params.state,
    nextStateIs: ({ context }, params: { state: TaskState }) =>
      stateAfterGates(context.gates, context.passed) === params.state,
    reviewsCurrentGate: ({ context, event }) => isCurrentGateReview(context, event),
    passLeadsTo: ({ context, event }, params: { state: TaskState }) =>
      isCurrentGateReview(context, event) &&
      stateAfterGates(context.gates, context.passed + 1) === params.state,
    resumesTo: ({ context }, params: { state: BlockableState }) =>
      context.resumeTo === params.state,
    isBreach: ({ context }, params: { k: Breach }) => context.breaches === params.k - 1,
  },
  actions: {
    announce: emit(({ context, event }, params: { state: TaskState }) => ({
      type: 'task.transition' as const,
      task: context.id,
      from: context.state,
      to: params.state,
      cause: transitionCause(event.type, context.state, params.state),
      ...transitionDetails(params.state, context),
    })),
    track: assign(({ context }, params: { state: TaskState }) => {
      const escaping = params.state === 'BLOCKED' || params.state === 'ESCALATED';
      return {
        state: params.state,
        resumeTo: escaping ? context.resumeTo : null,
        blocker: escaping ? context.blocker : null,
        breaches: 0,
      };
    }),
    setAssignee: assign({
      assignee: ({ event }) => ('assignee' in event ? event.assignee : null),
    }),
    clearAssignee: assign({ assignee: () => null }),
    markMerged: assign({ merged: () => true }),
    reopenReview: assign({ passed: () => 0 }),
    holdBlocker: assign(({ context, event }) => ({
      resumeTo: context.state as BlockableState,
      blocker: event.type === 'task.block' ? event.blocker : context.blocker,
    })),
    passGate: assign({ passed: ({ context }) => context.passed + 1 }),
    startRework: assign({
      passed: () => 0,
      reworks: ({ context }) => context.reworks + 1,
    }),
    reportGate: emit(({ context, event }) => ({
      type: 'task.gate' as const,
      task: context.id,
      gate: context.gates[context.passed] ?? 'peerReview',
      outcome: event.type === 'review.rejected' ? ('rejected' as const) : ('passed' as const),
      reviewer: 'reviewer' in event ? event.reviewer : '',
    })),
    countBreach: assign({ breaches: ({ context }) => context.breaches + 1 }),
    reportBreach: emit(({ context }, params: { k: Breach }) => ({
      type: 'task.slaBreach' as const,
      task: context.id,
      state: context.state as SlaState,
      breach: params.k,
      slaHours: currentSla(context),
    })),
  },
  delays: {
    sla1: ({ context }) => currentSla(context),
    sla2: ({ context }) => 2 * currentSla(context),
    sla3: ({ context }) => 3 * currentSla(context),
  },
});

function isCurrentGateReview(context: TaskContext, event: TaskEvent): boolean {
  if (event.type !== 'review.approved' && event.type !== 'review.rejected') return false;
  if (event.gate !== context.gates[context.passed]) return false;
  // No one peer-reviews their own work.
  return event.gate !== 'peerReview' || event.reviewer !== context.assignee;
}

/** Entry actions every state shares: log the transition, then record the new state. */
function enter(state: TaskState) {
  return [
    { type: 'announce', params: { state } },
    { type: 'track', params: { state } },
  ] as const;
}

/** The k-th SLA breach of a visit (after the (k−1)-th): reported, the task stays where it is. */
function breach<K extends Breach>(k: K) {
  return {
    guard: { type: 'isBreach', params: { k } },
    actions: [{ type: 'reportBreach', params: { k } }, 'countBreach'],
  } as const;
}

/** An ordinary state breaches once: who acts on it is the org's decision (src/org/escalations). */
function slaOnce() {
  return { sla1: breach(1) } as const;
}

/** An escalated blocker breaches each SLA period, up to three: each a chance to take it higher. */
function escalatedSla() {
  return { sla1: breach(1), sla2: breach(2), sla3: breach(3) } as const;
}

/** A task that has not passed a gate gives its WIP slot up to more urgent work: back to PENDING. */
const preempt = { target: 'pending', actions: 'clearAssignee' } as const;

const block = { target: 'blocked', actions: 'holdBlocker' } as const;

/** Every non-terminal state can be cancelled; terminal states accept nothing at all. */
const cancel = { target: 'cancelled' } as const;

const resume = BLOCKABLE_STATES.map((state) => ({
  guard: { type: 'resumesTo', params: { state } } as const,
  target: stateNode(state),
}));

/** An approval of the current gate that moves the task on to `state`. */
function approveTo<S extends 'DOMAIN_REVIEW' | 'READY_FOR_HANDOFF'>(state: S) {
  return {
    guard: { type: 'passLeadsTo', params: { state } },
    target: state === 'DOMAIN_REVIEW' ? 'domainReview' : 'readyForHandoff',
    actions: ['reportGate', 'passGate'],
  } as const;
}

/** An approval after which the next gate is held in the same review state. */
function approveAndStay<S extends 'UNDER_REVIEW' | 'DOMAIN_REVIEW'>(state: S) {
  return {
    guard: { type: 'passLeadsTo', params: { state } },
    actions: ['reportGate', 'passGate'],
  } as const;
}

const reject = {
  guard: 'reviewsCurrentGate',
  target: 'inProgress',
  actions: ['reportGate', 'startRework'],
} as const;

export const taskMachine = taskSetup.createMachine({
  id: 'task',
  initial: 'pending',
  // Fields spelled out, not spread from the input: V8 gives every `{ ...input, more }` object a
  // hidden class of its own (measured: ~600 B each, and megamorphic property reads).
  context: ({ input }) => ({
    id: input.id,
    tier: input.tier,
    estimateHours: input.estimateHours,
    gates: input.gates,
    skipsPlanning: input.skipsPlanning,
    hasConsumer: input.hasConsumer,
    awaitsMerge: input.awaitsMerge,
    sla: input.sla,
    state: null,
    passed: 0,
    assignee: null,
    resumeTo: null,
    blocker: null,
    breaches: 0,
    reworks: 0,
    merged: !input.awaitsMerge,
  }),
  states: {
    pending: {
      entry: enter('PENDING'),
      after: slaOnce(),
      on: {
        'task.cancel': cancel,
        'task.plan': { guard: 'needsPlanning', target: 'inPlanning' },
        'task.assign': { guard: 'skipsPlanning', target: 'assigned', actions: 'setAssignee' },
      },
    },
    inPlanning: {
      entry: enter('IN_PLANNING'),
      after: slaOnce(),
      on: {
        'task.cancel': cancel,
        'task.assign': { target: 'assigned', actions: 'setAssignee' },
      },
    },
    assigned: {
      entry: enter('ASSIGNED'),
      after: slaOnce(),
      on: {
        'task.cancel': cancel,
        'task.start': 'inProgress',
        'task.block': block,
        'task.reassign': { target: 'assigned', reenter: true, actions: 'setAssignee' },
        'task.preempt': preempt,
      },
    },
    inProgress: {
      entry: enter('IN_PROGRESS'),
      after: slaOnce(),
      on: {
        'task.cancel': cancel,
        'task.submit': [
          {
            guard: { type: 'nextStateIs', params: { state: 'UNDER_REVIEW' } },
            target: 'underReview',
          },
          {
            guard: { type: 'nextStateIs', params: { state: 'DOMAIN_REVIEW' } },
            target: 'domainReview',
          },
          { target: 'readyForHandoff' },
        ],
        'task.block': block,
        'task.preempt': preempt,
      },
    },
    blocked: {
      entry: enter('BLOCKED'),
      after: {
        sla1: { target: 'escalated', actions: { type: 'reportBreach', params: { k: 1 } } },
      },
      on: {
        'task.cancel': cancel,
        'blocker.resolved': resume,
        'blocker.escalate': 'escalated',
      },
    },
    escalated: {
      entry: enter('ESCALATED'),
      after: escalatedSla(),
      on: {
        'task.cancel': cancel,
        'blocker.resolved': resume,
        'task.reassign': { target: 'assigned', actions: 'setAssignee' },
      },
    },
    underReview: {
      entry: enter('UNDER_REVIEW'),
      after: slaOnce(),
      on: {
        'task.cancel': cancel,
        'review.approved': [
          approveTo('DOMAIN_REVIEW'),
          approveTo('READY_FOR_HANDOFF'),
          approveAndStay('UNDER_REVIEW'),
        ],
        'review.rejected': reject,
        'task.block': block,
      },
    },
    domainReview: {
      entry: enter('DOMAIN_REVIEW'),
      after: slaOnce(),
      on: {
        'task.cancel': cancel,
        'review.approved': [approveTo('READY_FOR_HANDOFF'), approveAndStay('DOMAIN_REVIEW')],
        'review.rejected': reject,
        'task.block': block,
      },
    },
    readyForHandoff: {
      entry: enter('READY_FOR_HANDOFF'),
      always: { guard: 'mayComplete', target: 'completed' },
      after: slaOnce(),
      on: {
        'task.cancel': cancel,
        // The change is merged into the team branch before its consumers are offered it.
        'change.merged': { actions: 'markMerged' },
        // A conflict resolved by rebasing changed the code its reviewers passed: they look again.
        'change.reviewAgain': [
          {
            guard: { type: 'reviewsAgainIn', params: { state: 'UNDER_REVIEW' } },
            target: 'underReview',
            actions: 'reopenReview',
          },
          {
            guard: { type: 'reviewsAgainIn', params: { state: 'DOMAIN_REVIEW' } },
            target: 'domainReview',
            actions: 'reopenReview',
          },
        ],
        'handoff.accepted': { guard: 'isMerged', target: 'completed' },
        'handoff.returned': { target: 'readyForHandoff', reenter: true },
        'task.block': block,
      },
    },
    completed: { entry: enter('COMPLETED'), type: 'final' },
    cancelled: { entry: enter('CANCELLED'), type: 'final' },
  },
});

export type TaskMachine = typeof taskMachine;
