// The integration branch and `main` (docs/git.md): team branches are merged into integration at
// a cadence by their integrator, each merge of a whole team branch (so no change goes in before
// the changes it depends on, which its team merged before it); what other teams changed there
// since the team branch last took from it may conflict, and the integrator resolves it; each
// integration merge is checked by a CI run on a limited pool of runners (flaky runs are run again,
// a failing build is fixed by the integrator and run again); at its own cadence, what CI has
// passed is promoted to main. An instruction is done once its changes reach the target branch.

import { conflicting, type GitConfig, mergeConflictChance, nextCadence } from '../domain/git.ts';
import type { Scheduled } from '../kernel/kernel.ts';
import { RandomStream } from '../kernel/random.ts';
import type { Hours } from '../kernel/time.ts';
import { completeInstruction } from './reviews.ts';
import type { InstructionState, Person, TaskState, World } from './world.ts';

type Integrating = NonNullable<GitConfig['integration']>;

export interface Change {
  readonly at: Hours;
  readonly team: string;
  readonly task: string;
}

interface Integrated {
  readonly task: TaskState;
  /** The integration merge it went in with (1, 2, …): CI checks the branch as of each. */
  readonly batch: number;
}

interface CiRun {
  readonly batch: number;
  readonly team: string;
  /** Conflicts resolved in the merge it checks: each makes a failing build likelier. */
  readonly conflicts: number;
  readonly queuedAt: Hours;
}

/** What integration needs of the team branches (src/org/git.ts). */
export interface TeamBranches {
  /** The components a task's change touches. */
  touches(task: TaskState): readonly string[];
  /** A new conflict's id, numbered with the team branches' conflicts. */
  nextConflictId(): string;
  /** A team branch takes in a change another team merged into integration. */
  intoTeam(team: string, component: string, change: Change): void;
}

/** The integration branch, CI and main of a run: GitFlow calls in as changes arrive. */
export class Integration {
  private readonly config: Integrating;
  /** Per team: changes merged into the team branch and not yet into integration, in order. */
  private readonly pending = new Map<string, TaskState[]>();
  /** Per component: the last change merged into integration. */
  private readonly branch = new Map<string, Change>();
  /** When each team branch last took integration in (its base for cross-team conflicts). */
  private readonly teamSynced = new Map<string, Hours>();
  /** Teams whose integration merge is on their integrator's desk. */
  private readonly queued = new Set<string>();
  /** Changes in integration, not yet in main, in the order they went in. */
  private readonly integrated: Integrated[] = [];
  /** Integration conflicts open: by conflict id, the team and the batch they hold up. */
  private readonly conflicts = new Map<
    string,
    { team: string; batch: TaskState[]; components: number }
  >();
  /** Failed builds being fixed: by CI run id, the run to try again. */
  private readonly fixes = new Map<string, CiRun>();
  private readonly ciQueue: CiRun[] = [];
  private ciBusy = 0;
  private ciRuns = 0;
  private batches = 0;
  /** Every batch up to this one passed CI (and no failure since is unfixed). */
  private green = 0;
  /** Batches whose CI failed and is not yet fixed and passed. */
  private readonly broken = new Set<number>();
  private tick: Scheduled | null = null;
  private mainTick: Scheduled | null = null;
  /** A promotion found changes CI had not passed: it promotes them as soon as CI does. */
  private promotionWaiting = false;
  /** Tasks whose change reached the target branch. */
  private readonly reached = new Set<string>();
  private readonly random: RandomStream;
  private readonly ciRandom: RandomStream;

  constructor(
    private readonly world: World,
    private readonly git: GitConfig,
    private readonly teams: TeamBranches,
  ) {
    this.config = git.integration as Integrating;
    this.random = new RandomStream(world.random.seed, 'integration');
    this.ciRandom = new RandomStream(world.random.seed, 'ci');
    // An instruction whose tasks are done is done once their changes reach the target branch.
    const prior = world.mayComplete;
    world.mayComplete = (instruction) => prior(instruction) && this.arrived(instruction);
  }

  /** The branch an instruction's changes must reach. */
  get target(): 'integration' | 'main' {
    return this.git.main === null ? 'integration' : 'main';
  }

  /** A task's change was merged into its team branch. */
  merged(task: TaskState): void {
    let list = this.pending.get(task.team);
    if (list === undefined) {
      list = [];
      this.pending.set(task.team, list);
    }
    list.push(task);
    if (this.config.cadence === 'endOfTask') this.request(task.team);
    else if (this.tick === null)
      this.tick = this.at(nextCadence(this.world.now, this.config), () => {
        this.tick = null;
        for (const [team, waiting] of this.pending) if (waiting.length > 0) this.request(team);
      });
  }

