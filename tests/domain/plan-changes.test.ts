// Work a requirement change adds to an instruction's plan (added-work.ts), and the staffing checks
// and sentences of instruction-plan.ts, on small hand-made plans and orgs.

import { describe, expect, it } from 'vitest';
import { ALWAYS } from '../../src/domain/calendar.ts';
import type { Domain, IcSpec, OrgSpec, SkillLevel, TeamSpec } from '../../src/domain/org.ts';
import {
  type AddedWork,
  addedPlan,
  addedWorkIssues,
  withAdded,
} from '../../src/domain/planning/added-work.ts';
import {
  capableTeams,
  missingDomains,
  planOf,
  teamCovers,
  unstaffedProblem,
  unstaffedSentence,
} from '../../src/domain/planning/instruction-plan.ts';
import type { Plan, StrategicTask, TacticalTask } from '../../src/domain/planning/plan.ts';
import { RandomSource } from '../../src/kernel/random.ts';

const strategic = (
  id: string,
  domain: Domain,
  milestone: number,
  dependsOn: string[] = [],
): StrategicTask => ({ id, instruction: 'I1', domain, title: id, milestone, dependsOn });

const tactical = (
  id: string,
  s: string,
  domain: Domain,
  dependsOn: string[] = [],
): TacticalTask => ({
  id,
  strategic: s,
  instruction: 'I1',
  domain,
  title: id,
  estimateHours: 4,
  complexity: 2,
  dependsOn,
  architectural: false,
});

/** I1: S1 (backend, milestone 0) with task a; S2 (frontend, milestone 2, after S1) with b after a. */
const basePlan = (tier: 1 | 2 | 3 | 4 = 3): Plan => ({
  instruction: 'I1',
  tier,
  strategic: [strategic('S1', 'backend', 0), strategic('S2', 'frontend', 2, ['S1'])],
  tactical: [tactical('a', 'S1', 'backend'), tactical('b', 'S2', 'frontend', ['a'])],
});

const stream = () => new RandomSource(7).stream('change/I1/1');

const ic = (id: string, domain: Domain, skills: Partial<Record<Domain, SkillLevel>>): IcSpec => ({
  id,
  role: 'IC',
  team: 'T',
  calendar: ALWAYS,
  costPerHour: 0,
  domain,
  skills,
  wipLimit: 1,
});

const team = (id: string, ics: IcSpec[]): TeamSpec => ({
  id,
  tl: { id: `${id}-tl`, role: 'TL', team: id, calendar: ALWAYS, costPerHour: 0 },
  leads: [],
  ics,
});

const org = (...teams: TeamSpec[]): OrgSpec => ({
  em: { id: 'em', role: 'EM', team: '', calendar: ALWAYS, costPerHour: 0 },
  teams,
  humans: [],
});

