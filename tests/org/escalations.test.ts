// Escalation is a decision with an effect: each rung decides in its own hours among the actions it
// owns, every decision is logged with its outcome, and a breach nobody could act on is reported,
// not escalated. Small orgs built to make each case happen, with the expected path worked out.

import { describe, expect, it } from 'vitest';
import { bottleneck } from '../../src/collect/bottleneck.ts';
import { capacity } from '../../src/collect/capacity.ts';
import { runSimulation } from '../../src/org/run.ts';
import type { SimConfig } from '../../src/scenario/config.ts';
import { defaultConfig, defaultOrg } from '../../src/scenario/defaults.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { fullDomainOnOfficeHours, job, NO_BLOCKERS, NO_GATES, only } from './fixtures.ts';
import { violations } from './log-checks.ts';

function run(overrides: Partial<SimConfig>) {
  const config = defaultConfig({
    blockers: NO_BLOCKERS,
    gates: NO_GATES,
    effort: { kind: 'fixed' },
    ...overrides,
  });
  const { log } = runSimulation(config);
  expect(violations(config, log.records)).toEqual([]);
  return log.records;
}

describe('escalations that act', () => {
  it('has a lead move an unstarted task to a colleague who is free', () => {
    // Specialist gives both tasks to the more skilled ic-backend-2 (level 4 against 3): the
    // second waits ASSIGNED behind the first's 12 h, breaches its 8 h SLA, and ic-backend-1 is idle.
    const records = run({
      strategy: 'specialist',
      org: defaultOrg({
        headcount: { backend: 2, frontend: 1, qa: 1, devops: 1, data: 1, security: 1 },
      }),
      instructions: [job('A', 0, 12), job('B', 0.1, 12)],
    });
    const breach = only(records, 'task.slaBreach').find((b) => b.state === 'ASSIGNED');
    expect(breach?.task).toBe('B-T');
    const decided = only(records, 'escalation.decided');
    expect(decided).toHaveLength(1);
    expect(decided[0]).toMatchObject({
      task: 'B-T',
      by: 'dl-backend',
      role: 'DL',
      action: 'reassign',
      outcome: 'acted',
      detail: 'from ic-backend-2 to ic-backend-1',
    });
    const work = only(records, 'work').filter((w) => w.kind === 'execute' && w.task === 'B-T');
    expect(work.map((w) => w.person)).toEqual(['ic-backend-1']);
    // The look-in took the lead its hours (0.25 h by default) after the breach at 8.1 h + the
    // assignment, and B started at once after it: well before A's 12 h were done.
    expect(work[0]?.startedAt).toBeLessThan(12);
    expect(only(records, 'escalation.resolved')[0]).toMatchObject({ outcome: 'acted' });
  });

  it('has a lead whose domain is full ask the EM, who lends an IC with the skill', () => {
    // One backend IC with WIP 1 and three 30 h tasks: the third waits 60 h in the backlog and
    // breaches PENDING's 48 h. The frontend ICs have backend as a secondary skill (level 2). No
    // daily capacity review, so only the escalation can bring help.
    const records = run({
      capacityReviewHour: null,
      org: defaultOrg({
        headcount: { backend: 1, frontend: 2, qa: 1, devops: 1, data: 1, security: 1 },
        wipLimit: 1,
      }),
      instructions: [job('A', 0, 30), job('B', 0.1, 30), job('C', 0.2, 30)],
    });
    const decided = only(records, 'escalation.decided');
    expect(decided.map((d) => [d.role, d.action, d.outcome])).toEqual([
      ['DL', 'askCapacity', 'referred'],
      ['EM', 'borrow', 'acted'],
    ]);
    expect(decided[0]?.to).toBe('em');
    const lent = only(records, 'rebalance').find((r) => r.kind === 'borrow');
    expect(lent?.person).toMatch(/^ic-frontend-/);
    const c = only(records, 'work').filter((w) => w.kind === 'execute' && w.task === 'C-T');
    expect([...new Set(c.map((w) => w.person))]).toEqual([lent?.person]);
  });

  it('records a hiring need, unresolved, when nobody can be lent', () => {
    const records = run({
      capacityReviewHour: null,
      org: defaultOrg({
        headcount: { backend: 1, frontend: 1, qa: 1, devops: 1, data: 1, security: 1 },
        wipLimit: 1,
      }),
      instructions: [job('A', 0, 30), job('B', 0.1, 30), job('C', 0.2, 30)],
    });
    const decided = only(records, 'escalation.decided');
    expect(decided.map((d) => [d.role, d.action, d.outcome])).toEqual([
      ['DL', 'askCapacity', 'referred'],
      ['EM', 'recordHiringNeed', 'unresolved'],
    ]);
    expect(decided[1]?.detail).toBe('backend in team-1');
    expect(only(records, 'escalation.resolved')[0]).toMatchObject({ outcome: 'unresolved' });
  });

  it('reports a breach nobody can act on without escalating it', () => {
    // One backend IC with WIP 2: the second task waits ASSIGNED past 8 h with no one to take it.
    const records = run({
      org: defaultOrg({
        headcount: { backend: 1, frontend: 1, qa: 1, devops: 1, data: 1, security: 1 },
      }),
      instructions: [job('A', 0, 12), job('B', 0.1, 12)],
    });
    expect(only(records, 'task.slaBreach').map((b) => b.state)).toContain('ASSIGNED');
    expect(only(records, 'escalation.opened')).toEqual([]);
  });
});

