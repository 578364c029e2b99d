// Agent pools at work (src/domain/pool.ts, docs/agents.md). A pool's agents beyond its minimum
// start parked: out, as in an outage, so nothing is assigned to them and no capacity is counted
// for them. Whenever its backlog is served, the pool compares the agents it has (active and
// spinning up) with the agents its load wants: it asks for the missing ones, each ready after the
// spin-up, and parks agents idle for `idleHours` while it wants fewer, the last brought in first.
// Its P0 reserve is kept by refusing other work to the agents it needs free.

import type { DeskContext, DeskEmitted } from '../../machines/desk.ts';
import type { Domain } from '../domain/org.ts';
import { desiredSize, mayTake, type PoolPolicy } from '../domain/pool.ts';
import type { Scheduled } from '../kernel/kernel.ts';
import type { Hours } from '../kernel/time.ts';
import { backlog, tryAssign } from './assigning.ts';
import type { Person, TaskState, World } from './world.ts';

interface PoolState {
  readonly policy: PoolPolicy;
  /** Active agents, in the order they came in. */
  readonly active: string[];
  /** Parked agents, in the pool's order: the first is the next to come in. */
  readonly parked: string[];
  spinning: number;
  /** Per active agent with nothing to do, since when. */
  readonly idleSince: Map<string, Hours>;
  /**
   * Per agent, the tasks it was seen holding: after review it no longer holds them, but fixes
   * to a returned handoff or a rejected review still come to it until they are finished.
   */
  readonly authored: Map<string, Set<TaskState>>;
  timer: Scheduled | null;
  timerAt: Hours;
  /** The most agents a rule lets it have from now on (its max unless a rule scaled it). */
  cap: number;
  /** Until when a rule paused it: its agents take no new work. */
  pausedUntil: Hours;
}

const key = (team: string, domain: string) => `${team}\u0000${domain}`;

export class Pools {
  private readonly pools = new Map<string, PoolState>();
  private readonly ofAgent = new Map<string, PoolState>();

  constructor(private readonly world: World) {
    for (const policy of world.config.pools) {
      const state: PoolState = {
        policy,
        active: policy.agents.slice(0, policy.min),
        parked: policy.agents.slice(policy.min),
        spinning: 0,
        idleSince: new Map(),
        authored: new Map(),
        timer: null,
        timerAt: Number.POSITIVE_INFINITY,
        cap: policy.max,
        pausedUntil: Number.NEGATIVE_INFINITY,
      };
      this.pools.set(key(policy.team, policy.domain), state);
      for (const a of policy.agents) this.ofAgent.set(a, state);
    }
    world.poolCheck = (team, domain) => this.check(team, domain);
    world.mayTake = (person, priority) => this.mayTake(person, priority);
  }

  /** At the start: the agents beyond each pool's minimum are parked. */
  start(): void {
    for (const state of this.pools.values()) {
      if (state.parked.length === 0) continue;
      for (const id of state.parked) this.park(this.world.roster.person(id));
      this.record(state, state.policy.agents.length, state.active.length, state.parked, 'start');
    }
  }

  private record(
    state: PoolState,
    from: number,
    to: number,
    agents: readonly string[],
    reason: 'start' | 'queue' | 'idle',
  ): void {
    this.world.record({
      type: 'pool.scaled',
      pool: state.policy.id,
      team: state.policy.team,
      sizeBefore: from,
      sizeAfter: to,
      agents: [...agents],
      reason,
    });
  }

  private park(person: Person): void {
    person.away = true;
    this.world.messages.deliver(person, { type: 'outage.start' });
  }

  /** The pool of `team`'s `domain`, after its backlog was served: grow or shrink toward its load. */
  private check(team: string, domain: Domain): void {
    const state = this.pools.get(key(team, domain));
    if (state === undefined) return;
    const { world } = this;
    const { policy } = state;
    const want = this.wanted(state);
    for (let n = state.active.length + state.spinning; n < want; n++) {
      state.spinning += 1;
      world.after(policy.spinUpHours, () => this.ready(state));
    }
    // Who is idle, and since when; an agent busy again is idle no more.
    for (const id of state.active) {
      const person = world.roster.person(id);
      for (const t of person.held) {
        const mine = state.authored.get(id);
        if (mine === undefined) state.authored.set(id, new Set([world.task(t)]));
        else mine.add(world.task(t));
      }
      if (this.idle(state, person)) {
        if (!state.idleSince.has(id)) state.idleSince.set(id, world.now);
      } else state.idleSince.delete(id);
    }
    if (state.active.length <= want) return;
    let earliest = Number.POSITIVE_INFINITY;
    for (const since of state.idleSince.values()) earliest = Math.min(earliest, since);
    const at = earliest + policy.idleHours;
    if (at < state.timerAt) {
      if (state.timer !== null) world.kernel.cancel(state.timer);
      state.timerAt = at;
      state.timer = world.kernel.scheduleAt(Math.max(at, world.now), () => {
        state.timer = null;
        state.timerAt = Number.POSITIVE_INFINITY;
        this.shrink(state);
      });
    }
  }

