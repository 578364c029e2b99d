// The backlogs: per team and domain, the tasks released and waiting for an IC, in the order the
// strategy reads them. The lists are the backlogs themselves: callers add to and take from them.

import type { Domain } from '../domain/org.ts';
import type { TaskState } from './world.ts';

export class Backlogs {
  private readonly byPool = new Map<string, TaskState[]>();

  /** The backlog of `domain` in `team` (empty until a task is released into it). */
  of(team: string, domain: Domain): TaskState[] {
    const key = `${team}/${domain}`;
    let list = this.byPool.get(key);
    if (list === undefined) {
      list = [];
      this.byPool.set(key, list);
    }
    return list;
  }
}
