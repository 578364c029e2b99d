// Tokens and money, from the work log: in and out tokens, hours and USD per role, per model, per
// person, per kind of activity, per instruction and per work type (work that served none is `overhead`: standups,
// capacity reviews). Every breakdown is a partition of the same records, so each adds up to the
// total.

import { ACTIVITY_KINDS } from '../domain/activity.ts';
import type { Hours } from '../kernel/time.ts';
import { round } from './stats.ts';
import { type LogInput, ofType, runStart, viewOf } from './timeline.ts';

/** What work of no instruction is filed under. */
export const OVERHEAD = 'overhead';
/** The model of agents the scenario names none for: the cost section's rates. */
export const DEFAULT_MODEL = 'default';
/** What people's work (humans, and people who are not agents) is filed under by model. */
export const PEOPLE = 'people';
/** The work type of instructions that have none. */
export const UNTYPED = 'untyped';

export interface CostFigures {
  readonly hours: Hours;
  readonly tokensIn: number;
  readonly tokensOut: number;
  /** Of the input tokens, those read from the prompt cache. */
  readonly tokensCached: number;
  readonly usd: number;
}

/** Tokens and dollars per role, model, person, activity kind and instruction. */
export interface Costs {
  readonly total: CostFigures;
  readonly byRole: Record<string, CostFigures>;
  /** By the model each agent runs on (DEFAULT_MODEL where none is named); PEOPLE for people. */
  readonly byModel: Record<string, CostFigures>;
  readonly byPerson: Record<string, CostFigures>;
  readonly byKind: Record<string, CostFigures>;
  readonly byInstruction: Record<string, CostFigures>;
  /**
   * By the work type of the instruction served (UNTYPED for instructions without one, OVERHEAD
   * for none); present when some instruction has a work type.
   */
  readonly byWorkType?: Record<string, CostFigures>;
}

type Sums = {
  hours: number;
  tokensIn: number;
  tokensOut: number;
  tokensCached: number;
  usd: number;
};

const zero = (): Sums => ({ hours: 0, tokensIn: 0, tokensOut: 0, tokensCached: 0, usd: 0 });

/** Hours to 2 decimals, whole tokens, USD to a hundredth of a cent. */
const rounded = (s: Sums): CostFigures => ({
  hours: round(s.hours),
  tokensIn: Math.round(s.tokensIn),
  tokensOut: Math.round(s.tokensOut),
  tokensCached: Math.round(s.tokensCached),
  usd: round(s.usd, 4),
});

/** Groups keyed in a fixed order (keys first seen later come after), each summed in log order. */
function groups(order: readonly string[]): Map<string, Sums> {
  return new Map(order.map((k) => [k, zero()]));
}

function add(map: Map<string, Sums>, key: string, w: Sums): void {
  let s = map.get(key);
  if (s === undefined) {
    s = zero();
    map.set(key, s);
  }
  accumulate(s, w);
}

function accumulate(s: Sums, w: Sums): void {
  s.hours += w.hours;
  s.tokensIn += w.tokensIn;
  s.tokensOut += w.tokensOut;
  s.tokensCached += w.tokensCached;
  s.usd += w.usd;
}

/** The groups that saw work, rounded. */
function table(map: Map<string, Sums>): Record<string, CostFigures> {
  const out: Record<string, CostFigures> = {};
  for (const [k, s] of map) if (s.hours > 0 || s.usd > 0 || s.tokensIn > 0) out[k] = rounded(s);
  return out;
}

export function costs(input: LogInput): Costs {
  const log = viewOf(input);
  const people = runStart(log).people;
  const roleOf = new Map(people.map((p) => [p.id, p.role as string]));
  const modelOf = new Map(
    people.map((p) => [
      p.id,
      p.role === 'human' || p.person === true ? PEOPLE : (p.model ?? DEFAULT_MODEL),
    ]),
  );
  const byModel = groups([...new Set(modelOf.values())]);
  const total = zero();
  const byRole = groups([...new Set(people.map((p) => p.role))]);
  const byPerson = groups(people.map((p) => p.id));
  const byKind = groups(ACTIVITY_KINDS);
  const received = ofType(log, 'instruction.received');
  const byInstruction = groups([...received.map((r) => r.instruction), OVERHEAD]);
  const typeOf = new Map(received.map((r) => [r.instruction, r.workType ?? UNTYPED]));
  const typed = received.some((r) => r.workType !== undefined);
  const byWorkType = groups([...new Set(typeOf.values()), OVERHEAD]);
  for (const w of ofType(log, 'work')) {
    const figures = {
      hours: w.hours,
      tokensIn: w.tokensIn,
      tokensOut: w.tokensOut,
      tokensCached: w.tokensCached ?? 0,
      usd: w.costUsd,
    };
    accumulate(total, figures);
    add(byRole, roleOf.get(w.person) ?? 'unknown', figures);
    add(byModel, modelOf.get(w.person) ?? 'unknown', figures);
    add(byPerson, w.person, figures);
    add(byKind, w.kind, figures);
    add(byInstruction, w.instruction ?? OVERHEAD, figures);
    if (typed)
      add(
        byWorkType,
        w.instruction === undefined ? OVERHEAD : (typeOf.get(w.instruction) ?? UNTYPED),
        figures,
      );
  }
  return {
    total: rounded(total),
    byRole: table(byRole),
    byModel: table(byModel),
    byPerson: table(byPerson),
    byKind: table(byKind),
    byInstruction: table(byInstruction),
    ...(typed ? { byWorkType: table(byWorkType) } : {}),
  };
}
