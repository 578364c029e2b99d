import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA, slaHours } from '../../src/domain/sla.ts';
import { transitionCause } from '../../src/domain/task-events.ts';
import { taskInput } from '../../src/domain/task-input.ts';
import { stateName, stateNode, TASK_STATES } from '../../src/domain/task-states.ts';

describe('taskInput', () => {
  it('resolves gates, planning and defaults from the tier', () => {
    const input = taskInput({ id: 'T-1', tier: 1, estimateHours: 3 });
    expect(input).toEqual({
      id: 'T-1',
      tier: 1,
      estimateHours: 3,
      gates: ['peerReview'],
      skipsPlanning: true,
      hasConsumer: false,
      awaitsMerge: false,
      sla: DEFAULT_SLA,
    });
  });

  it('rejects an estimate that is not a positive number of hours, naming the task', () => {
    expect(() => taskInput({ id: 'T-9', tier: 2, estimateHours: 0 })).toThrow(
      'Task T-9: estimateHours must be a positive number of hours, got 0.',
    );
    expect(() => taskInput({ id: 'T-9', tier: 2, estimateHours: Number.NaN })).toThrow(/got NaN/);
  });
});

describe('SLA table', () => {
  it('scales IN_PROGRESS with the estimate and reads the other states in hours', () => {
    // The defaults (docs/lifecycle.md): twice the estimate in progress, two days in a backlog.
    expect(slaHours(DEFAULT_SLA, 'IN_PROGRESS', 8)).toBe(16);
    expect(slaHours(DEFAULT_SLA, 'PENDING', 8)).toBe(48);
    expect(slaHours(DEFAULT_SLA, 'BLOCKED', 8)).toBe(2);
    expect(
      slaHours({ ...DEFAULT_SLA, IN_PROGRESS: { timesEstimate: 1.5 } }, 'IN_PROGRESS', 3),
    ).toBe(4.5);
  });
});

describe('state names', () => {
  it('maps every lifecycle state to its machine node and back', () => {
    for (const state of TASK_STATES) expect(stateName(stateNode(state))).toBe(state);
    expect(() => stateName('nowhere')).toThrow('"nowhere" is not a task lifecycle state node.');
  });
});

describe('transitionCause', () => {
  it('names creation, SLA breaches and handoffs that were not needed', () => {
    expect(transitionCause('xstate.init', null, 'PENDING')).toBe('task.created');
    expect(transitionCause('xstate.after.sla1.task.blocked', 'BLOCKED', 'ESCALATED')).toBe(
      'sla.breach',
    );
    expect(transitionCause('review.approved', 'READY_FOR_HANDOFF', 'COMPLETED')).toBe(
      'handoff.notRequired',
    );
    expect(transitionCause('handoff.accepted', 'READY_FOR_HANDOFF', 'COMPLETED')).toBe(
      'handoff.accepted',
    );
    expect(transitionCause('task.start', 'ASSIGNED', 'IN_PROGRESS')).toBe('task.start');
  });
});
