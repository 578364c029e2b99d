// Invariants of a whole run, checked on its event log alone: what every org run must satisfy,
// whatever the org, the instructions and the strategy.

import { expect } from 'vitest';
import { type Calendar, workingHoursBetween } from '../../src/domain/calendar.ts';
import { requiredGates, type Tier } from '../../src/domain/gates.ts';
import { allPeople, type IcSpec } from '../../src/domain/org.ts';
import { checkRecord } from '../../src/log/check-record.ts';
import type { LogRecord } from '../../src/log/event-log.ts';
import { runSimulation } from '../../src/org/run.ts';
import type { SimConfig } from '../../src/scenario/config.ts';

type Of<T extends LogRecord['type']> = Extract<LogRecord, { type: T }>;

function only<T extends LogRecord['type']>(log: readonly LogRecord[], type: T): Of<T>[] {
  return log.filter((r): r is Of<T> => r.type === type);
}

/**
 * Each person's calendar at an instant, read off the log: their own from run.start, or while an
 * `overtime` record's window lasts, the same with its hours a day. Undefined for a stranger.
 */
export function calendarsOf(
  log: readonly LogRecord[],
): (person: string, t: number) => Calendar | undefined {
  const own = new Map((only(log, 'run.start')[0]?.people ?? []).map((p) => [p.id, p.calendar]));
  const spans = new Map<string, Array<{ from: number; to: number; hoursPerDay: number }>>();
  const open = new Map<string, { from: number; hoursPerDay: number }>();
  for (const r of only(log, 'overtime')) {
    if (r.phase === 'start') open.set(r.person, { from: r.t, hoursPerDay: r.hoursPerDay });
    else {
      const o = open.get(r.person);
      if (o) spans.set(r.person, [...(spans.get(r.person) ?? []), { ...o, to: r.t }]);
      open.delete(r.person);
    }
  }
  for (const [person, o] of open)
    spans.set(person, [...(spans.get(person) ?? []), { ...o, to: Number.POSITIVE_INFINITY }]);
  return (person, t) => {
    const base = own.get(person);
    const span = spans.get(person)?.find((x) => x.from <= t && t < x.to);
    return base && span ? { ...base, hoursPerDay: span.hoursPerDay } : base;
  };
}

