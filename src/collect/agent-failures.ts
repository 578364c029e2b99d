// How the agents failed, from the log alone: per model whose scenario says how its agents fail,
// its executions, the loops among them and the tokens the loops burnt, the caps that tripped and
// what came of them, the reviews that erred (bad work passed: each defect once, escaped if its
// task completed before a review caught it; good work rejected), and the executions that stopped
// early and those shipped unfinished. Null for a run whose models never fail.

import type { LogRecord } from '../log/event-log.ts';
import { type LogInput, type LogView, ofType, runStart, viewOf } from './timeline.ts';

type Of<T extends LogRecord['type']> = Extract<LogRecord, { type: T }>;

export interface ModelFailures {
  readonly model: string;
  /** Executions by its agents (an execution runs from its assignment, rework or resume to its end). */
  readonly executions: number;
  readonly loops: number;
  /** Loops per execution. */
  readonly loopRate: number;
  /** Tokens of the work done while looping, and what it cost. */
  readonly loopTokens: number;
  readonly loopUsd: number;
  /** Caps that tripped, by cap, and what came of them. */
  readonly capsTripped: { readonly turns: number; readonly usd: number };
  readonly escalatedByCap: number;
  /** Retried: by the same agent, or (`retriedOnOtherModel`, a part of them) by one on another model. */
  readonly retriedByCap: number;
  readonly retriedOnOtherModel: number;
  /** Tasks failed by a cap (`onCap: fail`): each closed its instruction undone. */
  readonly failedByCap: number;
  /**
   * Defects its agents' reviews passed, each once: shipped (escaped: the task completed with no
   * review rejecting it after) or caught by a later review; and reviews that rejected good work.
   */
  readonly escapedDefects: number;
  readonly defectsCaughtLater: number;
  readonly goodWorkRejected: number;
  /**
   * Executions that stopped early and were handed in unfinished; of them, those no review
   * rejected before the task completed (shipped unfinished).
   */
  readonly stoppedEarly: number;
  readonly shippedUnfinished: number;
}

export interface AgentFailureReport {
  readonly byModel: readonly ModelFailures[];
  readonly loops: number;
  readonly loopTokens: number;
  readonly capsTripped: number;
  readonly escapedDefects: number;
}

