// Event rules at work (src/domain/rules.ts, docs/agents.md). The rules watch the event log as it is
// written, as a fleet's rules engine watches its event stream: an instruction received, a task
// blocked, an SLA breached, a budget alert, a daily budget starting again at midnight. A rule whose condition holds fires at once, or, with
// `forHours` on a blocked task, that long after the task was blocked if it is blocked still.
// Every firing is logged (`rule.fired`) with what it did; the actions then act on the org:
// `assign` names the team the EM gives the instruction to, `escalate` raises a task's priority,
// `scale` bounds a pool and `pause` stops it taking work. `notify` is the firing alone.

import type { Domain } from '../domain/org.ts';
import { type Due, dueFor, type Rule, type RuleAction, type RuleEvent } from '../domain/rules.ts';
import type { LogRecord } from '../log/event-log.ts';
import { backlog, tryAssign } from './assigning.ts';
import type { Pools } from './pools.ts';
import type { World } from './world.ts';

/** A log record without its time, each type keeping its own fields. */
type Untimed = LogRecord extends infer R ? (R extends LogRecord ? Omit<R, 't'> : never) : never;

/** The states in which a blocked task is blocked still: its blocker, then its escalation. */
const BLOCKED_STATES = new Set(['BLOCKED', 'ESCALATED']);

/** An action as the log gives it. */
export function describe(a: RuleAction): string {
  switch (a.kind) {
    case 'notify':
      return `notify ${a.channel}`;
    case 'escalate':
      return `escalate to P${a.priority}`;
    case 'assign':
      return `assign to ${a.team}`;
    case 'scale':
      return `scale ${a.pool} to ${a.to}`;
    case 'pause':
      return a.hours === null ? `pause ${a.pool}` : `pause ${a.pool} for ${a.hours} h`;
  }
}

export class Rules {
  private readonly routes = new Map<string, string>();
  /** Per task, its state, and the number of the blocked spell it is in (0: never blocked). */
  private readonly state = new Map<string, string>();
  private readonly spell = new Map<string, number>();

  constructor(
    private readonly world: World,
    private readonly rules: readonly Rule[],
    private readonly pools: Pools | null,
  ) {
    world.routeOf = (instruction) => this.routes.get(instruction);
    world.log.watcher = (_t, record) => this.observe(record as Untimed);
  }

  private observe(r: Untimed): void {
    const event = this.eventOf(r);
    if (event === null) return;
    for (const due of dueFor(this.rules, event)) {
      if (due.after === 0) this.fire(due);
      else {
        const spell = this.spell.get(event.subject) ?? 0;
        this.world.after(due.after, () => {
          const now = this.state.get(event.subject) ?? '';
          if (this.spell.get(event.subject) === spell && BLOCKED_STATES.has(now)) this.fire(due);
        });
      }
    }
  }

  /** The event a record is to the rules, if it is one they watch. */
  private eventOf(r: Untimed): RuleEvent | null {
    switch (r.type) {
      case 'instruction.received':
        return {
          on: 'instruction.received',
          subject: r.instruction,
          priority: r.priority,
          ...(r.workType === undefined ? {} : { workType: r.workType }),
        };
      case 'task.transition': {
        const before = this.state.get(r.task);
        this.state.set(r.task, r.to);
        // A blocked spell starts when the task is blocked from outside one.
        if (r.to !== 'BLOCKED' || (before !== undefined && BLOCKED_STATES.has(before))) return null;
        this.spell.set(r.task, (this.spell.get(r.task) ?? 0) + 1);
        return this.taskEvent('task.blocked', r.task);
      }
      case 'task.slaBreach':
        return this.taskEvent('task.slaBreach', r.task);
      case 'budget.alert':
        // The alert's threshold: the share it was set for (its measured share may round below).
        return { on: 'budget.alert', subject: r.scope, share: r.threshold };
      case 'budget.reset':
        return { on: 'budget.reset', subject: r.scope };
      default:
        return null;
    }
  }

  private taskEvent(on: 'task.blocked' | 'task.slaBreach', id: string): RuleEvent | null {
    const task = this.world.tasks.get(id);
    if (task === undefined) return null;
    const workType = task.instruction.spec.workType;
    return {
      on,
      subject: id,
      priority: task.priority,
      domain: task.plan.domain,
      ...(workType === undefined ? {} : { workType }),
    };
  }

  private fire(due: Due): void {
    const { world } = this;
    const { rule, event } = due;
    world.record({
      type: 'rule.fired',
      rule: rule.id,
      on: rule.on,
      subject: event.subject,
      actions: rule.actions.map(describe),
    });
    for (const a of rule.actions) this.act(a, event.subject);
  }

  private act(a: RuleAction, subject: string): void {
    const { world } = this;
    switch (a.kind) {
      case 'notify':
        return;
      case 'assign':
        this.routes.set(subject, a.team);
        return;
      case 'escalate': {
        const task = world.tasks.get(subject);
        if (task === undefined || task.priority <= a.priority) return;
        task.priority = a.priority;
        // Waiting in its backlog, it is served in its new place.
        if (backlog(world, task.team, task.plan.domain as Domain).includes(task))
          world.after(0, () => tryAssign(world, task.team, task.plan.domain as Domain));
        return;
      }
      // After what set the rule off is done: the pool parks, and serves its backlog, on its own.
      case 'scale':
        world.after(0, () => this.pools?.bound(a.pool, a.to));
        return;
      case 'pause':
        world.after(0, () => this.pools?.pause(a.pool, a.hours));
        return;
    }
  }
}