describe('addedPlan', () => {
  it('puts the work after the strategic tasks owning its dependencies, one milestone past the latest', () => {
    const plan = basePlan();
    // b is S2's, a is S1's; 'zz' is nobody's and adds no strategic dependency. Deduplicated and
    // sorted: [S1, S2]. Milestone: 1 + max(0, 2) = 3.
    const add: AddedWork = { domain: 'qa', tasks: [], dependsOn: ['b', 'zz', 'a', 'b'] };
    const { strategic: s, tactical: t } = addedPlan({ id: 'I1', tier: 3 }, plan, add, 2, stream());
    expect(s).toEqual({
      id: 'I1-C2',
      instruction: 'I1',
      domain: 'qa',
      title: 'requirement change 2: qa work',
      milestone: 3,
      dependsOn: ['S1', 'S2'],
    });
    expect(t).toEqual([]);
  });

  it('takes milestone 1 after a milestone-0 task, and milestone 0 when it waits for nothing', () => {
    const plan = basePlan();
    // After a (S1, milestone 0): 1 + 0 = 1.
    const after = addedPlan(
      { id: 'I1', tier: 2 },
      plan,
      { domain: 'qa', tasks: [], dependsOn: ['a'] },
      1,
      stream(),
    );
    expect(after.strategic.milestone).toBe(1);
    expect(after.strategic.dependsOn).toEqual(['S1']);
    // No dependencies: milestone 0, no upstream strategic task.
    const free = addedPlan(
      { id: 'I1', tier: 2 },
      plan,
      { domain: 'qa', tasks: [], dependsOn: [] },
      1,
      stream(),
    );
    expect(free.strategic.milestone).toBe(0);
    expect(free.strategic.dependsOn).toEqual([]);
  });

  it('keeps tasks given outright, defaulting title, complexity, dependencies and architecture', () => {
    const plan = basePlan();
    const add: AddedWork = {
      domain: 'data',
      dependsOn: ['b'],
      tasks: [
        { id: 'I1-x', estimateHours: 3 },
        { id: 'I1-y', title: 'Y', estimateHours: 5, complexity: 4, dependsOn: ['I1-x'] },
        { id: 'I1-w', estimateHours: 1, architectural: false },
      ],
    };
    // Tier 3: x is internal (y depends on it), so not architectural; y and w are deliverables,
    // y architectural by default, w told not to be. x has no dependsOn, so waits for b.
    const { tactical: t } = addedPlan({ id: 'I1', tier: 3 }, plan, add, 1, stream());
    const common = { strategic: 'I1-C1', instruction: 'I1', domain: 'data' };
    expect(t).toEqual([
      {
        ...common,
        id: 'I1-x',
        title: 'I1-x',
        estimateHours: 3,
        complexity: 2,
        dependsOn: ['b'],
        architectural: false,
      },
      {
        ...common,
        id: 'I1-y',
        title: 'Y',
        estimateHours: 5,
        complexity: 4,
        dependsOn: ['I1-x'],
        architectural: true,
      },
      {
        ...common,
        id: 'I1-w',
        title: 'I1-w',
        estimateHours: 1,
        complexity: 2,
        dependsOn: ['b'],
        architectural: false,
      },
    ]);
  });

  it('marks no task architectural below tier 3, and deliverables at tier 4', () => {
    const plan = basePlan();
    const add: AddedWork = {
      domain: 'data',
      dependsOn: [],
      tasks: [
        { id: 'I1-x', estimateHours: 3 },
        { id: 'I1-y', estimateHours: 5, dependsOn: ['I1-x'] },
      ],
    };
    const arch = (tier: 1 | 2 | 3 | 4) =>
      addedPlan({ id: 'I1', tier }, plan, add, 1, stream()).tactical.map((t) => t.architectural);
    expect(arch(2)).toEqual([false, false]);
    expect(arch(1)).toEqual([false, false]);
    // x is internal, y a deliverable.
    expect(arch(3)).toEqual([false, true]);
    expect(arch(4)).toEqual([false, true]);
  });

  it('generates n tasks named after the change: the first after the work’s dependencies', () => {
    const plan = basePlan(2);
    const add: AddedWork = { domain: 'backend', tasks: 3, dependsOn: ['b', 'a'] };
    const { strategic: s, tactical: t } = addedPlan({ id: 'I1', tier: 2 }, plan, add, 1, stream());
    expect(s.id).toBe('I1-C1');
    // breakDown: T1 after the upstream (sorted), T2 after T1, the last after the middle ones.
    expect(t.map((x) => [x.id, x.strategic, x.domain, x.dependsOn])).toEqual([
      ['I1-C1-T1', 'I1-C1', 'backend', ['a', 'b']],
      ['I1-C1-T2', 'I1-C1', 'backend', ['I1-C1-T1']],
      ['I1-C1-T3', 'I1-C1', 'backend', ['I1-C1-T2']],
    ]);
  });
});

describe('withAdded', () => {
  it('appends the added strategic task and its tactical tasks to the plan', () => {
    const plan = basePlan();
    const s = strategic('I1-C1', 'qa', 0);
    const x = tactical('I1-x', 'I1-C1', 'qa');
    const out = withAdded(plan, { strategic: s, tactical: [x] });
    expect(out.instruction).toBe('I1');
    expect(out.tier).toBe(3);
    expect(out.strategic.map((t) => t.id)).toEqual(['S1', 'S2', 'I1-C1']);
    expect(out.tactical.map((t) => t.id)).toEqual(['a', 'b', 'I1-x']);
  });
});

