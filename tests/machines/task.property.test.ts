// Property-based tests of the task lifecycle: arbitrary interleavings of events and time advances,
// for every tier, checked against the lifecycle's invariants through the event log.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { routeLevel } from '../../src/domain/escalation.ts';
import { TIERS, type Tier } from '../../src/domain/gates.ts';
import { type SlaState, slaHours } from '../../src/domain/sla.ts';
import type { TaskEvent } from '../../src/domain/task-events.ts';
import { type TaskInput, taskInput } from '../../src/domain/task-input.ts';
import {
  isTerminal,
  stateName,
  TASK_STATES,
  type TaskState,
} from '../../src/domain/task-states.ts';
import type { LogRecord } from '../../src/log/event-log.ts';
import { eventAlphabet, liveTask } from './task-harness.ts';

/**
 * A run is a list of commands. `pick` sends one of the events the task accepts right now (the
 * event type chosen uniformly, then its payload), so runs travel the whole lifecycle; `stray`
 * sends any event at all, accepted or not; `advance` lets simulated time pass.
 */
type Command =
  | { advance: number }
  | { pick: number; variant: number }
  | { stray: TaskEvent }
  | { cancel: true };

const ALPHABET = eventAlphabet().filter((e) => e.type !== 'task.cancel');
/** Event types that move a task forward count twice when picking, so runs often finish. */
const FORWARD = new Set([
  'task.plan',
  'task.assign',
  'task.start',
  'task.submit',
  'review.approved',
  'handoff.accepted',
  'change.merged',
  'blocker.resolved',
]);
// Quarter hours keep sums exact, as the kernel's arithmetic is compared with ours for equality.
const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 30, arbitrary: fc.record({ pick: fc.nat(), variant: fc.nat() }) },
  { weight: 12, arbitrary: fc.integer({ min: 0, max: 64 }).map((q) => ({ advance: q / 4 })) },
  { weight: 3, arbitrary: fc.constantFrom(...ALPHABET).map((stray) => ({ stray })) },
  { weight: 1, arbitrary: fc.constant({ cancel: true as const }) },
);
const script = fc.array(command, { minLength: 1, maxLength: 80, size: 'large' });
const taskSpec = fc.record({
  tier: fc.constantFrom<Tier>(...TIERS),
  estimateHours: fc.integer({ min: 1, max: 16 }),
  hasConsumer: fc.boolean(),
  awaitsMerge: fc.boolean(),
  architectural: fc.boolean(),
});

/** The event a `pick` command sends: among the event types the task accepts now, uniformly. */
function picked(
  live: ReturnType<typeof liveTask>,
  pick: number,
  variant: number,
): TaskEvent | undefined {
  const snapshot = live.actor.getSnapshot();
  const enabled = ALPHABET.filter((e) => snapshot.can(e));
  const types = [...new Set(enabled.map((e) => e.type))].flatMap((t) =>
    FORWARD.has(t) ? [t, t] : [t],
  );
  const type = types[pick % Math.max(types.length, 1)];
  const variants = enabled.filter((e) => e.type === type);
  return variants[variant % Math.max(variants.length, 1)];
}

function run(input: TaskInput, commands: readonly Command[]) {
  const live = liveTask(input);
  const states: TaskState[] = [];
  /** Each event sent, with the state the task was in when it came. */
  const sent: Array<{ type: string; in: TaskState; after: TaskState }> = [];
  const now = () => stateName(live.actor.getSnapshot().value as string);
  const send = (event: TaskEvent) => {
    const before = now();
    live.actor.send(event);
    sent.push({ type: event.type, in: before, after: now() });
  };
  for (const c of commands) {
    const active = live.actor.getSnapshot().status === 'active';
    if ('advance' in c) live.kernel.runUntil(live.kernel.now + c.advance);
    else if (!active) {
      // a finished actor takes no events; the terminal-state property checks it would refuse them
    } else if ('stray' in c) send(c.stray);
    else if ('cancel' in c) send({ type: 'task.cancel', reason: 'requirement change' });
    else {
      const event = picked(live, c.pick, c.variant);
      if (event) send(event);
    }
    states.push(stateName(live.actor.getSnapshot().value as string));
  }
  return { ...live, states, sent };
}

