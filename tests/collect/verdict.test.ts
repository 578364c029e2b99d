// The verdict on hand-built critical paths: which resource each segment's hours go to (a domain's
// IC pool, a lead, the TL, the EM, a human, a name missing from the roster), its label with one
// team and with several, and the evidence's wording. Every figure was worked out by hand (in the
// comments) before the code was asked.

import { describe, expect, it } from 'vitest';
import type { Cause, InstructionPath, Segment } from '../../src/collect/critical-path.ts';
import type { RunStart } from '../../src/collect/timeline.ts';
import { resourceShares, verdictOf } from '../../src/collect/verdict.ts';
import { ALWAYS } from '../../src/domain/calendar.ts';
import { ic, LEADS, type Person, person, runStart } from './log-builder.ts';

/** A roster, as the run.start record the collectors read. */
const roster = (people: Person[]) => runStart(people) as RunStart;

/** A person of another team than TEAM. */
const of = (team: string, p: Person): Person => ({ ...p, team });

/** One segment: [from, to] at `resource`, for `cause`. */
const seg = (from: number, to: number, cause: Cause, resource: string): Segment => ({
  from,
  to,
  cause,
  resource,
});

/** A completed instruction's critical path, received at 0, over `leadTimeHours`. */
function path(instruction: string, leadTimeHours: number, segments: Segment[]): InstructionPath {
  const byCause: Partial<Record<Cause, number>> = {};
  for (const s of segments) byCause[s.cause] = (byCause[s.cause] ?? 0) + s.to - s.from;
  return {
    instruction,
    receivedAt: 0,
    completedAt: leadTimeHours,
    leadTimeHours,
    tasks: [],
    segments,
    byCause,
  };
}

describe('resource shares and the verdict, one team', () => {
  /**
   * Lead time 21 h: em intake 2, tl planning 2 (the TL's segment comes first), dl-backend planning
   * 1, the backend backlog 4, then ic-1 executes 1, ic-2 executes 6, ic-3 reviews 3, ic-4's desk
   * queues 2. The backend pool: 4 + 1 + 6 + 3 + 2 = 16 h = 16 / 21 = 0.7619 → 76 %; em and tl tie
   * at 2 h (em first, by name), dl-backend 1 h.
   */
  const paths = () => [
    path('I1', 21, [
      seg(0, 2, 'planning', 'tl'),
      seg(2, 4, 'intake', 'em'),
      seg(4, 5, 'planning', 'dl-backend'),
      seg(5, 9, 'backlog', 'team-1/backend'),
      seg(9, 10, 'execution', 'ic-1'),
      seg(10, 16, 'execution', 'ic-2'),
      seg(16, 19, 'review', 'ic-3'),
      seg(19, 21, 'queue', 'ic-4'),
    ]),
  ];
  const start = () =>
    roster([
      ...LEADS,
      ic('ic-1', 'backend'),
      ic('ic-2', 'backend'),
      ic('ic-3', 'backend'),
      ic('ic-4', 'backend'),
    ]);

  it('pools the ICs and the backlog of a domain, and names leads by role', () => {
    const shares = resourceShares(paths(), start());
    expect(shares.map((s) => [s.resource, s.label, s.hours])).toEqual([
      ['team-1/backend', 'backend ICs', 16],
      ['em', 'em (EM)', 2],
      ['tl', 'tl (TL)', 2],
      ['dl-backend', 'dl-backend (backend lead)', 1],
    ]);
    expect(shares[0]?.share).toBeCloseTo(16 / 21, 9);
    expect(shares[0]?.byCause).toEqual({ backlog: 4, execution: 7, review: 3, queue: 2 });
    expect(shares[0]?.people).toEqual({
      'team-1/backend': 4,
      'ic-1': 1,
      'ic-2': 6,
      'ic-3': 3,
      'ic-4': 2,
    });
  });

  it('gives the pool its causes, largest first, and its three busiest desks, largest first', () => {
    // Desks: ic-2 6, ic-3 3, ic-4 2 (ic-1's 1 h is the fourth; the backlog is no desk).
    expect(verdictOf(resourceShares(paths(), start()), paths())).toEqual({
      where: 'backend ICs',
      evidence:
        "76 % of the critical path (16 h of 21 h): 7 h executing, 4 h waiting in the backlog for a WIP slot, 3 h reviewing, 2 h queued behind other work (ic-2's desk 6 h, ic-3's desk 3 h, ic-4's desk 2 h)",
    });
  });

  it('lists no desks when the pool waited only in its backlog', () => {
    // Backlog 5 h of 6: 83 %; the em's 1 h of intake is not the pool's.
    const p = [path('I1', 6, [seg(0, 1, 'intake', 'em'), seg(1, 6, 'backlog', 'team-1/backend')])];
    expect(verdictOf(resourceShares(p, roster([...LEADS])), p)).toEqual({
      where: 'backend ICs',
      evidence: '83 % of the critical path (5 h of 6 h): 5 h waiting in the backlog for a WIP slot',
    });
  });

  it('labels a pool by domain alone when there is one TL, though the EM and humans sit in org', () => {
    const p = [path('I1', 3, [seg(0, 2, 'execution', 'ic-1'), seg(2, 3, 'planning', 'boss')])];
    const start = roster([...LEADS, person('boss', 'human'), ic('ic-1', 'frontend')]);
    expect(resourceShares(p, start).map((s) => [s.resource, s.label])).toEqual([
      ['team-1/frontend', 'frontend ICs'],
      ['boss', 'boss (human)'],
    ]);
  });
});

