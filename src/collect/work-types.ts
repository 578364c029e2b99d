// Instructions by work type, from the log alone: per type, how many arrived and were done, their
// lead times (arrival to completion) and what the work that served them cost, in total and per
// instruction done (the mean of the done ones', as `costPerInstructionUsd` is for the run, and
// their P50, P85 and P95). Null
// when no instruction has a work type.

import type { Hours } from '../kernel/time.ts';
import { UNTYPED } from './cost.ts';
import { type Distribution, distribution, mean, round } from './stats.ts';
import { type LogInput, ofType, viewOf } from './timeline.ts';

export interface WorkTypeFigures {
  readonly workType: string;
  readonly instructions: number;
  readonly done: number;
  readonly leadTimeHours: Pick<Distribution, 'p50' | 'p85' | 'p95'>;
  /** The work that served its instructions, done or not. */
  readonly costUsd: number;
  readonly costPerInstructionUsd: number;
  /** The cost of one instruction done: its P50, P85 and P95 over those done. */
  readonly instructionCostUsd: Pick<Distribution, 'p50' | 'p85' | 'p95'>;
  readonly tokens: number;
}

export function workTypes(input: LogInput): WorkTypeFigures[] | null {
  const log = viewOf(input);
  const received = ofType(log, 'instruction.received');
  if (!received.some((r) => r.workType !== undefined)) return null;
  const typeOf = new Map(received.map((r) => [r.instruction, r.workType ?? UNTYPED]));
  const spent = new Map<string, number>();
  const tokens = new Map<string, number>();
  for (const w of ofType(log, 'work')) {
    if (w.instruction === undefined) continue;
    spent.set(w.instruction, (spent.get(w.instruction) ?? 0) + w.costUsd);
    const type = typeOf.get(w.instruction) ?? UNTYPED;
    tokens.set(type, (tokens.get(type) ?? 0) + w.tokensIn + w.tokensOut);
  }
  const leads = new Map<string, Hours>(
    ofType(log, 'instruction.completed').map((c) => [c.instruction, c.leadTimeHours]),
  );
  const order = [...new Set(typeOf.values())];
  return order.map((workType): WorkTypeFigures => {
    const ids = received.filter((r) => typeOf.get(r.instruction) === workType);
    const done = ids.filter((r) => leads.has(r.instruction));
    const d = distribution(done.map((r) => leads.get(r.instruction) as Hours));
    const c = distribution(done.map((r) => spent.get(r.instruction) ?? 0));
    return {
      workType,
      instructions: ids.length,
      done: done.length,
      leadTimeHours: { p50: round(d.p50), p85: round(d.p85), p95: round(d.p95) },
      costUsd: round(ids.reduce((a, r) => a + (spent.get(r.instruction) ?? 0), 0)),
      costPerInstructionUsd: round(mean(done.map((r) => spent.get(r.instruction) ?? 0))),
      instructionCostUsd: { p50: round(c.p50), p85: round(c.p85), p95: round(c.p95) },
      tokens: Math.round(tokens.get(workType) ?? 0),
    };
  });
}