  /**
   * The agents the pool wants for its load (the tasks its agents hold and those waiting in its
   * backlog): its scaling rule, under a rule's cap, no more than it has while paused.
   */
  private wanted(state: PoolState): number {
    const { world } = this;
    const { team, domain } = state.policy;
    let load = backlog(world, team, domain).length;
    for (const id of state.active) load += world.roster.person(id).held.size;
    const want = Math.min(desiredSize(state.policy, load), state.cap);
    if (state.pausedUntil > this.world.now) return Math.min(want, state.active.length);
    return want;
  }

  /** A rule bounds pools named `id` to their minimum, their maximum or a number of agents. */
  bound(id: string, to: 'min' | 'max' | number): void {
    for (const state of this.pools.values()) {
      if (state.policy.id !== id) continue;
      const { min, max } = state.policy;
      state.cap = to === 'min' ? min : to === 'max' ? max : Math.min(max, Math.max(min, to));
      this.check(state.policy.team, state.policy.domain);
    }
  }

  /** A rule pauses pools named `id`: their agents take no new work for `hours` (null: for good). */
  pause(id: string, hours: Hours | null): void {
    for (const state of this.pools.values()) {
      if (state.policy.id !== id) continue;
      const { team, domain } = state.policy;
      state.pausedUntil = hours === null ? Number.POSITIVE_INFINITY : this.world.now + hours;
      if (hours !== null)
        this.world.after(hours, () => {
          if (state.pausedUntil <= this.world.now) tryAssign(this.world, team, domain);
        });
    }
  }

  /**
   * A pooled agent finished a piece of work: once the desk has moved on, the pool looks again, so
   * that an agent idle after a review or a fix is seen idle from then.
   */
  observe(event: DeskEmitted): void {
    if (event.type !== 'work.finished') return;
    const state = this.ofAgent.get(event.person);
    if (state === undefined) return;
    const { team, domain } = state.policy;
    this.world.after(0, () => this.check(team, domain));
  }

  /** An agent asked for is ready: the first parked one comes in and the backlog is served. */
  private ready(state: PoolState): void {
    state.spinning -= 1;
    // A rule capped or paused the pool meanwhile: the agent is not brought in after all.
    if (state.active.length >= state.cap || state.pausedUntil > this.world.now) return;
    const id = state.parked.shift();
    if (id === undefined) return;
    const person = this.world.roster.person(id);
    person.away = false;
    this.world.messages.deliver(person, { type: 'outage.end' });
    state.active.push(id);
    this.record(state, state.active.length - 1, state.active.length, [id], 'queue');
    tryAssign(this.world, state.policy.team, state.policy.domain);
  }

  /** The idle timer: agents idle long enough are parked, the last in first, down to what it wants. */
  private shrink(state: PoolState): void {
    const { world } = this;
    const { policy } = state;
    // Up to date first: who is idle now, and what the load wants.
    this.check(policy.team, policy.domain);
    const want = this.wanted(state);
    const parked: string[] = [];
    const from = state.active.length;
    for (let i = state.active.length - 1; i >= 0 && state.active.length > want; i--) {
      const id = state.active[i] as string;
      const since = state.idleSince.get(id);
      if (since === undefined || since + policy.idleHours > world.now + 1e-9) continue;
      if (!this.idle(state, world.roster.person(id))) continue;
      state.active.splice(i, 1);
      state.idleSince.delete(id);
      state.parked.unshift(id);
      this.park(world.roster.person(id));
      parked.push(id);
    }
    if (parked.length > 0) this.record(state, from, state.active.length, parked, 'idle');
    // Others may become idle long enough later.
    this.check(policy.team, policy.domain);
  }

  /** Nothing held, nothing on the desk, and no task of theirs still in flight. */
  private idle(state: PoolState, person: Person): boolean {
    if (person.held.size > 0) return false;
    const desk = person.actor.getSnapshot().context as DeskContext;
    if (desk.current !== null || desk.queue.length > 0) return false;
    const mine = state.authored.get(person.spec.id);
    if (mine === undefined) return true;
    for (const t of mine) if (t.terminal || t.assignee !== person.spec.id) mine.delete(t);
    return mine.size === 0;
  }

  /** Whether `person` may take work of `priority`, the P0 reserve of their pool kept. */
  private mayTake(person: Person, priority: number): boolean {
    const state = this.ofAgent.get(person.spec.id);
    if (state === undefined) return true;
    if (state.pausedUntil > this.world.now) return false;
    if (state.policy.reserveP0 === 0) return true;
    const world = this.world;
    const holdsNonP0 = (p: Person) => [...p.held].some((id) => world.task(id).priority > 0);
    let free = 0;
    for (const id of state.active) if (!holdsNonP0(world.roster.person(id))) free += 1;
    return mayTake(state.policy, priority, holdsNonP0(person), free);
  }
}
