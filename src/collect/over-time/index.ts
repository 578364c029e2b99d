// The run over time, from its log alone: what the report's charts draw. The flow of tasks through
// the lifecycle, each domain's backlog, WIP and utilisation, lead times, spend against the budget,
// escalations, who did what when, and the agent pools' sizes.

import type { EscalationLevel, EscalationRole } from '../../domain/escalation.ts';
import { HOURS_PER_DAY, type Hours } from '../../kernel/time.ts';
import type { InstructionPath } from '../critical-path.ts';
import { pools } from '../pools.ts';
import { distribution, round } from '../stats.ts';
import {
  absences,
  type LogInput,
  ofType,
  runEnd,
  runStart,
  timelines,
  viewOf,
} from '../timeline.ts';
import { type Flow, flowOf, type Series } from './flow.ts';
import { Indexer } from './indexer.ts';
import { spendBySample, utilisationByDay } from './load.ts';
import { sampleTimes, stepFor } from './samples.ts';
import { type Schedule, scheduleOf } from './schedule.ts';

export interface OverTime {
  /** Hours between samples, and the sample times: 0, step, … to the end of the run. */
  readonly step: Hours;
  readonly times: Hours[];
  /** Days of the org's clock the run touched: the per-day series' length. */
  readonly days: number;
  /** The task ids the other fields refer to by index. */
  readonly tasks: string[];
  readonly flow: Flow;
  /** Per domain, each day's ICs' utilisation; null on a day with no hours available. */
  readonly utilisationByDay: Series<number | null>[];
  /**
   * Each completed task's lead time (release to completion), as columns: its index in `tasks`,
   * its domain's in `domains`, when it was done and its lead time; and the summary's percentiles.
   */
  readonly leadTimes: {
    readonly domains: string[];
    readonly points: { task: number[]; domain: number[]; doneAt: Hours[]; hours: Hours[] };
    readonly p50: Hours;
    readonly p85: Hours;
    readonly p95: Hours;
  };
  readonly budget: {
    readonly budgetUsd: number | null;
    readonly dailyBudgetUsd: number | null;
    /** Spent by each sample time. */
    readonly spentUsd: number[];
    readonly alerts: Array<{ t: Hours; scope: string; threshold: number; day: number | null }>;
    readonly exhausted: Array<{ t: Hours; scope: string; day: number | null }>;
  };
  readonly escalations: Array<{
    t: Hours;
    escalation: string;
    task: string;
    event: 'opened' | 'climbed' | 'decided' | 'resolved';
    level: EscalationLevel;
    role: EscalationRole | null;
  }>;
  readonly schedule: Schedule;
  /** Each agent pool's active agents, at the start and at each change (none without pools). */
  readonly pools: Array<{ name: string; sizes: Array<{ t: Hours; size: number }> }>;
}

/** The run over time; `paths` are the bottleneck report's critical paths. */
export function overTime(input: LogInput, paths: readonly InstructionPath[]): OverTime {
  const log = viewOf(input);
  const start = runStart(log);
  const end = runEnd(log);
  const step = stepFor(end);
  const times = sampleTimes(end, step);
  const days = Math.max(1, Math.ceil(end / HOURS_PER_DAY));
  const away = absences(log);
  const work = ofType(log, 'work');
  const tasks = [...timelines(log).values()];
  const done = tasks.filter((t) => t.outcome === 'COMPLETED' && t.endedAt !== null);
  const ids = new Indexer();
  const domains = new Indexer();
  const points: OverTime['leadTimes']['points'] = { task: [], domain: [], doneAt: [], hours: [] };
  for (const t of done) {
    points.task.push(ids.of(t.id));
    points.domain.push(domains.of(t.domain));
    points.doneAt.push(round(t.endedAt as number));
    points.hours.push(round((t.endedAt as number) - (t.releasedAt ?? 0)));
  }
  const schedule = scheduleOf(start, work, ofType(log, 'rebalance'), away, paths, ids);
  const leads = distribution(done.map((t) => (t.endedAt as number) - (t.releasedAt ?? 0)));
  const people = new Map(start.people.map((p) => [p.id, p]));
  return {
    step,
    times,
    days,
    tasks: ids.values,
    flow: flowOf(tasks, step, times.length, days),
    utilisationByDay: utilisationByDay(work, start.people, away, days, end),
    leadTimes: {
      domains: domains.values,
      points,
      p50: round(leads.p50),
      p85: round(leads.p85),
      p95: round(leads.p95),
    },
    budget: {
      budgetUsd: start.budgetUsd,
      dailyBudgetUsd: start.dailyBudgetUsd,
      spentUsd: spendBySample(work, people, away, step, times.length),
      alerts: ofType(log, 'budget.alert').map((a) => ({
        t: round(a.t),
        scope: a.scope,
        threshold: a.threshold,
        day: a.day ?? null,
      })),
      exhausted: ofType(log, 'budget.exhausted').map((a) => ({
        t: round(a.t),
        scope: a.scope,
        day: a.day ?? null,
      })),
    },
    escalations: escalationsOf(log),
    schedule,
    pools: poolsOf(log),
  };
}

/** The pools' sizes over the run, named as the summary names them. */
function poolsOf(log: LogInput): OverTime['pools'] {
  const list = pools(log) ?? [];
  return list.map((p) => ({
    name: list.some((q) => q.pool === p.pool && q.team !== p.team)
      ? `${p.pool} (${p.team})`
      : p.pool,
    sizes: p.sizes.map(([t, size]) => ({ t, size })),
  }));
}

function escalationsOf(log: LogInput): OverTime['escalations'] {
  const out: OverTime['escalations'] = [];
  for (const r of viewOf(log).records)
    switch (r.type) {
      case 'escalation.opened':
      case 'escalation.climbed':
      case 'escalation.decided':
      case 'escalation.resolved':
        out.push({
          t: round(r.t),
          escalation: r.escalation,
          task: r.task,
          event: r.type.slice('escalation.'.length) as OverTime['escalations'][number]['event'],
          level: r.level,
          role: 'role' in r ? r.role : null,
        });
    }
  return out;
}
