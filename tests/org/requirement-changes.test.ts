// Requirement changes that add work and rescale estimates, on paired runs: the same scenario and
// seed with and without the change. One backend IC, tasks a and b (4 h each) and c after a.

import { describe, expect, it } from 'vitest';
import { summary } from '../../src/collect/summary.ts';
import type { RequirementChange, SimConfig } from '../../src/scenario/config.ts';
import { defaultConfig, defaultOrg } from '../../src/scenario/defaults.ts';
import { executedBy, only, planned, quiet } from './fixtures.ts';
import { soundRun } from './log-checks.ts';

const abc = planned('I1', 2, [
  { id: 'a', domain: 'backend', hours: 4 },
  { id: 'b', domain: 'backend', hours: 4 },
  { id: 'c', domain: 'backend', hours: 4, dependsOn: ['a'] },
]);

function run(changes: RequirementChange[], overrides: Partial<SimConfig> = {}) {
  const config = quiet({
    seed: 3,
    org: defaultOrg({ headcount: { backend: 1 } }),
    instructions: [abc],
    changes,
    ...overrides,
  });
  return soundRun(config);
}

const finished = (records: ReturnType<typeof run>) =>
  only(records, 'instruction.completed')[0]?.t ?? Number.NaN;
const completedAt = (records: ReturnType<typeof run>, task: string) =>
  only(records, 'task.transition').find((r) => r.task === task && r.to === 'COMPLETED')?.t;

describe('a requirement change that adds work', () => {
  const add = { domain: 'backend' as const, tasks: 2, dependsOn: ['a', 'b'] };

  it('adds a strategic task for the domain’s lead to plan, and finishes the instruction later', () => {
    const without = run([]);
    const records = run([{ at: 3, instruction: 'I1', add }]);
    expect(only(records, 'requirement.changed')[0]).toMatchObject({
      outcome: 'applied',
      added: {
        strategic: 'I1-C1',
        domain: 'backend',
        milestone: 1,
        dependsOn: ['I1-backend'],
        tasks: ['I1-C1-T1', 'I1-C1-T2'],
      },
    });
    // The plan the TL published stays as it was; the TL hands the new work to the backend lead
    // at once, who plans its two tasks in its own hours (0.25 h each): after a and b, the first
    // before the second.
    expect(only(records, 'plan.strategic')).toEqual(only(without, 'plan.strategic'));
    const delegated = only(records, 'message').filter((m) => m.kind === 'delegate.strategic');
    expect(delegated.at(-1)).toMatchObject({ t: 3, from: 'tl', to: 'dl-backend' });
    const tactical = only(records, 'plan.tactical').find((p) => p.strategic === 'I1-C1');
    expect(tactical).toMatchObject({ t: 3.5, by: 'dl-backend' });
    expect(tactical?.tasks.map((t) => [t.id, t.dependsOn])).toEqual([
      ['I1-C1-T1', ['a', 'b']],
      ['I1-C1-T2', ['I1-C1-T1']],
    ]);
    // Every added task completes, and the instruction and the summary count them.
    for (const id of ['I1-C1-T1', 'I1-C1-T2']) expect(completedAt(records, id)).toBeDefined();
    expect(only(records, 'instruction.completed')[0]?.tasks).toBe(5);
    expect(summary(records, '')).toMatchObject({
      strategicTasks: 2,
      tacticalTasks: 5,
      tasks: { completed: 5 },
    });
    // Their estimates come from the tier's range ([2, 8] h for tier 2), and the chain of the two
    // runs after a and b complete: the instruction ends at least that chain later than they do.
    const [e1, e2] = (tactical?.tasks ?? []).map((t) => t.estimateHours) as [number, number];
    for (const e of [e1, e2]) expect(e).toBeGreaterThanOrEqual(2);
    for (const e of [e1, e2]) expect(e).toBeLessThanOrEqual(8);
    const inputs = Math.max(completedAt(records, 'a') ?? 0, completedAt(records, 'b') ?? 0);
    expect(finished(records)).toBeGreaterThanOrEqual(inputs + e1 + e2);
    expect(finished(records)).toBeGreaterThan(finished(without));
  });

  it('draws the same added tasks whatever the org, from the change’s own stream', () => {
    const tasks = (overrides: Partial<SimConfig>) =>
      only(run([{ at: 3, instruction: 'I1', add }], overrides), 'plan.tactical').find(
        (p) => p.strategic === 'I1-C1',
      )?.tasks;
    const bigger = tasks({
      org: defaultOrg({ headcount: { backend: 4 } }),
      strategy: 'round-robin',
    });
    expect(bigger).toEqual(tasks({}));
    // The original plan's tasks keep their draws: only the change's stream is new.
    const ready = (records: ReturnType<typeof run>) =>
      only(records, 'task.ready')
        .filter((r) => !r.task.startsWith('I1-C'))
        .map((r) => [r.task, r.effortHours]);
    const lognormal = { effort: defaultConfig().effort };
    expect(ready(run([{ at: 3, instruction: 'I1', add }], lognormal))).toEqual(
      ready(run([], lognormal)),
    );
  });

  it('keeps the instruction open for the new work when the same change cancels all the rest', () => {
    const records = run([{ at: 3, instruction: 'I1', tasks: ['a', 'b', 'c'], add }]);
    const done = only(records, 'instruction.completed')[0];
    expect(done).toMatchObject({ tasks: 5, cancelled: 3 });
    expect(done?.t).toBe(completedAt(records, 'I1-C1-T2'));
    // The cancelled a and b count as finished at 3 h for the new work that waits on them.
    expect(only(records, 'task.ready').find((r) => r.task === 'I1-C1-T1')?.t).toBe(3.5);
  });

  it('takes tasks given outright, ids prefixed like a plan’s', () => {
    const records = run([
      {
        at: 3,
        instruction: 'I1',
        add: {
          domain: 'backend',
          dependsOn: ['c'],
          tasks: [
            { id: 'I1-audit', estimateHours: 2 },
            { id: 'I1-fix', estimateHours: 1, complexity: 3, dependsOn: ['I1-audit'] },
          ],
        },
      },
    ]);
    const tactical = only(records, 'plan.tactical').find((p) => p.strategic === 'I1-C1');
    expect(tactical?.tasks.map((t) => [t.id, t.estimateHours, t.complexity, t.dependsOn])).toEqual([
      ['I1-audit', 2, 2, ['c']],
      ['I1-fix', 1, 3, ['I1-audit']],
    ]);
    // Effort = estimate: the audit executes 2 h, the fix 1 h, after c.
    expect(executedBy(records, 'I1-audit').get('ic-backend-1')).toBe(2);
    expect(only(records, 'task.ready').find((r) => r.task === 'I1-audit')?.t).toBe(
      completedAt(records, 'c'),
    );
  });

  it('waits for the plan when it comes before it, and is too late once the instruction is done', () => {
    // At 0.5 h the EM is still taking the instruction in; the TL publishes its plan at 1.25 h.
    const early = run([{ at: 0.5, instruction: 'I1', rescale: 2 }]);
    expect(only(early, 'requirement.changed')[0]).toMatchObject({ t: 1.25, outcome: 'applied' });
    expect(only(early, 'plan.tactical')[0]?.tasks.map((t) => t.estimateHours)).toEqual([8, 8, 8]);
    // The instruction is done at 16 h: at 300 h the change changes nothing.
    const late = run([{ at: 300, instruction: 'I1', rescale: 2, add }]);
    expect(only(late, 'requirement.changed')).toEqual([
      { t: 300, type: 'requirement.changed', instruction: 'I1', outcome: 'tooLate', cancelled: [] },
    ]);
    expect(finished(late)).toBe(16);
    expect(only(late, 'plan.tactical')).toEqual(only(run([]), 'plan.tactical'));
  });
});

