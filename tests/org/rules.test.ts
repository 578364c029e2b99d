// Event rules fire exactly when their condition holds. The matching is checked on random event
// streams against a reading of the rules written here; in a run, every firing is checked against
// the log it watched (the instruction received, the task blocked and still blocked `forHours` on,
// the SLA breach, the budget alert), and none is missed; the actions act: assign routes the
// instruction, escalate raises the task's priority, scale bounds the pool, pause stops it.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dueFor, RULE_TRIGGERS, type Rule, type RuleEvent } from '../../src/domain/rules.ts';
import type { LogRecord } from '../../src/log/event-log.ts';
import { runSimulation } from '../../src/org/run.ts';
import { loadScenarioObject } from '../../src/scenario/load.ts';

type Of<T extends LogRecord['type']> = Extract<LogRecord, { type: T }>;
const ofType = <T extends LogRecord['type']>(records: readonly LogRecord[], type: T) =>
  records.filter((r): r is Of<T> => r.type === type);

const DOMAINS = ['backend', 'qa', 'security'];
const TYPES = ['feature', 'bugfix'];

const sub = <T>(values: readonly T[]) =>
  fc.option(fc.subarray([...values], { minLength: 1 }), { freq: 2 });

const ruleArb = fc.record({
  on: fc.constantFrom(...RULE_TRIGGERS),
  priorities: sub([0, 1, 2, 3]),
  workTypes: sub(TYPES),
  domains: sub(DOMAINS),
  shareAtLeast: fc.option(fc.constantFrom(0.5, 0.8, 0.95), { freq: 2 }),
});

const eventArb = fc.record({
  on: fc.constantFrom(...RULE_TRIGGERS),
  subject: fc.constantFrom('I1', 'T1', 'run'),
  priority: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
  workType: fc.option(fc.constantFrom(...TYPES), { nil: undefined }),
  domain: fc.option(fc.constantFrom(...DOMAINS), { nil: undefined }),
  share: fc.option(fc.constantFrom(0.5, 0.8, 0.9, 0.95), { nil: undefined }),
});

