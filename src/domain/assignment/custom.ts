// A user's own assignment strategy, from a module: its default export is a strategy object or a
// function returning one (a fresh one per run, if it keeps state). Loaded synchronously (Node's
// require of ES modules), and guarded: a strategy that throws, answers with someone who is not a
// candidate, or answers differently to the same question stops the run with a StrategyError that
// names the module and the fix.

import { createRequire } from 'node:module';
import { basename, extname } from 'node:path';
import type { AssignmentStrategy, IcView, StrategyContext, TaskView } from './strategy.ts';

/** A strategy module misbehaved or could not be used; the message names it and says what to fix. */
export class StrategyError extends Error {
  override readonly name = 'StrategyError';
}

/** A strategy module's path: relative (`./`, `../`) or absolute, or ending in .js/.mjs/.cjs/.ts/.mts. */
export const MODULE_PATH = /^(?:\.{1,2}[\\/]|[\\/]|[A-Za-z]:[\\/]).*|^.*\.(?:m?js|cjs|m?ts)$/;

/** Whether a scenario's `strategy` names a module rather than a built-in strategy. */
export function isModulePath(value: string): boolean {
  return MODULE_PATH.test(value);
}

const require = createRequire(import.meta.url);

/** How many of a run's first choices are asked twice to check that the answer holds. */
const CHECKED_CHOICES = 200;

/** The strategy a module exports, checked and guarded; `file` is an absolute path. */
export function loadCustomStrategy(file: string): AssignmentStrategy {
  let exported: unknown;
  try {
    const module = require(file) as { default?: unknown };
    exported = module.default ?? module;
  } catch (error) {
    const typescript = /\.m?ts$/.test(file)
      ? ' (a TypeScript strategy needs a Node that runs TypeScript, 22.18 or later, or tsx: or compile it to .js)'
      : '';
    throw new StrategyError(
      `strategy ${file} cannot be loaded: ${(error as Error).message.split('\n')[0]}${typescript}`,
    );
  }
  return userStrategy(
    exported,
    basename(file, extname(file)),
    `strategy ${file} must export (as default)`,
  );
}

/** A strategy object, or a function returning a fresh one for each run. */
export type StrategySource = AssignmentStrategy | (() => AssignmentStrategy);

/**
 * A user's strategy (what a module exports, or an object the API was given), checked and guarded.
 * `label` is its name if it gives none; `mustBe` begins the error when it is no strategy at all.
 */
export function userStrategy(exported: unknown, label: string, mustBe: string): AssignmentStrategy {
  const made = typeof exported === 'function' ? (exported as () => unknown)() : exported;
  const s = made as Partial<AssignmentStrategy> | null;
  if (s === null || typeof s !== 'object' || typeof s.choose !== 'function')
    throw new StrategyError(
      `${mustBe} an object with choose(task, candidates, context) and compare(a, b), or a function returning one`,
    );
  return guarded(s as AssignmentStrategy, typeof s.name === 'string' && s.name ? s.name : label);
}

/** Draws recorded on the first asking and replayed on the second, so both see the same numbers. */
function recording(context: StrategyContext) {
  const draws: number[] = [];
  let replay = -1;
  return {
    context: {
      get now() {
        return context.now;
      },
      random: () => {
        if (replay >= 0) return draws[replay++] ?? context.random();
        const v = context.random();
        draws.push(v);
        return v;
      },
    } satisfies StrategyContext,
    replay: () => {
      replay = 0;
    },
  };
}

function guarded(s: AssignmentStrategy, name: string): AssignmentStrategy {
  let checked = 0;
  const fail = (what: string, error?: unknown): never => {
    throw new StrategyError(
      `strategy ${name} ${what}${error === undefined ? '' : `: ${(error as Error)?.message ?? String(error)}`}`,
    );
  };
  const ask = (task: TaskView, candidates: readonly IcView[], context: StrategyContext) => {
    try {
      return s.choose(task, candidates, context);
    } catch (error) {
      return fail(`threw choosing an IC for task ${task.id}`, error);
    }
  };
  return {
    name,
    compare(a, b) {
      if (typeof s.compare !== 'function') return a.priority - b.priority || a.arrival - b.arrival;
      let order: number;
      try {
        order = s.compare(a, b);
      } catch (error) {
        return fail(`threw comparing tasks ${a.id} and ${b.id}`, error);
      }
      if (typeof order !== 'number' || Number.isNaN(order))
        fail(
          `compare(${a.id}, ${b.id}) returned ${String(order)}: return a number (negative: a first)`,
        );
      return order;
    },
    choose(task, candidates, context) {
      const ids = candidates.map((c) => c.id);
      const record = checked < CHECKED_CHOICES ? recording(context) : null;
      const chosen = ask(task, candidates, record?.context ?? context);
      const id = (chosen as IcView | undefined)?.id;
      if (typeof id !== 'string' || !ids.includes(id))
        fail(
          `chose ${id === undefined ? String(chosen) : `"${id}"`} for task ${task.id}, who is not one of its candidates (${ids.join(', ')}): return one of the candidates it is given`,
        );
      if (record !== null) {
        checked++;
        record.replay();
        const again = (ask(task, candidates, record.context) as IcView | undefined)?.id;
        if (again !== id)
          fail(
            `is not deterministic: asked twice for task ${task.id} with the same candidates it chose "${id}", then "${again}"; use context.random (seeded) rather than Math.random or the time`,
          );
      }
      return candidates[ids.indexOf(id as string)] as IcView;
    },
  };
}
