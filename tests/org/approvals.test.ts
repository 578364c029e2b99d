// Humans who approve: no covered instruction completes before its policies are satisfied — every
// approver (all), one (any), a human asked at the escalation, or the timeout's approval — the
// approvals are desk work of the humans, a timeout acts at its hour, and a policy naming someone
// who is not one of the humans is refused at load.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { approvals } from '../../src/collect/approvals.ts';
import type { LogRecord } from '../../src/log/event-log.ts';
import { runSimulation } from '../../src/org/run.ts';
import { ScenarioError } from '../../src/scenario/errors.ts';
import { loadScenarioObject } from '../../src/scenario/load.ts';

type Of<T extends LogRecord['type']> = Extract<LogRecord, { type: T }>;

const OFFICE = { hoursPerDay: 8, startHour: 9, workingDays: ['mon', 'tue', 'wed', 'thu', 'fri'] };

interface Policy {
  readonly mode: 'all' | 'any';
  readonly onTimeout: 'wait' | 'approve' | 'escalate';
  readonly timeoutHours: number;
}

/** Five instructions over a week; one policy on work touching data, one on P1 work. */
function scenario(seed: number, data: Policy, p1: Policy) {
  const policy = (id: string, when: object, approvers: string[], p: Policy) => ({
    id,
    when,
    approvers,
    mode: p.mode,
    timeoutHours: p.timeoutHours,
    onTimeout: p.onTimeout,
    ...(p.onTimeout === 'escalate' ? { escalateTo: ['vp'] } : {}),
  });
  return loadScenarioObject({
    name: 'approvals',
    seed,
    org: {
      teams: [{ id: 't', ics: { backend: 2, frontend: 1, data: 1, qa: 1 } }],
      humans: [
        { id: 'cto', calendar: OFFICE },
        { id: 'dba', calendar: OFFICE },
        { id: 'vp', calendar: { hoursPerDay: 12, startHour: 8 } },
      ],
    },
    approvals: [
      policy('schema', { domains: ['data'] }, ['dba', 'cto'], data),
      policy('urgent', { priority: ['P1'] }, ['cto', 'dba'], p1),
    ],
    instructions: [
      { id: 'A', at: 0, tier: 2, priority: 'P1', domains: ['backend', 'data'] },
      { id: 'B', at: 10, tier: 1, priority: 'P2', domains: ['frontend'] },
      { id: 'C', at: 20, tier: 2, priority: 'P2', domains: ['data'] },
      { id: 'D', at: 30, tier: 3, priority: 'P1', domains: ['backend', 'frontend', 'qa'] },
      { id: 'E', at: 40, tier: 1, priority: 'P3', domains: ['backend'] },
    ],
  });
}

function run(seed: number, data: Policy, p1: Policy): readonly LogRecord[] {
  const s = scenario(seed, data, p1);
  return runSimulation(s.config, s.name).log.records;
}

const ofType = <T extends LogRecord['type']>(records: readonly LogRecord[], type: T) =>
  records.filter((r): r is Of<T> => r.type === type);

const policyArb = fc.record({
  mode: fc.constantFrom<'all' | 'any'>('all', 'any'),
  onTimeout: fc.constantFrom<'wait' | 'approve' | 'escalate'>('wait', 'approve', 'escalate'),
  timeoutHours: fc.constantFrom(1, 4, 16),
});

