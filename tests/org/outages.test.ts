// Outages for anyone: without a cover their work waits on their desk (an IC's unstarted tasks and
// waiting reviews go to colleagues); with one, what has not started and any new work goes to the
// cover, and who holds the work says so. Three 4 h backend tasks on the default org; times from
// the log of these runs, worked through in the comments.

import { describe, expect, it } from 'vitest';
import { buildOrg } from '../../src/scenario/build-org.ts';
import type { Outage, SimConfig } from '../../src/scenario/config.ts';
import { DEFAULT_HEADCOUNT } from '../../src/scenario/defaults.ts';
import { only, planned, quiet } from './fixtures.ts';
import { soundRun } from './log-checks.ts';

const three = (hours: readonly [number, number, number]) =>
  planned('I1', 2, [
    { id: 'a', domain: 'backend', hours: hours[0] },
    { id: 'b', domain: 'backend', hours: hours[1] },
    { id: 'c', domain: 'backend', hours: hours[2] },
  ]);

function run(outage: Outage, overrides: Partial<SimConfig> = {}) {
  const config = quiet({
    seed: 3,
    instructions: [three([4, 4, 4])],
    outages: [outage],
    ...overrides,
  });
  return soundRun(config);
}

const work = (records: ReturnType<typeof run>, kind: string) =>
  only(records, 'work').filter((w) => w.kind === kind);

describe('a Domain Lead out for two days', () => {
  // The lead plans and assigns by 2.3 h; the ICs execute until 6.1–6.3 h, peer review and QA
  // validate by 7.6–8.4 h: the three approvals come due while the lead is out (4–52 h).
  it('leaves its approvals waiting with no cover: nobody approves during the outage', () => {
    const records = run({ person: 'dl-backend', from: 4, to: 52 });
    const approvals = work(records, 'domainApproval');
    expect(approvals.filter((w) => w.startedAt < 52)).toEqual([]);
    // Back at 52 h, the lead approves them one after another, 0.25 h each.
    expect(approvals.map((w) => [w.person, w.task, w.startedAt, w.t])).toEqual([
      ['dl-backend', 'a', 52, 52.25],
      ['dl-backend', 'b', 52.25, 52.5],
      ['dl-backend', 'c', 52.5, 52.75],
    ]);
  });

  it('has the TL approve them during the outage when the TL covers', () => {
    const records = run({ person: 'dl-backend', from: 4, to: 52, cover: 'tl' });
    const approvals = work(records, 'domainApproval');
    expect(approvals.map((w) => w.person)).toEqual(['tl', 'tl', 'tl']);
    expect(approvals.every((w) => w.t < 52)).toBe(true);
    // The gate names who approved: the TL, not the absent lead.
    const gates = only(records, 'task.gate').filter((g) => g.gate === 'domainApproval');
    expect(gates.map((g) => g.reviewer)).toEqual(['tl', 'tl', 'tl']);
    expect(only(records, 'outage')[0]).toMatchObject({ person: 'dl-backend', cover: 'tl' });
  });

  it('keeps the activity under way for the lead and hands the rest to the cover', () => {
    // At 7.7 h the lead is approving a (7.6–7.85 h) with b's approval queued; c's comes at 8.4 h.
    const records = run({ person: 'dl-backend', from: 7.7, to: 55.7, cover: 'tl' });
    const approvals = work(records, 'domainApproval').filter((w) => w.outcome === 'finished');
    expect(approvals.map((w) => [w.person, w.task])).toEqual([
      ['tl', 'b'],
      ['tl', 'c'],
      ['dl-backend', 'a'],
    ]);
    // a had 0.25 − 0.1 = 0.15 h left when the lead went out: it finishes at 55.7 + 0.15.
    expect(approvals.at(-1)?.t).toBeCloseTo(55.85, 9);
  });

  it('has the cover roll up the lead’s standup, and hold its escalations at the lead’s rung', () => {
    const records = run(
      { person: 'dl-backend', from: 4, to: 52, cover: 'tl' },
      {
        blockers: { technical: 1, dependency: 0, requirements: 0, resource: 0, priority: 0 },
      },
    );
    const opened = only(records, 'escalation.opened').filter((e) => e.t >= 4 && e.t < 52);
    expect(opened.length).toBeGreaterThan(0);
    for (const e of opened) expect(e).toMatchObject({ route: 'technical', level: 1, to: 'tl' });
    const decided = only(records, 'escalation.decided').filter((d) => d.t >= 4 && d.t < 52);
    expect(decided.map((d) => [d.by, d.level])).toContainEqual(['tl', 1]);
    // The day-0 standup at 9 h: the backend ICs report to the TL, who rolls up for backend.
    const rollups = only(records, 'message').filter(
      (m) => m.kind === 'standup.rollup' && m.t >= 9 && m.t < 33,
    );
    const backend = rollups.find((m) => (m.content as { domain?: string }).domain === 'backend');
    expect(backend).toMatchObject({ from: 'tl', to: 'tl' });
    expect(
      only(records, 'message').filter(
        (m) => m.kind === 'standup.report' && m.t < 33 && m.from.startsWith('ic-backend'),
      ),
    ).toEqual(expect.arrayContaining([expect.objectContaining({ to: 'tl' })]));
  });
});

