// Git coordination over random small orgs (docs/git.md), checked on the event log alone against a
// replay of the team branches written here: every merge's overlap is what the branch held since
// its cut; a conflict only where components changed on both sides, with the chance the model
// gives; every conflict resolved once; no task completed before its change was merged; a
// staggered team never has two changes in flight, and `serialize` never two changes to one
// component. Every run also keeps every invariant of an org run (log-checks.ts).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALWAYS, OFFICE_HOURS } from '../../src/domain/calendar.ts';
import type { Tier } from '../../src/domain/gates.ts';
import {
  CADENCES,
  CONFLICT_RESOLUTIONS,
  type Component,
  GIT_STRATEGIES,
  type GitConfig,
  type GitStrategy,
} from '../../src/domain/git.ts';
import { DOMAINS } from '../../src/domain/org.ts';
import type { LogRecord } from '../../src/log/event-log.ts';
import type { InstructionSpec, Priority, SimConfig } from '../../src/scenario/config.ts';
import { defaultConfig, defaultOrg } from '../../src/scenario/defaults.ts';
import { sameLogOnBothEngines, soundRun } from './log-checks.ts';

type Of<T extends LogRecord['type']> = Extract<LogRecord, { type: T }>;
const only = <T extends LogRecord['type']>(log: readonly LogRecord[], type: T): Of<T>[] =>
  log.filter((r): r is Of<T> => r.type === type);

