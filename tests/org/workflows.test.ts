// Workflow templates: an instruction naming a workflow runs its steps — one task per work step in
// its domain, each released only once the steps it depends on (as the template reads: the step
// before, or what that step waits for when `parallel`, or its `dependsOn`) are finished, and a
// step after a human gate only once the gate's approvers have satisfied it. A gate nothing follows
// holds the instruction's completion. Step time limits are IN_PROGRESS SLAs. Property tests over
// random workflows check these from the log alone.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { costs } from '../../src/collect/cost.ts';
import { criticalPaths } from '../../src/collect/critical-path.ts';
import { timelines } from '../../src/collect/timeline.ts';
import type { LogRecord } from '../../src/log/event-log.ts';
import { runSimulation } from '../../src/org/run.ts';
import { ScenarioError } from '../../src/scenario/errors.ts';
import { loadScenarioObject } from '../../src/scenario/load.ts';

type Of<T extends LogRecord['type']> = Extract<LogRecord, { type: T }>;
const ofType = <T extends LogRecord['type']>(records: readonly LogRecord[], type: T) =>
  records.filter((r): r is Of<T> => r.type === type);

const OFFICE = { hoursPerDay: 8, startHour: 9, workingDays: ['mon', 'tue', 'wed', 'thu', 'fri'] };
const DOMAINS = ['backend', 'qa', 'security'] as const;

/** A generated step, and the steps it must wait for, worked out by the test's own reading. */
interface GenStep {
  readonly step: Record<string, unknown>;
  readonly name: string;
  readonly gate: {
    mode: 'all' | 'any';
    onTimeout: 'wait' | 'approve';
    timeoutHours: number;
  } | null;
  readonly waitsFor: readonly string[];
}

/** How each step says what it depends on: nothing (the step before), parallel, or a list. */
type Link = { kind: 'default' } | { kind: 'parallel' } | { kind: 'list'; picks: number[] };

const stepArb = fc.record({
  gate: fc.option(
    fc.record({
      mode: fc.constantFrom<'all' | 'any'>('all', 'any'),
      onTimeout: fc.constantFrom<'wait' | 'approve'>('wait', 'approve'),
      timeoutHours: fc.constantFrom(1, 6, 30),
    }),
    { freq: 4 },
  ),
  domain: fc.constantFrom(...DOMAINS),
  estimate: fc.constantFrom(0.5, 2, 5),
  link: fc.oneof(
    fc.constant<Link>({ kind: 'default' }),
    fc.constant<Link>({ kind: 'parallel' }),
    fc.array(fc.nat(20), { maxLength: 3 }).map((picks): Link => ({ kind: 'list', picks })),
  ),
});

/** Steps as the file gives them, with what each waits for as the seed's templates read. */
type RawStep = typeof stepArb extends fc.Arbitrary<infer T> ? T : never;

function workflowOf(raw: readonly RawStep[]): GenStep[] {
  const out: GenStep[] = [];
  raw.forEach((r, i) => {
    const name = `s${i}`;
    const before = out[i - 1];
    let waitsFor: string[];
    const step: Record<string, unknown> = { name };
    if (r.link.kind === 'list' && i > 0) {
      waitsFor = [...new Set(r.link.picks.map((p) => `s${p % i}`))];
      step.dependsOn = waitsFor;
    } else if (r.link.kind === 'parallel' && before !== undefined) {
      waitsFor = [...before.waitsFor];
      step.parallel = true;
    } else waitsFor = before === undefined ? [] : [before.name];
    if (r.gate !== null) step.gate = { approvers: ['cto', 'lead'], ...r.gate };
    else Object.assign(step, { domain: r.domain, estimateHours: r.estimate });
    out.push({ step, name, gate: r.gate, waitsFor });
  });
  return out;
}

function scenarioOf(seed: number, steps: readonly GenStep[], n: number) {
  return loadScenarioObject({
    name: 'workflows',
    seed,
    org: {
      ics: { backend: 2, qa: 1, security: 1 },
      humans: [
        { id: 'cto', calendar: OFFICE },
        { id: 'lead', calendar: { hoursPerDay: 12, startHour: 7 } },
      ],
    },
    workflows: { flow: { workType: 'feature', steps: steps.map((s) => s.step) } },
    instructions: Array.from({ length: n }, (_, k) => ({ at: k * 7, workflow: 'flow' })),
  });
}

