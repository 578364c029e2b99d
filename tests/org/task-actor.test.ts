import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA } from '../../src/domain/sla.ts';
import { taskInput } from '../../src/domain/task-input.ts';
import { ENGINES } from '../../src/engine/engine.ts';
import { Kernel } from '../../src/kernel/kernel.ts';
import { EventLog } from '../../src/log/event-log.ts';
import { startTask } from '../../src/org/task-actor.ts';

describe.each(ENGINES)('startTask on the %s engine', (engine) => {
  it('stamps every report with the simulated time at which it happened', () => {
    const kernel = new Kernel();
    const log = new EventLog();
    const task = startTask(kernel, log, taskInput({ id: 'T-7', tier: 1, estimateHours: 2 }), {
      engine,
    });
    kernel.schedule(5, () => task.send({ type: 'task.assign', assignee: 'ic-1' }));
    kernel.runUntil(20);
    // ASSIGNED's SLA is 8 h: the first breach is due at 13, the second at 21 (past the horizon).
    expect(log.records.map((r) => [r.t, r.type === 'task.transition' ? r.to : r.type])).toEqual([
      [0, 'PENDING'],
      [5, 'ASSIGNED'],
      [13, 'task.slaBreach'],
    ]);
  });

  it('fails the run, naming the task, when the actor hits an error', () => {
    const kernel = new Kernel();
    const broken = { ...DEFAULT_SLA, PENDING: Number.NaN };
    startTask(
      kernel,
      new EventLog(),
      taskInput({ id: 'T-8', tier: 2, estimateHours: 2, sla: broken }),
      { engine },
    );
    expect(() => kernel.run()).toThrow(/Task T-8 failed at t=0h .*delay NaNh/);
  });
});