describe('overtime', () => {
  it('has the EM approve longer days for a full domain on office hours, and the hours hold up', () => {
    // One backend IC on 09:00–17:00 with WIP 1 and three 30 h tasks; nobody can be lent (every
    // domain has one IC) and nothing is of lower priority: the EM's remaining move is overtime,
    // +2 h a day (09:00–19:00) for 3 days.
    const records = run(fullDomainOnOfficeHours());
    const decided = only(records, 'escalation.decided').map((d) => [
      d.role,
      d.action,
      d.outcome,
      d.detail,
    ]);
    expect(decided[0]).toEqual(['DL', 'askCapacity', 'referred', undefined]);
    const em = decided.filter((d) => d[0] === 'EM');
    expect(em).toEqual([['EM', 'approveOvertime', 'acted', 'ic-backend-1: +2 h a day for 3 days']]);
    // Other breaches of the same backlog: capacity was asked for today already, or they moved on.
    for (const d of decided.slice(1).filter((x) => x[0] !== 'EM'))
      expect(d.slice(0, 3)).toEqual(['DL', 'none', 'declined']);
    const [start, end] = only(records, 'overtime');
    expect(start).toMatchObject({ person: 'ic-backend-1', phase: 'start', hoursPerDay: 10 });
    expect(end).toMatchObject({ person: 'ic-backend-1', phase: 'end', hoursPerDay: 8 });
    expect((end?.t ?? 0) - (start?.t ?? 0)).toBe(72);
    // The overtime starts when the EM decides, 58.75 = day 2, 10:45; the slice taken up then runs
    // until the next morning's standup at 09:00 (t = 81) and counts 19:00 − 10:45 = 8.25 h (on its
    // own hours it would have been 17:00 − 10:45 = 6.25 h).
    expect(start?.t).toBe(58.75);
    const first = only(records, 'work').find(
      (w) => w.person === 'ic-backend-1' && w.startedAt === 58.75,
    );
    expect(first).toMatchObject({ t: 81, hours: 8.25 });
    // Utilisation counts the longer days as hours available: it never passes 100 %.
    const util = capacity(records).ics.find((ic) => ic.id === 'ic-backend-1')?.utilization ?? 2;
    expect(util).toBeLessThanOrEqual(1);
  });
});