describe('a requirement change that rescales estimates', () => {
  // At 3 h the IC has worked 0.9 h of a (from 2.1 h); b is assigned to it but not started (WIP 2);
  // c is not released (it waits for a).
  const records = () => run([{ at: 3, instruction: 'I1', rescale: 2 }]);

  it('doubles the estimate and effort of a task not yet started', () => {
    const change = only(records(), 'requirement.changed')[0];
    expect(change?.rescaled).toEqual({
      factor: 2,
      tasks: [
        // a: 0.9 h done, 3.1 h left → 0.9 + 2 × 3.1.
        { id: 'a', estimateHours: 8, effortHours: 7.1 },
        { id: 'b', estimateHours: 8, effortHours: 8 },
        { id: 'c', estimateHours: 8 },
      ],
    });
    expect(executedBy(records(), 'b').get('ic-backend-1')).toBe(8);
    // c is drawn at release from its new estimate: 2 × its effort in the run without the change.
    const ready = (r: ReturnType<typeof run>) =>
      only(r, 'task.ready').find((x) => x.task === 'c')?.effortHours ?? Number.NaN;
    expect(ready(records())).toBe(8);
    const lognormal = { effort: defaultConfig().effort };
    const noisy = ready(run([{ at: 3, instruction: 'I1', rescale: 2 }], lognormal));
    expect(noisy).toBe(2 * ready(run([], lognormal)));
    expect(noisy).not.toBe(8);
  });

  it('scales only the work left of a task under way, pausing it to pick up its new remainder', () => {
    const a = only(records(), 'work').filter((w) => w.kind === 'execute' && w.task === 'a');
    expect(a[0]).toMatchObject({ startedAt: 2.1, t: 3, outcome: 'paused' });
    expect(a.reduce((h, w) => h + w.hours, 0)).toBeCloseTo(0.9 + 2 * 3.1, 9);
  });
});