describe('approvals by humans', () => {
  it('never lets a covered instruction complete before its policy is satisfied', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), policyArb, policyArb, (seed, data, p1) => {
        const records = run(seed, data, p1);
        const policies = { schema: data, urgent: p1 };
        const approvers = { schema: ['dba', 'cto'], urgent: ['cto', 'dba'] };
        // Which instructions each policy covers, read from the plans and priorities in the log.
        const domains = new Map<string, Set<string>>();
        for (const p of ofType(records, 'plan.strategic'))
          domains.set(p.instruction, new Set(p.strategic.map((s) => s.domain)));
        const priority = new Map(
          ofType(records, 'instruction.received').map((r) => [r.instruction, r.priority]),
        );
        const covered = (policy: 'schema' | 'urgent', instruction: string) =>
          policy === 'schema'
            ? (domains.get(instruction)?.has('data') ?? false)
            : priority.get(instruction) === 1;
        const requested = ofType(records, 'approval.requested');
        const decided = ofType(records, 'approval.decided');
        const escalated = ofType(records, 'approval.escalated');
        for (const c of ofType(records, 'instruction.completed'))
          for (const policy of ['schema', 'urgent'] as const) {
            const asked = requested.filter(
              (r) => r.instruction === c.instruction && r.policy === policy,
            );
            expect(asked.length).toBe(covered(policy, c.instruction) ? 1 : 0);
            if (asked.length === 0) continue;
            const request = asked[0] as Of<'approval.requested'>;
            const before = decided.filter(
              (d) => d.instruction === c.instruction && d.policy === policy && d.t <= c.t,
            );
            const by = new Set(
              before.filter((d) => d.outcome === 'approved').map((d) => d.approver),
            );
            const auto = before.some((d) => d.outcome === 'autoApproved');
            const up = escalated.find(
              (e) => e.instruction === c.instruction && e.policy === policy,
            );
            const satisfied =
              auto ||
              (policies[policy].mode === 'all'
                ? approvers[policy].every((a) => by.has(a))
                : by.size > 0) ||
              (up !== undefined && by.has('vp'));
            expect(satisfied, `${c.instruction} completed at ${c.t} without ${policy}`).toBe(true);
            // A timeout acts at its hour, and only when it may.
            if (auto) {
              expect(policies[policy].onTimeout).toBe('approve');
              const at = before.find((d) => d.outcome === 'autoApproved')?.t;
              expect(at).toBeCloseTo(request.t + policies[policy].timeoutHours, 9);
            }
            if (up !== undefined) {
              expect(policies[policy].onTimeout).toBe('escalate');
              expect(up.t).toBeCloseTo(request.t + policies[policy].timeoutHours, 9);
            }
          }
        // Every approval a human gave was worked on a desk, for the hours the policy says.
        const work = ofType(records, 'work').filter((w) => w.kind === 'approval');
        for (const d of decided.filter((x) => x.outcome === 'approved')) {
          const slice = work.find((w) => w.t === d.t && w.person === d.by);
          expect(slice, `no approval work by ${d.by} at ${d.t}`).toBeDefined();
        }
        expect(records.at(-1)).toMatchObject({ type: 'run.end', openTasks: 0 });
      }),
      { numRuns: 20 },
    );
  });

  it('holds work for the humans’ office hours: an approval asked on a Friday evening waits', () => {
    const wait = { mode: 'all' as const, onTimeout: 'wait' as const, timeoutHours: 1 };
    const records = run(1, wait, wait);
    const work = ofType(records, 'work').filter((w) => w.kind === 'approval');
    expect(work.length).toBeGreaterThan(0);
    // Worked only in 09:00–17:00, Monday to Friday (day 0 of the run is a Monday).
    for (const w of work) {
      const hour = w.startedAt % 24;
      expect(hour).toBeGreaterThanOrEqual(9);
      expect(hour).toBeLessThan(17);
      expect(Math.floor(w.startedAt / 24) % 7).toBeLessThan(5);
    }
  });

  it('approves at the timeout, or asks the escalation’s human, when the approvers are off hours', () => {
    // One data task arrives at 17:30 on Monday: it is done in the night, when the CTO and the DBA
    // are off; the timeout (an hour) comes before either is back at 09:00.
    const night = (onTimeout: 'approve' | 'escalate') => {
      const s = scenario(
        2,
        { mode: 'all', onTimeout, timeoutHours: 1 },
        {
          mode: 'any',
          onTimeout: 'wait',
          timeoutHours: 1,
        },
      );
      const config = {
        ...s.config,
        instructions: s.config.instructions
          .filter((i) => i.id === 'C')
          .map((i) => ({ ...i, at: 17.5 })),
      };
      return runSimulation(config, s.name).log.records;
    };
    const approved = night('approve');
    const [request] = ofType(approved, 'approval.requested');
    const hour = (request?.t ?? 0) % 24;
    expect(hour < 9 || hour >= 17).toBe(true);
    expect(ofType(approved, 'approval.decided')).toEqual([
      expect.objectContaining({ outcome: 'autoApproved', by: 'timeout', waitHours: 1 }),
    ]);
    const completed = ofType(approved, 'instruction.completed')[0];
    expect(completed?.t).toBe((request?.t ?? 0) + 1);

    const escalated = night('escalate');
    const [asked] = ofType(escalated, 'approval.requested');
    expect(ofType(escalated, 'approval.escalated')).toEqual([
      expect.objectContaining({ t: (asked?.t ?? 0) + 1, asked: ['vp'] }),
    ]);
    // The VP (08:00–20:00) decides first: the policy is satisfied by their approval.
    const decided = ofType(escalated, 'approval.decided');
    expect(decided.at(-1)).toMatchObject({ approver: 'vp', by: 'vp', outcome: 'approved' });
    expect(ofType(escalated, 'instruction.completed')[0]?.t).toBe(decided.at(-1)?.t);
  });

  it('denies on a no or at the timeout: the instruction closes undone, its unfinished tasks cancelled', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.constantFrom(0.3, 0.7),
        fc.constantFrom<'wait' | 'deny'>('wait', 'deny'),
        (seed, denyShare, onTimeout) => {
          const s = loadScenarioObject({
            name: 'denials',
            seed,
            org: {
              ics: { backend: 2, qa: 1 },
              humans: [{ id: 'cto', calendar: OFFICE }, { id: 'lead' }],
            },
            workflows: {
              feature: {
                steps: [
                  { name: 'build', domain: 'backend', estimateHours: [1, 4] },
                  { name: 'review', gate: { approvers: ['lead'], denyShare } },
                  { name: 'test', domain: 'qa', estimateHours: 1 },
                  { name: 'ship', gate: { approvers: ['lead'], denyShare } },
                ],
              },
            },
            approvals: [
              { id: 'release', approvers: ['cto'], denyShare, timeoutHours: 6, onTimeout },
            ],
            arrivals: [
              { process: 'poisson', ratePerDay: 6, until: 72, template: { workflow: 'feature' } },
            ],
          });
          const records = runSimulation(s.config, s.name).log.records;
          const denied = ofType(records, 'instruction.denied');
          const completed = new Set(
            ofType(records, 'instruction.completed').map((c) => c.instruction),
          );
          const noes = ofType(records, 'approval.decided').filter(
            (d) => d.outcome === 'denied' || d.outcome === 'autoDenied',
          );
          // Each denial closed its instruction at once, and only a no or a timeout denies.
          expect(denied.map((d) => [d.t, d.instruction, d.by])).toEqual(
            noes.map((d) => [d.t, d.instruction, d.by]),
          );
          for (const d of noes) if (d.outcome === 'autoDenied') expect(onTimeout).toBe('deny');
          for (const d of denied) {
            expect(completed.has(d.instruction)).toBe(false);
            // Nobody is asked about it after the no.
            const asked = ofType(records, 'approval.requested').filter(
              (r) => r.instruction === d.instruction && r.t > d.t,
            );
            expect(asked).toEqual([]);
            // Its tasks: done before the no, or cancelled then; none worked on after it.
            const tasks = ofType(records, 'task.ready')
              .map((r) => r.task)
              .filter((t) => t.startsWith(`${d.instruction}-`));
            for (const t of [`${d.instruction}-build.1`, `${d.instruction}-test.1`]) {
              const ended = ofType(records, 'task.transition').find(
                (r) => r.task === t && (r.to === 'COMPLETED' || r.to === 'CANCELLED'),
              );
              expect(ended, `${t} never ended`).toBeDefined();
              if (ended?.to === 'CANCELLED') expect(ended.t).toBe(d.t);
              else expect(ended?.t as number).toBeLessThanOrEqual(d.t);
            }
            const late = ofType(records, 'work').filter(
              (w) =>
                w.kind === 'execute' &&
                w.task !== undefined &&
                tasks.includes(w.task) &&
                w.startedAt > d.t,
            );
            expect(late).toEqual([]);
          }
          // Every instruction not denied completed, and the run ended with nothing open.
          for (const r of ofType(records, 'instruction.received'))
            expect(
              completed.has(r.instruction) || denied.some((d) => d.instruction === r.instruction),
            ).toBe(true);
          expect(records.at(-1)).toMatchObject({ type: 'run.end', reason: 'done', openTasks: 0 });
          if (denyShare === 0.7) expect(denied.length).toBeGreaterThan(0);
          // The report counts each no where it was said.
          const report = approvals(records);
          const said = (report?.byPolicy ?? []).reduce((a, p) => a + p.denied + p.autoDenied, 0);
          expect(said).toBe(noes.length);
          expect(report?.denied).toBe(denied.length);
        },
      ),
      { numRuns: 16 },
    );
  });

  it('refuses a policy naming someone who is not one of the humans, naming the field', () => {
    const load = () =>
      loadScenarioObject({
        name: 'nobody',
        org: { humans: [{ id: 'cto' }] },
        approvals: [{ id: 'p', approvers: ['cto', 'ceo'] }],
        instructions: [{ id: 'I', at: 0, tier: 1 }],
      });
    expect(load).toThrow(ScenarioError);
    expect(load).toThrow(
      /approvals\[0\]\.approvers\[1\].*"ceo".*not one of org\.humans nor a role of theirs \(cto\)/s,
    );
  });
});
