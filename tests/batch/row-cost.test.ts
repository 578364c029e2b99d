// A run's cost per instruction done, as the decision commands report it: the mean, over the
// completed instructions, of the cost of the work that served each; work for an instruction that
// did not complete, and work for none, left out.

import { describe, expect, it } from 'vitest';
import { rowOf } from '../../src/batch/row.ts';
import type { LogRecord } from '../../src/log/event-log.ts';
import { completed, ic, LEADS, received, runEnd, runStart, work } from '../collect/log-builder.ts';

const LOG: LogRecord[] = [
  runStart([...LEADS, ic('ic-1', 'backend')]),
  received(0, 'I1'),
  received(0, 'I2'),
  received(0, 'I3'),
  work(1, 'em', 'intake', 0, 0, undefined, { instruction: 'I1', costUsd: 2 }),
  work(2, 'ic-1', 'execute', 1, 1, 'T1', { instruction: 'I1', costUsd: 3 }),
  work(3, 'ic-1', 'execute', 2, 2, 'T2', { instruction: 'I2', costUsd: 4 }),
  work(4, 'ic-1', 'execute', 3, 3, 'T3', { instruction: 'I3', costUsd: 10 }),
  work(5, 'ic-1', 'standup', 4, 4, undefined, { costUsd: 1 }),
  completed(5, 'I1', 5),
  completed(6, 'I2', 6),
  runEnd(7),
];

describe('the cost per instruction done', () => {
  it('is the mean cost of the work for each completed instruction', () => {
    // I1: $2 + $3, I2: $4; I3 never completed and the standup served none.
    expect(rowOf(LOG).costPerInstructionUsd).toBe(4.5);
    expect(rowOf(LOG).costUsd).toBe(20);
  });

  it('gives each completed instruction with a work type its lead time and cost', () => {
    const typed = LOG.map((r) =>
      r.type === 'instruction.received' && r.instruction !== 'I3'
        ? { ...r, workType: r.instruction === 'I1' ? 'feature' : 'bug' }
        : r,
    );
    expect(rowOf(typed).typed).toEqual([
      { workType: 'feature', leadTimeHours: 5, costUsd: 5 },
      { workType: 'bug', leadTimeHours: 6, costUsd: 4 },
    ]);
    expect(rowOf(LOG).typed).toEqual([]);
  });

  it('is 0 when no instruction completed', () => {
    const none = LOG.filter((r) => r.type !== 'instruction.completed');
    expect(rowOf(none).costPerInstructionUsd).toBe(0);
  });

  it('counts, after a warm-up, only the instructions that arrived after it', () => {
    const late = LOG.map((r) =>
      r.type === 'instruction.received' && r.instruction === 'I2' ? { ...r, t: 3 } : r,
    ).map((r) =>
      r.type === 'instruction.completed' && r.instruction === 'I2' ? { ...r, leadTimeHours: 3 } : r,
    );
    expect(rowOf(late, { warmupHours: 2 }).costPerInstructionUsd).toBe(4);
  });
});
