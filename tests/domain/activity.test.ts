// A person's queue of activities (src/domain/activity.ts): its order, what may run while the desk
// is held on a spent budget, and what interrupts the activity under way.

import { describe, expect, it } from 'vitest';
import {
  type Activity,
  type ActivityKind,
  activityPriority,
  enqueue,
  interruptionBy,
  mayRun,
  nextRunnable,
  preemptedBy,
  preempts,
} from '../../src/domain/activity.ts';

/** An activity as a desk makes it (machines/desk.ts activityFrom): its priority from its kind. */
function act(
  kind: ActivityKind,
  seq: number,
  workPriority?: number,
  id = `${kind}#${seq}`,
): Activity {
  return {
    id,
    kind,
    workHours: 1,
    priority: activityPriority(kind, workPriority),
    seq,
    queuedAt: 0,
    ...(workPriority === undefined ? {} : { workPriority }),
  };
}

describe('activity queue', () => {
  it('orders by priority, and puts a newcomer behind an equal one already waiting', () => {
    // execute P2: class 10 + 2 = 12; a peer review: class 2.
    const work = act('execute', 1, 2);
    const review = act('peerReview', 2);
    const queue = [work];
    expect(enqueue(queue, review).map((a) => a.id)).toEqual(['peerReview#2', 'execute#1']);
    // The queue it was given is left as it was: a new queue comes back.
    expect(queue.map((a) => a.id)).toEqual(['execute#1']);
    // Same priority (12) and same seq: nothing says the newcomer arrived first, so it goes last.
    const twin = act('execute', 1, 2, 'twin');
    expect(enqueue([work], twin).map((a) => a.id)).toEqual(['execute#1', 'twin']);
  });

  it('runs anything without a hold; under a hold only work of that priority or more urgent', () => {
    const standup = act('standup', 1);
    const p1 = act('execute', 2, 1);
    const p2 = act('execute', 3, 2);
    // No hold: rituals (no work priority) and any work run.
    expect(mayRun(standup, null)).toBe(true);
    expect(mayRun(p2, null)).toBe(true);
    // Hold at P1: P1 runs (1 ≤ 1), P2 does not (2 > 1), a ritual has no priority to qualify.
    expect(mayRun(p1, 1)).toBe(true);
    expect(mayRun(p2, 1)).toBe(false);
    expect(mayRun(standup, 1)).toBe(false);
    // Hold at −1: nothing, not even P0.
    expect(mayRun(act('execute', 4, 0), -1)).toBe(false);
  });

  it('finds the first activity that may run', () => {
    // [P3 work, P0 work]: without a hold the head (0); held at P0 the second (1); held at −1 none.
    const queue = [act('execute', 1, 3), act('execute', 2, 0)];
    expect(nextRunnable(queue, null)).toBe(0);
    expect(nextRunnable(queue, 0)).toBe(1);
    expect(nextRunnable(queue, -1)).toBe(-1);
    expect(nextRunnable([], null)).toBe(-1);
  });

  it('lets only P0 work preempt lower-priority work, and rituals pause anything but a ritual', () => {
    const p0 = act('execute', 1, 0); // priority 10
    const p1 = act('execute', 2, 1); // 11
    const p3 = act('execute', 3, 3); // 13
    expect(preempts(p0, p3)).toBe(true);
    expect(preempts(p0, p1)).toBe(true);
    // P1 is more urgent than P3 (11 < 13) but not P0: it waits its turn.
    expect(preempts(p1, p3)).toBe(false);
    // P0 does not preempt P0 (10 is not < 10).
    expect(preempts(act('execute', 4, 0), p0)).toBe(false);
    // An escalation outranks work in the queue (1 < 13) but does not interrupt it.
    expect(preempts(act('escalation', 5), p3)).toBe(false);
    expect(preempts(act('standup', 6), p3)).toBe(true);
    expect(preempts(act('standup', 7), act('rebalance', 8))).toBe(false);
  });

  it('is preempted by the first execution waiting, not by a review ahead of it', () => {
    const current = act('execute', 1, 2);
    // [review (2), P0 work (10)]: the review does not interrupt, the P0 work behind it does.
    expect(preemptedBy([act('peerReview', 2), act('execute', 3, 0)], current)).toBe(true);
    expect(preemptedBy([act('peerReview', 2), act('execute', 3, 1)], current)).toBe(false);
    expect(preemptedBy([], current)).toBe(false);
  });

  it('is preempted under a hold only by what may run under it', () => {
    const current = act('execute', 1, 2);
    // Held at P0: the P0 work may run and preempts the P2 work under way.
    expect(preemptedBy([act('execute', 2, 0)], current, 0)).toBe(true);
    // Held at P0: the standup may not run, so it does not pause the work; without a hold it does.
    const queue = [act('standup', 3), act('execute', 4, 1)];
    expect(preemptedBy(queue, current, 0)).toBe(false);
    expect(preemptedBy(queue, current)).toBe(true);
  });

  it('names why the activity under way stops: a ritual, or preemption', () => {
    const queue = [act('standup', 1), act('execute', 2, 0)];
    // No hold: the standup at the head pauses it.
    expect(interruptionBy(queue)).toBe('ritual');
    // Held at P0: the standup may not run; what stops the work is the P0 work.
    expect(interruptionBy(queue, 0)).toBe('preempted');
    // Nothing waiting (or nothing that may run): not a ritual.
    expect(interruptionBy([])).toBe('preempted');
    expect(interruptionBy([act('standup', 3)], 0)).toBe('preempted');
  });
});
