// The replay's live feed: one line for each event a person watching the org would want to read —
// instructions arriving and finishing, tasks blocked, escalated, done or cancelled, breaches,
// escalations, outages, overtime, hires, rebalances, preemptions, requirement changes, budgets,
// agents' failures (work out of retries, loops, caps and reviews that erred), approvals, and git's
// merges and conflicts.

import type { LogRecord } from '../../log/event-log.ts';

/** The feed's line for `r`, or null for a record it leaves out (work, messages, most moves). */
export function feedLine(r: LogRecord): string | null {
  switch (r.type) {
    case 'instruction.received':
      return `${r.instruction} received: P${r.priority}, tier ${r.tier}, “${r.title}”`;
    case 'instruction.decided':
      return r.go
        ? `${r.instruction} accepted by ${r.by}`
        : `${r.instruction} refused: ${r.reason}`;
    case 'instruction.completed':
      return `${r.instruction} completed: ${r.tasks} tasks in ${r.leadTimeHours.toFixed(1)} h`;
    case 'task.transition':
      if (r.to === 'BLOCKED') return `${r.task} blocked (${r.blocker ?? 'blocker'})`;
      if (r.to === 'ESCALATED') return `${r.task} escalated to ${r.role ?? 'the next rung'}`;
      if (r.to === 'COMPLETED' || r.to === 'CANCELLED') return `${r.task} ${r.to.toLowerCase()}`;
      return null;
    case 'task.slaBreach':
      return `SLA breach: ${r.task} over ${r.slaHours} h in ${r.state}`;
    case 'task.preempted':
      return `${r.task} preempted on ${r.person}'s desk by ${r.by}`;
    case 'escalation.opened':
      return `escalation ${r.escalation} on ${r.task} (${r.route}) to ${r.to}, rung ${r.level}`;
    case 'escalation.climbed':
      return `escalation ${r.escalation} climbed to ${r.to}, rung ${r.level}`;
    case 'escalation.resolved':
      return `escalation ${r.escalation} resolved by ${r.by}: ${r.outcome}`;
    case 'outage':
      return r.phase === 'start'
        ? `${r.person} away${r.cover === undefined ? '' : `, ${r.cover} covers`}`
        : `${r.person} back`;
    case 'overtime':
      return r.phase === 'start'
        ? `${r.person} on overtime, ${r.hoursPerDay} h a day`
        : `${r.person} off overtime`;
    case 'hire':
      return `${r.person} hired into ${r.team} ${r.domain}`;
    case 'rebalance':
      return r.kind === 'borrow'
        ? `${r.person ?? 'someone'} lent to ${r.team} ${r.domain}`
        : `${r.tasks?.length ?? 0} ${r.domain} tasks deferred`;
    case 'requirement.changed':
      return `requirements of ${r.instruction} changed (${r.outcome ?? 'applied'})`;
    case 'budget.alert':
      return `budget (${r.scope}) ${Math.round(r.threshold * 100)} % spent: $${r.spentUsd.toFixed(2)} of $${r.budgetUsd}`;
    case 'budget.exhausted':
      return `budget (${r.scope}) exhausted: ${r.policy}`;
    case 'budget.reset':
      return `day ${r.day}: daily budget reset`;
    case 'throttle':
      // Each 429 would flood the feed: only work that ran out of retries is news.
      return r.phase === 'failed'
        ? `${r.person} out of retries on ${r.model} (${r.limit ?? 'limit'}): work failed`
        : null;
    case 'approval.requested':
      return `${r.instruction} awaits approval (${r.policy}) from ${r.approvers.join(', ')}`;
    case 'approval.decided':
      return r.outcome === 'approved'
        ? `${r.by} approved ${r.instruction} (${r.policy}) after ${r.waitHours.toFixed(1)} h`
        : `${r.instruction} approved at the timeout (${r.policy}) after ${r.waitHours.toFixed(1)} h`;
    case 'approval.escalated':
      return `${r.instruction}'s approval (${r.policy}) escalated to ${r.asked.join(', ')}`;
    case 'loop':
      return `${r.person} looping on ${r.task} (${r.model})`;
    case 'cap':
      return `${r.person} hit the ${r.cap === 'turns' ? 'turn' : 'dollar'} cap on ${r.task}${r.looped ? ' while looping' : ''}: ${r.action === 'retry' ? 'started over' : 'escalated'}`;
    case 'git.merge':
      return `${r.by} merged ${r.task} into ${r.into}${r.overlap > 0 ? ` (${r.overlap} of its components had changed)` : ''}`;
    case 'git.conflict':
      return `${r.task} conflicts in ${r.components.join(', ')} with ${r.with.join(', ')}: ${r.to} ${r.resolution === 'rebase' ? 'rebases' : 'resolves it'}`;
    case 'git.resolved':
      return r.dropped === true
        ? `conflict ${r.conflict} on ${r.task} dropped with the task`
        : `${r.by} resolved the conflict on ${r.task}`;
    case 'verification':
      return r.error === 'passedBadWork'
        ? `${r.reviewer} passed bad work on ${r.task} (${r.gate}): an escaped defect`
        : `${r.reviewer} rejected good work on ${r.task} (${r.gate})`;
    default:
      return null;
  }
}
