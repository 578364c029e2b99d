// What an hour of someone's work costs: the tokens their activity uses (seed 000's rates by kind
// of work) at their model's rates and prices, plus their own hourly rate. People use no tokens.
// One definition, read by the work log, the budget's accrual and cost-aware assignment.

import type { ActivityKind } from './activity.ts';
import type { PersonSpec } from './org.ts';

export type TokenUse = 'lightCoding' | 'heavyCoding' | 'research' | 'review';

export interface TokenPricing {
  readonly tokensPerHour: Readonly<Record<TokenUse, number>>;
  readonly usdPerMillionInputTokens: number;
  readonly usdPerMillionOutputTokens: number;
  /** The share of an activity's tokens that are output, 0 to 1. */
  readonly outputShare: number;
  /** The share of its input tokens read from the prompt cache, 0 to 1. */
  readonly cachedShare: number;
  /** The price of a million input tokens read from the cache. */
  readonly usdPerMillionCachedInputTokens: number;
  /** Output tokens a second one request streams (its throughput); absent: it keeps up with any work. */
  readonly outputTokensPerSecond?: number;
}

/** The kind of an activity's token use (seed 000). */
export function tokenUse(kind: ActivityKind, complexity: number): TokenUse {
  if (
    kind === 'execute' ||
    kind === 'handoffFix' ||
    kind === 'conflictResolution' ||
    kind === 'ciFix'
  )
    return complexity >= 3 ? 'heavyCoding' : 'lightCoding';
  if (kind === 'strategicPlanning' || kind === 'tacticalPlanning' || kind === 'escalation')
    return 'research';
  return 'review';
}

/**
 * The model `person` works on: theirs from `models`, the default for none named, null for a
 * person (the role `human`, or a model of null).
 */
export function modelOf(
  person: Pick<PersonSpec, 'role' | 'model'>,
  models: Readonly<Record<string, TokenPricing>>,
  fallback: TokenPricing,
): TokenPricing | null {
  if (person.role === 'human' || person.model === null) return null;
  if (person.model === undefined) return fallback;
  const model = models[person.model];
  if (model === undefined) throw new Error(`no model named "${person.model}" in the model table`);
  return model;
}

/** Tokens an hour of this work uses on `model`: none for a person (no model). */
export function tokensPerHour(
  model: TokenPricing | null,
  kind: ActivityKind,
  complexity: number,
): number {
  return model === null ? 0 : model.tokensPerHour[tokenUse(kind, complexity)];
}

/**
 * How many times its hours an hour of `kind` takes on `model`: the output tokens a second the work
 * needs over what one request streams, when the model is slower than the work; 1 otherwise, and
 * for people. Only execution is bound by it: the other work of an agent is desk time of its own.
 */
export function throughputPace(
  model: TokenPricing | null,
  kind: ActivityKind,
  complexity: number,
): number {
  const speed = model?.outputTokensPerSecond;
  if (model === null || speed === undefined || kind !== 'execute') return 1;
  const need = (tokensPerHour(model, kind, complexity) * model.outputShare) / 3600;
  return Math.max(1, need / speed);
}

/**
 * USD per million tokens of the input/output mix, the input side priced for its cache reads; the
 * one price when input and output cost the same and nothing is cached.
 */
function blendedPrice(p: TokenPricing): number {
  const c = p.cachedShare;
  const input =
    c === 0
      ? p.usdPerMillionInputTokens
      : (1 - c) * p.usdPerMillionInputTokens + c * p.usdPerMillionCachedInputTokens;
  const output = p.usdPerMillionOutputTokens;
  return input === output ? input : (1 - p.outputShare) * input + p.outputShare * output;
}

/** What an hour of work using `tokens` tokens an hour costs someone paid `costPerHour`. */
export function usdPerHour(pricing: TokenPricing, tokens: number, costPerHour: number): number {
  return (tokens * blendedPrice(pricing)) / 1e6 + costPerHour;
}

/** The input and output tokens of `hours` of work at `tokens` an hour; `cached`: of the input, those read from the cache. */
export function tokensOf(
  pricing: TokenPricing,
  hours: number,
  tokens: number,
): { input: number; output: number; cached: number } {
  const total = hours * tokens;
  const input = total * (1 - pricing.outputShare);
  return { input, output: total * pricing.outputShare, cached: input * pricing.cachedShare };
}