type Transition = Extract<LogRecord, { type: 'task.transition' }>;
type Breach = Extract<LogRecord, { type: 'task.slaBreach' }>;

/** Splits the log into state visits: each transition opens one, with the records inside it. */
function visits(log: readonly LogRecord[]) {
  const out: Array<{ entry: Transition; inside: LogRecord[]; exit: Transition | undefined }> = [];
  for (const record of log) {
    if (record.type === 'task.transition') {
      const open = out.at(-1);
      if (open) open.exit = record;
      out.push({ entry: record, inside: [], exit: undefined });
    } else {
      out.at(-1)?.inside.push(record);
    }
  }
  return out;
}

describe('task lifecycle, properties', () => {
  it('is always in exactly one lifecycle state, and the log agrees with the actor', () => {
    fc.assert(
      fc.property(taskSpec, script, (spec, commands) => {
        const { log, actor, states } = run(taskInput({ id: 'T-1', ...spec }), commands);
        for (const s of states) expect(TASK_STATES).toContain(s);
        const transitions = log.records.filter(
          (r): r is Transition => r.type === 'task.transition',
        );
        expect(transitions[0]?.from).toBeNull();
        for (let i = 1; i < transitions.length; i++) {
          expect(transitions[i]?.from).toBe(transitions[i - 1]?.to);
        }
        expect(transitions.at(-1)?.to).toBe(stateName(actor.getSnapshot().value as string));
      }),
    );
  });

  it('keeps terminal states terminal: nothing happens after COMPLETED or CANCELLED', () => {
    fc.assert(
      fc.property(taskSpec, script, (spec, commands) => {
        const { log, actor, states } = run(taskInput({ id: 'T-1', ...spec }), commands);
        const end = states.findIndex(isTerminal);
        if (end === -1) return;
        expect(new Set(states.slice(end))).toEqual(new Set([states[end]]));
        const last = log.records.at(-1);
        expect(last?.type === 'task.transition' && isTerminal(last.to)).toBe(true);
        const snapshot = actor.getSnapshot();
        expect(snapshot.status).toBe('done');
        for (const event of eventAlphabet()) expect(snapshot.can(event), event.type).toBe(false);
      }),
    );
  });

  it('reaches COMPLETED only through every gate its tier requires, in order, since the last rework or review opened again', () => {
    fc.assert(
      fc.property(taskSpec, script, (spec, commands) => {
        const input = taskInput({ id: 'T-1', ...spec });
        const { log, states } = run(input, commands);
        if (!states.includes('COMPLETED')) return;
        // The reviews start again from the first gate after a rejection, or when a change rebased
        // over a conflict is reviewed again.
        const reset = log.records.findLastIndex(
          (r) =>
            (r.type === 'task.gate' && r.outcome === 'rejected') ||
            (r.type === 'task.transition' && r.cause === 'change.reviewAgain'),
        );
        const passed = log.records.slice(reset + 1).filter((r) => r.type === 'task.gate');
        expect(passed.map((g) => g.gate)).toEqual(input.gates);
        for (const g of passed) {
          if (g.gate === 'peerReview') {
            expect(g.reviewer).not.toBe(holderAt(log.records, log.records.indexOf(g)));
          }
        }
        const path = log.records
          .filter((r): r is Transition => r.type === 'task.transition')
          .map((t) => t.to);
        if (input.skipsPlanning) expect(path).not.toContain('IN_PLANNING');
        else expect(path).toContain('IN_PLANNING');
      }),
    );
  });

  it('completes a task whose change is to be merged only once it was told, in READY_FOR_HANDOFF, that it is merged; and one with no consumer at that moment', () => {
    fc.assert(
      fc.property(taskSpec, script, (spec, commands) => {
        const input = taskInput({ id: 'T-1', ...spec });
        const { log, sent, states } = run(input, commands);
        const merged = sent.find((e) => e.type === 'change.merged' && e.in === 'READY_FOR_HANDOFF');
        const transitions = log.records.filter(
          (r): r is Transition => r.type === 'task.transition',
        );
        const completed = transitions.find((t) => t.to === 'COMPLETED');
        if (!input.awaitsMerge) {
          // Told or not, a task that does not wait for a merge never completes on one.
          expect(completed?.cause).not.toBe('change.merged');
          return;
        }
        if (merged === undefined) {
          expect(states).not.toContain('COMPLETED');
          return;
        }
        if (!input.hasConsumer) {
          expect(completed?.cause).toBe('change.merged');
          expect(merged.after).toBe('COMPLETED');
        } else if (completed !== undefined) expect(completed.cause).toBe('handoff.accepted');
      }),
    );
  });

  it('fires the k-th SLA breach of a visit exactly k × SLA(S) after entry, never after leaving: once in an ordinary state, up to three times escalated', () => {
    fc.assert(
      fc.property(taskSpec, script, (spec, commands) => {
        const input = taskInput({ id: 'T-1', ...spec });
        const { log, kernel } = run(input, commands);
        for (const { entry, inside, exit } of visits(log.records)) {
          const state = entry.to;
          const breaches = inside.filter((r): r is Breach => r.type === 'task.slaBreach');
          if (isTerminal(state)) {
            expect(breaches).toEqual([]);
            continue;
          }
          const sla = slaHours(input.sla, state as SlaState, input.estimateHours);
          const until = exit?.t ?? kernel.now;
          const rungs = state === 'ESCALATED' ? 3 : 1;
          let due = 0;
          for (let k = 1; k <= rungs && entry.t + k * sla <= until; k++) due = k;
          expect(breaches.map((b) => b.breach)).toEqual(
            Array.from({ length: due }, (_, i) => i + 1),
          );
          for (const b of breaches) {
            expect(b.state).toBe(state);
            expect(b.t).toBe(entry.t + b.breach * sla);
            expect(b.t).toBeLessThanOrEqual(until);
          }
          if (state === 'ESCALATED') {
            const before = log.records.slice(0, log.records.indexOf(entry));
            const blocked = before.findLast(
              (r): r is Transition => r.type === 'task.transition' && r.to === 'BLOCKED',
            );
            expect(blocked?.blocker).toBeDefined();
            expect(entry.level).toBe(routeLevel(blocked?.blocker ?? 'technical'));
          }
          if (state === 'BLOCKED' && breaches.length === 1) {
            expect(exit?.to).toBe('ESCALATED');
            expect(exit?.t).toBe(breaches[0]?.t);
          }
        }
      }),
    );
  });
});

