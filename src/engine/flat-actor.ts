// A fast interpreter for orgsim's flat XState machines (the task lifecycle and the role desks).
// It executes the machine's own definition — its states, transitions, guards, assign and emit
// actions, named delays, `after` timers and `always` transitions — without XState's actor
// machinery, in XState's order: exit actions, transition actions, entry actions; context updates
// at once; emitted events, timer schedules and cancellations deferred to the end of the
// macrostep, in order; events sent during that flush queued until it ends. The model-based tests
// and the engine-equivalence tests prove it takes the same transitions and writes the same log.

import type { AnyStateMachine } from 'xstate';
import { type Kernel, Priority, type Scheduled } from '../kernel/kernel.ts';
import {
  type Action,
  type ActionHost,
  type AnyEvent,
  type Effect,
  type StateTable,
  type Step,
  stateTables,
} from './flat-table.ts';

export interface FlatSnapshot<C> {
  readonly value: string;
  readonly context: C;
  readonly status: 'active' | 'done' | 'error';
  can(event: AnyEvent): boolean;
}

const NO_TIMERS: Map<string, Scheduled> = new Map();
const NO_LISTENERS: Array<(event: AnyEvent) => void> = [];
const rethrow = (error: unknown): never => {
  throw error;
};

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

export class FlatActor<C extends object> implements ActionHost {
  private node: StateTable;
  /** @internal Read and updated in place by the machine's actions. */
  context!: C;
  /** @internal Emits, timer schedules and cancellations of the current macrostep, in order. */
  readonly effects: Effect[] = [];
  private status: 'active' | 'done' | 'error' = 'active';
  private timers = new Map<string, Scheduled>();
  private listeners: Array<(event: AnyEvent) => void> = [];
  private readonly mailbox: AnyEvent[] = [];
  private busy = false;
  private onError: (error: unknown) => void = rethrow;
  private snapshot: Snapshot<C> | null = null;
  /** The step `can` chose for an event, reused by `send` if nothing has moved since. */
  private chosenFor: AnyEvent | null = null;
  private chosen: Step | null = null;

  constructor(
    private readonly machine: AnyStateMachine,
    private readonly kernel: Kernel,
    private input: unknown,
  ) {
    const initial = machine.root.initial.target[0];
    if (initial === undefined) throw new Error(`Machine ${machine.id} has no initial state.`);
    this.node = stateTables(machine).get(initial) as StateTable;
  }

  on(_type: '*', listener: (event: AnyEvent) => void): void {
    // A done actor emits nothing more, and its listeners are the shared empty list.
    if (this.status === 'active') this.listeners.push(listener);
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
      this.runAll(this.node.entry, init);
      this.settle(init);
      this.flush();
    } catch (error) {
      this.fail(error);
      return this;
    }
    this.input = undefined;
    if (this.status === 'done') this.release();
    this.drain();
    return this;
  }

  /**
   * A done actor takes no more events and emits nothing, so it lets go of its listeners and error
   * handler (and the closures they hold) and its timer table: a finished task then costs its
   * snapshot alone.
   */
  private release(): void {
    this.listeners = NO_LISTENERS;
    this.chosen = null;
    this.onError = rethrow;
    this.chosenFor = null;
    if (this.timers.size === 0) this.timers = NO_TIMERS;
  }

  private fail(error: unknown): void {
    this.status = 'error';
    this.mailbox.length = 0;
    this.busy = false;
    this.onError(error);
  }

  getSnapshot(): FlatSnapshot<C> {
    const s = this.snapshot;
    if (s !== null && s.value === this.node.key && s.status === this.status) return s;
    this.snapshot = new Snapshot(this, this.node.key, this.context, this.status);
    return this.snapshot;
  }

  /** Whether `event` would take a transition now. */
  can(event: AnyEvent): boolean {
    if (this.status !== 'active') return false;
    this.chosen = this.select(event);
    this.chosenFor = event;
    return this.chosen !== null;
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
        const step = event === this.chosenFor ? this.chosen : this.select(event);
        if (step === null) continue;
        this.microstep(step, event);
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

  /** The first enabled transition for `event`: the state's own, then the root's (never targeted). */
  private select(event: AnyEvent): Step | null {
    const steps = this.node.on.get(event.type);
    if (steps === undefined) return null;
    for (const step of steps)
      if (step.guard === null || step.guard(this.context, event)) return step;
    return null;
  }

  /** Eventless transitions after each microstep, then the final-state check. */
  private settle(event: AnyEvent): void {
    for (let guard = 0; guard < 100; guard++) {
      let always: Step | null = null;
      for (const step of this.node.always) {
        if (step.guard === null || step.guard(this.context, event)) {
          always = step;
          break;
        }
      }
      if (always === null) break;
      this.microstep(always, event);
    }
    if (this.node.final) this.status = 'done';
  }

  private microstep(step: Step, event: AnyEvent): void {
    // Whatever `can` chose was chosen against a state and context this step may change.
    this.chosenFor = null;
    const target = step.target;
    if (target === null || (target === this.node && !step.reenter)) {
      this.runAll(step.actions, event);
      return;
    }
    this.runAll(this.node.exit, event);
    this.runAll(step.actions, event);
    this.node = target;
    this.runAll(target.entry, event);
  }

  private runAll(actions: readonly Action[], event: AnyEvent): void {
    for (const action of actions) action(this, event);
  }

  private flush(): void {
    // Listeners may send to this actor while it flushes; those events wait in the mailbox, so no
    // effect is added before the loop ends.
    const effects = this.effects;
    for (let i = 0; i < effects.length; i++) {
      const effect = effects[i] as Effect;
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
    effects.length = 0;
  }
}
