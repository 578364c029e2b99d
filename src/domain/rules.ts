// Event rules (docs/agents.md, Rules): seed 003's rules engine as data. A rule names the event it
// watches (`on`), the condition the event must meet (`when`, every field given must hold), and the
// actions to take. `forHours` on a blocked task waits: the rule fires that long after the task was
// blocked, if it is blocked still. This module is the matching alone, with no clock: the org feeds
// it events and runs the timers it asks for (src/org/rules.ts).

import type { Hours } from '../kernel/time.ts';

export const RULE_TRIGGERS = [
  'instruction.received',
  'task.blocked',
  'task.slaBreach',
  'budget.alert',
  'budget.reset',
] as const;
export type RuleTrigger = (typeof RULE_TRIGGERS)[number];

export interface RuleCondition {
  /** Priorities, 0 for P0. */
  readonly priorities: readonly number[] | null;
  readonly workTypes: readonly string[] | null;
  readonly domains: readonly string[] | null;
  /** task.blocked: blocked at least this long, without a break. */
  readonly forHours: Hours | null;
  /** budget.alert: the alert's share of the budget is at least this. */
  readonly shareAtLeast: number | null;
}

export type RuleAction =
  | { readonly kind: 'notify'; readonly channel: string }
  /** Raise the task's priority to this one (seed 003's `taskQueue.escalate`). */
  | { readonly kind: 'escalate'; readonly priority: number }
  /** Give the instruction to this team at intake. */
  | { readonly kind: 'assign'; readonly team: string }
  /** Bound a pool's size from now on: to its minimum, its maximum, or a number of agents. */
  | { readonly kind: 'scale'; readonly pool: string; readonly to: 'min' | 'max' | number }
  /** Stop a pool taking new work, for some hours or (null) for good. */
  | { readonly kind: 'pause'; readonly pool: string; readonly hours: Hours | null };

export interface Rule {
  readonly id: string;
  readonly on: RuleTrigger;
  readonly when: RuleCondition;
  readonly actions: readonly RuleAction[];
}

/** What a rule sees of an event: its trigger, its subject, and the fields conditions test. */
export interface RuleEvent {
  readonly on: RuleTrigger;
  /** The instruction, the task, or the budget's scope. */
  readonly subject: string;
  readonly priority?: number;
  readonly workType?: string;
  readonly domain?: string;
  readonly share?: number;
}

/** Whether `event` meets the rule's condition, the wait of `forHours` aside. */
export function matches(rule: Rule, event: RuleEvent): boolean {
  if (rule.on !== event.on) return false;
  const { priorities, workTypes, domains, shareAtLeast } = rule.when;
  if (priorities !== null && (event.priority === undefined || !priorities.includes(event.priority)))
    return false;
  if (workTypes !== null && (event.workType === undefined || !workTypes.includes(event.workType)))
    return false;
  if (domains !== null && (event.domain === undefined || !domains.includes(event.domain)))
    return false;
  if (shareAtLeast !== null && (event.share === undefined || event.share < shareAtLeast))
    return false;
  return true;
}

/** A rule to fire now, or (`after` > 0) after a wait if its subject is still blocked then. */
export interface Due {
  readonly rule: Rule;
  readonly event: RuleEvent;
  readonly after: Hours;
}

/** The rules an event sets off, in the rules' order: now, or after their `forHours`. */
export function dueFor(rules: readonly Rule[], event: RuleEvent): Due[] {
  return rules
    .filter((rule) => matches(rule, event))
    .map((rule) => ({ rule, event, after: rule.when.forHours ?? 0 }));
}
