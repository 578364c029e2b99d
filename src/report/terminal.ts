// The reports in the terminal: a headline, the verdict, and the tables a designer reads first.
// Colour only on a TTY and never with NO_COLOR.

import { Chalk } from 'chalk';
import Table from 'cli-table3';
import type { Reports } from '../collect/index.ts';
import { budgetLine } from './budget-line.ts';
import { instructionRow, n, pct } from './format.ts';

export function useColour(stream: NodeJS.WriteStream): boolean {
  return Boolean(stream.isTTY) && process.env.NO_COLOR === undefined && process.env.TERM !== 'dumb';
}

function grid(colour: boolean, head: string[]): Table.Table {
  return new Table({
    head,
    style: { head: colour ? ['cyan'] : [], border: colour ? ['grey'] : [], compact: true },
  });
}

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
        `  ${s.outcome}, ${n(s.simulatedHours)} simulated hours, ${s.events.toLocaleString('en-US')} events${options.wallMs === undefined ? '' : `, ${n(options.wallMs, 0)} ms`}`,
      ),
  );
  out.push(
    `${s.tacticalTasks} tasks (${s.tasks.completed} completed, ${s.tasks.cancelled} cancelled, ${s.tasks.open} open) · makespan ${c.bold(`${n(s.makespanHours)} h`)} (${n(s.makespanHours / 24)} days) · lead time p50 ${n(s.leadTimeHours.p50)} h, p95 ${n(s.leadTimeHours.p95)} h · rework ${pct(s.reworkRate)} · cost $${n(s.costUsd, 0)}`,
  );
  const budget = budgetLine(s);
  if (budget !== null) out.push(budget);
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
    states.push([state, v.visits, n(v.mean), n(v.p95), n(v.totalHours, 0)]);
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
      n(q.waitHours, 0),
      n(q.wait.mean),
      n(q.wait.p95),
      pct(q.utilization),
    ]);
  out.push(c.bold('Where work waited (top 8 desks)'));
  out.push(desks.toString());

  const domains = grid(options.colour, ['domain', 'available h', 'busy h', 'utilisation']);
  for (const d of r.capacity.domains)
    domains.push([d.id, n(d.availableHours, 0), n(d.busyHours, 0), pct(d.utilization)]);
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
    `SLA breaches: ${breaches}${r.bottleneck.slaBreaches.total > 0 ? ` (${r.bottleneck.slaBreaches.escalated} escalated to someone who could act)` : ''}`,
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
  out.push(
    `Little's law: mean WIP ${n(s.littlesLaw.meanWip, 2)} = λW ${n(s.littlesLaw.predictedWip, 2)} (error ${pct(s.littlesLaw.relativeError)})`,
  );
  if (options.outDir) out.push(c.dim(`Reports written to ${options.outDir}/`));
  return `${out.join('\n')}\n`;
}
