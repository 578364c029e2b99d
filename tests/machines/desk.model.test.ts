// Model-based test of the desk every role works at: @xstate/graph explores each role's desk over
// an alphabet of every event it accepts (work messages, covered work, outages, drops, holds,
// rescales, calendar changes, throttles, channel messages, the activity-end timer), and every
// transition the graph found is replayed, from the start, on XState and on the fast engine, each
// on its own kernel. After every step both must hold the state the graph predicted, have emitted
// the same events at the same times, and have the same timers pending; together the XState actors
// must take every transition the desk defines.

import { type AdjacencyValue, getAdjacencyMap } from '@xstate/graph';
import { describe, expect, it } from 'vitest';
import type { ActorLogic } from 'xstate';
import { type DeskInput, deskContext } from '../../machines/desk.ts';
import { Priority } from '../../src/kernel/kernel.ts';
import {
  alphabet,
  type DeskSnapshot,
  definedTransitions,
  type LiveDesk,
  liveDesk,
  type ModelEvent,
  ROLE_DESKS,
  type RoleDesk,
  serialize,
  timerEvents,
} from './desk-harness.ts';
import { definitionIds } from './transition-ids.ts';

interface Step {
  event: ModelEvent;
  /** The concrete state the graph computed after the event. */
  state: DeskSnapshot;
}

type Adjacency = Record<string, AdjacencyValue<DeskSnapshot, ModelEvent>>;

/**
 * Every transition the graph found, as a path from the start that ends by taking it.
 *
 * The key leaves times out, so one key stands for many concrete states. `getShortestPaths`
 * labels each step with the last concrete state it saw under the step's key, not the one the
 * next event was worked out from: on these desks most of its steps would send an event timed
 * before the state it follows. The adjacency map is exact: each key's state is the one the
 * traversal first reached, by one event from its parent key's state. Following those first
 * discoveries back gives a path of concrete states to every key, and a path to each transition
 * is the path to its source plus the event. Paths that are a prefix of another are left out.
 */
function plannedPaths(desk: RoleDesk): Step[][] {
  const logic = desk.machine as unknown as ActorLogic<DeskSnapshot, ModelEvent, DeskInput>;
  const adjacency = getAdjacencyMap(logic, {
    input: desk.input,
    events: alphabet(desk),
    serializeState: serialize,
  }) as unknown as Adjacency;
  const keys = Object.keys(adjacency);
  const start = keys[0] as string;
  const pathTo = new Map<string, Step[]>([[start, []]]);
  const firstReached = new Map<DeskSnapshot, string>(
    keys.map((k) => [(adjacency[k] as AdjacencyValue<DeskSnapshot, ModelEvent>).state, k]),
  );
  const paths: Step[][] = [];
  // Keys are listed in the order the breadth-first traversal reached them, parents first.
  for (const key of keys) {
    const from = pathTo.get(key);
    if (from === undefined) throw new Error(`The graph reached ${key} without a path to it.`);
    const { transitions } = adjacency[key] as AdjacencyValue<DeskSnapshot, ModelEvent>;
    for (const { event, state } of Object.values(transitions)) {
      const path = [...from, { event, state }];
      const reached = firstReached.get(state);
      if (reached !== undefined && reached !== key && !pathTo.has(reached)) {
        pathTo.set(reached, path);
        // Extended by the transitions out of `reached`, unless there are none.
        const out = (adjacency[reached] as AdjacencyValue<DeskSnapshot, ModelEvent>).transitions;
        if (Object.keys(out).length > 0) continue;
      }
      paths.push(path);
    }
  }
  return paths;
}

const observed = (live: LiveDesk) => {
  const s = live.actor.getSnapshot() as DeskSnapshot;
  return JSON.stringify({ value: s.value, context: s.context, status: s.status });
};

const EXPECTED = new WeakMap<DeskSnapshot, string>();

/** The graph's state as `observed` writes a live one (worked out once per state). */
function expected(state: DeskSnapshot): string {
  let json = EXPECTED.get(state);
  if (json === undefined) {
    json = JSON.stringify({ value: state.value, context: state.context, status: state.status });
    EXPECTED.set(state, json);
  }
  return json;
}

const describeStep = (event: ModelEvent) =>
  event.at === undefined ? event.type : `${event.type}@${event.at} ${JSON.stringify(event)}`;

