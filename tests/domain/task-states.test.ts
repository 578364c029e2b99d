// The lifecycle's state names: the machine's node keys and the names logs and reports use.

import { describe, expect, it } from 'vitest';
import { isTerminal, stateName, stateNode, TASK_STATES } from '../../src/domain/task-states.ts';

describe('task states', () => {
  it('counts COMPLETED and CANCELLED as terminal, and nothing else', () => {
    expect(TASK_STATES.filter(isTerminal)).toEqual(['COMPLETED', 'CANCELLED']);
  });

  it('maps names to node keys and back', () => {
    expect(stateNode('READY_FOR_HANDOFF')).toBe('readyForHandoff');
    expect(stateName('inPlanning')).toBe('IN_PLANNING');
    for (const s of TASK_STATES) expect(stateName(stateNode(s))).toBe(s);
  });

  it('refuses a node key that is not a state', () => {
    expect(() => stateName('done')).toThrow('"done" is not a task lifecycle state node.');
  });
});