  /** The team's integrator is asked to merge its branch into integration. */
  private request(team: string): void {
    if (this.queued.has(team)) return;
    this.queued.add(team);
    const waiting = this.pending.get(team) ?? [];
    this.world.messages.deliver(this.integratorOf(team), {
      type: 'git.integrate',
      workHours: this.config.mergeHours,
      ref: team,
      priority: Math.min(3, ...waiting.map((t) => t.priority)),
    });
  }

  /** The integrator merged the team branch: it goes in, or conflicts with other teams' changes. */
  integrationDone(team: string, by: Person): void {
    this.queued.delete(team);
    const batch = this.pending.get(team) ?? [];
    this.pending.set(team, []);
    if (batch.length === 0) return;
    const components = this.componentsOf(batch);
    const base = this.teamSynced.get(team) ?? 0;
    const age = this.world.now - base;
    const overlapping = this.overlapping(team, base, components);
    const hit = conflicting(this.git.conflict, overlapping, age, this.random);
    if (hit.length === 0) {
      this.finish(team, batch, by, base, 0);
      return;
    }
    const conflict = this.teams.nextConflictId();
    this.conflicts.set(conflict, { team, batch, components: hit.length });
    const first = batch.find((t) => this.touches(t).some((c) => hit.includes(c))) as TaskState;
    this.world.record({
      type: 'git.conflict',
      conflict,
      task: first.plan.id,
      team,
      by: by.spec.id,
      components: hit,
      with: [...new Set(hit.map((c) => (this.branch.get(c) as Change).task))],
      overlap: overlapping.length,
      baseAt: base,
      ageHours: age,
      chance: mergeConflictChance(this.git.conflict, overlapping.length, age),
      resolution: 'integrator',
      to: by.spec.id,
      into: 'integration',
    });
    this.world.messages.deliver(by, {
      type: 'git.conflict',
      workHours: this.git.conflict.resolveHours * hit.length,
      ref: conflict,
      priority: Math.min(3, ...batch.map((t) => t.priority)),
    });
  }

  /** Whether `conflict` is an integration conflict (GitFlow's are the others). */
  owns(conflict: string): boolean {
    return this.conflicts.has(conflict);
  }

  /** The integrator resolved an integration conflict: the team branch goes in now. */
  resolved(conflict: string, by: Person): void {
    const open = this.conflicts.get(conflict);
    if (open === undefined) return;
    this.conflicts.delete(conflict);
    const first = open.batch[0] as TaskState;
    this.world.record({
      type: 'git.resolved',
      conflict,
      task: first.plan.id,
      by: by.spec.id,
      resolution: 'integrator',
    });
    const base = this.teamSynced.get(open.team) ?? 0;
    this.finish(open.team, open.batch, by, base, open.components);
  }

  /**
   * The team branch goes into integration (after its conflict, if it had one, was resolved: the
   * integrator's merge takes in whatever else landed meanwhile), and CI is asked to check it.
   */
  private finish(
    team: string,
    batch: TaskState[],
    by: Person,
    base: Hours,
    conflicts: number,
  ): void {
    const { now } = this.world;
    const components = this.componentsOf(batch);
    const overlap = this.overlapping(team, base, components).length;
    // The team branch takes in what other teams merged into integration since it last did.
    for (const [component, change] of this.branch)
      if (change.team !== team && change.at > base) this.teams.intoTeam(team, component, change);
    for (const t of batch)
      for (const c of this.touches(t)) this.branch.set(c, { at: now, team, task: t.plan.id });
    this.teamSynced.set(team, now);
    this.batches++;
    const number = this.batches;
    for (const task of batch) this.integrated.push({ task, batch: number });
    this.world.record({
      type: 'git.integrated',
      team,
      by: by.spec.id,
      batch: number,
      tasks: batch.map((t) => t.plan.id),
      components,
      baseAt: base,
      ageHours: now - base,
      overlap,
    });
    if (this.target === 'integration') {
      this.arrive(batch);
      return;
    }
    this.ciQueue.push({ batch: number, team, conflicts, queuedAt: now });
    this.runCi();
  }

  /** Starts queued CI runs on free runners. */
  private runCi(): void {
    const ci = this.git.ci;
    while (this.ciQueue.length > 0 && this.ciBusy < ci.runners) {
      const run = this.ciQueue.shift() as CiRun;
      this.ciBusy++;
      this.ciRuns++;
      const id = `CI${this.ciRuns}`;
      this.world.record({
        type: 'git.ci',
        run: id,
        batch: run.batch,
        phase: 'start',
        queuedAt: run.queuedAt,
      });
      this.world.after(ci.runHours, () => this.ciDone(id, run));
    }
  }