describe('workflow templates', () => {
  it('releases a step only after what it waits for, and never passes a gate unapproved', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.array(stepArb, { minLength: 1, maxLength: 7 }),
        fc.integer({ min: 1, max: 3 }),
        (seed, raw, n) => {
          // At least one work step, so the workflow is legal.
          const steps = workflowOf(
            raw.some((r) => r.gate === null)
              ? raw
              : [...raw, { ...raw[0], gate: null } as (typeof raw)[number]],
          );
          const records = runSimulation(scenarioOf(seed, steps, n).config, 'w').log.records;
          const ready = new Map(ofType(records, 'task.ready').map((r) => [r.task, r.t]));
          const completedTask = new Map<string, number>();
          for (const r of records)
            if (r.type === 'task.transition' && (r.to === 'COMPLETED' || r.to === 'CANCELLED'))
              completedTask.set(r.task, r.t);
          const requests = ofType(records, 'approval.requested');
          const decisions = ofType(records, 'approval.decided');
          const done = new Map(
            ofType(records, 'instruction.completed').map((c) => [c.instruction, c.t]),
          );
          expect(done.size).toBe(n);
          for (let k = 1; k <= n; k++) {
            const id = `I${k}`;
            /** When a step of this instruction was finished: its task ended, or its gate satisfied. */
            const finishedAt = (name: string): number => {
              const s = steps.find((x) => x.name === name) as GenStep;
              if (s.gate === null) return completedTask.get(`${id}-${name}.1`) as number;
              const mine = decisions.filter((d) => d.gate === `${id}-${name}`);
              if (mine.some((d) => d.outcome === 'autoApproved'))
                return (mine.find((d) => d.outcome === 'autoApproved') as Of<'approval.decided'>).t;
              // Satisfied: both approvers (all), or the first (any).
              const times = mine.map((d) => d.t).sort((a, b) => a - b);
              return s.gate.mode === 'all' ? (times[1] as number) : (times[0] as number);
            };
            for (const s of steps) {
              const inputsDone = Math.max(0, ...s.waitsFor.map(finishedAt));
              if (s.gate === null) {
                const at = ready.get(`${id}-${s.name}.1`);
                expect(at, `${id}-${s.name} never released`).toBeDefined();
                expect(at as number).toBeGreaterThanOrEqual(inputsDone);
                expect(completedTask.get(`${id}-${s.name}.1`)).toBeDefined();
                continue;
              }
              const asked = requests.filter((r) => r.gate === `${id}-${s.name}`);
              expect(asked).toHaveLength(1);
              const request = asked[0] as Of<'approval.requested'>;
              expect(request.t).toBeGreaterThanOrEqual(inputsDone);
              const mine = decisions.filter((d) => d.gate === `${id}-${s.name}`);
              const approvers = new Set(
                mine.filter((d) => d.outcome === 'approved').map((d) => d.approver),
              );
              const auto = mine.filter((d) => d.outcome === 'autoApproved');
              if (auto.length > 0) {
                expect(s.gate.onTimeout).toBe('approve');
                expect(auto[0]?.t).toBeCloseTo(request.t + s.gate.timeoutHours, 9);
              } else expect(approvers.size).toBe(s.gate.mode === 'all' ? 2 : 1);
            }
            // Completed only once every step is finished.
            const last = Math.max(...steps.map((s) => finishedAt(s.name)));
            expect(done.get(id) as number).toBeGreaterThanOrEqual(last);
            expect(done.get(id) as number).toBeCloseTo(last, 9);
          }
          expect(records.at(-1)).toMatchObject({ type: 'run.end', openTasks: 0 });
        },
      ),
      { numRuns: 25 },
    );
  });

  const audit = (timeoutHours?: number) =>
    loadScenarioObject({
      name: 'audit',
      seed: 3,
      effort: { distribution: 'fixed' },
      blockers: { technical: 0, dependency: 0, resource: 0, requirements: 0 },
      org: { ics: { security: 3 } },
      workflows: {
        'security-audit': {
          workType: 'audit',
          steps: [
            {
              name: 'dependency-scan',
              domain: 'security',
              estimateHours: 8,
              ...(timeoutHours ? { timeoutHours } : {}),
            },
            { name: 'secret-scan', domain: 'security', estimateHours: 1, parallel: true },
            { name: 'sast-scan', domain: 'security', estimateHours: 2, parallel: true },
            {
              name: 'report',
              domain: 'security',
              estimateHours: 1,
              dependsOn: ['dependency-scan', 'secret-scan', 'sast-scan'],
            },
          ],
        },
      },
      instructions: [{ at: 0, workflow: 'security-audit' }],
    });

  it('runs parallel steps together and the step after them once all are done', () => {
    const records = runSimulation(audit().config, 'audit').log.records;
    const ready = new Map(ofType(records, 'task.ready').map((r) => [r.task, r.t]));
    const scans = ['dependency-scan', 'secret-scan', 'sast-scan'].map((s) =>
      ready.get(`I1-${s}.1`),
    );
    expect(new Set(scans).size).toBe(1);
    const ended = ofType(records, 'task.transition').filter((r) => r.to === 'COMPLETED');
    const scansDone = Math.max(...ended.filter((r) => r.task.includes('scan')).map((r) => r.t));
    expect(ready.get('I1-report.1')).toBe(scansDone);
    // Three security ICs: each scan started at once, on its own desk.
    const starts = ofType(records, 'work').filter(
      (w) => w.kind === 'execute' && w.task?.includes('scan'),
    );
    expect(new Set(starts.map((w) => w.person)).size).toBe(3);
    expect(ofType(records, 'instruction.received')[0]).toMatchObject({
      workType: 'audit',
      tier: 1,
    });
  });

  it('escalates a step that runs past its time limit, as an IN_PROGRESS SLA breach at that hour', () => {
    const limited = runSimulation(audit(3).config, 'audit').log.records;
    const breach = ofType(limited, 'task.slaBreach').filter(
      (b) => b.task === 'I1-dependency-scan.1',
    );
    expect(breach).toHaveLength(1);
    expect(breach[0]).toMatchObject({ state: 'IN_PROGRESS' });
    const started = ofType(limited, 'task.transition').find(
      (r) => r.task === 'I1-dependency-scan.1' && r.to === 'IN_PROGRESS',
    );
    expect(breach[0]?.t).toBeCloseTo((started?.t ?? 0) + 3, 9);
    // Without the limit, 8 hours of work stay inside the default SLA (twice the estimate).
    const free = runSimulation(audit().config, 'audit').log.records;
    expect(ofType(free, 'task.slaBreach').filter((b) => b.state === 'IN_PROGRESS')).toEqual([]);
  });

  it('draws a range estimate per instruction from the seed, the same whatever the staffing', () => {
    const plan = (seed: number, backend: number) => {
      const s = loadScenarioObject({
        seed,
        org: { ics: { backend, qa: 1 } },
        workflows: {
          fix: {
            steps: [
              { name: 'fix', domain: 'backend', estimateHours: [2, 6] },
              { name: 'verify', domain: 'qa', estimateHours: 1 },
            ],
          },
        },
        instructions: [
          { at: 0, workflow: 'fix' },
          { at: 1, workflow: 'fix' },
        ],
      });
      return s.config.instructions.map((i) => i.plan?.tactical.map((t) => t.estimateHours));
    };
    const a = plan(1, 2);
    expect(plan(1, 5)).toEqual(a);
    for (const [fix, verify] of a as number[][]) {
      expect(fix).toBeGreaterThanOrEqual(2);
      expect(fix).toBeLessThanOrEqual(6);
      expect(verify).toBe(1);
    }
    expect(a[0]?.[0]).not.toBe(a[1]?.[0]);
    expect(plan(2, 2)).not.toEqual(a);
  });

  it('files cost by work type: each type is its instructions’ work, and the types add up', () => {
    const s = loadScenarioObject({
      seed: 5,
      org: { ics: { backend: 2, qa: 1 } },
      workflows: {
        feature: {
          steps: [
            { name: 'build', domain: 'backend', estimateHours: 4 },
            { name: 'test', domain: 'qa', estimateHours: 2 },
          ],
        },
        bugfix: { workType: 'bug', steps: [{ name: 'fix', domain: 'backend', estimateHours: 1 }] },
      },
      instructions: [
        { at: 0, workflow: 'feature' },
        { at: 1, workflow: 'bugfix' },
        { at: 2, workflow: 'bugfix', workType: 'hotfix' },
        { at: 3, tier: 1, domains: ['qa'] },
      ],
    });
    const records = runSimulation(s.config, 's').log.records;
    const c = costs(records);
    const by = c.byWorkType as NonNullable<typeof c.byWorkType>;
    expect(Object.keys(by).sort()).toEqual(['bug', 'feature', 'hotfix', 'overhead', 'untyped']);
    const type: Record<string, string> = { I1: 'feature', I2: 'bug', I3: 'hotfix', I4: 'untyped' };
    const usd: Record<string, number> = {};
    for (const w of ofType(records, 'work')) {
      const k = w.instruction === undefined ? 'overhead' : (type[w.instruction] as string);
      usd[k] = (usd[k] ?? 0) + w.costUsd;
    }
    for (const [k, v] of Object.entries(usd)) expect(by[k]?.usd).toBeCloseTo(v, 3);
    const sum = Object.values(by).reduce((a, f) => a + f.usd, 0);
    expect(sum).toBeCloseTo(c.total.usd, 2);
  });

  it('lets an approval policy cover work types, and explains a gate’s wait on the critical path', () => {
    const s = loadScenarioObject({
      seed: 9,
      org: { ics: { backend: 1 }, humans: [{ id: 'cto', calendar: OFFICE }] },
      workflows: {
        feature: {
          steps: [
            { name: 'build', domain: 'backend', estimateHours: 2 },
            { name: 'sign-off', gate: { approvers: ['cto'] } },
            { name: 'ship', domain: 'backend', estimateHours: 1 },
          ],
        },
        chore: { steps: [{ name: 'do', domain: 'backend', estimateHours: 1 }] },
      },
      approvals: [{ id: 'release', when: { workTypes: ['chore'] }, approvers: ['cto'] }],
      instructions: [
        { at: 0, workflow: 'feature' },
        { at: 0, workflow: 'chore' },
      ],
    });
    const records = runSimulation(s.config, 's').log.records;
    const asked = ofType(records, 'approval.requested').map((r) => [
      r.instruction,
      r.policy,
      r.gate,
    ]);
    expect(asked.sort()).toEqual([
      ['I1', 'sign-off', 'I1-sign-off'],
      ['I2', 'release', undefined],
    ]);
    const paths = criticalPaths(records, timelines(records));
    const feature = paths.find((p) => p.instruction === 'I1');
    const gate = ofType(records, 'approval.requested').find((r) => r.gate === 'I1-sign-off');
    const decided = ofType(records, 'approval.decided').find((r) => r.gate === 'I1-sign-off');
    const approvalHours = (feature?.segments ?? [])
      .filter((x) => x.from >= (gate?.t ?? 0) - 1e-9 && x.to <= (decided?.t ?? 0) + 1e-9)
      .reduce((a, x) => a + x.to - x.from, 0);
    // The whole gap from the request to the decision is the approval's: worked, or waited for.
    expect(approvalHours).toBeCloseTo((decided?.t ?? 0) - (gate?.t ?? 0), 6);
    expect(feature?.byCause.approval ?? 0).toBeGreaterThan(0);
    expect(feature?.byCause.unexplained ?? 0).toBeLessThan(1e-6);
  });

  it('calls a wait at a gate outside its approver’s office hours offHours, not a queue', () => {
    // One agent works around the clock; the CTO works 09:00–17:00 on weekdays. Work done in the
    // evening waits at the gate until the CTO is in on Tuesday at 09:00 (hour 33).
    const s = loadScenarioObject({
      seed: 2,
      effort: { distribution: 'fixed' },
      blockers: { technical: 0, dependency: 0, requirements: 0, resource: 0, priority: 0 },
      org: { ics: { backend: 1 }, humans: [{ id: 'cto', calendar: OFFICE }] },
      workflows: {
        feature: {
          steps: [
            { name: 'build', domain: 'backend', estimateHours: 4 },
            { name: 'sign-off', gate: { approvers: ['cto'], hours: 0.5 } },
          ],
        },
      },
      instructions: [{ at: 15, workflow: 'feature' }],
    });
    const records = runSimulation(s.config, 's').log.records;
    const asked = ofType(records, 'approval.requested')[0] as Of<'approval.requested'>;
    expect(asked.t).toBeGreaterThan(17);
    expect(asked.t).toBeLessThan(24);
    const decided = ofType(records, 'approval.decided')[0] as Of<'approval.decided'>;
    expect(decided.t).toBeCloseTo(33.5, 9);
    const [path] = criticalPaths(records, timelines(records));
    expect(path?.byCause.offHours).toBeCloseTo(33 - asked.t, 6);
    expect(path?.byCause.approval).toBeCloseTo(0.5, 6);
    const cto = (path?.segments ?? []).filter((x) => x.resource === 'cto');
    expect(cto.filter((x) => x.cause === 'queue')).toEqual([]);
  });

  it('refuses a broken workflow, naming the field and the fix', () => {
    const load =
      (workflows: object, instruction: object = { at: 0, workflow: 'w' }) =>
      () =>
        loadScenarioObject({
          org: { ics: { backend: 1 }, humans: [{ id: 'cto' }] },
          workflows,
          instructions: [instruction],
        });
    const cases: Array<[() => unknown, RegExp]> = [
      [
        load(
          { w: { steps: [{ name: 'a', domain: 'backend', estimateHours: 1 }] } },
          { at: 0, workflow: 'x' },
        ),
        /instructions\[0\]\.workflow.*names no workflow: "x" \(workflows: w\)/,
      ],
      [
        load({ w: { steps: [{ name: 'a', domain: 'backend' }] } }),
        /workflows\.w\.steps\[0\]\.estimateHours.*is missing/,
      ],
      [
        load({ w: { steps: [{ name: 'a', estimateHours: 1 }] } }),
        /workflows\.w\.steps\[0\]\.domain.*is missing/,
      ],
      [
        load({
          w: {
            steps: [
              { name: 'a', domain: 'backend', estimateHours: 1, gate: { approvers: ['cto'] } },
            ],
          },
        }),
        /workflows\.w\.steps\[0\]\.domain.*is for work steps/,
      ],
      [
        load({
          w: { steps: [{ name: 'a', domain: 'backend', estimateHours: 1, dependsOn: ['b'] }] },
        }),
        /workflows\.w\.steps\[0\].*depends on no step of it: "b"/,
      ],
      [
        load({
          w: {
            steps: [
              { name: 'a', domain: 'backend', estimateHours: 1, dependsOn: ['b'] },
              { name: 'b', domain: 'backend', estimateHours: 1 },
            ],
          },
        }),
        /cycle: a → b → a|cycle: b → a → b/,
      ],
      [
        load({
          w: {
            steps: [
              { name: 'a', domain: 'backend', estimateHours: 1 },
              { name: 'g', gate: { approvers: ['ceo'] } },
            ],
          },
        }),
        /workflows\.w\.steps\[1\]\.gate\.approvers\[0\].*"ceo", who is not one of org\.humans nor a role of theirs \(cto\)/,
      ],
      [
        load({ w: { steps: [{ name: 'g', gate: { approvers: ['cto'] } }] } }),
        /workflows\.w\.steps.*has no work step/,
      ],
      [
        load(
          { w: { steps: [{ name: 'a', domain: 'backend', estimateHours: 1 }] } },
          { at: 0, workflow: 'w', domains: ['backend'] },
        ),
        /instructions\[0\]\.domains.*cannot go with a workflow/,
      ],
      [
        load({}, { at: 0 }),
        /instructions\[0\]\.tier.*is required: one of 1, 2, 3, 4 \(or name a workflow/,
      ],
    ];
    for (const [run, message] of cases) {
      expect(run).toThrow(ScenarioError);
      expect(run).toThrow(message);
    }
  });

  it('writes the same log on both engines', () => {
    const s = audit(3);
    const fast = runSimulation({ ...s.config, engine: 'fast' }, 'a').log.records;
    const xstate = runSimulation({ ...s.config, engine: 'xstate' }, 'a').log.records;
    expect(JSON.stringify(xstate)).toBe(JSON.stringify(fast));
  });
});