describe('event rules', () => {
  it('match an event exactly when its trigger is theirs and every condition they give holds', () => {
    fc.assert(
      fc.property(
        fc.array(ruleArb, { maxLength: 6 }),
        fc.array(eventArb, { maxLength: 30 }),
        (raw, events) => {
          const rules: Rule[] = raw.map((r, i) => ({
            id: `r${i}`,
            on: r.on,
            when: { ...r, forHours: null },
            actions: [{ kind: 'notify', channel: 'c' }],
          }));
          for (const e of events) {
            const event = Object.fromEntries(
              Object.entries(e).filter(([, v]) => v !== undefined),
            ) as unknown as RuleEvent;
            const fired = dueFor(rules, event).map((d) => d.rule.id);
            // Worked out field by field: a missing field fails any condition on it.
            const expected = raw.flatMap((r, i) => {
              const ok =
                r.on === e.on &&
                (r.priorities === null ||
                  (e.priority !== undefined && r.priorities.includes(e.priority))) &&
                (r.workTypes === null ||
                  (e.workType !== undefined && r.workTypes.includes(e.workType))) &&
                (r.domains === null || (e.domain !== undefined && r.domains.includes(e.domain))) &&
                (r.shareAtLeast === null || (e.share !== undefined && e.share >= r.shareAtLeast));
              return ok ? [`r${i}`] : [];
            });
            expect(fired).toEqual(expected);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  /** A week of mixed work with blockers, budgets and a pool, watched by the seed's rules. */
  const week = (seed: number, forHours: number, extra: object[] = []) =>
    loadScenarioObject({
      seed,
      org: {
        teams: [
          { id: 'a', ics: { backend: 4, qa: 2 } },
          { id: 'oncall', ics: { backend: 2, qa: 1 } },
        ],
      },
      blockers: { technical: 0.3, dependency: 0.2 },
      cost: { dailyBudgetUsd: 40, policy: 'alert' },
      pools: [{ id: 'coders', domain: 'backend', team: 'a', min: 1 }],
      rules: [
        {
          id: 'p0-to-oncall',
          on: 'instruction.received',
          when: { priority: ['P0'] },
          do: [{ assign: { team: 'oncall' } }, { notify: '#incidents' }],
        },
        {
          id: 'blocked-alert',
          on: 'task.blocked',
          when: { forHours },
          do: [{ notify: '#agent-ops' }],
        },
        {
          id: 'late-p2',
          on: 'task.slaBreach',
          when: { priority: ['P2'], domains: ['backend'] },
          do: [{ escalate: { priority: 'P1' } }],
        },
        { id: 'budget-80', on: 'budget.alert', when: { share: 0.8 }, do: [{ notify: 'leads' }] },
        ...extra,
      ],
      arrivals: [
        {
          process: 'poisson',
          ratePerDay: 6,
          until: 72,
          template: { tier: 2, domains: ['backend', 'qa'] },
        },
        {
          process: 'poisson',
          ratePerDay: 1,
          until: 72,
          template: { tier: 1, domains: ['backend'], priority: 'P0' },
        },
      ],
    });

  it('fire in a run exactly when the log shows their condition holding', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.constantFrom(0.25, 1, 3),
        (seed, forHours) => {
          const records = runSimulation(week(seed, forHours).config, 'w').log.records;
          const fired = ofType(records, 'rule.fired');
          const firedBy = (rule: string) =>
            fired.filter((f) => f.rule === rule).map((f) => [f.t, f.subject]);
          // P0 instructions, as received.
          expect(firedBy('p0-to-oncall')).toEqual(
            ofType(records, 'instruction.received')
              .filter((r) => r.priority === 0)
              .map((r) => [r.t, r.instruction]),
          );
          // Every P0 the EM took went to the on-call team.
          for (const d of ofType(records, 'instruction.decided'))
            if (d.go && fired.some((f) => f.subject === d.instruction))
              expect(d.reason).toBe('P0 to oncall');
          // Blocked spells (BLOCKED, then ESCALATED, without a break) lasting at least forHours.
          const expected: Array<[number, string]> = [];
          const since = new Map<string, number>();
          const blocked = new Set(['BLOCKED', 'ESCALATED']);
          const state = new Map<string, string>();
          const closeSpell = (task: string, until: number) => {
            const from = since.get(task);
            if (from !== undefined && until - from >= forHours - 1e-9)
              expected.push([from + forHours, task]);
            since.delete(task);
          };
          for (const r of ofType(records, 'task.transition')) {
            const before = state.get(r.task);
            state.set(r.task, r.to);
            const was = before !== undefined && blocked.has(before);
            if (r.to === 'BLOCKED' && !was) since.set(r.task, r.t);
            else if (was && !blocked.has(r.to)) closeSpell(r.task, r.t);
          }
          const end = records.at(-1)?.t ?? 0;
          for (const task of [...since.keys()]) closeSpell(task, end);
          const got = firedBy('blocked-alert') as Array<[number, string]>;
          const key = ([t, s]: [number, string]) => `${s}@${t.toFixed(6)}`;
          expect(got.map(key).sort()).toEqual(expected.map(key).sort());
          // SLA breaches of backend tasks while P2: each one's first, since that raises it to P1.
          const planned = ofType(records, 'plan.tactical').flatMap((p) => p.tasks);
          const p2Backend = new Set(
            planned.filter((t) => t.domain === 'backend' && t.priority === 2).map((t) => t.id),
          );
          const raised = new Set<string>();
          const late: Array<[number, string]> = [];
          for (const b of ofType(records, 'task.slaBreach')) {
            if (!p2Backend.has(b.task) || raised.has(b.task)) continue;
            raised.add(b.task);
            late.push([b.t, b.task]);
          }
          expect(firedBy('late-p2')).toEqual(late);
          // Budget alerts at 80 % and above.
          expect(firedBy('budget-80')).toEqual(
            ofType(records, 'budget.alert')
              .filter((a) => a.threshold >= 0.8)
              .map((a) => [a.t, a.scope]),
          );
        },
      ),
      { numRuns: 12 },
    );
  });

  it('logs what each firing did', () => {
    const records = runSimulation(week(2, 1).config, 'w').log.records;
    const fired = ofType(records, 'rule.fired');
    const actions = new Map(fired.map((f) => [f.rule, f.actions]));
    expect(actions.get('late-p2')).toEqual(['escalate to P1']);
    expect(actions.get('p0-to-oncall')).toEqual(['assign to oncall', 'notify #incidents']);
    expect(actions.get('blocked-alert')).toEqual(['notify #agent-ops']);
  });

  it('scales a pool down to its minimum once the budget is at 95 %, and no further agent comes in', () => {
    const extra = [
      {
        id: 'budget-95',
        on: 'budget.alert',
        when: { share: 0.95 },
        do: [{ scale: { pool: 'coders', to: 'min' } }],
      },
    ];
    const records = runSimulation(week(2, 1, extra).config, 'w').log.records;
    const at = ofType(records, 'rule.fired').find((f) => f.rule === 'budget-95')?.t;
    expect(at).toBeDefined();
    // From then on no agent is brought in, and the pool is back to one by the end.
    const after = ofType(records, 'pool.scaled').filter((r) => r.t > (at as number));
    expect(after.filter((r) => r.reason === 'queue')).toEqual([]);
    expect(ofType(records, 'pool.scaled').at(-1)?.sizeAfter).toBe(1);
  });

  it('refuses a rule it cannot run, naming the field and the fix', () => {
    const load =
      (rule: object, extra: object = {}) =>
      () =>
        loadScenarioObject({
          org: { ics: { backend: 2 } },
          instructions: [{ at: 0, tier: 1, domains: ['backend'] }],
          rules: [{ id: 'r', ...rule }],
          ...extra,
        });
    expect(
      load({ on: 'instruction.received', when: { forHours: 1 }, do: [{ notify: 'x' }] }),
    ).toThrow(/rules\[0\]\.when\.forHours.*does not apply to instruction\.received events/);
    expect(load({ on: 'budget.alert', when: { share: 0.8 }, do: [{ notify: 'x' }] })).toThrow(
      /rules\[0\]\.on.*the scenario has no budget/,
    );
    expect(load({ on: 'instruction.received', do: [{ escalate: { priority: 'P1' } }] })).toThrow(
      /rules\[0\]\.do\[0\]\.escalate.*watch task\.blocked or task\.slaBreach/,
    );
    expect(load({ on: 'task.blocked', do: [{ scale: { pool: 'p', to: 'min' } }] })).toThrow(
      /rules\[0\]\.do\[0\]\.scale\.pool.*names no pool: "p" \(the scenario has no pools section\)/,
    );
    expect(load({ on: 'instruction.received', do: [{ assign: { team: 'x' } }] })).toThrow(
      /rules\[0\]\.do\[0\]\.assign\.team.*names no team: "x" \(teams: team-1\)/,
    );
  });

  it('writes the same log on both engines', () => {
    const s = week(3, 0.25);
    const fast = runSimulation({ ...s.config, engine: 'fast' }, 'w').log.records;
    const xstate = runSimulation({ ...s.config, engine: 'xstate' }, 'w').log.records;
    expect(JSON.stringify(xstate)).toBe(JSON.stringify(fast));
  });
});