  private ciDone(id: string, run: CiRun): void {
    const ci = this.git.ci;
    this.ciBusy--;
    const fail = Math.min(0.95, ci.failChance + ci.failPerConflict * run.conflicts);
    const flaky = Math.min(1 - fail, ci.flakyChance);
    const u = this.ciRandom.float();
    const result = u < fail ? 'failed' : u < fail + flaky ? 'flaky' : 'passed';
    this.world.record({ type: 'git.ci', run: id, batch: run.batch, phase: 'end', result });
    if (result === 'flaky') this.ciQueue.push({ ...run, queuedAt: this.world.now });
    else if (result === 'failed') {
      // The build is broken: its integrator fixes it, and CI runs again.
      this.broken.add(run.batch);
      this.fixes.set(id, run);
      this.world.messages.deliver(this.integratorOf(run.team), {
        type: 'git.ciFix',
        workHours: ci.fixHours,
        ref: id,
        priority: 1,
      });
    } else {
      this.broken.delete(run.batch);
      this.green = Math.max(this.green, run.batch);
      this.afterGreen();
    }
    this.runCi();
  }

  /** A failed build was fixed: CI checks the branch again. */
  fixDone(run: string): void {
    const failed = this.fixes.get(run);
    if (failed === undefined) return;
    this.fixes.delete(run);
    this.ciQueue.push({ ...failed, conflicts: 0, queuedAt: this.world.now });
    this.runCi();
  }

  /** CI passed: a promotion every time (endOfTask), a waiting one now, or at the next tick. */
  private afterGreen(): void {
    const main = this.git.main;
    if (main === null) return;
    if (main.cadence === 'endOfTask' || this.promotionWaiting) this.promote();
    else if (this.mainTick === null && this.integrated.length > 0)
      this.mainTick = this.at(nextCadence(this.world.now, main), () => {
        this.mainTick = null;
        this.promote();
      });
  }

  /** Promotes to main every change CI has passed, in the order they went into integration. */
  private promote(): void {
    let count = 0;
    const clear = (batch: number) =>
      batch <= this.green && ![...this.broken].some((b) => b <= batch);
    while (count < this.integrated.length && clear((this.integrated[count] as Integrated).batch))
      count++;
    this.promotionWaiting = count < this.integrated.length;
    if (count === 0) return;
    const promoted = this.integrated.splice(0, count).map((i) => i.task);
    this.world.record({
      type: 'git.promoted',
      into: 'main',
      tasks: promoted.map((t) => t.plan.id),
    });
    this.arrive(promoted);
  }

  /** Changes reached the target branch: their instructions may complete. */
  private arrive(tasks: readonly TaskState[]): void {
    const instructions = new Set<InstructionState>();
    for (const t of tasks) {
      this.reached.add(t.plan.id);
      instructions.add(t.instruction);
    }
    for (const instruction of instructions)
      if (instruction.open === 0 && !instruction.done && this.world.mayComplete(instruction))
        completeInstruction(this.world, instruction);
  }

  /** Whether every completed task of the instruction has its change in the target branch. */
  private arrived(instruction: InstructionState): boolean {
    return instruction.tasks.every(
      (t) => t.actor.getSnapshot().value !== 'completed' || this.reached.has(t.plan.id),
    );
  }

  /** The components of `components` other teams changed on integration after `base`. */
  private overlapping(team: string, base: Hours, components: readonly string[]): string[] {
    return components.filter((c) => {
      const change = this.branch.get(c);
      return change !== undefined && change.team !== team && change.at > base;
    });
  }

  private componentsOf(batch: readonly TaskState[]): string[] {
    const touched = new Set(batch.flatMap((t) => this.touches(t)));
    return this.git.components.map((c) => c.id).filter((c) => touched.has(c));
  }

  private touches(task: TaskState): readonly string[] {
    return this.teams.touches(task);
  }

  private integratorOf(team: string): Person {
    const named = this.config.integrator;
    const person =
      named === null ? this.world.roster.techLead(team) : this.world.roster.person(named);
    return this.world.roster.standIn(person);
  }

  /** A timer at the absolute time `at` (now or later). */
  private at(at: Hours, fire: () => void): Scheduled {
    return this.world.after(Math.max(0, at - this.world.now), fire);
  }
}
