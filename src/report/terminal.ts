// The reports in the terminal: a headline, the verdict, and the tables a designer reads first.
// Colour only on a TTY and never with NO_COLOR.

import { Chalk } from 'chalk';
import Table from 'cli-table3';
import { DEFAULT_MODEL, PEOPLE } from '../collect/cost.ts';
import type { Reports } from '../collect/index.ts';
import { budgetLine } from './budget-line.ts';
import {
  approvalLine,
  failureLine,
  gitLine,
  poolLine,
  rateLimitLine,
  workTypeLine,
} from './fleet-lines.ts';
import { count, instructionRow, n, pct, topHours } from './format.ts';

export function useColour(stream: NodeJS.WriteStream): boolean {
  return Boolean(stream.isTTY) && process.env.NO_COLOR === undefined && process.env.TERM !== 'dumb';
}

function grid(colour: boolean, head: string[]): Table.Table {
  return new Table({
    head,
    style: { head: colour ? ['cyan'] : [], border: colour ? ['grey'] : [], compact: true },
  });
}

/** One instruction: its lead time; several: p50, p85, p95. */
function leadText(s: Reports['summary']): string {
  const done = s.instructions.filter((i) => i.leadTimeHours !== null).length;
  if (done === 0) return 'none finished';
  const l = s.leadTimeHours;
  if (done === 1) return `${n(l.p50)} h`;
  return `p50 ${n(l.p50)} h, p85 ${n(l.p85)} h, p95 ${n(l.p95)} h (${done} done)`;
}

/**
 * The spend by model, when the scenario named models (a run on the cost section's rates alone has
 * nothing to split): `Cost by model: haiku $88 (1.2M tokens) · default $412 (0.9M) · people $40`.
 */
function modelLine(cost: Reports['cost']): string | null {
  const entries = Object.entries(cost.byModel);
  if (!entries.some(([model]) => model !== DEFAULT_MODEL && model !== PEOPLE)) return null;
  const parts = entries.map(([model, f]) => {
    const tokens = f.tokensIn + f.tokensOut;
    return `${model} $${n(f.usd, 0)}${tokens > 0 ? ` (${n(tokens / 1e6)}M tokens)` : ''}`;
  });
  return `Cost by model: ${parts.join(' · ')}`;
}

