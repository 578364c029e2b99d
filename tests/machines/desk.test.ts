import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import type { DeskEmitted } from '../../machines/desk.ts';
import { icMachine } from '../../machines/ic.machine.ts';
import { ALWAYS, OFFICE_HOURS } from '../../src/domain/calendar.ts';
import { kernelClock } from '../../src/kernel/clock.ts';
import { Kernel } from '../../src/kernel/kernel.ts';

function desk(calendar = ALWAYS) {
  const kernel = new Kernel();
  const seen: Array<DeskEmitted & { t: number }> = [];
  const actor = createActor(icMachine, {
    input: { id: 'ic-1', role: 'IC', calendar },
    clock: kernelClock(kernel),
  });
  actor.on('*', (e) => seen.push({ ...e, t: kernel.now }));
  actor.start();
  const send = (at: number, event: Parameters<typeof actor.send>[0]) =>
    kernel.scheduleAt(at, () => actor.send(event));
  return { kernel, actor, seen, send };
}

const summary = (seen: Array<DeskEmitted & { t: number }>) =>
  seen.map((e) => `${e.t} ${e.type} ${e.activity.kind}:${e.activity.task ?? ''}`);

describe('desk (the IC machine)', () => {
  it('does one activity at a time, reviews before execution, each for its working hours', () => {
    const { kernel, seen, send } = desk();
    send(1, { type: 'delegate.task', at: 1, workHours: 4, task: 'A', priority: 2 });
    send(2, { type: 'delegate.task', at: 2, workHours: 2, task: 'B', priority: 2 });
    send(2, { type: 'review.peer', at: 2, workHours: 1, task: 'C' });
    kernel.run();
    expect(summary(seen)).toEqual([
      '1 work.started execute:A',
      '5 work.finished execute:A',
      '5 work.started peerReview:C',
      '6 work.finished peerReview:C',
      '6 work.started execute:B',
      '8 work.finished execute:B',
    ]);
  });

  it('follows the working calendar', () => {
    const { kernel, seen, send } = desk(OFFICE_HOURS);
    send(15, { type: 'delegate.task', at: 15, workHours: 4, task: 'A' });
    kernel.run();
    expect(seen.at(-1)).toMatchObject({ type: 'work.finished', t: 24 + 11 });
  });

  it('lets P0 execution preempt lower-priority execution, which resumes with the work it has left', () => {
    const { kernel, seen, send } = desk();
    send(0, { type: 'delegate.task', at: 0, workHours: 10, task: 'low', priority: 3 });
    send(4, { type: 'delegate.task', at: 4, workHours: 2, task: 'p0', priority: 0 });
    kernel.run();
    expect(summary(seen)).toEqual([
      '0 work.started execute:low',
      '4 work.interrupted execute:low',
      '4 work.started execute:p0',
      '6 work.finished execute:p0',
      '6 work.started execute:low',
      '12 work.finished execute:low',
    ]);
    expect(seen[1]).toMatchObject({ remainingHours: 6, reason: 'preempted' });
  });

  it('stops during an outage and picks the work up afterwards', () => {
    const { kernel, seen, send } = desk();
    send(0, { type: 'delegate.task', at: 0, workHours: 5, task: 'A' });
    send(2, { type: 'outage.start', at: 2 });
    send(10, { type: 'outage.end', at: 10 });
    kernel.run();
    expect(summary(seen).at(-1)).toBe('13 work.finished execute:A');
  });

  it('drops the work of a blocked or cancelled task, current or queued', () => {
    const { kernel, seen, send, actor } = desk();
    send(0, { type: 'delegate.task', at: 0, workHours: 5, task: 'A' });
    send(0, { type: 'delegate.task', at: 0, workHours: 5, task: 'B' });
    send(1, { type: 'work.drop', at: 1, task: 'A' });
    send(1, { type: 'work.drop', at: 1, task: 'B' });
    kernel.run();
    expect(summary(seen)).toEqual([
      '0 work.started execute:A',
      '1 work.interrupted execute:A',
      '1 work.started execute:B',
      '1 work.interrupted execute:B',
    ]);
    expect(actor.getSnapshot().context.queue).toEqual([]);
  });

  it('takes work covered for a colleague as the activity it would have been on their desk', () => {
    const { kernel, seen, send } = desk();
    send(0, { type: 'cover.work', at: 0, kind: 'domainApproval', workHours: 1, task: 'A' });
    kernel.run();
    expect(summary(seen)).toEqual([
      '0 work.started domainApproval:A',
      '1 work.finished domainApproval:A',
    ]);
  });

  it('drops one activity by its id, leaving the others of its task', () => {
    const { kernel, send, actor } = desk();
    send(0, { type: 'delegate.task', at: 0, workHours: 5, task: 'A' });
    send(0, { type: 'review.peer', at: 0, workHours: 1, task: 'B' });
    send(0, { type: 'handoff.returned', at: 0, workHours: 1, task: 'B' });
    // A (ic-1#0) is under way; B's review (#1) and handoff fix (#2) wait: drop the fix alone.
    send(0.5, { type: 'work.drop', at: 0.5, activity: 'ic-1#2' });
    kernel.runUntil(1);
    expect(actor.getSnapshot().context.current?.id).toBe('ic-1#0');
    expect(actor.getSnapshot().context.queue.map((a) => a.id)).toEqual(['ic-1#1']);
  });

  it('rescales the work left of a task: under way it pauses and resumes with the new remainder', () => {
    const { kernel, seen, send } = desk();
    send(0, { type: 'delegate.task', at: 0, workHours: 4, task: 'A' });
    send(0, { type: 'delegate.task', at: 0, workHours: 2, task: 'B' });
    // At 1 h, A has 3 h left: doubled to 6; B (queued, 2 h) halves to 1.
    send(1, { type: 'work.rescale', at: 1, task: 'A', factor: 2 });
    send(1, { type: 'work.rescale', at: 1, task: 'B', factor: 0.5 });
    kernel.run();
    expect(summary(seen)).toEqual([
      '0 work.started execute:A',
      '1 work.interrupted execute:A',
      '1 work.started execute:A',
      '7 work.finished execute:A',
      '7 work.started execute:B',
      '8 work.finished execute:B',
    ]);
    expect(seen[1]).toMatchObject({ remainingHours: 6, reason: 'rescaled' });
  });
});