/** Returns every violated invariant as a sentence; an empty list means the run is sound. */
export function violations(config: SimConfig, log: readonly LogRecord[]): string[] {
  const out: string[] = [];
  // Every record the run wrote is one the log's schema (and so `orgsim report`) accepts.
  for (const [i, r] of log.entries()) {
    const check = checkRecord(r);
    if (!check.ok) out.push(`record ${i + 1} (${r.type}) ${check.problem}`);
  }
  const end = log.at(-1);
  const done = end?.type === 'run.end' && end.reason === 'done';
  const planned = only(log, 'plan.tactical').flatMap((p) => p.tasks);
  const tierOf = new Map(only(log, 'instruction.received').map((r) => [r.instruction, r.tier]));
  const plannedIds = planned.map((t) => t.id);
  if (new Set(plannedIds).size !== plannedIds.length) out.push('a task was planned twice');

  // No task lost or duplicated; each is in one state at a time, and ends terminal when the run is done.
  const state = new Map<string, string>();
  for (const r of only(log, 'task.transition')) {
    if (r.from === null) {
      if (state.has(r.task)) out.push(`${r.task} was created twice`);
    } else if (state.get(r.task) !== r.from) {
      out.push(`${r.task} left ${r.from} but was in ${state.get(r.task)}`);
    }
    state.set(r.task, r.to);
  }
  if (done) {
    for (const id of plannedIds) {
      const s = state.get(id);
      if (s !== 'COMPLETED' && s !== 'CANCELLED')
        out.push(`${id} ended in ${s ?? 'no state (never released)'}`);
    }
  }

  // WIP limits: a task is held from ASSIGNED until READY_FOR_HANDOFF, COMPLETED or CANCELLED, or
  // until more urgent work takes its slot (back to PENDING).
  // Who is in the org comes from the log's run.start record (hires included).
  const roster = only(log, 'run.start')[0]?.people ?? allPeople(config.org);
  const wip = new Map<string, number>();
  for (const p of roster) if (p.role === 'IC') wip.set(p.id, (p as IcSpec).wipLimit);
  const holder = new Map<string, string>();
  const held = new Map<string, Set<string>>();
  for (const r of only(log, 'task.transition')) {
    const before = holder.get(r.task);
    if (r.to === 'ASSIGNED' && r.assignee) {
      if (before) held.get(before)?.delete(r.task);
      holder.set(r.task, r.assignee);
      const set = held.get(r.assignee) ?? new Set();
      set.add(r.task);
      held.set(r.assignee, set);
      if (set.size > (wip.get(r.assignee) ?? 0))
        out.push(`${r.assignee} held ${set.size} tasks at t=${r.t}`);
    }
    // Preemption gives the slot back: the task returns to PENDING.
    const released = r.to === 'PENDING' && r.from !== null;
    if (
      (r.to === 'READY_FOR_HANDOFF' || r.to === 'COMPLETED' || r.to === 'CANCELLED' || released) &&
      before
    ) {
      held.get(before)?.delete(r.task);
    }
  }

  // Nobody reviews their own work; a completed task passed every gate its tier requires, since its
  // last rework or its last review opened again.
  const assignee = new Map<string, string>();
  const passed = new Map<string, string[]>();
  const architectural = new Map(planned.map((t) => [t.id, t.architectural]));
  const instructionOf = new Map(
    only(log, 'plan.tactical').flatMap((p) => p.tasks.map((t) => [t.id, p.instruction])),
  );
  for (const r of log) {
    if (r.type === 'task.transition' && r.to === 'ASSIGNED' && r.assignee)
      assignee.set(r.task, r.assignee);
    // A change rebased over a conflict goes through its gates again from the first (docs/git.md).
    if (r.type === 'task.transition' && r.cause === 'change.reviewAgain') passed.set(r.task, []);
    if (r.type === 'task.gate') {
      if (r.gate === 'peerReview' && r.reviewer === assignee.get(r.task))
        out.push(`${r.reviewer} peer-reviewed own ${r.task}`);
      passed.set(r.task, r.outcome === 'rejected' ? [] : [...(passed.get(r.task) ?? []), r.gate]);
    }
    if (r.type === 'task.transition' && r.to === 'COMPLETED') {
      const tier = tierOf.get(instructionOf.get(r.task) ?? '') as Tier;
      const required = requiredGates(tier, {
        enabled: config.gates.enabled,
        architectural: architectural.get(r.task) ?? false,
      });
      const got = passed.get(r.task) ?? [];
      if (got.join() !== required.join())
        out.push(`${r.task} completed after [${got}] but needs [${required}]`);
    }
  }

  // Every handoff offered is accepted or returned, unless its task was cancelled (a requirement
  // change withdraws the handoffs of the work it cancels).
  const withdrawn = new Set(
    only(log, 'task.transition')
      .filter((r) => r.to === 'CANCELLED')
      .map((r) => r.task),
  );
  const messages = only(log, 'message').filter((m) => !withdrawn.has(m.task ?? ''));
  const offers = messages.filter((m) => m.kind === 'handoff.offer').length;
  const answers = messages.filter(
    (m) => m.kind === 'handoff.accept' || m.kind === 'handoff.return',
  ).length;
  if (done && offers !== answers) out.push(`${offers} handoffs offered, ${answers} answered`);

  // One activity at a time per person, within their calendar.
  const people = new Map(roster.map((p) => [p.id, p]));
  const work = new Map<string, Of<'work'>[]>();
  for (const w of only(log, 'work')) work.set(w.person, [...(work.get(w.person) ?? []), w]);
  const calendarAt = calendarsOf(log);
  for (const [person, slices] of work) {
    let until = Number.NEGATIVE_INFINITY;
    for (const w of slices) {
      if (w.startedAt < until - 1e-9)
        out.push(`${person} did two things at once at t=${w.startedAt}`);
      until = w.t;
      // A slice is worked on one calendar: an overtime's start or end splits it.
      const calendar = calendarAt(person, w.startedAt);
      if (calendar && Math.abs(workingHoursBetween(w.startedAt, w.t, calendar) - w.hours) > 1e-6) {
        out.push(`${person} logged ${w.hours}h in a slice with other working hours`);
      }
    }
  }

  // Makespan ≥ the longest chain of execution and ≥ the work done over the capacity there was.
  // A cancelled task counts as finished for its dependents when it is cancelled, maybe before its
  // own inputs finished: a chain through it counts its own execution only.
  const execute = new Map<string, number>();
  for (const w of only(log, 'work'))
    if (w.kind === 'execute' && w.task) execute.set(w.task, (execute.get(w.task) ?? 0) + w.hours);
  for (const c of only(log, 'instruction.completed')) {
    const tasks = planned.filter((t) => instructionOf.get(t.id) === c.instruction);
    const longest = new Map<string, number>();
    const chain = (id: string): number => {
      const known = longest.get(id);
      if (known !== undefined) return known;
      const t = tasks.find((x) => x.id === id);
      const inputs = withdrawn.has(id) ? [] : (t?.dependsOn ?? []);
      const value = (execute.get(id) ?? 0) + Math.max(0, ...inputs.map(chain));
      longest.set(id, value);
      return value;
    };
    const critical = Math.max(0, ...tasks.map((t) => chain(t.id)));
    if (c.leadTimeHours < critical - 1e-6)
      out.push(
        `${c.instruction} took ${c.leadTimeHours}h, less than its ${critical}h execution chain`,
      );
  }
  const first = only(log, 'instruction.received')[0]?.t ?? 0;
  const last = end?.t ?? 0;
  for (const [person, slices] of work) {
    const calendar = people.get(person)?.calendar;
    const total = slices.reduce((h, w) => h + w.hours, 0);
    // The room their calendar gave, counting any overtime as worked around the clock (an upper bound).
    const overtime = only(log, 'overtime').some((o) => o.person === person);
    const room = calendar
      ? workingHoursBetween(
          Math.min(first, slices[0]?.startedAt ?? first),
          last,
          overtime ? { ...calendar, hoursPerDay: 24 } : calendar,
        )
      : total;
    if (total > room + 1e-6) out.push(`${person} worked ${total}h with only ${room}h of calendar`);
  }
  // Log integrity, Little's law on the log: for a run that drains, the time-average number of
  // released tasks in the system equals their arrival rate times their mean time in the system
  // (an identity for a complete log; a gap means tasks whose end the log lost).
  if (done) {
    const released = new Map(only(log, 'task.ready').map((r) => [r.task, r.t]));
    const ended = new Map<string, number>();
    for (const r of only(log, 'task.transition'))
      if (r.to === 'COMPLETED' || r.to === 'CANCELLED') ended.set(r.task, r.t);
    const changes: Array<[number, number]> = [];
    let sum = 0;
    for (const [task, at] of released) {
      const until = ended.get(task);
      if (until === undefined) {
        out.push(`${task} was released and never ended`);
        continue;
      }
      changes.push([at, 1], [until, -1]);
      sum += until - at;
    }
    changes.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let area = 0;
    let inSystem = 0;
    let previous = changes[0]?.[0] ?? 0;
    for (const [t, delta] of changes) {
      area += inSystem * (t - previous);
      inSystem += delta;
      previous = t;
    }
    if (Math.abs(area - sum) > 1e-6 * Math.max(1, sum))
      out.push(`Little's law fails on the log: area ${area} h, sum of stays ${sum} h`);
  }
  return out;
}

/** Runs `config`, expecting it to finish every task with no invariant broken; returns its log. */
export function soundRun(config: SimConfig): readonly LogRecord[] {
  const { records } = runSimulation(config).log;
  expect(records.at(-1)).toMatchObject({ type: 'run.end', reason: 'done' });
  expect(violations(config, records)).toEqual([]);
  return records;
}

/** Expects the fast engine to write the same log as XState itself for `config`. */
export function sameLogOnBothEngines(config: SimConfig): void {
  const xstate = runSimulation({ ...config, engine: 'xstate' }).log;
  const fast = runSimulation({ ...config, engine: 'fast' }).log;
  expect(fast.toJsonLines()).toBe(xstate.toJsonLines());
}
