// Whole runs of the organisation: each tier through the full hierarchy, and the behaviours a
// designer relies on (preemption, outages, escalations, capacity, budget, standups).

import { describe, expect, it } from 'vitest';
import type { Tier } from '../../src/domain/gates.ts';
import type { IcSpec, TeamSpec } from '../../src/domain/org.ts';
import type { LogRecord } from '../../src/log/event-log.ts';
import { runSimulation } from '../../src/org/run.ts';
import type { SimConfig } from '../../src/scenario/config.ts';
import { defaultConfig, defaultOrg } from '../../src/scenario/defaults.ts';
import { violations } from './log-checks.ts';

function run(overrides: Partial<SimConfig>) {
  const config = defaultConfig(overrides);
  const result = runSimulation(config);
  return { config, ...result, records: result.log.records };
}

const one = (tier: Tier, at = 1, priority: 0 | 1 | 2 | 3 = 2, id = 'I1') => ({
  id,
  at,
  tier,
  priority,
  title: `tier ${tier}`,
});
const ofType = <T extends LogRecord['type']>(records: readonly LogRecord[], type: T) =>
  records.filter((r): r is Extract<LogRecord, { type: T }> => r.type === type);

describe('a single instruction through the full hierarchy', () => {
  for (const tier of [1, 2, 3, 4] as const) {
    it(`runs tier ${tier} to completion, every task COMPLETED, with the protocols the tier implies`, () => {
      // Arriving just before the 09:00 standup, so even a one-task fix meets one.
      const { config, records, world } = run({ seed: 11, instructions: [one(tier, 8.75)] });
      expect(violations(config, records)).toEqual([]);
      expect(records.at(-1)).toMatchObject({ type: 'run.end', reason: 'done', openTasks: 0 });
      const planned = ofType(records, 'plan.tactical').flatMap((p) => p.tasks);
      const completed = ofType(records, 'task.transition').filter((r) => r.to === 'COMPLETED');
      expect(completed).toHaveLength(planned.length);
      if (tier === 1) expect(planned).toHaveLength(1);
      if (tier === 4) expect(planned.length).toBeGreaterThanOrEqual(100);
      expect(world.messages.counts.delegation).toBeGreaterThan(0);
      expect(world.messages.counts.broadcast).toBeGreaterThan(0);
      expect(world.messages.counts.standup).toBeGreaterThan(0);
      if (tier >= 3) expect(world.messages.counts.handoff).toBeGreaterThan(0);
      // The hierarchy did the work: EM intake, TL plan, DL breakdown and assignment, IC execution.
      const kinds = new Set(
        ofType(records, 'work').map((w) => `${w.person.split('-')[0]}:${w.kind}`),
      );
      for (const k of ['em:intake', 'tl:strategicPlanning', 'dl:assignment', 'ic:execute']) {
        expect(kinds).toContain(k);
      }
      // Peer review by another IC, or by the lead in a one-person domain.
      expect(kinds.has('ic:peerReview') || kinds.has('dl:peerReview')).toBe(true);
      if (tier >= 2) expect(kinds).toContain('dl:domainApproval');
      if (tier >= 3) expect(kinds).toContain('tl:architectureReview');
    });
  }
});

