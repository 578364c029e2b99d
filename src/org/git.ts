// Git coordination in a run (docs/git.md): each task's change touches components; its author
// works on a branch cut from the team branch when their clone (or worktree) was last brought up to
// date, and merges it once its reviews pass. A merge conflicts when its components changed on the
// team branch since the cut, more likely the older the branch; the author rebases, or the
// integrator resolves it. Staggered teams have one change in flight at a time, and `serialize`
// holds a task back while another change of its team to one of its components is in flight.

import {
  conflicting,
  drawTouches,
  type GitConfig,
  type GitStrategy,
  mergeConflictChance,
} from '../domain/git.ts';
import { DOMAINS } from '../domain/org.ts';
import type { TacticalTask } from '../domain/planning/plan.ts';
import { RandomStream } from '../kernel/random.ts';
import type { Hours } from '../kernel/time.ts';
import { tryAssign } from './assigning.ts';
import { Integration } from './integration.ts';
import { advance } from './reviews.ts';
import type { Person, TaskState, World } from './world.ts';

/** A change merged into a team branch: when, and by which task. */
interface Change {
  readonly at: Hours;
  readonly task: string;
}

interface OpenConflict {
  readonly task: TaskState;
  readonly resolution: 'rebase' | 'integrator';
}

export class GitFlow {
  private readonly config: GitConfig;
  /** Per task, the components its change touches (drawn once, on its own stream). */
  private readonly touched = new Map<string, string[]>();
  /** Per team, per component: the last change merged into the team branch. */
  private readonly branches = new Map<string, Map<string, Change>>();
  /** When each agent's clone (or worktree) was last brought up to date with its team branch. */
  private readonly synced = new Map<string, Hours>();
  /** When each task's branch was cut (or last rebased). */
  private readonly bases = new Map<string, Hours>();
  /** Per team, the tasks whose change is in flight: taken by an IC and not yet merged. */
  private readonly inFlight = new Map<string, Set<TaskState>>();
  /** Tasks whose merge is on their author's desk or waiting on a conflict. */
  private readonly merging = new Set<string>();
  private readonly conflicts = new Map<string, OpenConflict>();
  /** Each task's stream for its merges' draws. */
  private readonly streams = new Map<string, RandomStream>();
  private conflictCount = 0;
  /** The integration branch and main, when the scenario has them. */
  private readonly integration: Integration | null;

  constructor(private readonly world: World) {
    this.config = world.config.git as GitConfig;
    this.integration =
      this.config.integration === null
        ? null
        : new Integration(world, this.config, {
            touches: (task) => this.touches(task.plan),
            nextConflictId: () => this.nextConflictId(),
            intoTeam: (team, component, change) =>
              this.branchOf(team).set(component, { at: world.now, task: change.task }),
          });
  }

  /** A new conflict's id: K1, K2, … over the run, team branches and integration alike. */
  nextConflictId(): string {
    this.conflictCount++;
    return `K${this.conflictCount}`;
  }

  /** The integrator merged `team`'s branch into integration. */
  integrationDone(team: string, by: Person): void {
    this.integration?.integrationDone(team, by);
  }

  /** A broken integration build was fixed. */
  ciFixDone(run: string): void {
    this.integration?.fixDone(run);
  }

  strategyOf(team: string): GitStrategy {
    return this.config.strategies[team] ?? 'clonePerAgent';
  }

  /** The components a tactical task's change touches. */
  touches(t: TacticalTask): string[] {
    let out = this.touched.get(t.id);
    if (out === undefined) {
      const random = new RandomStream(this.world.random.seed, `touches/${t.id}`);
      out = drawTouches(this.config, t.domain, random);
      this.touched.set(t.id, out);
    }
    return out;
  }

  /**
   * Whether a task may be taken now: in a staggered team only when no other change is in flight;
   * under `serialize` only when no change in flight touches one of its components.
   */
  mayStart(task: TaskState): boolean {
    const flying = this.inFlight.get(task.team);
    if (flying === undefined || flying.size === 0) return true;
    if (this.strategyOf(task.team) === 'staggered') return false;
    if (this.config.conflict.resolution !== 'serialize') return true;
    const mine = this.touches(task.plan);
    for (const other of flying)
      if (other !== task && this.touches(other.plan).some((c) => mine.includes(c))) return false;
    return true;
  }