const scenario = fc.record({
  seed: fc.nat(),
  teams: fc.integer({ min: 1, max: 2 }),
  strategies: fc.tuple(fc.constantFrom(...GIT_STRATEGIES), fc.constantFrom(...GIT_STRATEGIES)),
  resolution: fc.constantFrom(...CONFLICT_RESOLUTIONS),
  headcount: fc.tuple(...DOMAINS.map(() => fc.integer({ min: 1, max: 3 }))),
  wipLimit: fc.integer({ min: 1, max: 2 }),
  office: fc.boolean(),
  instructions: fc.array(
    fc.record({
      at: fc.integer({ min: 0, max: 48 }),
      tier: fc.constantFrom<Tier>(1, 2, 2, 3),
      priority: fc.constantFrom<Priority>(0, 1, 2),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  // Few components, so that changes overlap often.
  perDomain: fc.integer({ min: 1, max: 3 }),
  shared: fc.integer({ min: 0, max: 2 }),
  sharedChance: fc.constantFrom(0, 0.3, 1),
  perComponent: fc.constantFrom(0, 0.3, 0.9),
  growthPerDay: fc.constantFrom(0, 1),
  everyHours: fc.constantFrom(0, 8, 1000),
  resolveHours: fc.constantFrom(1, 16),
  reviewAgain: fc.constantFrom(0, 0.5, 1),
  // A human approves every finished instruction: it completes once approved and in the target.
  approval: fc.boolean(),
  // A requirement change that cancels most of the first instruction's unfinished tasks, some time in.
  cancelAt: fc.option(fc.integer({ min: 10, max: 120 }), { nil: null }),
  // Team branches merged into integration (by each team's TL or the EM), and promoted to main.
  integration: fc.option(
    fc.record({
      cadence: fc.constantFrom(...CADENCES),
      hour: fc.integer({ min: 0, max: 23 }),
      weekday: fc.integer({ min: 0, max: 6 }),
      byEm: fc.boolean(),
    }),
    { nil: null },
  ),
  main: fc.option(
    fc.record({
      cadence: fc.constantFrom(...CADENCES),
      hour: fc.integer({ min: 0, max: 23 }),
      weekday: fc.integer({ min: 0, max: 6 }),
    }),
    { nil: null },
  ),
  ci: fc.record({
    runners: fc.integer({ min: 1, max: 2 }),
    runHours: fc.constantFrom(0.5, 3, 12),
    flakyChance: fc.constantFrom(0, 0.3),
    failChance: fc.constantFrom(0, 0.3),
    failPerConflict: fc.constantFrom(0, 0.5),
  }),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function configOf(s: Scenario): SimConfig {
  const headcount = Object.fromEntries(DOMAINS.map((d, i) => [d, s.headcount[i] ?? 1]));
  const org = defaultOrg({
    teams: s.teams,
    headcount,
    wipLimit: s.wipLimit,
    calendar: s.office ? OFFICE_HOURS : ALWAYS,
  });
  const components: Component[] = [
    ...DOMAINS.flatMap((domain) =>
      Array.from({ length: s.perDomain }, (_, i) => ({ id: `${domain}-${i + 1}`, domain })),
    ),
    ...Array.from({ length: s.shared }, (_, i) => ({ id: `shared-${i + 1}`, domain: null })),
  ];
  const strategies: Record<string, GitStrategy> = Object.fromEntries(
    org.teams.map((t, i) => [t.id, s.strategies[i % 2] as GitStrategy]),
  );
  const git: GitConfig = {
    components,
    touches: { min: 1, max: 2 },
    sharedChance: s.sharedChance,
    strategies,
    mergeHours: 0.1,
    sync: {
      everyHours: s.everyHours,
      hours: { clonePerAgent: 0.25, teamWorktrees: 0.05, staggered: 0.08 },
    },
    conflict: {
      perComponent: s.perComponent,
      growthPerDay: s.growthPerDay,
      resolveHours: s.resolveHours,
      resolution: s.resolution,
      integrator: null,
      reviewAgain: s.reviewAgain,
    },
    integration:
      s.integration === null
        ? null
        : {
            cadence: s.integration.cadence,
            hour: s.integration.hour,
            weekday: s.integration.weekday,
            mergeHours: 0.5,
            integrator: s.integration.byEm ? org.em.id : null,
          },
    main: s.integration === null ? null : s.main,
    ci: { ...s.ci, fixHours: 2 },
  };
  const instructions: InstructionSpec[] = s.instructions.map((x, i) => ({
    id: `I${i + 1}`,
    title: `#${i + 1}`,
    ...x,
  }));
  const changes = s.cancelAt === null ? [] : [{ at: s.cancelAt, instruction: 'I1', share: 0.8 }];
  const approvals = s.approval
    ? [
        {
          id: 'release',
          when: {
            domains: null,
            priorities: null,
            tiers: null,
            instructions: null,
            workTypes: null,
          },
          approvers: [org.humans[0]?.id ?? 'human-1'],
          mode: 'all' as const,
          hours: 0.5,
          timeoutHours: null,
          onTimeout: 'wait' as const,
          escalateTo: [],
          denyShare: 0,
        },
      ]
    : [];
  return defaultConfig({ seed: s.seed, org, instructions, git, changes, approvals });
}

/** Every git rule broken by the log, as sentences; recomputed from the records alone. */
function gitViolations(config: SimConfig, log: readonly LogRecord[]): string[] {
  const git = config.git as GitConfig;
  const out: string[] = [];
  const planned = new Map(
    only(log, 'plan.tactical').flatMap((p) => p.tasks.map((t) => [t.id, t] as const)),
  );
  const teamOf = new Map(only(log, 'task.ready').map((r) => [r.task, r.team]));
  // The team branches, replayed: per team and component, the last change (time, task).
  const branches = new Map<string, Map<string, { t: number; task: string }>>();
  const branch = (team: string) => {
    let b = branches.get(team);
    if (b === undefined) {
      b = new Map();
      branches.set(team, b);
    }
    return b;
  };
  const merged = new Map<string, number>();
  // The integration branch, replayed: per component, the last change (time, team, task).
  const integration = new Map<string, { t: number; team: string; task: string }>();
  const resolved = new Map<string, Of<'git.resolved'>[]>();
  for (const r of only(log, 'git.resolved'))
    resolved.set(r.conflict, [...(resolved.get(r.conflict) ?? []), r]);
  for (const r of log) {
    if (r.type === 'git.merge') {
      const b = branch(r.team);
      const want = planned.get(r.task)?.components ?? [];
      if (JSON.stringify(r.components) !== JSON.stringify(want))
        out.push(`${r.task} merged ${r.components} but its plan says ${want}`);
      const overlap = r.components.filter((c) => (b.get(c)?.t ?? -1) > r.baseAt).length;
      if (r.overlap !== overlap)
        out.push(`${r.task} merged with overlap ${r.overlap}, the branch says ${overlap}`);
      if (Math.abs(r.ageHours - (r.t - r.baseAt)) > 1e-9)
        out.push(`${r.task}: age ${r.ageHours} is not t − baseAt`);
      if (merged.has(r.task)) out.push(`${r.task} merged twice`);
      merged.set(r.task, r.t);
      for (const c of r.components) b.set(c, { t: r.t, task: r.task });
    }
    if (r.type === 'git.conflict') {
      // A team branch's conflict against the team branch; an integration one against integration.
      const b = branch(r.team);
      const mine =
        r.into === 'integration' ? batchOf(log, r) : (planned.get(r.task)?.components ?? []);
      const overlapping =
        r.into === 'integration'
          ? integrationOverlap(integration, r.team, r.baseAt, mine)
          : mine.filter((c) => (b.get(c)?.t ?? -1) > r.baseAt);
      const last = (c: string) =>
        r.into === 'integration' ? integration.get(c)?.task : b.get(c)?.task;
      if (r.components.length === 0) out.push(`conflict ${r.conflict} names no component`);
      for (const c of r.components)
        if (!overlapping.includes(c))
          out.push(
            `conflict ${r.conflict} in ${c}, which did not change on ${r.team} since the cut`,
          );
      if (r.overlap !== overlapping.length)
        out.push(
          `conflict ${r.conflict}: overlap ${r.overlap}, the branch says ${overlapping.length}`,
        );
      const withs = [...new Set(r.components.map(last))];
      if (JSON.stringify(r.with) !== JSON.stringify(withs))
        out.push(`conflict ${r.conflict} is with ${r.with}, the branch says ${withs}`);
      const p = Math.min(
        0.95,
        git.conflict.perComponent * (1 + (git.conflict.growthPerDay * (r.t - r.baseAt)) / 24),
      );
      const chance = 1 - (1 - p) ** overlapping.length;
      if (Math.abs(r.chance - chance) > 1e-12)
        out.push(`conflict ${r.conflict}: chance ${r.chance}, the model gives ${chance}`);
      const answers = resolved.get(r.conflict) ?? [];
      if (answers.length !== 1)
        out.push(`conflict ${r.conflict} has ${answers.length} resolution records`);
      const answer = answers[0];
      if (answer !== undefined && (answer.t < r.t || answer.resolution !== r.resolution))
        out.push(`conflict ${r.conflict} resolved before it was found, or another way`);
      if (git.conflict.resolution === 'serialize' && !r.into && r.resolution !== 'rebase')
        out.push(`conflict ${r.conflict}: serialize resolves what slips through by rebase`);
    }
    if (r.type === 'git.integrated') {
      const batch = r.tasks.flatMap((t) => planned.get(t)?.components ?? []);
      const components = (git.components.map((c) => c.id) as string[]).filter((c) =>
        batch.includes(c),
      );
      if (JSON.stringify(r.components) !== JSON.stringify(components))
        out.push(`integration ${r.batch} lists ${r.components}, its tasks touch ${components}`);
      const overlap = integrationOverlap(integration, r.team, r.baseAt, components).length;
      if (r.overlap !== overlap)
        out.push(`integration ${r.batch}: overlap ${r.overlap}, the branch says ${overlap}`);
      // The team branch takes in what other teams merged into integration since it last did.
      const b = branch(r.team);
      for (const [c, change] of integration)
        if (change.team !== r.team && change.t > r.baseAt) b.set(c, { t: r.t, task: change.task });
      for (const task of r.tasks)
        for (const c of planned.get(task)?.components ?? [])
          integration.set(c, { t: r.t, team: r.team, task });
    }
    if (r.type === 'task.transition' && r.to === 'COMPLETED') {
      const at = merged.get(r.task);
      if (at === undefined) out.push(`${r.task} completed without its change merged`);
      else if (at > r.t) out.push(`${r.task} completed before its merge`);
    }
  }
  for (const id of resolved.keys())
    if (!only(log, 'git.conflict').some((c) => c.conflict === id))
      out.push(`a resolution of ${id}, which no conflict opened`);
  // A rebase that opens the review again sends the task back to its first gate at once, and its
  // merge comes only after it is READY_FOR_HANDOFF again.
  const transitions = only(log, 'task.transition');
  for (const r of only(log, 'git.resolved')) {
    const next = transitions.find((t) => t.task === r.task && t.t >= r.t && t.from !== null);
    const reopened = next?.cause === 'change.reviewAgain' && next.t === r.t;
    if (r.reviewAgain === true && !reopened) out.push(`${r.task}'s review did not open again`);
    if (r.reviewAgain !== true && next?.cause === 'change.reviewAgain' && next.t === r.t)
      out.push(`${r.task}'s review opened again unannounced`);
    if (r.reviewAgain !== true) continue;
    const ready = transitions.find(
      (t) => t.task === r.task && t.t >= r.t && t.to === 'READY_FOR_HANDOFF',
    );
    const merge = only(log, 'git.merge').find((m) => m.task === r.task);
    if (merge !== undefined && (ready === undefined || ready.t > merge.t))
      out.push(`${r.task} merged before its reviews passed again`);
  }
  // Changes in flight: from ASSIGNED to merged, cancelled or given back (PENDING).
  const flights: Array<{ team: string; task: string; from: number; to: number }> = [];
  const open = new Map<string, number>();
  for (const r of log) {
    if (r.type === 'task.transition' && r.to === 'ASSIGNED' && !open.has(r.task))
      open.set(r.task, r.t);
    const ends =
      (r.type === 'git.merge' && open.has(r.task)) ||
      (r.type === 'task.transition' && (r.to === 'CANCELLED' || r.to === 'PENDING'));
    if (ends && 'task' in r && open.has(r.task as string)) {
      const task = r.task as string;
      flights.push({ team: teamOf.get(task) ?? '', task, from: open.get(task) ?? 0, to: r.t });
      open.delete(task);
    }
  }
  for (const [task, from] of open)
    flights.push({ team: teamOf.get(task) ?? '', task, from, to: Number.POSITIVE_INFINITY });
  for (const a of flights)
    for (const b of flights) {
      if (a === b || a.team !== b.team || !(a.from < b.to && b.from < a.to)) continue;
      if (git.strategies[a.team] === 'staggered')
        out.push(`${a.task} and ${b.task} in flight at once in staggered ${a.team}`);
      const shared = (planned.get(a.task)?.components ?? []).filter((c) =>
        (planned.get(b.task)?.components ?? []).includes(c),
      );
      if (git.conflict.resolution === 'serialize' && shared.length > 0)
        out.push(`${a.task} and ${b.task} change ${shared} at once under serialize`);
    }
  return out;
}

/** Components of `components` another team changed on integration after `base`. */
function integrationOverlap(
  integration: Map<string, { t: number; team: string }>,
  team: string,
  base: number,
  components: readonly string[],
): string[] {
  return components.filter((c) => {
    const change = integration.get(c);
    return change !== undefined && change.team !== team && change.t > base;
  });
}

/** The components of the integration merge a conflict held up: its team's next `git.integrated`. */
function batchOf(log: readonly LogRecord[], conflict: Of<'git.conflict'>): string[] {
  const next = only(log, 'git.integrated').find(
    (r) => r.team === conflict.team && r.t >= conflict.t,
  );
  return [...(next?.components ?? [])];
}

/**
 * The integration branch and main, from the log: CI never runs more at once than it has runners;
 * main takes the changes in the order integration did, each only after a CI run of its merge or a
 * later one passed; no change reaches the target before a change it depends on; an instruction
 * completes only once every change of it reached the target.
 */
function integrationViolations(config: SimConfig, log: readonly LogRecord[]): string[] {
  const git = config.git as GitConfig;
  const out: string[] = [];
  if (git.integration === null) {
    for (const type of ['git.integrated', 'git.ci', 'git.promoted'] as const)
      if (only(log, type).length > 0) out.push(`${type} without an integration branch`);
    return out;
  }
  let running = 0;
  const passed: number[] = [];
  const failed = new Set<number>();
  const batchOfTask = new Map<string, number>();
  const integratedOrder: string[] = [];
  const promotedOrder: string[] = [];
  const reached = new Map<string, number>();
  const target = git.main === null ? 'integration' : 'main';
  const dependsOn = new Map(
    only(log, 'plan.tactical').flatMap((p) => p.tasks.map((t) => [t.id, t.dependsOn] as const)),
  );
  const completed = new Set(
    only(log, 'task.transition')
      .filter((r) => r.to === 'COMPLETED')
      .map((r) => r.task),
  );
  const arrive = (tasks: readonly string[], t: number) => {
    for (const task of tasks) {
      for (const d of dependsOn.get(task) ?? [])
        if (completed.has(d) && !reached.has(d))
          out.push(`${task} reached ${target} at ${t} before ${d}, which it depends on`);
      reached.set(task, t);
    }
  };
  for (const r of log) {
    if (r.type === 'git.ci' && r.phase === 'start') {
      running++;
      if (running > git.ci.runners) out.push(`${running} CI runs at once at ${r.t}`);
    }
    if (r.type === 'git.ci' && r.phase === 'end') {
      running--;
      if (r.result === 'passed') {
        passed.push(r.batch);
        failed.delete(r.batch);
      }
      if (r.result === 'failed') failed.add(r.batch);
    }
    if (r.type === 'git.integrated') {
      for (const t of r.tasks) batchOfTask.set(t, r.batch);
      integratedOrder.push(...r.tasks);
      if (target === 'integration') arrive(r.tasks, r.t);
    }
    if (r.type === 'git.promoted') {
      for (const t of r.tasks) {
        const batch = batchOfTask.get(t) ?? Number.POSITIVE_INFINITY;
        if (!passed.some((b) => b >= batch)) out.push(`${t} promoted before CI passed its merge`);
        if ([...failed].some((b) => b <= batch)) out.push(`${t} promoted over a broken build`);
      }
      promotedOrder.push(...r.tasks);
      arrive(r.tasks, r.t);
    }
    if (r.type === 'instruction.completed') {
      const mine = only(log, 'plan.tactical')
        .filter((p) => p.instruction === r.instruction)
        .flatMap((p) => p.tasks.map((t) => t.id))
        .filter((t) => completed.has(t));
      for (const t of mine)
        if ((reached.get(t) ?? Number.POSITIVE_INFINITY) > r.t)
          out.push(`${r.instruction} completed before ${t} reached ${target}`);
    }
  }
  if (
    JSON.stringify(promotedOrder) !== JSON.stringify(integratedOrder.slice(0, promotedOrder.length))
  )
    out.push('main took changes in another order than integration');
  if (git.main === null && promotedOrder.length > 0) out.push('promoted to main without one');
  return out;
}

const FOUND_BY_CI: Scenario = {
  seed: 601850549,
  teams: 2,
  strategies: ['clonePerAgent', 'clonePerAgent'],
  resolution: 'rebase',
  headcount: [1, 1, 1, 1, 1, 2],
  wipLimit: 1,
  office: false,
  instructions: [
    { at: 6, tier: 2, priority: 0 },
    { at: 2, tier: 3, priority: 0 },
    { at: 5, tier: 2, priority: 0 },
  ],
  perDomain: 1,
  shared: 1,
  sharedChance: 1,
  perComponent: 0.9,
  growthPerDay: 0,
  everyHours: 1000,
  resolveHours: 1,
  reviewAgain: 0,
  approval: false,
  cancelAt: null,
  integration: { cadence: 'endOfTask', hour: 0, weekday: 0, byEm: false },
  main: null,
  ci: { runners: 1, runHours: 0.5, flakyChance: 0, failChance: 0, failPerConflict: 0 },
};

const DROPPED: Scenario = {
  seed: 633186748,
  teams: 2,
  strategies: ['staggered', 'staggered'],
  resolution: 'rebase',
  headcount: [3, 2, 2, 2, 2, 2],
  wipLimit: 1,
  office: true,
  instructions: [
    { at: 5, tier: 2, priority: 1 },
    { at: 24, tier: 3, priority: 2 },
    { at: 5, tier: 3, priority: 2 },
  ],
  perDomain: 2,
  shared: 0,
  sharedChance: 0.3,
  perComponent: 0.3,
  growthPerDay: 0,
  everyHours: 8,
  resolveHours: 16,
  reviewAgain: 0.5,
  approval: true,
  cancelAt: 110,
  integration: { cadence: 'endOfTask', hour: 22, weekday: 2, byEm: false },
  main: { cadence: 'daily', hour: 1, weekday: 4 },
  ci: { runners: 2, runHours: 0.5, flakyChance: 0, failChance: 0, failPerConflict: 0.5 },
};

describe('git coordination, properties', () => {
  it('merges, conflicts and resolves as the team branches replayed from the log say, in random orgs', () => {
    let conflicts = 0;
    let merges = 0;
    let reopened = 0;
    let integrated = 0;
    let promoted = 0;
    let ciFailures = 0;
    fc.assert(
      fc.property(scenario, (s) => {
        const config = configOf(s);
        const log = soundRun(config);
        expect(gitViolations(config, log)).toEqual([]);
        expect(integrationViolations(config, log)).toEqual([]);
        integrated += only(log, 'git.integrated').length;
        promoted += only(log, 'git.promoted').length;
        ciFailures += only(log, 'git.ci').filter((r) => r.result === 'failed').length;
        conflicts += only(log, 'git.conflict').length;
        merges += only(log, 'git.merge').length;
        reopened += only(log, 'git.resolved').filter((r) => r.reviewAgain).length;
      }),
      // A run CI found: a team branch's integration conflict resolved while another team's change
      // landed on a component of it (the merge's overlap is the branch's at the merge).
      { numRuns: 60, examples: [[FOUND_BY_CI]] },
    );
    // The generator reaches what it is for: conflicts, and many merges.
    expect(conflicts).toBeGreaterThan(10);
    expect(merges).toBeGreaterThan(100);
    expect(reopened).toBeGreaterThan(0);
    expect(integrated).toBeGreaterThan(20);
    expect(promoted).toBeGreaterThan(5);
    expect(ciFailures).toBeGreaterThan(0);
  });

  it('closes a conflict whose task a requirement change cancels, as dropped with it', () => {
    // Found by sampling the generator: a staggered team's change conflicts with what another
    // team's integration brought in, and a requirement change cancels it during the 16 hours its
    // author needs to resolve it.
    const config = configOf(DROPPED);
    const log = soundRun(config);
    expect(gitViolations(config, log)).toEqual([]);
    expect(integrationViolations(config, log)).toEqual([]);
    const dropped = only(log, 'git.resolved').filter((r) => r.dropped === true);
    expect(dropped.length).toBeGreaterThan(0);
    for (const r of dropped)
      expect(only(log, 'task.transition')).toContainEqual(
        expect.objectContaining({ task: r.task, to: 'CANCELLED', t: r.t }),
      );
  });

  it('writes the same log on the fast engine as on XState itself', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        sameLogOnBothEngines(configOf(s));
      }),
      { numRuns: 8 },
    );
  });
});
