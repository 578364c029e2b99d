// How agents fail (docs/agents.md), for the models whose scenario says. An execution may stop
// early: handed in as done with work left, which a review finds unless its reviewer errs. It may loop:
// from a point of its work drawn at its start, the agent repeats steps and makes no progress, and
// its work runs on until a cap stops it. Caps bound one execution's turns (requests of
// `tokensPerRequest` tokens) and dollars, looping or not; when one trips the work stops and the
// task goes to the EM on a `resource` blocker, or the agent starts over; either way the new
// session first spends `restartTurns` turns getting back into the work; or the retry goes to an
// agent on another model, or the task fails and closes its instruction. A review by an agent may
// pass work its gate should reject (a defect every later review finds, until one rejects it; it
// escapes if none does) or reject work it should pass. Draws come from streams of each task's
// own, so a model without failures changes no other draw.

import {
  type DeskContext,
  type DeskEmitted,
  type DeskEvent,
  remainingAt,
} from '../../machines/desk.ts';
import type { Activity } from '../domain/activity.ts';
import { finishTime, workingHoursBetween } from '../domain/calendar.ts';
import type { Gate } from '../domain/gates.ts';
import type { IcSpec } from '../domain/org.ts';
import type { Scheduled } from '../kernel/kernel.ts';
import type { Hours } from '../kernel/time.ts';
import type { AgentFailures as Failures } from '../scenario/config.ts';
import { takeBack, tryAssign } from './assigning.ts';
import { workRate } from './cost.ts';
import { raiseFailure } from './escalations.ts';
import { advance } from './reviews.ts';
import { closeUndone } from './tasks.ts';
import type { Person, TaskState, World } from './world.ts';

/** One execution by an agent whose model can fail: what it has used, and its loop. */
interface Execution {
  readonly person: Person;
  readonly model: string;
  readonly failures: Failures;
  readonly task: TaskState;
  /** Working hours, tokens and dollars of its slices so far. */
  hours: Hours;
  tokens: number;
  usd: number;
  /** Working hours into the execution at which it loops, or stops early; null: it does not. */
  readonly loopAt: Hours | null;
  readonly stopAt: Hours | null;
  /** Stopped early: handed in unfinished once its slice has stopped. */
  stopped: boolean;
  /** Once looping: the work it truly had left then, and its hours from then on. */
  loop: { readonly left: Hours; hours: Hours } | null;
  /** The loop has begun this instant: the slice that stops for it was progress, not loop. */
  beginning: Hours | null;
  /** The loop's start or the cap, whichever is next in the slice under way. */
  timer: Scheduled | null;
  tripped: 'turns' | 'usd' | null;
}

export class AgentFailures {
  private readonly executions = new Map<string, Execution>();
  /** Tasks handed in unfinished, with the working hours they had left, until a review finds it. */
  private readonly unfinished = new Map<string, Hours>();
  /** Tasks whose bad work a review passed: every later review finds it, until one rejects it. */
  private readonly defective = new Set<string>();

  constructor(private readonly world: World) {
    world.verify = (task, gate, by, rejected) => {
      const id = task.plan.id;
      const wanting = rejected || this.unfinished.has(id) || this.defective.has(id);
      const outcome = this.verify(task, gate, by, wanting);
      if (outcome) this.defective.delete(id);
      else if (wanting) this.defective.add(id);
      return outcome;
    };
    world.reworkHours = (task, hours) => {
      const left = this.unfinished.get(task.plan.id);
      this.unfinished.delete(task.plan.id);
      return left === undefined ? hours : Math.max(hours, left);
    };
  }

  /** The odds an agent fails by: its model's, with any of its own over them. */
  private failuresOf(person: Person): { model: string; failures: Failures } | null {
    const model = person.spec.model;
    if (typeof model !== 'string' || person.role === 'human') return null;
    const failures = this.world.config.agentFailures[model];
    if (failures === undefined) return null;
    const own = person.role === 'IC' ? (person.spec as IcSpec).failures : undefined;
    return { model, failures: own === undefined ? failures : { ...failures, ...own } };
  }

  /** Follows every execution by an agent whose model can fail. */
  observe(event: DeskEmitted): void {
    const a = event.activity;
    if (a.kind !== 'execute' || a.task === undefined) return;
    if (event.type === 'work.started') {
      this.started(event, a);
      return;
    }
    const execution = this.executions.get(a.id);
    if (execution === undefined) return;
    this.account(execution, a, event.startedAt, event.at, event.calendar);
    if (execution.beginning !== null) {
      execution.loop = { left: execution.beginning, hours: 0 };
      execution.beginning = null;
    }
    if (execution.timer !== null) this.world.kernel.cancel(execution.timer);
    execution.timer = null;
    if (event.type === 'work.finished') {
      this.executions.delete(a.id);
      return;
    }
    if (event.reason !== 'dropped') return;
    this.executions.delete(a.id);
    this.unloop(execution);
    if (execution.tripped !== null) this.trip(execution, a);
    else if (execution.stopped) this.handIn(execution);
  }