describe('the EM and humans out', () => {
  it('has the TL take in an instruction that arrives while the EM is out, when it covers', () => {
    // It arrives at 07:00, so the org has work in flight at the first capacity review, at 08:00.
    const late = { ...three([4, 4, 4]), at: 7 };
    const covered = run({ person: 'em', from: 5, to: 100, cover: 'tl' }, { instructions: [late] });
    expect(only(covered, 'instruction.decided')[0]).toMatchObject({ by: 'tl', t: 7.25 });
    // Without a cover, intake waits for the EM's return at 100 h, behind the four capacity
    // reviews of 08:00 on days 0–3 that waited too (rituals first): 100 + 4 × 0.5 + 0.25.
    const waiting = run({ person: 'em', from: 5, to: 100 }, { instructions: [late] });
    expect(only(waiting, 'instruction.decided')[0]).toMatchObject({ by: 'em', t: 102.25 });
    // With the TL covering, the TL holds the capacity review instead (the run's only one: the
    // work is done before day 1's).
    expect(work(covered, 'rebalance').map((w) => [w.person, w.t])).toEqual([['tl', 8.5]]);
  });

  it('takes a requirements question to the human covering for the one who is out', () => {
    const org = buildOrg({
      teams: [{ id: 'team-1', ics: DEFAULT_HEADCOUNT }],
      humans: [{ id: 'human-1' }, { id: 'human-2' }],
    });
    const records = run(
      { person: 'human-1', from: 0, to: 500, cover: 'human-2' },
      {
        org,
        blockers: { technical: 0, dependency: 0, requirements: 1, resource: 0, priority: 0 },
      },
    );
    const human = only(records, 'escalation.decided').filter((d) => d.level === 4);
    expect(human.length).toBeGreaterThan(0);
    expect(new Set(human.map((d) => d.by))).toEqual(new Set(['human-2']));
    expect(only(records, 'work').some((w) => w.person === 'human-1')).toBe(false);
  });
});

describe('an IC out with a review waiting on its desk', () => {
  // a (4 h, ic-backend-3) is done at 6.1 h; its peer review goes to ic-backend-2, who is busy
  // executing b (8 h) until 10.2 h, so it waits there. ic-backend-2 goes out at 7 h.
  const longer = three([4, 8, 8]);

  it('moves the review to another reviewer at once, never the author', () => {
    const records = run({ person: 'ic-backend-2', from: 7, to: 55 }, { instructions: [longer] });
    const requests = only(records, 'message').filter(
      (m) => m.kind === 'review.peerReview' && m.task === 'a',
    );
    expect(requests.map((m) => [m.t, m.from, m.to])).toEqual([
      [6.1, 'ic-backend-3', 'ic-backend-2'],
      [7, 'ic-backend-3', 'ic-backend-1'],
    ]);
    const review = work(records, 'peerReview').find((w) => w.task === 'a');
    expect(review?.person).toBe('ic-backend-1');
    expect(review?.t).toBeLessThan(55);
  });

  it('gives it to the cover, unless the cover wrote the work under review', () => {
    const toCover = run(
      { person: 'ic-backend-2', from: 7, to: 55, cover: 'ic-backend-1' },
      { instructions: [longer] },
    );
    expect(work(toCover, 'peerReview').find((w) => w.task === 'a')?.person).toBe('ic-backend-1');
    const author = run(
      { person: 'ic-backend-2', from: 7, to: 55, cover: 'ic-backend-3' },
      { instructions: [longer] },
    );
    expect(work(author, 'peerReview').find((w) => w.task === 'a')?.person).toBe('ic-backend-1');
  });
});
