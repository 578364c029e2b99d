// The reports as Markdown: what `reports/<scenario>/<seed>/*.md` holds.

import type { Bottleneck, Capacity, Reports, StandupDay, Summary } from '../collect/index.ts';
import type { StandupBlocker } from '../collect/standup.ts';
import { budgetLine } from './budget-line.ts';
import { costMarkdown } from './cost-markdown.ts';
import {
  approvalLine,
  failureLine,
  gitLine,
  poolLine,
  rateLimitLine,
  workTypeLine,
} from './fleet-lines.ts';
import { breachesText, count, instructionRow, n, pct, table, title, topHours } from './format.ts';

export function summaryMarkdown(s: Summary): string {
  const budget = budgetLine(s);
  const limits = rateLimitLine(s);
  const failures = failureLine(s);
  const held = approvalLine(s);
  const types = workTypeLine(s);
  const pooled = poolLine(s);
  const git = gitLine(s);
  return [
    title(s, 'Summary'),
    '',
    `**Bottleneck:** ${s.bottleneck.where} — ${s.bottleneck.evidence}.`,
    '',
    ...(budget === null ? [] : [`${budget}.`, '']),
    ...(limits === null ? [] : [`${limits}.`, '']),
    ...(failures === null ? [] : [`${failures}.`, '']),
    ...(held === null ? [] : [`${held}.`, '']),
    ...(types === null ? [] : [`${types}.`, '']),
    ...(pooled === null ? [] : [`${pooled}.`, '']),
    ...(git === null ? [] : [`${git}.`, '', ...gitTables(s), '']),
    ...(s.warnings.length === 0
      ? []
      : [
          '**Warnings** (legal input, probably not meant):',
          '',
          ...s.warnings.map((w) => `- ${w}`),
          '',
        ]),
    `Outcome: ${s.outcome}. Simulated ${n(s.simulatedHours)} h; makespan ${n(s.makespanHours)} h (${n(s.makespanHours / 24)} days). ${n(s.events, 0)} events, log SHA-256 \`${s.eventLogSha256.slice(0, 16)}…\`.`,
    '',
    table(
      ['instruction', 'tier', 'priority', 'received (h)', 'finished (h)', 'lead time (h)'],
      s.instructions.map(instructionRow),
    ),
    '',
    table(
      ['figure', 'value'],
      [
        [
          'instruction lead time (arrival → done) mean / p50 / p85 / p95',
          `${n(s.leadTimeHours.mean)} / ${n(s.leadTimeHours.p50)} / ${n(s.leadTimeHours.p85)} / ${n(s.leadTimeHours.p95)} h`,
        ],
        ['tasks (strategic / tactical)', `${s.strategicTasks} / ${s.tacticalTasks}`],
        [
          'completed / cancelled / open',
          `${s.tasks.completed} / ${s.tasks.cancelled} / ${s.tasks.open}`,
        ],
        ['throughput', `${n(s.throughputPerDay, 2)} tasks/day`],
        [
          'task lead time (release → done) mean / p50 / p85 / p95',
          `${n(s.taskLeadTimeHours.mean)} / ${n(s.taskLeadTimeHours.p50)} / ${n(s.taskLeadTimeHours.p85)} / ${n(s.taskLeadTimeHours.p95)} h`,
        ],
        [
          'wait for first work mean / p50 / p95',
          `${n(s.waitHours.mean)} / ${n(s.waitHours.p50)} / ${n(s.waitHours.p95)} h`,
        ],
        ['rework rate', pct(s.reworkRate)],
        [
          'escalations',
          `${s.escalations.total}: acted ${s.escalations.byOutcome.acted}, declined ${s.escalations.byOutcome.declined}, unresolved ${s.escalations.byOutcome.unresolved}${s.escalations.byOutcome.open > 0 ? `, open ${s.escalations.byOutcome.open}` : ''}`,
        ],
        [
          'messages',
          `delegation ${s.messages.delegation}, broadcast ${s.messages.broadcast}, handoff ${s.messages.handoff}, standup ${s.messages.standup}`,
        ],
        [
          'cost',
          `$${n(s.costUsd, 2)}${s.budget.budgetUsd ? ` of $${n(s.budget.budgetUsd, 0)} (${pct(s.budget.used ?? 0)})` : ''}`,
        ],
      ],
    ),
    '',
  ].join('\n');
}