/**
 * Replays `path` on XState and on the fast engine side by side. A message is queued on each
 * kernel at its `at` and delivered by stepping the kernel; a timer step steps the kernel too,
 * and must fire the desk's own timer. Every other message is first put to `can` (the fast engine
 * then reuses the step it chose), and both engines must give the same answer. After every step
 * the two must hold the state the graph predicted, have emitted the same events at the same
 * times, and have the same callbacks and events pending.
 */
function replay(desk: RoleDesk, path: Step[], covered: Set<string>, timer: Set<string>): void {
  const lives = [liveDesk(desk, 'xstate', covered), liveDesk(desk, 'fast', new Set())] as const;
  const [xstate, fast] = lives;
  for (const [i, { event, state }] of path.entries()) {
    const where = () =>
      `${desk.role} desk, path:\n  ${path
        .slice(0, i + 1)
        .map((s) => describeStep(s.event))
        .join('\n  ')}`;
    if (!timer.has(event.type) && i % 2 === 1) {
      const [a, b] = lives.map((live) => can(live, event));
      if (a !== b) expect(b, `can(${event.type}) on the fast engine: ${where()}`).toBe(a);
    }
    for (const live of lives) {
      const { kernel } = live;
      if (timer.has(event.type)) {
        const fired = kernel.step();
        if (!fired || kernel.lastFired?.priority !== Priority.timer)
          expect.fail(`The desk's timer should fire next: ${where()}`);
      } else {
        let delivered = false;
        kernel.scheduleAt(event.at as number, () => {
          delivered = true;
          live.actor.send(event as never);
        });
        kernel.step();
        if (!delivered) expect.fail(`Nothing should fire before the message: ${where()}`);
      }
      if (live.failures.length > 0) expect(live.failures, where()).toEqual([]);
      if (kernel.now !== state.context.now)
        expect(kernel.now, `the desk's clock is the kernel's: ${where()}`).toBe(state.context.now);
    }
    const predicted = expected(state);
    if (observed(xstate) !== predicted)
      expect(observed(xstate), `XState, ${where()}`).toBe(predicted);
    if (observed(fast) !== predicted) expect(observed(fast), `fast, ${where()}`).toBe(predicted);
    if (fast.emitted.join('\n') !== xstate.emitted.join('\n'))
      expect(fast.emitted, `emitted, ${where()}`).toEqual(xstate.emitted);
    if (fast.timers() !== xstate.timers())
      expect(fast.timers(), `pending timers, ${where()}`).toBe(xstate.timers());
  }
}

const can = (live: LiveDesk, event: ModelEvent) =>
  (live.actor.getSnapshot() as { can(event: ModelEvent): boolean }).can(event);

describe('role desks, model-based, on XState and the fast engine', () => {
  for (const desk of ROLE_DESKS) {
    describe(`the ${desk.role} desk`, () => {
      const covered = new Set<string>();
      const timer = new Set(timerEvents(desk.machine));

      it('offers every event type the desk handles in the traversal alphabet', () => {
        const handled = new Set(
          [...definitionIds(desk.machine).values()].map((id) => id.split(':')[1]?.split('#')[0]),
        );
        handled.delete('always');
        const fresh = deskContext(desk.input);
        const listed = new Set(
          ['idle', 'away'].flatMap((value) =>
            alphabet(desk)({ value, context: fresh, status: 'active' } as DeskSnapshot).map(
              (e) => e.type,
            ),
          ),
        );
        for (const type of timer) listed.add(type);
        expect([...handled].filter((t) => !listed.has(t as string))).toEqual([]);
      });

      it('replays every transition the graph finds, step by step, on both engines', () => {
        const paths = plannedPaths(desk);
        expect(paths.length).toBeGreaterThan(2000);
        for (const path of paths) replay(desk, path, covered, timer);
      });

      // Read after the replays above, which record the transitions the XState actors take.
      it('took every transition the desk defines, the activity-end timer included', () => {
        const defined = definedTransitions(desk.machine);
        expect([...defined].filter((t) => !covered.has(t)).sort(), 'defined, never taken').toEqual(
          [],
        );
        expect([...covered].filter((t) => !defined.has(t)).sort(), 'taken, not defined').toEqual(
          [],
        );
        expect([...defined].some((t) => t.startsWith('working|working:xstate.after.'))).toBe(true);
      });
    });
  }
});