export function agentFailures(input: LogInput): AgentFailureReport | null {
  const log = viewOf(input);
  const start = runStart(log);
  const models = start.agentFailures;
  if (models === undefined) return null;
  const modelOf = new Map<string, string>();
  for (const p of start.people)
    if (p.model !== undefined && models[p.model] !== undefined) modelOf.set(p.id, p.model);

  const work = ofType(log, 'work').filter((w) => w.kind === 'execute' && modelOf.has(w.person));
  const executions = new Map<string, number>();
  const seen = new Set<string>();
  for (const w of work) {
    const key = `${w.person}\u0000${w.task}\u0000${w.queuedAt}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const model = modelOf.get(w.person) as string;
    executions.set(model, (executions.get(model) ?? 0) + 1);
  }

  const byTask = new Map<string, Of<'work'>[]>();
  for (const w of work) {
    const key = `${w.person}\u0000${w.task}`;
    const list = byTask.get(key) ?? [];
    if (list.length === 0) byTask.set(key, list);
    list.push(w);
  }
  const loopTokens = new Map<string, number>();
  const loopUsd = new Map<string, number>();
  for (const loop of ofType(log, 'loop')) {
    const [tokens, usd] = loopWork(loop, byTask.get(`${loop.person}\u0000${loop.task}`) ?? []);
    loopTokens.set(loop.model, (loopTokens.get(loop.model) ?? 0) + tokens);
    loopUsd.set(loop.model, (loopUsd.get(loop.model) ?? 0) + usd);
  }
  const count = <T extends { model: string }>(records: readonly T[], model: string) =>
    records.filter((r) => r.model === model).length;
  const loops = ofType(log, 'loop');
  const caps = ofType(log, 'cap');
  const verifications = ofType(log, 'verification');
  const stops = ofType(log, 'stop.early');
  const gates = gatesByTask(log);
  const completedAt = new Map<string, number>();
  for (const r of ofType(log, 'task.transition'))
    if (r.to === 'COMPLETED') completedAt.set(r.task, r.t);
  const shipped = new Set(stops.filter((s) => fate(s, gates, completedAt) === 'shipped'));
  const passed = firstPasses(verifications, gates);
  const fateOf = new Map(passed.map((v) => [v, fate(v, gates, completedAt)]));

  const byModel = Object.keys(models).map((model): ModelFailures => {
    const n = executions.get(model) ?? 0;
    const mine = caps.filter((c) => c.model === model);
    const looped = count(loops, model);
    return {
      model,
      executions: n,
      loops: looped,
      loopRate: n === 0 ? 0 : looped / n,
      loopTokens: loopTokens.get(model) ?? 0,
      loopUsd: loopUsd.get(model) ?? 0,
      capsTripped: {
        turns: mine.filter((c) => c.cap === 'turns').length,
        usd: mine.filter((c) => c.cap === 'usd').length,
      },
      escalatedByCap: mine.filter((c) => c.action === 'escalate').length,
      retriedByCap: mine.filter((c) => c.action === 'retry').length,
      retriedOnOtherModel: mine.filter((c) => c.retryOn !== undefined).length,
      failedByCap: mine.filter((c) => c.action === 'fail').length,
      escapedDefects: passed.filter((v) => v.model === model && fateOf.get(v) === 'shipped').length,
      defectsCaughtLater: passed.filter((v) => v.model === model && fateOf.get(v) === 'caught')
        .length,
      goodWorkRejected: verifications.filter(
        (v) => v.model === model && v.error === 'rejectedGoodWork',
      ).length,
      stoppedEarly: count(stops, model),
      shippedUnfinished: stops.filter((s) => s.model === model && shipped.has(s)).length,
    };
  });
  const sum = (f: (m: ModelFailures) => number) => byModel.reduce((a, m) => a + f(m), 0);
  return {
    byModel,
    loops: sum((m) => m.loops),
    loopTokens: sum((m) => m.loopTokens),
    capsTripped: sum((m) => m.capsTripped.turns + m.capsTripped.usd),
    escapedDefects: sum((m) => m.escapedDefects),
  };
}

function gatesByTask(log: LogView): Map<string, Of<'task.gate'>[]> {
  const gates = new Map<string, Of<'task.gate'>[]>();
  for (const g of ofType(log, 'task.gate')) {
    const list = gates.get(g.task) ?? [];
    if (list.length === 0) gates.set(g.task, list);
    list.push(g);
  }
  return gates;
}

/**
 * What became of bad work (an early stop, or a defect a review passed) at `t`: `caught` when a
 * review rejected the task at or after it, `shipped` when the task completed first, `open` when
 * it did neither by the end of the run. (A review that passes bad work logs its gate `passed`.)
 */
function fate(
  bad: { readonly task: string; readonly t: number },
  gates: ReadonlyMap<string, readonly Of<'task.gate'>[]>,
  completedAt: ReadonlyMap<string, number>,
): 'caught' | 'shipped' | 'open' {
  const done = completedAt.get(bad.task) ?? Number.POSITIVE_INFINITY;
  const caught = (gates.get(bad.task) ?? []).some(
    (g) => g.t >= bad.t && g.t <= done && g.outcome === 'rejected',
  );
  if (caught) return 'caught';
  return Number.isFinite(done) ? 'shipped' : 'open';
}

/**
 * The reviews that first let each defect through: a review passing bad work of a task whose last
 * such review has not been followed by a rejection is passing the same defect again.
 */
function firstPasses(
  verifications: readonly Of<'verification'>[],
  gates: ReadonlyMap<string, readonly Of<'task.gate'>[]>,
): Of<'verification'>[] {
  const open = new Map<string, Of<'verification'>>();
  const out: Of<'verification'>[] = [];
  for (const v of verifications) {
    if (v.error !== 'passedBadWork') continue;
    const before = open.get(v.task);
    const fixed =
      before === undefined ||
      (gates.get(v.task) ?? []).some(
        (g) => g.t >= before.t && g.t <= v.t && g.outcome === 'rejected',
      );
    if (!fixed) continue;
    open.set(v.task, v);
    out.push(v);
  }
  return out;
}

/**
 * The tokens and dollars of a loop: the slices of its execution (the one whose slice stopped as
 * the loop began) from the loop's start on. `work`: the slices of the loop's person and task.
 */
function loopWork(loop: Of<'loop'>, work: readonly Of<'work'>[]): [number, number] {
  const before = work.find((w) => w.t === loop.t);
  if (before === undefined) return [0, 0];
  let tokens = 0;
  let usd = 0;
  for (const w of work)
    if (w.queuedAt === before.queuedAt && w.startedAt >= loop.t) {
      tokens += w.tokensIn + w.tokensOut;
      usd += w.costUsd;
    }
  return [tokens, usd];
}
