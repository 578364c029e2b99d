// The human approvals, read from a log written by hand. Policy `release` (cto and dba, all) holds
// I1 from 4 to 9: the dba approves at 6 (waited 2 h), the cto at 9 (5 h), I1 completes at 9.
// Policy `hotfix` holds I2 from 5: nobody answers, the timeout approves at 7 (2 h). Policy `audit`
// holds I3 from 8, is escalated at 9, and is still waiting when the run ends at 12. So: release 1
// request, 2 approvals, wait 5 h; hotfix 1, auto-approved, wait 2 h; audit 1, escalated, open;
// I1 held 5 h and I2 2 h (I3 never completed); approvals worked: cto 1, dba 1.

import { describe, expect, it } from 'vitest';
import { approvals } from '../../src/collect/approvals.ts';
import { summary } from '../../src/collect/summary.ts';
import type { LogRecord } from '../../src/log/records.ts';
import { approvalLine } from '../../src/report/fleet-lines.ts';
import { completed, LEADS, person, runEnd, runStart } from './log-builder.ts';

type Start = Extract<LogRecord, { type: 'run.start' }>;

const requested = (t: number, instruction: string, policy: string, approvers: string[]) =>
  ({ t, type: 'approval.requested', instruction, policy, approvers }) satisfies LogRecord;
const decided = (
  t: number,
  instruction: string,
  policy: string,
  by: string,
  waitHours: number,
  outcome: 'approved' | 'autoApproved' = 'approved',
) =>
  ({
    t,
    type: 'approval.decided',
    instruction,
    policy,
    approver: by,
    by,
    outcome,
    waitHours,
  }) satisfies LogRecord;

function log(): LogRecord[] {
  const start = runStart([...LEADS, person('cto', 'human'), person('dba', 'human')]) as Start;
  return [
    { ...start, approvalPolicies: ['release', 'hotfix', 'audit'] },
    requested(4, 'I1', 'release', ['cto', 'dba']),
    requested(5, 'I2', 'hotfix', ['dba']),
    decided(6, 'I1', 'release', 'dba', 2),
    decided(7, 'I2', 'hotfix', 'timeout', 2, 'autoApproved'),
    completed(7, 'I2', 7),
    requested(8, 'I3', 'audit', ['cto']),
    decided(9, 'I1', 'release', 'cto', 5),
    completed(9, 'I1', 9),
    { t: 9, type: 'approval.escalated', instruction: 'I3', policy: 'audit', asked: ['dba'] },
    runEnd(12),
  ];
}

describe('the human approvals', () => {
  it('counts requests, approvals, timeouts and escalations per policy, and the waits', () => {
    const r = approvals(log());
    expect(r?.byPolicy).toEqual([
      {
        policy: 'release',
        requested: 1,
        open: 0,
        approved: 2,
        autoApproved: 0,
        denied: 0,
        autoDenied: 0,
        escalated: 0,
        waitHours: { mean: 5, p50: 5, p95: 5, max: 5 },
      },
      {
        policy: 'hotfix',
        requested: 1,
        open: 0,
        approved: 0,
        autoApproved: 1,
        denied: 0,
        autoDenied: 0,
        escalated: 0,
        waitHours: { mean: 2, p50: 2, p95: 2, max: 2 },
      },
      {
        policy: 'audit',
        requested: 1,
        open: 1,
        approved: 0,
        autoApproved: 0,
        denied: 0,
        autoDenied: 0,
        escalated: 1,
        waitHours: { mean: 0, p50: 0, p95: 0, max: 0 },
      },
    ]);
    expect(r?.byHuman).toEqual({ cto: 1, dba: 1 });
    expect(r?.instructions).toBe(3);
    expect(r?.denied).toBe(0);
    expect(r?.heldHours).toEqual({ mean: 3.5, p50: 3.5, p95: 4.85, max: 5 });
  });

  it('is absent for a scenario without policies', () => {
    const [start, ...rest] = log();
    const { approvalPolicies: _, ...plain } = start as Start;
    expect(approvals([plain, ...rest])).toBeNull();
    expect(approvalLine(summary([plain, runEnd(12)], 'sha'))).toBeNull();
  });

  it('says it in one line in the headline', () => {
    expect(approvalLine(summary(log(), 'sha'))).toBe(
      'Approvals: 3 instructions held p50 3.5 h, p95 4.9 h · release 1, wait p50 5 h, max 5 h · hotfix 1, wait p50 2 h, max 2 h, 1 at the timeout · audit 1, 1 escalated, 1 still waiting · approved by cto 1, dba 1',
    );
  });
});
