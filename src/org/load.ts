// How busy a person is right now, read from their desk: what the assignment strategies and the
// choice of reviewers weigh.

import type { DeskContext } from '../../machines/desk.ts';
import type { Hours } from '../kernel/time.ts';
import type { Person } from './world.ts';

/** Working hours waiting on the person's desk, the current activity's remainder included. */
export function queuedHours(person: Person, now: Hours): Hours {
  const context = person.actor.getSnapshot().context as DeskContext;
  let hours = context.current ? Math.max(0, context.endsAt - now) : 0;
  for (const a of context.queue) hours += a.workHours;
  return hours;
}

/** The least busy of `people` (the first in order among equals), or undefined if none. */
export function leastBusy(people: readonly Person[], now: Hours): Person | undefined {
  let best: Person | undefined;
  let bestHours = Number.POSITIVE_INFINITY;
  for (const p of people) {
    const h = queuedHours(p, now);
    if (h < bestHours) {
      best = p;
      bestHours = h;
    }
  }
  return best;
}