  /** An IC took the task: its change is in flight. */
  claimed(task: TaskState): void {
    let flying = this.inFlight.get(task.team);
    if (flying === undefined) {
      flying = new Set();
      this.inFlight.set(task.team, flying);
    }
    flying.add(task);
  }

  /** The task's change is no longer in flight (merged, cancelled, or given back to its backlog). */
  released(task: TaskState): void {
    const flying = this.inFlight.get(task.team);
    if (flying === undefined || !flying.delete(task)) return;
    if (
      this.strategyOf(task.team) !== 'staggered' &&
      this.config.conflict.resolution !== 'serialize'
    )
      return;
    // What waited for it may start now: every domain of the team with work waiting, served at
    // once after whatever let it go (which may itself be serving a backlog).
    this.world.after(0, () => {
      for (const domain of DOMAINS)
        if (this.world.backlogs.of(task.team, domain).length > 0)
          tryAssign(this.world, task.team, domain);
    });
  }

  /**
   * `ic` is about to work on `task`: a clone of its own older than the sync period is brought up
   * to date first; a worktree is made (or, staggered, the team clone pulled) for every task.
   */
  beforeWork(task: TaskState, ic: Person): void {
    if (this.bases.has(task.plan.id)) return;
    const strategy = this.strategyOf(task.team);
    const last = this.syncedAt(ic);
    if (strategy === 'clonePerAgent' && this.world.now - last <= this.config.sync.everyHours)
      return;
    const hours = this.config.sync.hours[strategy];
    this.world.messages.deliver(ic, {
      type: 'git.sync',
      workHours: hours,
      task: task.plan.id,
      instruction: task.plan.instruction,
      priority: task.priority,
    });
  }

  /** A sync finished: the agent's copy is the team branch as of now. */
  syncDone(person: Person, task: string): void {
    const last = this.syncedAt(person);
    this.synced.set(person.spec.id, this.world.now);
    this.world.record({
      type: 'git.sync',
      person: person.spec.id,
      team: person.team,
      task,
      staleHours: this.world.now - last,
    });
  }

  /** Execution began: the task's branch is cut from its author's copy of the team branch. */
  started(task: TaskState, person: Person): void {
    if (!this.bases.has(task.plan.id)) this.bases.set(task.plan.id, this.syncedAt(person));
  }

  /** When `person`'s copy was last brought up to date: cloned when they joined, at first. */
  private syncedAt(person: Person): Hours {
    const known = this.synced.get(person.spec.id);
    if (known !== undefined) return known;
    return this.world.config.hires.find((h) => h.ic.id === person.spec.id)?.at ?? 0;
  }

  /** The task passed its reviews: its author merges it (once; a conflict asks again). */
  requestMerge(task: TaskState): void {
    if (this.merging.has(task.plan.id)) return;
    this.merging.add(task.plan.id);
    this.askMerge(task);
  }

  private askMerge(task: TaskState): void {
    const author = this.world.roster.person(
      task.assignee ?? this.world.roster.lead(task.team, task.plan.domain).spec.id,
    );
    this.world.messages.deliver(author, {
      type: 'git.merge',
      workHours: this.config.mergeHours,
      task: task.plan.id,
      instruction: task.plan.instruction,
      priority: task.priority,
    });
  }

  /** The author merged: the change goes in, or it conflicts and someone resolves it. */
  mergeDone(task: TaskState, by: Person): void {
    if (task.terminal || !this.merging.has(task.plan.id)) return;
    const id = task.plan.id;
    const base = this.bases.get(id) ?? 0;
    const age = this.world.now - base;
    const branch = this.branchOf(task.team);
    const components = this.touches(task.plan);
    const overlapping = components.filter((c) => (branch.get(c)?.at ?? -1) > base);
    const random = this.mergeStream(task);
    const hit = conflicting(this.config.conflict, overlapping, age, random);
    if (hit.length === 0) {
      this.merge(task, by, base, age, overlapping.length);
      return;
    }
    const conflict = this.nextConflictId();
    const resolution = this.config.conflict.resolution === 'integrator' ? 'integrator' : 'rebase';
    const resolver = resolution === 'integrator' ? this.integratorOf(task) : by;
    this.conflicts.set(conflict, { task, resolution });
    this.world.record({
      type: 'git.conflict',
      conflict,
      task: id,
      team: task.team,
      by: by.spec.id,
      components: hit,
      with: [...new Set(hit.map((c) => (branch.get(c) as Change).task))],
      overlap: overlapping.length,
      baseAt: base,
      ageHours: age,
      chance: mergeConflictChance(this.config.conflict, overlapping.length, age),
      resolution,
      to: resolver.spec.id,
    });
    this.world.messages.deliver(resolver, {
      type: 'git.conflict',
      workHours: this.config.conflict.resolveHours * hit.length,
      task: id,
      instruction: task.plan.instruction,
      ref: conflict,
      priority: task.priority,
    });
  }

