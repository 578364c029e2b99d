// Rate limits of the models agents run on (docs/agents.md). An agent on a limited model works in
// requests: one as each slice of its work starts, then one per `tokensPerRequest` tokens of work
// at its rate. Each goes through the model's window of the last minute, shared by every agent on
// the model, and its provider's, shared by every agent on any of the provider's models. A refused request is a 429: the agent stops (its desk is throttled), waits as its
// retry policy says and tries again; once the retries run out, execution fails (the task is
// blocked on a `resource` blocker) and any other work waits for room. A model with a concurrency
// cap lets that many of its agents work at once; the others wait their turn, first come first
// served. Models without limits send no requests: their runs are what they always were.

import type { DeskContext, DeskEmitted } from '../../machines/desk.ts';
import { type Calendar, finishTime } from '../domain/calendar.ts';
import { type Refusal, RequestWindow, requestThrough } from '../domain/rate-limit.ts';
import { exhausted, retryDelaySeconds } from '../domain/retry.ts';
import type { Scheduled } from '../kernel/kernel.ts';
import type { RandomStream } from '../kernel/random.ts';
import { HOURS_PER_SECOND, type Hours } from '../kernel/time.ts';
import type { ModelLimits } from '../scenario/config.ts';
import { workRate } from './cost.ts';
import { raiseFailure } from './escalations.ts';
import type { Person, World } from './world.ts';

/** One model's limits, its window of the last minute, and its places under the cap. */
interface Model {
  readonly name: string;
  readonly limits: ModelLimits;
  /** Its own window, and its provider's, shared with the provider's other models. */
  readonly windows: readonly RequestWindow[];
  readonly provider: string | null;
  /** Agents working now (holding a place under the cap), and those waiting for one, in order. */
  readonly working: Set<string>;
  readonly waiting: Person[];
}

/** A 429, and which of the request's windows gave it (0: its model's own; 1: its provider's). */
type Refused = Refusal & { readonly window: number };

/** An agent on a limited model: its next request, its retry count, its place under the cap. */
interface Agent {
  readonly person: Person;
  readonly model: Model;
  /** The next request of the slice under way (or its first, at the slice's start). */
  request: Scheduled | null;
  /** Refusals since the last admitted request. */
  retries: number;
  /** When the slice under way ends, its calendar, and its tokens an hour. */
  endsAt: Hours;
  calendar: Calendar | null;
  tokensPerHour: number;
}

/** The provider's retry-after: whole seconds until the model has room, as the header gives it. */
function retryAfterSeconds(now: Hours, refusal: Refusal): number {
  return Math.ceil((refusal.freeAt - now) / HOURS_PER_SECOND);
}

/** When a retry-after waited out ends: never before the window has room, whatever the rounding. */
function waitedOut(now: Hours, refusal: Refusal): Hours {
  return Math.max(now + retryAfterSeconds(now, refusal) * HOURS_PER_SECOND, refusal.freeAt);
}

export class RateLimits {
  private readonly models = new Map<string, Model>();
  private readonly agents = new Map<string, Agent>();
  private readonly draws: RandomStream;

  constructor(private readonly world: World) {
    const providers = new Map(
      Object.entries(world.config.providerLimits).map(([p, l]) => [p, new RequestWindow(l)]),
    );
    for (const [name, limits] of Object.entries(world.config.rateLimits)) {
      const shared = limits.provider === null ? undefined : providers.get(limits.provider);
      this.models.set(name, {
        name,
        limits,
        windows: [new RequestWindow(limits), ...(shared === undefined ? [] : [shared])],
        provider: shared === undefined ? null : limits.provider,
        working: new Set(),
        waiting: [],
      });
    }
    this.draws = world.random.stream('retry');
  }

  /** Follows every agent's work on a limited model: a slice starts, finishes or stops. */
  observe(event: DeskEmitted): void {
    const agent = this.agentOf(this.world.roster.person(event.person));
    if (agent === null) return;
    if (event.type === 'work.started') {
      if (event.endsAt <= event.startedAt) return;
      const rate = workRate(this.world, agent.person, event.activity).tokensPerHour;
      if (rate <= 0) return;
      agent.endsAt = event.endsAt;
      agent.calendar = event.calendar;
      agent.tokensPerHour = rate;
      agent.request = this.world.kernel.scheduleAt(event.startedAt, () => this.begin(agent));
      return;
    }
    this.cancelRequest(agent);
    // Throttled, the agent keeps its place: it is still at work, waiting on the model.
    if (event.type === 'work.interrupted' && event.reason === 'throttled') return;
    this.leave(agent);
  }

  private agentOf(person: Person): Agent | null {
    const known = this.agents.get(person.spec.id);
    if (known !== undefined) return known;
    const name = person.spec.model;
    const model = typeof name === 'string' ? this.models.get(name) : undefined;
    if (model === undefined || person.role === 'human') return null;
    const agent: Agent = {
      person,
      model,
      request: null,
      retries: 0,
      endsAt: 0,
      calendar: null,
      tokensPerHour: 0,
    };
    this.agents.set(person.spec.id, agent);
    return agent;
  }

