// A flat XState machine turned, once, into tables the fast engine steps through: per state, the
// transitions for each event type (the state's own, then the root's) with their guards and
// actions resolved to functions, its eventless transitions, and its entry and exit actions.
// Shapes whose XState semantics the engine does not reproduce are refused here, not guessed.

import type { AnyStateMachine, AnyStateNode, AnyTransitionDefinition } from 'xstate';

export type AnyEvent = { type: string; [key: string]: unknown };

export type Effect =
  | { kind: 'emit'; event: AnyEvent }
  | { kind: 'schedule'; id: string; delay: number; event: AnyEvent }
  | { kind: 'cancel'; id: string };

/** What an action runs against: the actor's context (updated in place) and its deferred effects. */
export interface ActionHost {
  readonly context: object;
  readonly effects: Effect[];
}

export type Action = (host: ActionHost, event: AnyEvent) => void;
type Guard = (context: object, event: AnyEvent) => boolean;
type Ref = string | { type: string; params?: unknown };

interface ActionObject {
  type?: string;
  assignment?: unknown;
  event?: unknown;
  delay?: unknown;
  id?: string;
  sendId?: string;
}

export interface Step {
  readonly guard: Guard | null;
  /** The state entered, or null for a transition without a target. */
  readonly target: StateTable | null;
  readonly reenter: boolean;
  readonly actions: readonly Action[];
}

export interface StateTable {
  readonly key: string;
  readonly final: boolean;
  readonly on: Map<string, readonly Step[]>;
  readonly always: readonly Step[];
  readonly entry: readonly Action[];
  readonly exit: readonly Action[];
}

const TABLES = new WeakMap<AnyStateMachine, Map<AnyStateNode, StateTable>>();

/** Each state's table, built on first use and shared by every actor of the machine. */
export function stateTables(machine: AnyStateMachine): Map<AnyStateNode, StateTable> {
  let tables = TABLES.get(machine);
  if (tables === undefined) {
    tables = build(machine);
    TABLES.set(machine, tables);
  }
  return tables;
}

function build(machine: AnyStateMachine): Map<AnyStateNode, StateTable> {
  const refuse = (what: string): never => {
    throw new Error(`Machine ${machine.id}: ${what} is not supported by the fast engine.`);
  };
  const nodes = Object.values(machine.root.states) as AnyStateNode[];
  for (const node of nodes) {
    if (Object.keys(node.states).length > 0) refuse(`a nested state (${node.key})`);
  }
  for (const definitions of machine.root.transitions.values()) {
    for (const t of definitions)
      if (t.target !== undefined && t.target.length > 0)
        refuse('a root-level transition with a target');
  }
  if ((machine.root.always ?? []).length > 0) refuse('a root-level eventless transition');
  // Tables first, filled in after, so that steps can point at the states they enter.
  const tables = new Map<AnyStateNode, StateTable>();
  for (const node of nodes) {
    tables.set(node, {
      key: node.key,
      final: node.type === 'final',
      on: new Map(),
      always: [],
      entry: [],
      exit: [],
    });
  }
  const actions = new Map<unknown, Action>();
  const action = (ref: ActionObject | Ref): Action => {
    let compiled = actions.get(ref);
    if (compiled === undefined) {
      compiled = compileAction(machine, ref);
      actions.set(ref, compiled);
    }
    return compiled;
  };
  const step = (t: AnyTransitionDefinition): Step => {
    const target = t.target?.[0];
    const table = target === undefined ? null : tables.get(target);
    if (table === undefined) refuse(`a transition into ${String(target?.key)}`);
    return {
      guard: compileGuard(machine, t.guard as Ref | undefined),
      target: table ?? null,
      reenter: t.reenter === true,
      actions: (t.actions as (ActionObject | Ref)[]).map(action),
    };
  };
  const rootSteps = new Map<string, Step[]>();
  for (const [type, definitions] of machine.root.transitions)
    rootSteps.set(type, definitions.map(step));
  for (const node of nodes) {
    const table = tables.get(node) as StateTable;
    // The state's own transitions come first; the root's are tried after them.
    for (const [type, definitions] of node.transitions) table.on.set(type, definitions.map(step));
    for (const [type, steps] of rootSteps)
      table.on.set(type, [...(table.on.get(type) ?? []), ...steps]);
    (table.always as Step[]).push(...(node.always ?? []).map(step));
    (table.entry as Action[]).push(...(node.entry as (ActionObject | Ref)[]).map(action));
    (table.exit as Action[]).push(...(node.exit as (ActionObject | Ref)[]).map(action));
  }
  return tables;
}

function compileGuard(machine: AnyStateMachine, ref: Ref | undefined): Guard | null {
  if (ref === undefined) return null;
  const [name, params] = typeof ref === 'string' ? [ref, undefined] : [ref.type, ref.params];
  const impl = machine.implementations.guards[name] as
    | ((args: unknown, params: unknown) => boolean)
    | undefined;
  if (impl === undefined) throw new Error(`Machine ${machine.id}: unknown guard "${name}".`);
  return (context, event) => impl({ context, event }, params);
}

/** Turns an action reference into what it does. */
function compileAction(machine: AnyStateMachine, ref: ActionObject | Ref): Action {
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
    return (host, event) => {
      // Context is updated in place: nothing keeps an old context, and copying is what costs.
      Object.assign(host.context, a({ context: host.context, event }, params));
    };
  }
  if (a !== undefined) {
    const entries = Object.entries(a as Record<string, unknown>);
    return (host, event) => {
      const args = { context: host.context, event };
      const partial: Record<string, unknown> = {};
      for (const [key, value] of entries)
        partial[key] = typeof value === 'function' ? value(args, params) : value;
      Object.assign(host.context, partial);
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
    return (host, event) => {
      const value =
        typeof delay === 'function'
          ? (delay as (a: unknown) => number)({ context: host.context, event })
          : (delay as number);
      host.effects.push({ kind: 'schedule', id, delay: value, event: raised });
    };
  }
  if (action.type === 'xstate.cancel') {
    const id = action.sendId as string;
    return (host) => {
      host.effects.push({ kind: 'cancel', id });
    };
  }
  const e = action.event;
  if (e !== undefined && action.type !== 'xstate.emit') {
    throw new Error(
      `Machine ${machine.id}: action ${String(action.type)} is not one the fast engine runs.`,
    );
  }
  if (e !== undefined) {
    return (host, event) => {
      const emitted = typeof e === 'function' ? e({ context: host.context, event }, params) : e;
      host.effects.push({ kind: 'emit', event: emitted as AnyEvent });
    };
  }
  throw new Error(
    `Machine ${machine.id}: action ${JSON.stringify(ref)} is not one the fast engine runs.`,
  );
}