describe('addedWorkIssues', () => {
  const issues = (plan: Plan, add: AddedWork, k = 1) =>
    addedWorkIssues(plan, add, addedPlan({ id: 'I1', tier: plan.tier }, plan, add, k, stream()));

  it('finds nothing wrong with sound work', () => {
    const add: AddedWork = {
      domain: 'qa',
      dependsOn: ['a'],
      tasks: [
        { id: 'I1-x', estimateHours: 2, dependsOn: ['b'] },
        { id: 'I1-y', estimateHours: 2, dependsOn: ['I1-x', 'a'] },
      ],
    };
    expect(issues(basePlan(), add)).toEqual([]);
    expect(issues(basePlan(), { domain: 'qa', dependsOn: ['b'], tasks: 2 })).toEqual([]);
  });

  it('names a dependency that is no task of the plan, by its index', () => {
    const add: AddedWork = { domain: 'qa', dependsOn: ['a', 'nope'], tasks: 1 };
    expect(issues(basePlan(), add)).toEqual([
      { path: ['dependsOn', 1], message: 'names no task of I1\'s plan: "nope"' },
    ]);
  });

  it('refuses generated tasks whose id the plan already has', () => {
    // The plan already has I1-C1-T1, the first task 2 generated tasks of change 1 would get.
    const plan = basePlan();
    const clashing: Plan = {
      ...plan,
      tactical: [...plan.tactical, tactical('I1-C1-T1', 'S1', 'backend')],
    };
    expect(issues(clashing, { domain: 'qa', dependsOn: [], tasks: 2 })).toEqual([
      {
        path: ['tasks'],
        message: "would add I1-C1-T1, which I1's plan already has: rename that task in the plan",
      },
    ]);
  });

  it('refuses a strategic task id the plan already has', () => {
    // S1 is not it; the second strategic task is named I1-C1, the id change 1 would take.
    const plan = basePlan();
    const clashing: Plan = {
      ...plan,
      strategic: [plan.strategic[0] as StrategicTask, strategic('I1-C1', 'qa', 0)],
    };
    expect(issues(clashing, { domain: 'qa', dependsOn: [], tasks: [] })).toEqual([
      {
        path: ['tasks'],
        message: "would add I1-C1, which I1's plan already has: rename that task in the plan",
      },
    ]);
  });

  it('names a task given outright that repeats an id of the plan or of the change', () => {
    // 'a' is the plan's; the second I1-x repeats the first. Only the per-task issue, no clash.
    const add: AddedWork = {
      domain: 'qa',
      dependsOn: [],
      tasks: [
        { id: 'a', estimateHours: 1 },
        { id: 'I1-x', estimateHours: 1 },
        { id: 'I1-x', estimateHours: 1 },
      ],
    };
    expect(issues(basePlan(), add)).toEqual([
      { path: ['tasks', 0, 'id'], message: 'repeats the task id "a": give each task its own' },
      { path: ['tasks', 2, 'id'], message: 'repeats the task id "I1-x": give each task its own' },
    ]);
  });

  it('names a task dependency that is no task of the plan or of the change', () => {
    // x waits for b (the plan's) and I1-y (the change's): fine; y's second dependency is unknown.
    // planProblems also reports the unknown task, but only cycles are passed on.
    const add: AddedWork = {
      domain: 'qa',
      dependsOn: [],
      tasks: [
        { id: 'I1-x', estimateHours: 1, dependsOn: ['b', 'I1-y'] },
        { id: 'I1-y', estimateHours: 1, dependsOn: ['a', 'ghost'] },
      ],
    };
    expect(issues(basePlan(), add)).toEqual([
      {
        path: ['tasks', 1, 'dependsOn', 1],
        message: 'names no task of I1\'s plan or of this change: "ghost"',
      },
    ]);
  });

  it('reports a dependency cycle among the tasks given', () => {
    // Nodes a, b, p, q in order; from p: p → q → back to p, so the cycle reads p → q → p.
    const add: AddedWork = {
      domain: 'qa',
      dependsOn: [],
      tasks: [
        { id: 'p', estimateHours: 1, dependsOn: ['q'] },
        { id: 'q', estimateHours: 1, dependsOn: ['p'] },
      ],
    };
    expect(issues(basePlan(), add)).toEqual([
      { path: ['tasks'], message: 'has a problem: dependency cycle: p → q → p' },
    ]);
  });
});

describe('planOf', () => {
  it('returns the plan an instruction gives outright', () => {
    const plan = basePlan(1);
    expect(planOf({ id: 'I1', tier: 1, plan }, 5)).toBe(plan);
  });
});