  /** A slice starts: it takes a place under the cap, or waits for one, then sends its request. */
  private begin(agent: Agent): void {
    agent.request = null;
    const { model } = agent;
    const cap = model.limits.concurrency;
    const id = agent.person.spec.id;
    if (cap !== null && !model.working.has(id)) {
      if (model.working.size >= cap) {
        model.waiting.push(agent.person);
        this.throttle(agent, { phase: 'start', limit: 'concurrency' });
        return;
      }
      model.working.add(id);
    }
    this.send(agent);
  }

  /** A request of the slice under way; admitted, the next is due after its tokens' worth of work. */
  private send(agent: Agent): void {
    agent.request = null;
    const { world } = this;
    const { model } = agent;
    const size = model.limits.tokensPerRequest;
    const refusal = requestThrough(model.windows, world.now, size);
    if (refusal === null) {
      agent.retries = 0;
      const next = finishTime(
        world.now,
        size / agent.tokensPerHour,
        agent.calendar ?? world.calendarOf(agent.person),
      );
      if (next < agent.endsAt)
        agent.request = world.kernel.scheduleAt(next, () => this.send(agent));
      return;
    }
    this.refused(agent, refusal);
  }

  /** A 429: wait and retry, or fail once the retries have run out. */
  private refused(agent: Agent, refusal: Refused): void {
    const { world } = this;
    const policy = agent.model.limits.retry;
    agent.retries += 1;
    const attempt = agent.retries;
    if (exhausted(policy, attempt)) {
      agent.retries = 0;
      this.fail(agent, refusal, attempt);
      return;
    }
    const retryAfter = retryAfterSeconds(world.now, refusal);
    const seconds = retryDelaySeconds(policy, attempt, retryAfter, this.draws.float());
    const until =
      seconds === retryAfter
        ? waitedOut(world.now, refusal)
        : world.now + seconds * HOURS_PER_SECOND;
    this.waitUntil(agent, refusal, attempt, until);
  }

  /** The agent waits out a refusal until `until`, then tries again. */
  private waitUntil(agent: Agent, refusal: Refused, attempt: number, until: Hours): void {
    this.throttle(agent, {
      phase: 'start',
      limit: refusal.limit,
      ...this.by(agent, refusal),
      attempt,
      until,
    });
    this.world.kernel.scheduleAt(until, () => this.resume(agent));
  }

  /** Who refused: the provider, when its shared window did (the model's own is window 0). */
  private by(agent: Agent, refusal: { readonly window: number }): { provider?: string } {
    const { provider } = agent.model;
    return refusal.window > 0 && provider !== null ? { provider } : {};
  }

  /**
   * The retries ran out. Execution fails: the task stops on a `resource` blocker and goes up the
   * ladder. Other work (a review, planning) cannot be blocked: it waits for room, as a failed step
   * an orchestrator runs again.
   */
  private fail(agent: Agent, refusal: Refused, attempt: number): void {
    const { world } = this;
    const desk = agent.person.actor.getSnapshot().context as DeskContext;
    const task = desk.current?.kind === 'execute' ? desk.current.task : undefined;
    this.record(agent, {
      phase: 'failed',
      limit: refusal.limit,
      ...this.by(agent, refusal),
      attempt,
    });
    if (task !== undefined && raiseFailure(world, world.task(task))) return;
    this.waitUntil(agent, refusal, attempt, waitedOut(world.now, refusal));
  }

  /** The agent stops until `resume`: logged, and its desk throttled. */
  private throttle(
    agent: Agent,
    detail: {
      phase: 'start';
      limit: Refusal['limit'] | 'concurrency';
      provider?: string;
      attempt?: number;
      until?: Hours;
    },
  ): void {
    this.record(agent, detail);
    this.world.messages.deliver(agent.person, { type: 'throttle.start' });
  }

  /**
   * The agent goes on. One that holds a place under the cap and finds nothing to do (its work went
   * elsewhere, or it is out) gives the place back.
   */
  private resume(agent: Agent): void {
    this.record(agent, { phase: 'end' });
    this.world.messages.deliver(agent.person, { type: 'throttle.end' });
    if (agent.model.limits.concurrency === null) return;
    // After the delivery, at this instant: by then the desk has started whatever it had.
    this.world.kernel.schedule(0, () => {
      const desk = agent.person.actor.getSnapshot().context as DeskContext;
      if (desk.current === null) this.leave(agent);
    });
  }

  private record(
    agent: Agent,
    detail: {
      phase: 'start' | 'end' | 'failed';
      limit?: Refusal['limit'] | 'concurrency';
      provider?: string;
      attempt?: number;
      until?: Hours;
    },
  ): void {
    this.world.record({
      type: 'throttle',
      person: agent.person.spec.id,
      model: agent.model.name,
      ...detail,
    });
  }

  private cancelRequest(agent: Agent): void {
    if (agent.request === null) return;
    this.world.kernel.cancel(agent.request);
    agent.request = null;
  }

  /** The agent's slice stopped: its place under the cap goes to the first agent waiting. */
  private leave(agent: Agent): void {
    const { model } = agent;
    if (!model.working.delete(agent.person.spec.id)) return;
    const next = model.waiting.shift();
    if (next === undefined) return;
    model.working.add(next.spec.id);
    this.resume(this.agents.get(next.spec.id) as Agent);
  }
}