/** The reports as the terminal shows them: the headline, then tables (with colour if asked). */
export function terminalReport(
  r: Reports,
  options: { colour: boolean; wallMs?: number; outDir?: string },
): string {
  const c = new Chalk({ level: options.colour ? 1 : 0 });
  const s = r.summary;
  const out: string[] = [];
  out.push(
    c.bold(`orgsim · ${s.scenario} · seed ${s.seed} · ${s.strategy}`) +
      c.dim(
        `  ${s.outcome}, ${n(s.simulatedHours)} simulated hours, ${n(s.events, 0)} events${options.wallMs === undefined ? '' : `, ${n(options.wallMs, 0)} ms`}`,
      ),
  );
  out.push(
    `${s.instructions.length} instruction${s.instructions.length === 1 ? '' : 's'} · lead time (arrival → done) ${leadText(s)} · makespan ${c.bold(`${n(s.makespanHours)} h`)} (${n(s.makespanHours / 24)} days) · cost $${n(s.costUsd, 0)}`,
  );
  out.push(
    c.dim(
      `${count(s.tacticalTasks, 'task')} (${s.tasks.completed} completed, ${s.tasks.cancelled} cancelled, ${s.tasks.open} open) · task lead time p50 ${n(s.taskLeadTimeHours.p50)} h, p95 ${n(s.taskLeadTimeHours.p95)} h · rework ${pct(s.reworkRate)}`,
    ),
  );
  const budget = budgetLine(s);
  if (budget !== null) out.push(budget);
  const models = modelLine(r.cost);
  if (models !== null) out.push(models);
  const limits = rateLimitLine(s);
  if (limits !== null) out.push(limits);
  const failures = failureLine(s);
  if (failures !== null) out.push(failures);
  const approvals = approvalLine(s);
  if (approvals !== null) out.push(approvals);
  const types = workTypeLine(s);
  if (types !== null) out.push(types);
  const pooled = poolLine(s);
  if (pooled !== null) out.push(pooled);
  const git = gitLine(s);
  if (git !== null) out.push(git);
  out.push(`${c.red.bold('Bottleneck:')} ${c.bold(s.bottleneck.where)} — ${s.bottleneck.evidence}`);
  out.push('');

  const instructions = grid(options.colour, [
    'instruction',
    'tier',
    'prio',
    'received h',
    'finished h',
    'lead time h',
  ]);
  for (const i of s.instructions.slice(0, 12)) {
    instructions.push(instructionRow(i));
  }
  out.push(instructions.toString());
  if (s.instructions.length > 12)
    out.push(c.dim(`… and ${s.instructions.length - 12} more instructions (see summary.md)`));

  const states = grid(options.colour, ['state', 'visits', 'mean h', 'p95 h', 'total h']);
  for (const [state, v] of Object.entries(r.bottleneck.stateHours))
    states.push([state, v.visits, n(v.mean), n(v.p95), n(v.totalHours)]);
  out.push(c.bold('Time in each state'));
  out.push(states.toString());

  const desks = grid(options.colour, [
    'desk',
    'role',
    'waited h',
    'mean wait h',
    'p95 wait h',
    'utilisation',
  ]);
  for (const q of r.bottleneck.queues.slice(0, 8))
    desks.push([
      q.person,
      q.role,
      n(q.waitHours),
      n(q.wait.mean),
      n(q.wait.p95),
      pct(q.utilization),
    ]);
  const path = grid(options.colour, ['critical path: resource', 'hours', 'share', 'mostly']);
  for (const res of r.bottleneck.resources.slice(0, 5))
    path.push([res.label, n(res.hours), pct(res.share), topHours(res.byCause)]);
  out.push(c.bold('Where the critical path spent its time (top 5)'));
  out.push(path.toString());
  out.push(c.bold('Where work waited (top 8 desks)'));
  out.push(desks.toString());

  const domains = grid(options.colour, ['domain', 'available h', 'busy h', 'utilisation']);
  for (const d of r.capacity.domains)
    domains.push([d.id, n(d.availableHours), n(d.busyHours), pct(d.utilization)]);
  out.push(c.bold('Capacity by domain'));
  out.push(domains.toString());

  const breaches =
    Object.entries(s.slaBreaches)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ') || 'none';
  const e = s.escalations;
  const rungs =
    Object.entries(e.byRung)
      .map(([rung, o]) => `${rung} ${o.acted + o.declined + o.unresolved + o.open}`)
      .join(', ') || 'none';
  out.push(
    `SLA breaches: ${breaches}${r.bottleneck.slaBreaches.total > 0 ? ` (${r.bottleneck.slaBreaches.escalated} escalated, ${r.bottleneck.slaBreaches.onBlockers} on blockers, ${r.bottleneck.slaBreaches.total - r.bottleneck.slaBreaches.escalated - r.bottleneck.slaBreaches.onBlockers} reported only)` : ''}`,
  );
  out.push(
    `Escalations: ${e.total} — acted ${e.byOutcome.acted}, declined ${e.byOutcome.declined}, unresolved ${e.byOutcome.unresolved}${e.byOutcome.open > 0 ? `, open ${e.byOutcome.open}` : ''} · closed by ${rungs}`,
  );
  out.push(
    `Messages: delegation ${s.messages.delegation}, broadcast ${s.messages.broadcast}, handoff ${s.messages.handoff}, standup ${s.messages.standup}`,
  );
  const oversubscribed = r.capacity.oversubscribed
    .map((o) =>
      o.fromDay === o.toDay
        ? `${o.domain} day ${o.fromDay}`
        : `${o.domain} days ${o.fromDay}–${o.toDay}`,
    )
    .join(', ');
  out.push(
    `Oversubscribed: ${oversubscribed || 'never'} · rebalances: ${r.capacity.rebalances.length}`,
  );
  if (options.outDir) {
    out.push(c.dim(`Reports written to ${options.outDir}/`));
    // Printed by the command only: a reader of one run should know it is one draw.
    out.push(
      c.dim(
        `One run is one sample (seed ${s.seed}): \`orgsim forecast\` gives the spread over many seeds, \`orgsim whatif\` which one change helps most.`,
      ),
    );
  }
  return `${out.join('\n')}\n`;
}
