// The cost report's rows on a hand-written log: the order rows come in (roster order of roles,
// arrival order of instructions, newcomers after), work by someone off the roster or for an
// instruction never received, and rows that saw no hours but still cost money or tokens.

import { describe, expect, it } from 'vitest';
import { type CostFigures, costs, OVERHEAD } from '../../src/collect/cost.ts';
import { headline } from '../../src/collect/summary.ts';
import type { LogRecord } from '../../src/log/event-log.ts';
import { person, received, runStart, work } from './log-builder.ts';

const f = (hours: number, tokensIn: number, tokensOut: number, usd: number): CostFigures => ({
  hours,
  tokensIn,
  tokensOut,
  tokensCached: 0,
  usd,
});

/**
 * Roster: em (EM), ic-a (IC), human-1 (human); I1 then I2 received. Work, in log order:
 *   ic-a    execute     I2   2 h    1000 in  500 out  $0.2
 *   human-1 escalation  I1   1 h       0       0      $40
 *   em      standup     —    0.25 h  100      50      $0.01
 *   ghost   execute     I3   1 h     200     100      $0.05   (off the roster; I3 never received)
 *   em      rebalance   —    0 h       0       0      $0.02   (a slice of no time that cost money)
 *   em      assignment  —    0 h     300       0      $0      (no time, no money, but tokens in)
 */
function log(): LogRecord[] {
  const slice = (
    t: number,
    who: string,
    kind: 'execute' | 'escalation' | 'standup' | 'rebalance' | 'assignment',
    hours: number,
    tokensIn: number,
    tokensOut: number,
    costUsd: number,
    instruction?: string,
  ) =>
    work(t, who, kind, t - hours, t - hours, undefined, {
      hours,
      tokensIn,
      tokensOut,
      costUsd,
      ...(instruction === undefined ? {} : { instruction }),
    });
  return [
    runStart([person('em', 'EM'), person('ic-a', 'IC'), person('human-1', 'human')]),
    received(0, 'I1'),
    received(0, 'I2'),
    slice(2, 'ic-a', 'execute', 2, 1000, 500, 0.2, 'I2'),
    slice(3, 'human-1', 'escalation', 1, 0, 0, 40, 'I1'),
    slice(3.25, 'em', 'standup', 0.25, 100, 50, 0.01),
    slice(4, 'ghost', 'execute', 1, 200, 100, 0.05, 'I3'),
    slice(5, 'em', 'rebalance', 0, 0, 0, 0.02),
    slice(6, 'em', 'assignment', 0, 300, 0, 0),
  ];
}

describe('cost rows', () => {
  it('keeps roles in roster order, and files work off the roster under unknown', () => {
    const c = costs(log());
    // Roster order EM, IC, human (not the order work came in: IC, human, EM); then unknown.
    expect(Object.keys(c.byRole)).toEqual(['EM', 'IC', 'human', 'unknown']);
    // EM: standup + rebalance + assignment = 0.25 h, 400 in, 50 out, 0.01 + 0.02 = $0.03.
    expect(c.byRole).toEqual({
      EM: f(0.25, 400, 50, 0.03),
      IC: f(2, 1000, 500, 0.2),
      human: f(1, 0, 0, 40),
      unknown: f(1, 200, 100, 0.05),
    });
    expect(Object.keys(c.byPerson)).toEqual(['em', 'ic-a', 'human-1', 'ghost']);
    expect(c.byPerson.ghost).toEqual(f(1, 200, 100, 0.05));
    // 4.25 h; 1600 in, 650 out; 0.2 + 40 + 0.01 + 0.05 + 0.02 = $40.28.
    expect(c.total).toEqual(f(4.25, 1600, 650, 40.28));
  });

  it('keeps instructions in arrival order, overhead after them, one never received last', () => {
    const c = costs(log());
    expect(Object.keys(c.byInstruction)).toEqual(['I1', 'I2', OVERHEAD, 'I3']);
    expect(c.byInstruction).toEqual({
      I1: f(1, 0, 0, 40),
      I2: f(2, 1000, 500, 0.2),
      [OVERHEAD]: f(0.25, 400, 50, 0.03),
      I3: f(1, 200, 100, 0.05),
    });
  });

  it('keeps a row that saw no hours but cost money, or used tokens', () => {
    const c = costs(log());
    // Kinds in the fixed activity order: standup, escalation, assignment, rebalance, execute.
    expect(c.byKind).toEqual({
      standup: f(0.25, 100, 50, 0.01),
      escalation: f(1, 0, 0, 40),
      assignment: f(0, 300, 0, 0),
      rebalance: f(0, 0, 0, 0.02),
      execute: f(3, 1200, 600, 0.25),
    });
    expect(Object.keys(c.byKind)).toEqual([
      'standup',
      'escalation',
      'assignment',
      'rebalance',
      'execute',
    ]);
  });
});

describe("the summary's totals", () => {
  it('are the cost report totals: the same tokens and dollars, worked out above', () => {
    const h = headline([...log(), { t: 6, type: 'run.end', reason: 'done', openTasks: 0 }]);
    // 1000 + 0 + 100 + 200 + 0 + 300 in, 500 + 0 + 50 + 100 + 0 + 0 out; $40.28 as above.
    expect(h.tokens).toEqual({ input: 1600, output: 650 });
    expect(h.costUsd).toBe(40.28);
  });
});
