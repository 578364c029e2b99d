// A fast interpreter for orgsim's flat XState machines (the task lifecycle and the role desks).
// It executes the machine's own definition — its states, transitions, guards, assign and emit
// actions, named delays, `after` timers and `always` transitions — without XState's actor
// machinery, in XState's order: exit actions, transition actions, entry actions; context updates
// at once; emitted events, timer schedules and cancellations deferred to the end of the
// macrostep, in order; events sent during that flush queued until it ends. The model-based tests
// and the engine-equivalence tests prove it takes the same transitions and writes the same log.

import type { AnyStateMachine, AnyStateNode, AnyTransitionDefinition } from 'xstate';
import { type Kernel, Priority, type Scheduled } from '../kernel/kernel.ts';

type AnyEvent = { type: string; [key: string]: unknown };
type Ref = string | { type: string; params?: unknown };
type Effect =
  | { kind: 'emit'; event: AnyEvent }
  | { kind: 'schedule'; id: string; delay: number; event: AnyEvent }
  | { kind: 'cancel'; id: string };

interface ActionObject {
  type?: string;
  assignment?: unknown;
  event?: unknown;
  delay?: unknown;
  id?: string;
  sendId?: string;
}

export interface FlatSnapshot<C> {
  readonly value: string;
  readonly context: C;
  readonly status: 'active' | 'done' | 'error';
  can(event: AnyEvent): boolean;
}

type Compiled = (actor: FlatActor<object>, event: AnyEvent) => void;

const NO_TIMERS: Map<string, Scheduled> = new Map();
const rethrow = (error: unknown): never => {
  throw error;
};

/** Each machine's actions, compiled once and shared by all its actors. */
const COMPILED = new WeakMap<AnyStateMachine, Map<unknown, Compiled>>();

class Snapshot<C extends object> implements FlatSnapshot<C> {
  constructor(
    private readonly actor: FlatActor<C>,
    readonly value: string,
    readonly context: C,
    readonly status: 'active' | 'done' | 'error',
  ) {}

  can(event: AnyEvent): boolean {
    return this.actor.can(event);
  }
}

export class FlatActor<C extends object> {
  private state: AnyStateNode;
  private context!: C;
  private status: 'active' | 'done' | 'error' = 'active';
  private timers = new Map<string, Scheduled>();
  private listeners: Array<(event: AnyEvent) => void> = [];
  private readonly mailbox: AnyEvent[] = [];
  private busy = false;
  private effects: Effect[] = [];
  private onError: (error: unknown) => void = rethrow;

  constructor(
    private readonly machine: AnyStateMachine,
    private readonly kernel: Kernel,
    private input: unknown,
  ) {
    const initial = machine.root.initial.target[0];
    if (initial === undefined) throw new Error(`Machine ${machine.id} has no initial state.`);
    this.state = initial;
    // Shapes whose XState semantics this interpreter does not reproduce are refused, not guessed.
    for (const definitions of machine.root.transitions.values()) {
      for (const t of definitions) {
        if (t.target !== undefined && t.target.length > 0) {
          throw new Error(
            `Machine ${machine.id}: a root-level transition with a target is not supported by the fast engine.`,
          );
        }
      }
    }
  }

  on(_type: '*', listener: (event: AnyEvent) => void): void {
    this.listeners.push(listener);
  }

  /** Where an error inside the machine goes (as XState reports it to error subscribers). */
  onFailure(handler: (error: unknown) => void): void {
    this.onError = handler;
  }

  start(): this {
    const factory = this.machine.config.context;
    this.context = (
      typeof factory === 'function' ? factory({ input: this.input }) : { ...factory }
    ) as C;
    const init = { type: 'xstate.init', input: this.input };
    this.busy = true;
    try {
      this.runAll(this.state.entry as ActionObject[], init);
      this.settle(init);
      this.flush();
    } catch (error) {
      this.fail(error);
      return this;
    }
    this.input = undefined;
    this.drain();
    return this;
  }

  /**
   * A done actor takes no more events and emits nothing, so it lets go of its listeners (and the
   * closures they hold) and its timer table: a finished task then costs its snapshot alone.
   */
  private release(): void {
    this.listeners = [];
    this.onError = rethrow;
    if (this.timers.size === 0) this.timers = NO_TIMERS;
  }

  private fail(error: unknown): void {
    this.status = 'error';
    this.mailbox.length = 0;
    this.busy = false;
    this.onError(error);
  }

  getSnapshot(): FlatSnapshot<C> {
    return new Snapshot(this, this.state.key, this.context, this.status);
  }

  /** Whether `event` would take a transition now. */
  can(event: AnyEvent): boolean {
    return this.status === 'active' && this.select(event) !== undefined;
  }

  send(event: AnyEvent): void {
    this.mailbox.push(event);
    if (!this.busy) this.drain();
  }

  private drain(): void {
    this.busy = true;
    try {
      for (let event = this.mailbox.shift(); event !== undefined; event = this.mailbox.shift()) {
        if (this.status !== 'active') continue;
        const transition = this.select(event);
        if (transition === undefined) continue;
        this.microstep(transition, event);
        this.settle(event);
        this.flush();
        // Narrowed to 'active' above, but settle() may have finished the machine.
        if ((this.status as FlatSnapshot<C>['status']) === 'done') this.release();
      }
    } catch (error) {
      this.fail(error);
    } finally {
      this.busy = false;
    }
  }

  /** The first enabled transition for `event`, from the current state, then the root (never targeted: see the constructor). */
  private select(event: AnyEvent): AnyTransitionDefinition | undefined {
    for (const node of [this.state, this.machine.root]) {
      for (const t of node.transitions.get(event.type) ?? [])
        if (this.guard(t.guard as Ref | undefined, event)) return t;
    }
    return undefined;
  }