  /**
   * The loop's hours were no progress: a looping execution that stops for good leaves its task
   * the work it had left when the loop began.
   */
  private unloop(e: Execution): void {
    if (e.loop === null) return;
    e.task.workedHours = Math.max(0, e.task.workedHours - e.loop.hours);
    e.task.effortLeft = e.loop.left;
  }

  private started(event: Extract<DeskEmitted, { type: 'work.started' }>, a: Activity): void {
    let execution = this.executions.get(a.id);
    if (execution === undefined) {
      const person = this.world.roster.person(event.person);
      const of = this.failuresOf(person);
      const task = this.world.tasks.get(a.task as string);
      if (of === null || task === undefined) return;
      const draws = this.world.random.stream(`loop/${task.plan.id}`);
      const loops = of.failures.loop > 0 && draws.bernoulli(of.failures.loop);
      const stops = this.world.random.stream(`stop/${task.plan.id}`);
      const early = of.failures.stopEarly > 0 && stops.bernoulli(of.failures.stopEarly);
      execution = {
        person,
        model: of.model,
        failures: of.failures,
        task,
        hours: 0,
        tokens: 0,
        usd: 0,
        loopAt: loops ? draws.float() * a.workHours : null,
        stopAt: early ? stops.float() * a.workHours : null,
        stopped: false,
        loop: null,
        beginning: null,
        timer: null,
        tripped: null,
      };
      this.executions.set(a.id, execution);
    }
    this.schedule(execution, event, a);
  }

  /** The next of the loop's start and the cap in this slice, if it comes before the slice ends. */
  private schedule(
    e: Execution,
    event: Extract<DeskEmitted, { type: 'work.started' }>,
    a: Activity,
  ): void {
    const { world } = this;
    const rate = workRate(world, e.person, a);
    const caps: Array<['turns' | 'usd', Hours]> = [];
    const { maxTurns, maxUsd, tokensPerRequest } = e.failures;
    if (maxTurns !== null && rate.tokensPerHour > 0)
      caps.push(['turns', (maxTurns * tokensPerRequest - e.tokens) / rate.tokensPerHour]);
    if (maxUsd !== null && rate.usdPerHour > 0)
      caps.push(['usd', (maxUsd - e.usd) / rate.usdPerHour]);
    // The first of: the cap, the loop's start, the early stop (neither once a loop has begun).
    const events: Array<{ at: Hours; fire: () => void }> = caps.map(([cap, at]) => ({
      at,
      fire: () => this.capReached(e, a, cap),
    }));
    const calm = e.loop === null && e.beginning === null;
    if (calm && e.loopAt !== null)
      events.push({ at: e.loopAt - e.hours, fire: () => this.startLoop(e, a) });
    if (calm && e.stopAt !== null)
      events.push({ at: e.stopAt - e.hours, fire: () => this.stopEarly(e, a) });
    const next = events.reduce<(typeof events)[number] | null>(
      (first, x) => (first === null || x.at < first.at ? x : first),
      null,
    );
    if (next === null) return;
    const at = finishTime(event.startedAt, Math.max(0, next.at), event.calendar);
    if (at >= event.endsAt) return;
    e.timer = world.kernel.scheduleAt(at, next.fire);
  }

  private account(
    e: Execution,
    a: Activity,
    from: Hours,
    to: Hours,
    calendar: Parameters<typeof workingHoursBetween>[2],
  ): void {
    const hours = workingHoursBetween(from, to, calendar);
    const rate = workRate(this.world, e.person, a);
    e.hours += hours;
    e.tokens += hours * rate.tokensPerHour;
    e.usd += hours * rate.usdPerHour;
    if (e.loop !== null) e.loop.hours += hours;
  }

  /**
   * The loop begins: the work left then is what the task truly has left, and the execution runs on
   * without progress, past any end it had, until a cap stops it (the scenario must set one).
   */
  private startLoop(e: Execution, a: Activity): void {
    const at = this.position(e, a);
    if (at === null) return;
    const { world } = this;
    const { left } = at;
    e.beginning = left;
    world.record({ type: 'loop', ...this.whose(e), afterHours: at.after });
    // Long enough that a cap stops it first: a day more than its caps allow.
    const rate = workRate(world, e.person, a);
    const { maxTurns, maxUsd, tokensPerRequest } = e.failures;
    const byTurns =
      maxTurns === null
        ? Number.POSITIVE_INFINITY
        : (maxTurns * tokensPerRequest) / rate.tokensPerHour;
    const byUsd = maxUsd === null ? Number.POSITIVE_INFINITY : maxUsd / rate.usdPerHour;
    const longest = Math.min(byTurns, byUsd) + 24;
    this.send(e, {
      type: 'work.rescale',
      at: world.now,
      task: e.task.plan.id,
      factor: longest / left,
    });
  }

