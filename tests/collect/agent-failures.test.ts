// How the agents failed, read from a log written by hand. Two agents on `fast`, a person with no
// model. a1 executes T1 (queued at 0) in two slices, 0–1 and 1–3: it loops from 1 h on, and the
// turn cap stops it at 3 h (40 turns of 1,000 tokens: 10,000 + 30,000 tokens), escalated. a2
// executes T2 once, 0–2, and T3 once, 2–3 (a retry after a usd cap). So 3 executions on `fast`,
// 1 loop (a third), 30,000 tokens and $3 in the loop. Two more turn caps trip on a2's T5 (retried
// on the model `strong`) and T6 (failed): caps turns 3 and usd 1, 1 escalated, 2 retried (1 on
// another model), 1 failed. Reviews: two rejected good work; four passed bad work — T3's shipped
// (an escaped defect), T8's twice, one defect a later review caught, T9's neither shipped nor
// caught by the end. The person's slices do not count.

import { describe, expect, it } from 'vitest';
import { agentFailures } from '../../src/collect/agent-failures.ts';
import { summary } from '../../src/collect/summary.ts';
import type { LogRecord } from '../../src/log/records.ts';
import { failureLine } from '../../src/report/fleet-lines.ts';
import { gate, ic, LEADS, move, runEnd, runStart, work } from './log-builder.ts';

type Start = Extract<LogRecord, { type: 'run.start' }>;

const cap = (
  t: number,
  person: string,
  task: string,
  kind: 'turns' | 'usd',
  looped: boolean,
  action: 'escalate' | 'retry' | 'fail',
  retryOn?: string,
): LogRecord => ({
  t,
  type: 'cap',
  person,
  model: 'fast',
  task,
  cap: kind,
  turns: 40,
  tokens: 40_000,
  costUsd: 4,
  looped,
  action,
  ...(retryOn === undefined ? {} : { retryOn }),
});

const verification = (
  t: number,
  task: string,
  error: 'passedBadWork' | 'rejectedGoodWork',
): LogRecord => ({
  t,
  type: 'verification',
  task,
  gate: 'peerReview',
  reviewer: 'a2',
  model: 'fast',
  error,
});

function log(): LogRecord[] {
  const start = runStart([
    ...LEADS,
    { ...ic('a1', 'backend'), model: 'fast' },
    { ...ic('a2', 'backend'), model: 'fast' },
    { ...ic('pat', 'backend'), person: true },
  ]) as Start;
  return [
    {
      ...start,
      agentFailures: {
        fast: { loop: 0.2, passBadWork: 0.1, rejectGoodWork: 0.1, maxTurns: 40, onCap: 'escalate' },
      },
    },
    { t: 1, type: 'loop', person: 'a1', model: 'fast', task: 'T1', afterHours: 1 },
    work(1, 'a1', 'execute', 0, 0, 'T1', { outcome: 'paused', tokensIn: 10_000, costUsd: 1 }),
    work(3, 'a1', 'execute', 0, 1, 'T1', {
      outcome: 'dropped',
      tokensIn: 20_000,
      tokensOut: 10_000,
      costUsd: 3,
    }),
    cap(3, 'a1', 'T1', 'turns', true, 'escalate'),
    work(2, 'a2', 'execute', 0, 0, 'T2', { outcome: 'dropped', tokensIn: 5_000 }),
    cap(2, 'a2', 'T2', 'usd', false, 'retry'),
    cap(2, 'a2', 'T5', 'turns', false, 'retry', 'strong'),
    cap(2, 'a2', 'T6', 'turns', true, 'fail'),
    work(3, 'a2', 'execute', 2, 2, 'T3', { tokensIn: 5_000 }),
    work(3, 'pat', 'execute', 0, 0, 'T4'),
    verification(3, 'T3', 'passedBadWork'),
    verification(3, 'T1', 'rejectedGoodWork'),
    verification(3, 'T2', 'rejectedGoodWork'),
    gate(3, 'T3', 'passed', 'a2'),
    move(3, 'T3', 'UNDER_REVIEW', 'COMPLETED'),
    verification(2, 'T8', 'passedBadWork'),
    gate(2, 'T8', 'passed', 'a2'),
    verification(2.5, 'T8', 'passedBadWork'),
    gate(2.5, 'T8', 'passed', 'a2'),
    gate(3, 'T8', 'rejected', 'dl-backend'),
    verification(2, 'T9', 'passedBadWork'),
    gate(2, 'T9', 'passed', 'a2'),
    runEnd(3),
  ];
}

describe('how the agents failed', () => {
  it('counts executions, loops and their tokens, caps and what came of them, and review errors', () => {
    expect(agentFailures(log())).toEqual({
      byModel: [
        {
          model: 'fast',
          executions: 3,
          loops: 1,
          loopRate: 1 / 3,
          loopTokens: 30_000,
          loopUsd: 3,
          capsTripped: { turns: 3, usd: 1 },
          escalatedByCap: 1,
          retriedByCap: 2,
          retriedOnOtherModel: 1,
          failedByCap: 1,
          escapedDefects: 1,
          defectsCaughtLater: 1,
          goodWorkRejected: 2,
          stoppedEarly: 0,
          shippedUnfinished: 0,
        },
      ],
      loops: 1,
      loopTokens: 30_000,
      capsTripped: 4,
      escapedDefects: 1,
    });
  });

  it('is absent for a run whose models never fail', () => {
    const [start, ...rest] = log();
    const { agentFailures: _, ...plain } = start as Start;
    const records = [plain, ...rest.filter((r) => r.type === 'work' || r.type === 'run.end')];
    expect(agentFailures(records)).toBeNull();
    const s = summary(records, 'sha');
    expect('agentFailures' in s).toBe(false);
    expect(failureLine(s)).toBeNull();
  });

  it('says it in one line in the headline', () => {
    expect(failureLine(summary(log(), 'sha'))).toBe(
      'Agent failures: fast 1 loop in 3 executions (33 %), 30K tokens ($3) in loops, 4 caps tripped (turns 3, usd 1): 1 escalated, 2 retried (1 on another model), 1 failed, 1 escaped defect (1 more caught by a later review), 2 rejections of good work',
    );
  });
});