  /** Eventless transitions after each microstep, then the final-state check. */
  private settle(event: AnyEvent): void {
    for (let guard = 0; guard < 100; guard++) {
      const always = (this.state.always ?? []).find((t) =>
        this.guard(t.guard as Ref | undefined, event),
      );
      if (always === undefined) break;
      this.microstep(always, event);
    }
    if (this.state.type === 'final') this.status = 'done';
  }

  private microstep(t: AnyTransitionDefinition, event: AnyEvent): void {
    const target = t.target?.[0];
    if (target === undefined || (target === this.state && !t.reenter)) {
      this.runAll(t.actions as ActionObject[], event);
      return;
    }
    this.runAll(this.state.exit as ActionObject[], event);
    this.runAll(t.actions as ActionObject[], event);
    this.state = target;
    this.runAll(target.entry as ActionObject[], event);
  }

  private guard(ref: Ref | undefined, event: AnyEvent): boolean {
    if (ref === undefined) return true;
    const [name, params] = typeof ref === 'string' ? [ref, undefined] : [ref.type, ref.params];
    const impl = this.machine.implementations.guards[name] as
      | ((args: unknown, params: unknown) => boolean)
      | undefined;
    if (impl === undefined) throw new Error(`Machine ${this.machine.id}: unknown guard "${name}".`);
    return impl({ context: this.context, event }, params);
  }

  private runAll(actions: readonly (ActionObject | Ref)[], event: AnyEvent): void {
    for (const action of actions) this.run(action, event);
  }

  private run(ref: ActionObject | Ref, event: AnyEvent): void {
    let byRef = COMPILED.get(this.machine);
    if (byRef === undefined) {
      byRef = new Map();
      COMPILED.set(this.machine, byRef);
    }
    let compiled = byRef.get(ref);
    if (compiled === undefined) {
      compiled = FlatActor.compile(this.machine, ref);
      byRef.set(ref, compiled);
    }
    compiled(this as FlatActor<object>, event);
  }

  /** Turns an action reference into what it does, once per machine and reference. */
  private static compile(machine: AnyStateMachine, ref: ActionObject | Ref): Compiled {
    let params: unknown;
    let action: ActionObject;
    const named =
      typeof ref === 'string' ||
      (typeof ref === 'object' &&
        !('resolve' in ref) &&
        ref.type !== undefined &&
        !ref.type.startsWith('xstate.'));
    if (named) {
      const name = typeof ref === 'string' ? ref : (ref.type as string);
      params = typeof ref === 'string' ? undefined : (ref as { params?: unknown }).params;
      action = machine.implementations.actions[name] as ActionObject;
      if (action === undefined) throw new Error(`Machine ${machine.id}: unknown action "${name}".`);
    } else {
      action = ref as ActionObject;
    }
    const a = action.assignment;
    if (typeof a === 'function') {
      return (actor, event) => {
        // Context is updated in place: nothing keeps an old context, and copying is what costs.
        Object.assign(actor.context, a({ context: actor.context, event }, params));
      };
    }
    if (a !== undefined) {
      const entries = Object.entries(a as Record<string, unknown>);
      return (actor, event) => {
        const args = { context: actor.context, event };
        const partial: Record<string, unknown> = {};
        for (const [key, value] of entries)
          partial[key] = typeof value === 'function' ? value(args, params) : value;
        Object.assign(actor.context, partial);
      };
    }
    if (action.type === 'xstate.raise') {
      if (action.delay === undefined || typeof action.event === 'function') {
        throw new Error(
          `Machine ${machine.id}: only delayed raises of fixed events (after timers) run on the fast engine.`,
        );
      }
      const raised = action.event as AnyEvent;
      const id = action.id ?? raised.type;
      const delay =
        typeof action.delay === 'string'
          ? machine.implementations.delays[action.delay]
          : action.delay;
      return (actor, event) => {
        const value =
          typeof delay === 'function'
            ? (delay as (a: unknown) => number)({ context: actor.context, event })
            : (delay as number);
        actor.effects.push({ kind: 'schedule', id, delay: value, event: raised });
      };
    }
    if (action.type === 'xstate.cancel') {
      const id = action.sendId as string;
      return (actor) => {
        actor.effects.push({ kind: 'cancel', id });
      };
    }
    const e = action.event;
    if (e !== undefined && action.type !== 'xstate.emit') {
      throw new Error(
        `Machine ${machine.id}: action ${String(action.type)} is not one the fast engine runs.`,
      );
    }
    if (e !== undefined) {
      return (actor, event) => {
        const emitted = typeof e === 'function' ? e({ context: actor.context, event }, params) : e;
        actor.effects.push({ kind: 'emit', event: emitted as AnyEvent });
      };
    }
    throw new Error(
      `Machine ${machine.id}: action ${JSON.stringify(ref)} is not one the fast engine runs.`,
    );
  }

  private flush(): void {
    const effects = this.effects;
    this.effects = [];
    for (const effect of effects) {
      if (effect.kind === 'emit') {
        for (const listener of this.listeners) listener(effect.event);
      } else if (effect.kind === 'cancel') {
        const timer = this.timers.get(effect.id);
        if (timer !== undefined) {
          this.kernel.cancel(timer);
          this.timers.delete(effect.id);
        }
      } else if (effect.delay !== Number.POSITIVE_INFINITY) {
        const { id, event } = effect;
        const timer = this.kernel.schedule(
          effect.delay,
          () => {
            this.timers.delete(id);
            this.send(event);
          },
          Priority.timer,
        );
        this.timers.set(id, timer);
      }
    }
  }
}