describe('teamCovers', () => {
  // A backend IC with a secondary frontend skill, and a backend IC with none.
  const t = () =>
    team('T1', [
      ic('i1', 'backend', { backend: 3 }),
      ic('i2', 'backend', { backend: 3, frontend: 2 }),
    ]);

  it('covers its own domains, and others only when ICs may borrow a secondary skill', () => {
    expect(teamCovers(t(), 'backend', 'error')).toBe(true);
    expect(teamCovers(t(), 'frontend', 'error')).toBe(false);
    // One of two ICs has frontend: enough.
    expect(teamCovers(t(), 'frontend', 'borrow')).toBe(true);
    // Nobody has qa at all.
    expect(teamCovers(t(), 'qa', 'borrow')).toBe(false);
  });
});

describe('capableTeams and missingDomains', () => {
  // The plan needs backend, frontend and qa. T1 staffs backend and frontend, T2 backend and qa.
  const needs = (): Plan => ({
    instruction: 'I1',
    tier: 2,
    strategic: [strategic('S1', 'backend', 0)],
    tactical: [
      tactical('a', 'S1', 'backend'),
      tactical('b', 'S1', 'qa'),
      tactical('c', 'S1', 'frontend'),
    ],
  });
  const twoTeams = () =>
    org(
      team('T1', [ic('i1', 'backend', { backend: 3 }), ic('i2', 'frontend', { frontend: 3 })]),
      team('T2', [ic('i3', 'backend', { backend: 3 }), ic('i4', 'qa', { qa: 3 })]),
    );

  it('counts extra domains granted to a team, and only to that team in that domain', () => {
    expect(capableTeams(needs(), twoTeams(), 'error')).toEqual([]);
    // T2 lacks frontend only; granting it makes T2 capable, not T1.
    expect(
      capableTeams(needs(), twoTeams(), 'error', [{ team: 'T2', domain: 'frontend' }]),
    ).toEqual(['T2']);
    // T1 lacks qa: neither devops granted to T1 nor qa granted to another team (T3) helps it.
    expect(
      capableTeams(needs(), twoTeams(), 'error', [
        { team: 'T1', domain: 'devops' },
        { team: 'T3', domain: 'qa' },
      ]),
    ).toEqual([]);
  });

  it('reports what the first of the closest teams misses', () => {
    // Start from all three; T1 lacks [qa] (1 < 3), T2 lacks [frontend] (1, not fewer): [qa].
    expect(missingDomains(needs(), twoTeams(), 'error')).toEqual(['qa']);
  });
});

describe('unstaffedSentence and unstaffedProblem', () => {
  const one = () => org(team('T1', [ic('i1', 'backend', { backend: 3 })]));
  const two = () => org(team('T1', []), team('T2', []));

  it('lists several missing domains as "x, y and z", across teams, under borrow', () => {
    expect(unstaffedSentence('Plans', true, ['frontend', 'qa', 'data'], two(), 'borrow')).toBe(
      'Plans need frontend, qa and data work and no team has frontend, qa and data ICs to do it: ' +
        "staff it (org.ics.frontend) or give an IC a secondary frontend skill, or set the instruction's domains",
    );
  });

  it('names an empty list as nothing, and its first domain as "that"', () => {
    expect(unstaffedSentence('P', false, [], one(), 'error', true)).toBe(
      'P needs  work and the org has no  ICs to do it: staff it (org.ics.that), let ICs with a ' +
        'secondary that skill take it (org.unstaffedWork: borrow), or add the work in a domain the org staffs',
    );
  });

  it('says why no team can run a plan, and why not with a change', () => {
    // The plan needs backend and frontend; the one team has backend only: missing [frontend].
    const plan = basePlan();
    expect(unstaffedProblem('I1', plan, one(), 'error')).toBe(
      "I1's plan needs frontend work and the org has no frontend ICs to do it: staff it " +
        '(org.ics.frontend), let ICs with a secondary frontend skill take it ' +
        "(org.unstaffedWork: borrow), or set the instruction's domains",
    );
    expect(unstaffedProblem('I1', plan, one(), 'borrow', true)).toBe(
      "I1's plan with this change needs frontend work and the org has no frontend ICs to do it: " +
        'staff it (org.ics.frontend) or give an IC a secondary frontend skill, or add the work in ' +
        'a domain the org staffs',
    );
  });
});
