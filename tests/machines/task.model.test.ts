// Model-based test of the task lifecycle: @xstate/graph enumerates the machine's reachable
// states and transitions (SLA timers included) for every tier and gate configuration; each path
// is replayed on a live actor whose timers run on the kernel, and must reach the predicted state.
// The transitions the live actors took must be exactly the transitions the machine defines.

import {
  type AdjacencyValue,
  getAdjacencyMap,
  getShortestPaths,
  type StatePath,
} from '@xstate/graph';
import { describe, expect, it } from 'vitest';
import type { ActorLogic } from 'xstate';
import { taskMachine } from '../../machines/task.machine.ts';
import { type TaskInput, type TaskSpec, taskInput } from '../../src/domain/task-input.ts';
import {
  DEFINITION_IDS,
  definedTransitions,
  eventAlphabet,
  liveTask,
  timerEvents,
  topState,
} from './task-harness.ts';

type Snapshot = ReturnType<typeof taskMachine.transition>;
type AnyEvent = { type: string };
type Path = StatePath<Snapshot, AnyEvent>;

// The graph explores the machine through its pure transition function. @xstate/graph types its
// logic without emitted events, so the machine is viewed through that narrower type here.
const logic = taskMachine as unknown as ActorLogic<Snapshot, AnyEvent, TaskInput>;

const VARIANTS: Array<{ name: string; spec: Omit<TaskSpec, 'id' | 'estimateHours'> }> = [
  { name: 'tier 1 (short path), no consumer', spec: { tier: 1 } },
  { name: 'tier 2 with a consumer in another domain', spec: { tier: 2, hasConsumer: true } },
  { name: 'tier 3 with a consumer', spec: { tier: 3, hasConsumer: true } },
  { name: 'tier 4, no consumer', spec: { tier: 4 } },
  { name: 'tier 2, no consumer, its change to merge', spec: { tier: 2, awaitsMerge: true } },
  {
    name: 'tier 3 with a consumer, its change to merge',
    spec: { tier: 3, hasConsumer: true, awaitsMerge: true },
  },
  {
    name: 'tier 3, its change to merge, its first gate the lead’s (peer review and QA off)',
    spec: {
      tier: 3,
      awaitsMerge: true,
      enabled: { peerReview: false, qaValidation: false },
    },
  },
  {
    name: 'tier 2 with peer review and QA switched off',
    spec: { tier: 2, enabled: { peerReview: false, qaValidation: false } },
  },
  {
    name: 'tier 1 with every gate switched off',
    spec: {
      tier: 1,
      enabled: {
        peerReview: false,
        qaValidation: false,
        domainApproval: false,
        architectureReview: false,
      },
    },
  },
];

/** Graph key: the state and every context field a guard reads (reworks would never end). */
function serialize(snapshot: { value: unknown; context: Snapshot['context'] }): string {
  const c = snapshot.context;
  return JSON.stringify([
    snapshot.value,
    c.passed,
    c.breaches,
    c.resumeTo,
    c.blocker,
    c.assignee,
    c.merged,
  ]);
}

const EVENTS = [...eventAlphabet(), ...timerEvents()] as AnyEvent[];

function traversalOptions(spec: (typeof VARIANTS)[number]['spec']) {
  return {
    input: taskInput({ id: 'T-1', estimateHours: 4, ...spec }),
    events: EVENTS,
    serializeState: (s: Snapshot) => serialize(s),
    stopWhen: (s: Snapshot) => s.status === 'done',
  } as const;
}

/** Paths to every state, plus for each transition a path that ends by taking it. */
function plannedPaths(spec: (typeof VARIANTS)[number]['spec']): Path[] {
  const options = traversalOptions(spec);
  const shortest = getShortestPaths(logic, options);
  const adjacency = getAdjacencyMap(logic, options) as Record<
    string,
    AdjacencyValue<Snapshot, AnyEvent>
  >;
  const toState = new Map(shortest.map((p) => [serialize(p.state), p]));
  const paths = [...shortest];
  const chosen = new Set<string>();
  const ordered = [...toState.values()].sort((a, b) => a.steps.length - b.steps.length);
  for (const path of ordered) {
    const key = serialize(path.state);
    const edges = adjacency[key]?.transitions ?? {};
    for (const { event, state } of Object.values(edges)) {
      const from = topState(path.state.value);
      const taken = taskMachine
        .getTransitionData(path.state, event as never)
        .map((d) => `${from}|${DEFINITION_IDS.get(d)}`);
      if (taken.every((t) => chosen.has(t))) continue;
      for (const t of taken) chosen.add(t);
      paths.push({
        state: state as Snapshot,
        steps: [...path.steps, { state: state as Snapshot, event }],
        weight: 0,
      });
    }
  }
  return paths;
}

/** Replays a path on a live actor on the kernel; timer steps advance simulated time instead. */
/**
 * Replays a path on a live XState actor and, side by side, on the fast engine, each on its own
 * kernel; timer steps advance simulated time. Both must reach the predicted state at every step,
 * and write the same log.
 */
function replay(spec: (typeof VARIANTS)[number]['spec'], path: Path, covered: Set<string>): void {
  const input = taskInput({ id: 'T-1', estimateHours: 4, ...spec });
  const lives = [liveTask(input, covered), liveTask(input, new Set(), 'fast')];
  for (const step of path.steps) {
    const { event } = step;
    for (const live of lives) {
      if (event.type === 'xstate.init') {
        // the actor has already started
      } else if (event.type.startsWith('xstate.after.')) {
        const before = live.kernel.now;
        expect(live.kernel.step(), `a timer should be pending for ${event.type}`).toBe(true);
        expect(live.kernel.now).toBeGreaterThan(before);
      } else {
        live.actor.send(event as never);
      }
      expect(serialize(live.actor.getSnapshot()), `after ${event.type}`).toBe(
        serialize(step.state),
      );
    }
  }
  const [xstate, fast] = lives;
  expect(fast?.log.toJsonLines()).toBe(xstate?.log.toJsonLines());
  expect(fast?.kernel.pending).toBe(xstate?.kernel.pending);
}

describe('task lifecycle, model-based', () => {
  const covered = new Set<string>();

  it('lists every event type the machine handles in the traversal alphabet', () => {
    const handled = new Set(
      [...DEFINITION_IDS.values()].map((id) => id.split(':')[1]?.split('#')[0]),
    );
    handled.delete('always');
    const listed = new Set(EVENTS.map((e) => e.type));
    expect([...handled].filter((t) => !listed.has(t as string))).toEqual([]);
  });

  for (const variant of VARIANTS) {
    it(`replays every path of ${variant.name} on a live actor`, () => {
      const paths = plannedPaths(variant.spec);
      expect(paths.length).toBeGreaterThan(10);
      for (const path of paths) replay(variant.spec, path, covered);
    });
  }

  it('took exactly the transitions the machine defines, SLA timers included', () => {
    const defined = definedTransitions();
    expect([...defined].filter((t) => !covered.has(t)).sort(), 'defined but never taken').toEqual(
      [],
    );
    expect([...covered].filter((t) => !defined.has(t)).sort(), 'taken but not defined').toEqual([]);
    expect([...defined].some((t) => t.includes('xstate.after.sla3'))).toBe(true);
  });
});