describe('blockers and the humans at the top of the ladder', () => {
  it('has the EM refer a requirements question to a human, who decides in office hours', () => {
    // Requirements blockers always; the task arrives Friday 18:00 (day 4; day 0 is a Monday). The
    // EM (24 h) refers it at once; human-1 works 09:00–17:00 Monday to Friday, so the decision
    // waits for Monday 09:00, t = 7 × 24 + 9 = 177.
    const records = run({
      blockers: { ...NO_BLOCKERS, requirements: 1 },
      instructions: [job('A', 4 * 24 + 18, 4)],
    });
    const decided = only(records, 'escalation.decided');
    expect(decided.map((d) => [d.by, d.action, d.outcome])).toEqual([
      ['em', 'referToHuman', 'referred'],
      ['human-1', 'decide', 'acted'],
    ]);
    const human = only(records, 'work').find((w) => w.person === 'human-1');
    expect(human?.startedAt).toBe(177);
    // A human spends no tokens: the hour costs their hourly rate alone (0 by default), and the
    // decision is filed under the instruction whose task it unblocked.
    expect(human).toMatchObject({ tokensIn: 0, tokensOut: 0, costUsd: 0, instruction: 'A' });
    // One hour of the human's time by default.
    expect(decided[1]?.t).toBe(178);
    expect(records.at(-1)).toMatchObject({ type: 'run.end', reason: 'done' });
  });

  it('takes a technical blocker to the TL when it sits untouched on an absent lead’s desk', () => {
    const records = run({
      blockers: { ...NO_BLOCKERS, technical: 1 },
      instructions: [job('A', 1, 4)],
      // The lead plans and assigns the task by 1.6 h, then is out from 2 h; the blocker strikes
      // at 2.12 h (this seed's draw: 13 % into the 4 h of work started at 1.6 h).
      outages: [{ person: 'dl-backend', from: 2, to: 100 }],
    });
    expect(only(records, 'escalation.opened')[0]).toMatchObject({
      route: 'technical',
      to: 'dl-backend',
    });
    // BLOCKED's SLA is 2 h: then it goes to the TL, who unblocks it.
    const climbed = only(records, 'escalation.climbed');
    expect(climbed).toHaveLength(1);
    expect(climbed[0]).toMatchObject({ to: 'tl', role: 'TL' });
    const opened = only(records, 'escalation.opened')[0];
    expect((climbed[0]?.t ?? 0) - (opened?.t ?? 0)).toBe(2);
    expect(only(records, 'escalation.decided').map((d) => [d.by, d.action])).toEqual([
      ['tl', 'unblock'],
    ]);
  });
});

describe('every escalation on the shipped scenarios', () => {
  for (const name of ['tier3', 'tier4', 'p0-incident', 'ic-outage', 'enterprise-50']) {
    it(`${name}: has a decision and an outcome`, () => {
      const scenario = loadScenario(name);
      const { log } = runSimulation(scenario.config, scenario.name);
      const opened = only(log.records, 'escalation.opened');
      const decided = new Set(only(log.records, 'escalation.decided').map((d) => d.escalation));
      const resolved = new Set(only(log.records, 'escalation.resolved').map((d) => d.escalation));
      expect(opened.length).toBeGreaterThan(0);
      for (const e of opened) {
        expect(decided.has(e.escalation), e.escalation).toBe(true);
        expect(resolved.has(e.escalation), e.escalation).toBe(true);
      }
    });
  }
});

describe('p0-incident', () => {
  it('has the P0 take a WIP slot from lower-priority work when the security IC is full', () => {
    const scenario = loadScenario('p0-incident');
    const { log } = runSimulation(scenario.config, scenario.name);
    const slot = only(log.records, 'task.preempted').filter((p) => p.kind === 'slot');
    expect(slot.length).toBeGreaterThan(0);
    for (const p of slot) {
      expect(p.by.startsWith('P0-outage-')).toBe(true);
      expect(p.task.startsWith('I1-')).toBe(true);
      expect(p.person).toBe('ic-security-1');
    }
    // The incident's work took hours from the initiative's critical path.
    const b = bottleneck(log.records);
    const i1 = b.criticalPaths.find((p) => p.instruction === 'I1');
    expect(i1?.byCause.incident ?? 0).toBeGreaterThan(0);
  });
});