/** Who held the task when the record at `index` was written: the last ASSIGNED transition. */
function holderAt(records: readonly LogRecord[], index: number): string | undefined {
  for (let i = index; i >= 0; i--) {
    const r = records[i];
    if (r?.type === 'task.transition' && r.to === 'ASSIGNED') return r.assignee;
  }
  return undefined;
}

describe('task lifecycle property generator', () => {
  it('reaches every state, completes and cancels, breaches and reworks, so the properties are not vacuous', () => {
    const reached = new Set<string>();
    let completed = 0;
    let breached = 0;
    let reworked = 0;
    const samples = fc.sample(fc.tuple(taskSpec, script), { numRuns: 300, seed: 2026 });
    for (const [spec, commands] of samples) {
      const { log, states } = run(taskInput({ id: 'T-1', ...spec }), commands);
      for (const s of states) reached.add(s);
      if (states.includes('COMPLETED')) completed++;
      if (log.records.some((r) => r.type === 'task.slaBreach')) breached++;
      if (log.records.some((r) => r.type === 'task.gate' && r.outcome === 'rejected')) reworked++;
    }
    expect([...reached].sort()).toEqual([...TASK_STATES].sort());
    expect(completed).toBeGreaterThan(30);
    expect(breached).toBeGreaterThan(100);
    expect(reworked).toBeGreaterThan(30);
  });
});
