// A hire's ramp-up: work handed to a new hire takes 1 / p(t) times its effort, p rising linearly
// from startProductivity to 1 over rampUpDays. Worked out by hand on a two-task plan.

import { describe, expect, it } from 'vitest';
import type { IcSpec } from '../../src/domain/org.ts';
import { runSimulation } from '../../src/org/run.ts';
import { defaultOrg } from '../../src/scenario/defaults.ts';
import { executedBy, FREE, only, planned, quiet } from './fixtures.ts';
import { violations } from './log-checks.ts';

/** One backend IC and a backend hire at t = 0, each holding one task at a time. */
function withHire(rampUpDays: number, startProductivity: number) {
  const org = defaultOrg({
    headcount: { backend: 1, frontend: 0, qa: 0, devops: 0, data: 0, security: 0 },
    wipLimit: 1,
  });
  const ic = org.teams[0]?.ics[0] as IcSpec;
  const config = quiet({
    org,
    overheads: FREE,
    instructions: [
      planned('I1', 2, [
        { id: 'a', domain: 'backend', hours: 8 },
        { id: 'b', domain: 'backend', hours: 8 },
      ]),
    ],
    gates: { ...quiet({}).gates, enabled: { ...quiet({}).gates.enabled, qaValidation: false } },
    hires: [{ at: 0, ic: { ...ic, id: 'new' }, rampUpDays, startProductivity }],
  });
  const { log } = runSimulation(config);
  return { config, records: log.records };
}

describe('a hire’s ramp-up', () => {
  it('takes 2× the effort on work handed to them on their first hour, at half productivity', () => {
    const { config, records } = withHire(5, 0.5);
    expect(violations(config, records)).toEqual([]);
    // The hire's task is handed over at t = 0 (no overheads), when p = 0.5.
    const handed = only(records, 'message').find(
      (m) => m.kind === 'delegate.task' && m.to === 'new',
    );
    expect(handed?.t).toBe(0);
    const task = handed?.task as string;
    const other = task === 'a' ? 'b' : 'a';
    // 8 h estimate × effort 1 (fixed) × skill factor 1 (level 3 ≥ complexity 2) ÷ 0.5 = 16 h.
    expect(executedBy(records, task).get('new')).toBeCloseTo(16, 9);
    expect(executedBy(records, other).get('ic-backend-1')).toBeCloseTo(8, 9);
    expect(only(records, 'hire')[0]).toMatchObject({ rampUpDays: 5, startProductivity: 0.5 });
  });

  it('is productive at once by default', () => {
    const { records } = withHire(0, 1);
    const handed = only(records, 'message').find(
      (m) => m.kind === 'delegate.task' && m.to === 'new',
    );
    expect(executedBy(records, handed?.task as string).get('new')).toBeCloseTo(8, 9);
  });
});