describe('org behaviours', () => {
  it('lets a P0 instruction preempt lower-priority work, and finishes it first', () => {
    const { config, records } = run({
      seed: 3,
      org: defaultOrg({
        headcount: { backend: 1, frontend: 1, data: 1, devops: 1, security: 1, qa: 1 },
        wipLimit: 1,
      }),
      instructions: [one(3, 1, 3, 'slow'), one(1, 40, 0, 'incident')],
      blockers: { technical: 0, dependency: 0, requirements: 0, resource: 0, priority: 0 },
    });
    expect(violations(config, records)).toEqual([]);
    const done = ofType(records, 'instruction.completed');
    expect(done.map((d) => d.instruction)).toEqual(['incident', 'slow']);
    expect(ofType(records, 'message').some((m) => m.kind === 'incident.p0')).toBe(true);
  });

  it('stops an IC during an outage and hands its unstarted work to a colleague', () => {
    const { config, records } = run({
      seed: 5,
      instructions: [one(3)],
      outages: [{ person: 'ic-backend-1', from: 10, to: 200 }],
    });
    expect(violations(config, records)).toEqual([]);
    const during = ofType(records, 'work').filter(
      (w) => w.person === 'ic-backend-1' && w.t > 10 && w.startedAt < 200,
    );
    expect(during.every((w) => w.outcome === 'outage' || w.t <= 10)).toBe(true);
    expect(ofType(records, 'outage').map((o) => o.phase)).toEqual(['start', 'end']);
  });

  it('routes blockers by type, climbs the ladder on SLA breaches, and resolves every one', () => {
    const { config, records } = run({
      seed: 8,
      instructions: [one(3)],
      blockers: { technical: 0.3, dependency: 0.3, requirements: 0.2, resource: 0.1, priority: 0 },
    });
    expect(violations(config, records)).toEqual([]);
    const opened = ofType(records, 'escalation.opened').filter((e) => e.route !== 'sla');
    expect(opened.length).toBeGreaterThan(3);
    for (const e of opened) {
      expect(e.role).toBe(
        { technical: 'DL', dependency: 'TL', requirements: 'EM', resource: 'EM', priority: 'EM' }[
          e.route as 'technical'
        ],
      );
    }
    const resolved = new Set(ofType(records, 'escalation.resolved').map((r) => r.escalation));
    for (const e of opened) expect(resolved).toContain(e.escalation);
    expect(ofType(records, 'message').some((m) => m.kind === 'blocker.raised')).toBe(true);
  });

  it('flags an oversubscribed domain and borrows an IC with a secondary skill in it', () => {
    const { config, records } = run({
      seed: 2,
      org: defaultOrg({
        headcount: { backend: 1, data: 2, frontend: 1, qa: 1, devops: 2, security: 1 },
      }),
      instructions: [one(4)],
    });
    expect(violations(config, records)).toEqual([]);
    expect(ofType(records, 'capacity.forecast').some((f) => f.oversubscribed)).toBe(true);
    const borrow = ofType(records, 'rebalance').find((r) => r.kind === 'borrow');
    expect(borrow).toBeDefined();
  });

  it('raises the budget alert once, when spending reaches 80 %', () => {
    const { records } = run({
      seed: 4,
      instructions: [one(2)],
      cost: { ...defaultConfig().cost, budgetUsd: 5 },
    });
    const alerts = ofType(records, 'budget.alert');
    expect(alerts).toHaveLength(1);
    // At the crossing itself, not when a slice of work next ends: 80 % of $5 is $4.
    expect(alerts[0]?.spentUsd).toBeCloseTo(4, 9);
    expect(alerts[0]?.share).toBeCloseTo(0.8, 9);
  });

  it('holds a daily standup: each IC reports to its lead, leads roll up to the TL, the TL to the EM', () => {
    const { records, config } = run({ seed: 6, instructions: [one(3)] });
    const standup = ofType(records, 'message').filter((m) => m.protocol === 'standup');
    const day0 = standup.filter((m) => m.t < 33);
    const ics = config.org.teams[0]?.ics.length ?? 0;
    expect(day0.filter((m) => m.kind === 'standup.report')).toHaveLength(ics);
    expect(day0.filter((m) => m.kind === 'standup.rollup' && m.to === 'tl')).toHaveLength(6);
    expect(day0.filter((m) => m.kind === 'standup.rollup' && m.to === 'em')).toHaveLength(1);
    const report = day0.find((m) => m.kind === 'standup.report');
    expect(report?.content).toMatchObject({
      yesterday: expect.any(Array),
      today: expect.any(Array),
      blockers: expect.any(Array),
    });
  });

  it('follows an explicit plan given in the scenario instead of generating one', () => {
    const task = (id: string, domain: 'backend' | 'frontend', dependsOn: string[]) => ({
      id,
      strategic: `S-${domain}`,
      instruction: 'I1',
      domain,
      title: id,
      estimateHours: 3,
      complexity: 2 as const,
      dependsOn,
      architectural: false,
    });
    const plan = {
      instruction: 'I1',
      tier: 2 as const,
      strategic: [
        {
          id: 'S-backend',
          instruction: 'I1',
          domain: 'backend' as const,
          title: 'API',
          milestone: 0,
          dependsOn: [],
        },
        {
          id: 'S-frontend',
          instruction: 'I1',
          domain: 'frontend' as const,
          title: 'UI',
          milestone: 1,
          dependsOn: ['S-backend'],
        },
      ],
      tactical: [task('api', 'backend', []), task('ui', 'frontend', ['api'])],
    };
    const { config, records } = run({ seed: 1, instructions: [{ ...one(2), plan }] });
    expect(violations(config, records)).toEqual([]);
    const ready = ofType(records, 'task.ready').map((r) => r.task);
    expect(ready).toEqual(['api', 'ui']);
    expect(
      ofType(records, 'message').filter((m) => m.kind === 'handoff.offer' && m.task === 'api')
        .length,
    ).toBeGreaterThan(0);
    const apiDone =
      ofType(records, 'task.transition').find((r) => r.task === 'api' && r.to === 'COMPLETED')?.t ??
      Number.NaN;
    expect(ofType(records, 'task.ready').find((r) => r.task === 'ui')?.t).toBe(apiDone);
  });

  it('runs several teams under one EM, spreading instructions to the quietest team', () => {
    const { config, records } = run({
      seed: 9,
      org: defaultOrg({ teams: 2 }),
      instructions: [one(2, 1, 2, 'A'), one(2, 2, 2, 'B')],
    });
    expect(violations(config, records)).toEqual([]);
    const decided = ofType(records, 'instruction.decided').map((d) => d.reason);
    expect(decided).toEqual(['P2 to team-1', 'P2 to team-2']);
  });

  it('cancels tasks on a requirement change, wherever they are, and still finishes the instruction', () => {
    const { config, records } = run({
      seed: 12,
      instructions: [one(3)],
      changes: [{ at: 30, instruction: 'I1', share: 0.5 }],
    });
    expect(violations(config, records)).toEqual([]);
    const change = ofType(records, 'requirement.changed')[0];
    expect(change?.cancelled.length).toBeGreaterThan(0);
    const cancelled = ofType(records, 'task.transition')
      .filter((r) => r.to === 'CANCELLED')
      .map((r) => r.task);
    expect(cancelled.sort()).toEqual([...(change?.cancelled ?? [])].sort());
    expect(ofType(records, 'instruction.completed')[0]?.cancelled).toBe(cancelled.length);
  });

  it('puts a new hire to work from the day they join', () => {
    const base = defaultOrg();
    const hire = {
      ...(base.teams[0]?.ics.find((ic) => ic.domain === 'qa') as IcSpec),
      id: 'new-qa',
    };
    const { config, records } = run({
      seed: 13,
      instructions: [one(3)],
      hires: [{ at: 20, ic: hire, rampUpDays: 0, startProductivity: 1 }],
    });
    expect(violations(config, records)).toEqual([]);
    expect(ofType(records, 'hire')).toHaveLength(1);
    const work = ofType(records, 'work').filter(
      (w) => w.person === 'new-qa' && w.kind !== 'standup',
    );
    expect(work.length).toBeGreaterThan(0);
    expect(Math.min(...work.map((w) => w.startedAt))).toBeGreaterThanOrEqual(20);
  });

  it('draws the same plans whatever the staffing and the strategy', () => {
    const instructions = [one(1), one(2, 5, 2, 'I2'), one(3, 9, 2, 'I3'), one(4, 12, 1, 'I4')];
    const plans = (overrides: Partial<SimConfig>) =>
      ofType(run({ seed: 21, instructions, ...overrides }).records, 'plan.tactical')
        .map(({ instruction, strategic, tasks }) => ({ instruction, strategic, tasks }))
        .sort((a, b) => a.strategic.localeCompare(b.strategic));
    const small = plans({
      org: defaultOrg({
        headcount: { backend: 1, frontend: 1, qa: 1, devops: 1, data: 1, security: 1 },
      }),
      strategy: 'round-robin',
    });
    const big = plans({
      org: defaultOrg({ headcount: { backend: 5, frontend: 4, qa: 3, devops: 2, data: 2 } }),
      strategy: 'critical-path-first',
    });
    expect(small.length).toBeGreaterThan(30);
    expect(big).toEqual(small);
  });

  it('refuses a plan that needs a domain nobody staffs, naming the instruction, the domain and the fixes', () => {
    const org = defaultOrg({
      headcount: { backend: 2, frontend: 0, qa: 0, devops: 0, data: 0, security: 0 },
    });
    const team = org.teams[0] as TeamSpec;
    const oneDomain = {
      ...org,
      teams: [{ ...team, leads: team.leads.filter((l) => l.domain === 'backend') }],
    };
    // Tier 3 always involves QA (src/domain/planning/generate.ts), which this org lacks.
    expect(() => run({ seed: 14, org: oneDomain, instructions: [one(3, 9, 2, 'I3')] })).toThrow(
      /I3's plan needs .*qa.* work and the org has no .* ICs to do it: staff it \(org\.ics\.\w+\), let ICs with a secondary \w+ skill take it \(org\.unstaffedWork: borrow\), or set the instruction's domains/,
    );
    // Many instructions lacking the same people are named together, not one sentence each.
    const many = [3, 4, 5, 6, 7].map((k) => ({
      ...one(3, k, 2, `J${k}`),
      hint: { domains: ['backend', 'qa'] as const },
    }));
    expect(() => run({ seed: 14, org: oneDomain, instructions: many })).toThrow(
      /^This org cannot run: the plans of J3, J4, J5 and 2 more need qa work and the org has no qa ICs to do it: /,
    );
    // Naming the domains the org has makes the same instruction runnable.
    const { records } = run({
      seed: 14,
      org: oneDomain,
      instructions: [{ ...one(3, 9, 2, 'I3'), hint: { domains: ['backend'] } }],
    });
    expect(records.at(-1)).toMatchObject({ type: 'run.end', reason: 'done' });
  });

  it('lets ICs with the secondary skill take a domain nobody staffs, when the scenario says so', () => {
    // Two backend ICs, each with data as a secondary skill at level 2 (the default).
    const org = defaultOrg({
      headcount: { backend: 2, frontend: 0, qa: 0, devops: 0, data: 0, security: 0 },
    });
    const { config, records } = run({
      seed: 3,
      org,
      unstaffedWork: 'borrow',
      gates: {
        ...defaultConfig().gates,
        enabled: { ...defaultConfig().gates.enabled, qaValidation: false },
      },
      instructions: [{ ...one(2, 1, 2, 'I1'), hint: { domains: ['backend', 'data'] } }],
    });
    expect(violations(config, records)).toEqual([]);
    expect(records.at(-1)).toMatchObject({ type: 'run.end', reason: 'done' });
    const dataTasks = ofType(records, 'plan.tactical')
      .flatMap((p) => p.tasks)
      .filter((t) => t.domain === 'data')
      .map((t) => t.id);
    expect(dataTasks.length).toBeGreaterThan(0);
    const doers = new Set(
      ofType(records, 'work')
        .filter((w) => w.kind === 'execute' && dataTasks.includes(w.task ?? ''))
        .map((w) => w.person),
    );
    expect([...doers].every((p) => p.startsWith('ic-backend-'))).toBe(true);
    // A data lead was added to plan and approve the data work.
    expect(ofType(records, 'work').some((w) => w.person === 'dl-data')).toBe(true);
  });
});