  /**
   * A conflict was resolved: the author's branch is rebased on the team branch as it is now, and
   * merged again; the integrator merges it as part of the resolution.
   */
  resolved(conflict: string, by: Person): void {
    if (this.integration?.owns(conflict)) {
      this.integration.resolved(conflict, by);
      return;
    }
    const open = this.conflicts.get(conflict);
    if (open === undefined) return;
    this.conflicts.delete(conflict);
    const { task, resolution } = open;
    // A rebased change its reviewers must see again (one draw per rebase, made whatever it says).
    const again =
      resolution === 'rebase' &&
      this.mergeStream(task).bernoulli(this.config.conflict.reviewAgain) &&
      task.actor.getSnapshot().can({ type: 'change.reviewAgain' });
    this.world.record({
      type: 'git.resolved',
      conflict,
      task: task.plan.id,
      by: by.spec.id,
      resolution,
      ...(again ? { reviewAgain: true as const } : {}),
    });
    if (task.terminal) return;
    this.bases.set(task.plan.id, this.world.now);
    // Rebasing fetched the team branch: the author's copy is up to date with it now.
    if (resolution === 'rebase') this.synced.set(by.spec.id, this.world.now);
    if (resolution === 'integrator') this.merge(task, by, this.world.now, 0, 0);
    else if (again) {
      // Back to its first gate; once its reviews pass again its author merges it.
      this.merging.delete(task.plan.id);
      this.world.drive(task, { type: 'change.reviewAgain' });
      advance(this.world, task);
    } else this.askMerge(task);
  }

  /**
   * The task ended (completed or cancelled): nothing of it is in flight any more, and a conflict
   * of it still open is closed, dropped with the work.
   */
  ended(task: TaskState): void {
    this.merging.delete(task.plan.id);
    this.bases.delete(task.plan.id);
    this.streams.delete(task.plan.id);
    for (const [conflict, open] of this.conflicts)
      if (open.task === task) {
        this.conflicts.delete(conflict);
        this.world.record({
          type: 'git.resolved',
          conflict,
          task: task.plan.id,
          by: task.assignee ?? this.world.roster.lead(task.team, task.plan.domain).spec.id,
          resolution: open.resolution,
          dropped: true,
        });
      }
    this.released(task);
  }

  private merge(task: TaskState, by: Person, base: Hours, age: Hours, overlap: number): void {
    const id = task.plan.id;
    const components = this.touches(task.plan);
    const branch = this.branchOf(task.team);
    for (const c of components) branch.set(c, { at: this.world.now, task: id });
    // The merge is the server's (a pull request's button): it brings no one's clone up to date.
    this.merging.delete(id);
    this.world.record({
      type: 'git.merge',
      task: id,
      instruction: task.plan.instruction,
      team: task.team,
      by: by.spec.id,
      into: `team/${task.team}`,
      components,
      baseAt: base,
      ageHours: age,
      overlap,
    });
    this.world.drive(task, { type: 'change.merged' });
    this.released(task);
    this.integration?.merged(task);
    // Its consumers are offered the merged change, or it completes.
    advance(this.world, task);
  }

  private branchOf(team: string): Map<string, Change> {
    let branch = this.branches.get(team);
    if (branch === undefined) {
      branch = new Map();
      this.branches.set(team, branch);
    }
    return branch;
  }

  /** A task's merge draws, on a stream of its own: one per task, whatever else the run draws. */
  private mergeStream(task: TaskState): RandomStream {
    const id = task.plan.id;
    let stream = this.streams.get(id);
    if (stream === undefined) {
      stream = new RandomStream(this.world.random.seed, `merge/${id}`);
      this.streams.set(id, stream);
    }
    return stream;
  }

  private integratorOf(task: TaskState): Person {
    const named = this.config.conflict.integrator;
    const person =
      named === null ? this.world.roster.techLead(task.team) : this.world.roster.person(named);
    return this.world.roster.standIn(person);
  }
}