describe('resource shares and the verdict, several teams', () => {
  it('names the team of a pool when the org has two TLs', () => {
    // ic-b (team-2) executes 3 h, team-2's frontend backlog (nobody on the roster) 2 h, ic-a
    // (team-1) 1 h: two TLs make two teams, so every pool's label carries its team.
    const p = [
      path('I1', 6, [
        seg(0, 1, 'execution', 'ic-a'),
        seg(1, 4, 'execution', 'ic-b'),
        seg(4, 6, 'backlog', 'team-2/frontend'),
      ]),
    ];
    const start = roster([
      ...LEADS,
      of('team-2', person('tl-2', 'TL')),
      ic('ic-a', 'backend'),
      of('team-2', ic('ic-b', 'backend')),
    ]);
    const shares = resourceShares(p, start);
    expect(shares.map((s) => [s.resource, s.label, s.hours])).toEqual([
      ['team-2/backend', 'team-2 backend ICs', 3],
      ['team-2/frontend', 'team-2 frontend ICs', 2],
      ['team-1/backend', 'team-1 backend ICs', 1],
    ]);
    // 3 of 6 h: 50 %.
    expect(verdictOf(shares, p)).toEqual({
      where: 'team-2 backend ICs',
      evidence: "50 % of the critical path (3 h of 6 h): 3 h executing (ic-b's desk 3 h)",
    });
  });
});

describe('resources off the roster', () => {
  it('keeps a name with no slash that is nobody on the roster as its own resource', () => {
    // blockers 4 h, ghost (left the roster) 2 h, requirement changes 1 h; lead time 7 h.
    const p = [
      path('I1', 7, [
        seg(0, 4, 'blocked', 'blockers'),
        seg(4, 6, 'execution', 'ghost'),
        seg(6, 7, 'change', 'requirement changes'),
      ]),
    ];
    const shares = resourceShares(p, roster([...LEADS]));
    expect(shares.map((s) => [s.resource, s.label, s.hours])).toEqual([
      ['blockers', 'blockers', 4],
      ['ghost', 'ghost', 2],
      ['requirement changes', 'requirement changes', 1],
    ]);
    // 4 / 7 = 57 %; no desks for a resource that is not a pool.
    expect(verdictOf(shares, p)).toEqual({
      where: 'blockers',
      evidence: '57 % of the critical path (4 h of 7 h): 4 h on blockers',
    });
  });

  it('pools an IC hired during the run with its domain, and never re-roles someone on the roster', () => {
    // ic-new (hired into frontend) executes 5 h; dl-backend plans 2 h. A hire record naming
    // dl-backend leaves the roster's lead as it is.
    const p = [
      path('I1', 7, [seg(0, 2, 'planning', 'dl-backend'), seg(2, 7, 'execution', 'ic-new')]),
    ];
    const hired = [
      { person: 'ic-new', team: 'team-1', domain: 'frontend' },
      { person: 'dl-backend', team: 'team-1', domain: 'backend' },
    ];
    expect(
      resourceShares(p, roster([...LEADS]), hired).map((s) => [s.resource, s.label, s.hours]),
    ).toEqual([
      ['team-1/frontend', 'frontend ICs', 5],
      ['dl-backend', 'dl-backend (backend lead)', 2],
    ]);
  });

  it('pools an IC without a domain under an empty domain', () => {
    const loose: Person = { id: 'ic-x', role: 'IC', team: 'team-1', calendar: ALWAYS };
    const p = [path('I1', 2, [seg(0, 2, 'execution', 'ic-x')])];
    expect(resourceShares(p, roster([...LEADS, loose])).map((s) => [s.resource, s.label])).toEqual([
      ['team-1/', ' ICs'],
    ]);
  });
});

describe('the evidence', () => {
  it("words every cause, drops those under half an hour, and counts several instructions' paths", () => {
    // dl-backend: I1 planning 7, intake 6, away 5 (and tl's handoff check 2: lead 20); I2 incident
    // 4, budget 3, change 2, unexplained 1, review 0.4 (lead 10.4). dl-backend 28.4 h of 30.4 =
    // 0.9342 → 93 %; 28.4 → "28 h", 30.4 → "30 h"; the 0.4 h review is under 0.5 h: not listed.
    const p = [
      path('I1', 20, [
        seg(0, 7, 'planning', 'dl-backend'),
        seg(7, 13, 'intake', 'dl-backend'),
        seg(13, 18, 'away', 'dl-backend'),
        seg(18, 20, 'handoff', 'tl'),
      ]),
      path('I2', 10.4, [
        seg(0, 4, 'incident', 'dl-backend'),
        seg(4, 7, 'budget', 'dl-backend'),
        seg(7, 9, 'change', 'dl-backend'),
        seg(9, 10, 'unexplained', 'dl-backend'),
        seg(10, 10.4, 'review', 'dl-backend'),
      ]),
    ];
    expect(verdictOf(resourceShares(p, roster([...LEADS])), p)).toEqual({
      where: 'dl-backend (backend lead)',
      evidence:
        "93 % of the 2 instructions' critical paths (28 h of 30 h): 7 h planning and assigning, 6 h in intake, 5 h with the person out, 4 h displaced by P0 work, 3 h held by a spent budget, 2 h waiting for a requirement change, 1 h unexplained",
    });
  });

  it('finds no bottleneck when nothing completed, or when the paths hold no hours', () => {
    const none = { where: 'none', evidence: 'no instruction was completed' };
    expect(verdictOf([], [])).toEqual(none);
    // An instruction completed the moment it arrived: 0 h, a share of 0 (not 0 / 0).
    const p = [path('I1', 0, [seg(3, 3, 'execution', 'ic-1')])];
    const shares = resourceShares(p, roster([...LEADS, ic('ic-1', 'backend')]));
    expect(shares.map((s) => [s.resource, s.hours, s.share])).toEqual([['team-1/backend', 0, 0]]);
    expect(verdictOf(shares, p)).toEqual(none);
  });
});