export function capacityMarkdown(s: Summary, c: Capacity): string {
  return [
    title(s, 'Capacity'),
    '',
    `Window: ${n(c.window.from)} h to ${n(c.window.to)} h. Org-wide (ICs): ${n(c.org.availableHours)} h available, ${n(c.org.busyHours)} h busy, utilisation ${pct(c.org.utilization)}.`,
    '',
    '## By domain',
    '',
    table(
      ['domain', 'available (h)', 'busy (h)', 'utilisation'],
      c.domains.map((d) => [d.id, n(d.availableHours), n(d.busyHours), pct(d.utilization)]),
    ),
    '',
    '## By IC',
    '',
    table(
      [
        'IC',
        'team',
        'domain',
        'available (h)',
        'busy (h)',
        'executing (h)',
        'reviewing (h)',
        'utilisation',
      ],
      c.ics.map((i) => [
        i.id,
        i.team,
        i.domain,
        n(i.availableHours),
        n(i.busyHours),
        n(i.executeHours),
        n(i.reviewHours),
        pct(i.utilization),
      ]),
    ),
    '',
    '## Leads and managers',
    '',
    table(
      ['person', 'available (h)', 'busy (h)', 'utilisation'],
      c.leads.map((l) => [l.id, n(l.availableHours), n(l.busyHours), pct(l.utilization)]),
    ),
    '',
    '## Oversubscribed periods (3-day forecast)',
    '',
    c.oversubscribed.length === 0
      ? 'None.'
      : table(
          ['team', 'domain', 'from day', 'to day'],
          c.oversubscribed.map((o) => [o.team, o.domain, o.fromDay, o.toDay]),
        ),
    '',
    '## Rebalances',
    '',
    c.rebalances.length === 0
      ? 'None.'
      : table(
          ['t (h)', 'kind', 'domain', 'who / what', 'until (h)'],
          c.rebalances.map((r) => [
            n(r.t),
            r.kind,
            r.domain,
            r.person ?? (r.tasks ?? []).join(', '),
            n(r.until),
          ]),
        ),
    '',
    '## Daily forecasts',
    '',
    c.forecasts.length === 0
      ? 'No capacity reviews were held.'
      : table(
          ['day', 'team', 'domain', 'available (h)', 'committed (h)', 'oversubscribed'],
          c.forecasts.map((f) => [
            f.day,
            f.team,
            f.domain,
            n(f.availableHours),
            n(f.committedHours),
            f.oversubscribed ? 'yes' : '',
          ]),
        ),
    '',
  ].join('\n');
}

export function bottleneckMarkdown(s: Summary, b: Bottleneck): string {
  return [
    title(s, 'Bottleneck'),
    '',
    `**Verdict:** ${b.verdict.where} — ${b.verdict.evidence}.`,
    '',
    `Flow efficiency: tasks were worked ${n(b.flow.workedHours)} h of the ${n(b.flow.leadHours)} h they spent between release and completion (${pct(b.flow.efficiency)}); before release they waited ${n(b.flow.dependencyWaitHours)} h in total on their dependencies.`,
    '',
    '## Time in each state',
    '',
    table(
      ['state', 'visits', 'mean (h)', 'p95 (h)', 'total (h)'],
      Object.entries(b.stateHours).map(([k, v]) => [
        k,
        v.visits,
        n(v.mean),
        n(v.p95),
        n(v.totalHours),
      ]),
    ),
    '',
    '## Where work waited, by desk',
    '',
    table(
      [
        'person',
        'role',
        'activities',
        'waited (h)',
        'mean wait (h)',
        'p95 wait (h)',
        'utilisation',
        'longest waits for',
      ],
      b.queues.map((q) => [
        q.person,
        q.role,
        q.activities,
        n(q.waitHours),
        n(q.wait.mean),
        n(q.wait.p95),
        pct(q.utilization),
        Object.entries(q.byKind)
          .filter(([, v]) => v > 0)
          .sort((x, y) => y[1] - x[1])
          .slice(0, 2)
          .map(([k, v]) => `${k} ${n(v)} h`)
          .join(', '),
      ]),
    ),
    '',
    '## SLA breaches',
    '',
    `${breachesText(b.slaBreaches)}.`,
    '',
    table(['by state', 'breaches'], Object.entries(b.slaBreaches.byState)),
    '',
    '## Escalations',
    '',
    `${b.escalations.total} opened; closed in mean ${n(b.escalations.resolveHours.mean)} h, p95 ${n(b.escalations.resolveHours.p95)} h.`,
    '',
    table(
      ['closed by', 'acted', 'declined', 'unresolved', 'open'],
      Object.entries(b.escalations.byRung).map(([rung, o]) => [
        rung,
        o.acted,
        o.declined,
        o.unresolved,
        o.open,
      ]),
    ),
    '',
    table(['route', 'opened'], Object.entries(b.escalations.byRoute)),
    '',
    table(['decision', 'count'], Object.entries(b.escalations.byAction)),
    '',
    '## Where the critical paths spent their time',
    '',
    'Each completed instruction is walked back from its completion through the task that finished last and whichever input released it last, to its arrival; every hour of its lead time is attributed to one cause at one resource (docs/reports.md). Summed over the instructions:',
    '',
    table(
      ['resource', 'hours', 'share', 'mostly'],
      b.resources
        .slice(0, 12)
        .map((r) => [r.label, n(r.hours, 0), pct(r.share), topHours(r.byCause)]),
    ),
    '',
    '## Waiting in each backlog for a WIP slot',
    '',
    table(
      ['team', 'domain', 'waits', 'total h', 'mean h', 'p95 h'],
      b.backlogs.map((w) => [w.team, w.domain, w.waits, n(w.waitHours, 0), n(w.mean), n(w.p95)]),
    ),
    '',
    '## Critical path of each instruction',
    '',
    ...b.criticalPaths.flatMap((p) => [
      `### ${p.instruction}: ${n(p.leadTimeHours)} h from arrival to completion`,
      '',
      `Chain: ${p.tasks.join(' → ') || '(none)'}`,
      '',
      table(
        ['cause', 'hours', 'share'],
        [
          ...Object.entries(p.byCause)
            .sort((x, y) => (y[1] ?? 0) - (x[1] ?? 0))
            .map(([c, v]) => [c, n(v ?? 0, 2), pct((v ?? 0) / (p.leadTimeHours || 1))]),
          ['**total (the lead time)**', n(p.leadTimeHours, 2), '100 %'],
        ],
      ),
      '',
    ]),
  ].join('\n');
}