  /** The agent stops early: its work so far is handed in as if it were done. */
  private stopEarly(e: Execution, a: Activity): void {
    const at = this.position(e, a);
    if (at === null) return;
    e.stopped = true;
    this.world.record({
      type: 'stop.early',
      ...this.whose(e),
      afterHours: at.after,
      leftHours: at.left,
    });
    this.send(e, { type: 'work.drop', at: this.world.now, activity: a.id });
  }

  /**
   * Where the execution stands as its timer fires: the working hours it has left (on its desk,
   * now) and those it has done; null when nothing is left to loop or stop in.
   */
  private position(e: Execution, a: Activity): { left: Hours; after: Hours } | null {
    e.timer = null;
    const desk = e.person.actor.getSnapshot().context as DeskContext;
    const left = remainingAt(desk, this.world.now);
    return left <= 0 ? null : { left, after: e.hours + (a.workHours - left) };
  }

  /** The agent, its model and its task, as the records name them. */
  private whose(e: Execution): { person: string; model: string; task: string } {
    return { person: e.person.spec.id, model: e.model, task: e.task.plan.id };
  }

  /**
   * The stopped execution is handed in: the task goes to its reviews with `leftHours` undone. A
   * review finds it (whatever its gate's own odds) unless the reviewer passes bad work; the rework
   * is at least what was left.
   */
  private handIn(e: Execution): void {
    const { world } = this;
    const task = e.task;
    if (task.terminal || task.actor.getSnapshot().value !== 'inProgress') return;
    this.unfinished.set(task.plan.id, task.effortLeft);
    e.person.finished.set(task.plan.id, world.now);
    world.drive(task, { type: 'task.submit' });
    advance(world, task);
  }

  private capReached(e: Execution, a: Activity, cap: 'turns' | 'usd'): void {
    e.timer = null;
    e.tripped = cap;
    this.send(e, { type: 'work.drop', at: this.world.now, activity: a.id });
  }

  /**
   * Sent to the agent's desk now, not queued behind this instant's other events: a ritual due at
   * the same instant would otherwise pause the execution first, and the drop or rescale would
   * then change it on the queue unseen.
   */
  private send(e: Execution, event: DeskEvent): void {
    e.person.actor.send(event as never);
  }

  /**
   * A cap tripped and the work stopped: logged, then escalated, started over (by the agent, or by
   * an agent on the model to retry on), or failed, closing its instruction undone.
   */
  private trip(e: Execution, a: Activity): void {
    const { world } = this;
    const task = e.task;
    const { onCap: action, retryOn } = e.failures;
    world.record({
      type: 'cap',
      ...this.whose(e),
      cap: e.tripped as 'turns' | 'usd',
      turns: e.tokens / e.failures.tokensPerRequest,
      tokens: e.tokens,
      costUsd: e.usd,
      looped: e.loop !== null,
      action,
      ...(action === 'retry' && retryOn !== null ? { retryOn } : {}),
    });
    if (action === 'fail') {
      this.fail(task);
      return;
    }
    // Whoever starts it again, a new session first gets back into the work.
    const rate = workRate(world, e.person, a).tokensPerHour;
    const restart = rate > 0 ? (e.failures.restartTurns * e.failures.tokensPerRequest) / rate : 0;
    if (retryOn === null) task.effortLeft += restart;
    if (action === 'escalate' && raiseFailure(world, task)) return;
    if (task.terminal || task.assignee !== e.person.spec.id) return;
    if (retryOn !== null) {
      // The restart is the new agent's: it is added to the work once they hold it.
      takeBack(world, task, e.person.spec.id, 'cap');
      task.catchUpHours = restart;
      task.onModel = retryOn;
      tryAssign(world, task.team, task.plan.domain);
      return;
    }
    world.messages.deliver(e.person, {
      type: 'task.resume',
      workHours: task.effortLeft,
      task: task.plan.id,
      instruction: task.plan.instruction,
      priority: a.workPriority ?? task.priority,
    });
  }

  /** The task failed: its instruction closes undone, its unfinished tasks cancelled. */
  private fail(task: TaskState): void {
    const { world } = this;
    const { instruction } = task;
    if (task.terminal || instruction.done) return;
    world.record({
      type: 'instruction.failed',
      instruction: instruction.spec.id,
      task: task.plan.id,
      cause: 'cap',
    });
    closeUndone(world, instruction);
  }

  /** A review's outcome, after the reviewer's own errors (an agent's, on a model that makes them). */
  private verify(task: TaskState, gate: Gate, by: string, rejected: boolean): boolean {
    const reviewer = this.world.roster.person(by);
    const of = this.failuresOf(reviewer);
    if (of === null) return rejected;
    const { passBadWork, rejectGoodWork } = of.failures;
    if (passBadWork === 0 && rejectGoodWork === 0) return rejected;
    const u = this.world.random.stream(`verification/${task.plan.id}`).float();
    const errs = rejected ? u < passBadWork : u < rejectGoodWork;
    if (!errs) return rejected;
    this.world.record({
      type: 'verification',
      task: task.plan.id,
      gate,
      reviewer: by,
      model: of.model,
      error: rejected ? 'passedBadWork' : 'rejectedGoodWork',
    });
    return !rejected;
  }
}
