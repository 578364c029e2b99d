// Names for the transitions a machine defines, for the model-based tests of the task lifecycle
// and of the desks: which of them the live actors take, and which the machine has.

import type { AnyStateMachine, AnyTransitionDefinition } from 'xstate';

const IDS = new WeakMap<AnyStateMachine, Map<AnyTransitionDefinition, string>>();

/** `working:work.drop#1`: the second guarded branch of work.drop in working; `root:...` at the root. */
export function definitionIds(machine: AnyStateMachine): Map<AnyTransitionDefinition, string> {
  const known = IDS.get(machine);
  if (known !== undefined) return known;
  const ids = new Map<AnyTransitionDefinition, string>();
  IDS.set(machine, ids);
  for (const node of [machine.root, ...Object.values(machine.root.states)]) {
    const key = node === machine.root ? 'root' : node.key;
    for (const [eventType, definitions] of node.transitions) {
      for (const [i, d] of definitions.entries()) ids.set(d, `${key}:${eventType}#${i}`);
    }
    for (const [i, d] of (node.always ?? []).entries()) ids.set(d, `${key}:always#${i}`);
  }
  return ids;
}