function blockerText(blockers: unknown): string {
  const list = (blockers ?? []) as StandupBlocker[];
  return list.map((b) => `${b.task} (${b.type}, ${n(b.ageHours)} h)`).join(', ') || 'none';
}

function rollupText(c: Record<string, unknown>): string {
  if ('domain' in c) {
    const oldest = Number(c.oldestBacklogHours ?? 0);
    return `${c.domain}: ${count(Number(c.reports), 'report')}, ${c.done} finished since the last standup, ${c.planned} under way or queued, backlog ${c.backlog}${Number(c.backlog) > 0 ? ` (oldest ${n(oldest)} h)` : ''}, blockers ${blockerText(c.blockers)}`;
  }
  const idle = (c.idle as string[] | undefined) ?? [];
  const biggest = c.biggestBacklog as { domain: string; tasks: number; oldestHours: number } | null;
  return `${c.team}: ${(c.leads as unknown[]).length} leads reported; idle ICs ${idle.join(', ') || 'none'}; biggest backlog ${biggest ? `${biggest.domain} (${biggest.tasks} tasks, oldest ${n(biggest.oldestHours)} h)` : 'none'}; blockers ${blockerText(c.blockers)}`;
}

export function standupMarkdown(s: Summary, days: readonly StandupDay[]): string {
  const out = [title(s, 'Standups'), ''];
  if (days.length === 0) out.push('No standups were held.', '');
  for (const d of days) {
    out.push(`## Day ${d.day}`, '');
    for (const r of d.reports) {
      out.push(
        `- **${r.person}** → ${r.to}: yesterday ${r.yesterday.join(', ') || 'nothing finished'}; today ${r.today.join(', ') || 'nothing queued'}; blockers ${blockerText(r.blockers)}`,
      );
    }
    for (const r of d.rollups)
      out.push(`- roll-up **${r.from}** → ${r.to}: ${rollupText(r.content)}`);
    out.push('');
  }
  return out.join('\n');
}

/** Every report as Markdown, by file name (`summary.md`, `capacity.md`, …). */
export function allMarkdown(r: Reports): Record<string, string> {
  return {
    'summary.md': summaryMarkdown(r.summary),
    'capacity.md': capacityMarkdown(r.summary, r.capacity),
    'bottleneck.md': bottleneckMarkdown(r.summary, r.bottleneck),
    'standup.md': standupMarkdown(r.summary, r.standup),
    'cost.md': costMarkdown(r.summary, r.cost),
  };
}

/** Git per team and the ten components with the most conflicts (the hot spots). */
function gitTables(s: Summary): string[] {
  const g = s.git;
  if (g === undefined) return [];
  // Conflicts at integration only when there is an integration branch.
  const x = g.integration !== undefined;
  return [
    table(
      [
        'team',
        'strategy',
        'merges',
        'conflicts',
        'conflict rate',
        ...(x ? ['at integration'] : []),
      ],
      g.byTeam.map((t) => [
        t.team,
        t.strategy,
        n(t.merges, 0),
        n(t.conflicts, 0),
        pct(t.conflictRate),
        ...(x ? [n(t.integrationConflicts, 0)] : []),
      ]),
    ),
    '',
    table(
      ['component', 'owner', 'merges', 'conflicts', ...(x ? ['at integration'] : [])],
      g.byComponent
        .slice(0, 10)
        .map((c) => [
          c.component,
          c.domain ?? 'shared',
          n(c.merges, 0),
          n(c.conflicts, 0),
          ...(x ? [n(c.integrationConflicts, 0)] : []),
        ]),
    ),
  ];
}
