// The discrete-event kernel: it owns simulated time and runs scheduled callbacks in
// (time, priority, sequence) order. Nothing in a run waits on a real timer; time jumps from one
// scheduled instant to the next.

import { EventQueue, type Handle } from './event-queue.ts';
import { formatTime, type Hours } from './time.ts';

/**
 * Tie-breaking priorities for events at the same instant: lower runs first. XState timers (SLA
 * deadlines, delayed sends) run after model events scheduled for the same instant, so a task that
 * finishes exactly at its deadline has not breached it.
 */
export const Priority = {
  event: 0,
  timer: 1,
} as const;

/** A handle to a scheduled callback, for `cancel`: a number, valid until the callback fires. */
export type Scheduled = Handle;

export class SimulationError extends Error {
  override readonly name = 'SimulationError';
}

export class Kernel {
  private readonly queue = new EventQueue();
  private current: Hours = 0;
  private fired = 0;
  private failure: unknown = undefined;
  private failed = false;

  /** The current simulated time, in hours. */
  get now(): Hours {
    return this.current;
  }

  /** How many callbacks are waiting to fire. */
  get pending(): number {
    return this.queue.size;
  }

  /** How many callbacks have fired since the kernel was created. */
  get eventsFired(): number {
    return this.fired;
  }

  /** The time of the next scheduled callback, or `undefined` when none is left. */
  nextTime(): Hours | undefined {
    return this.queue.peekTime();
  }

  /** Runs `fire` `delay` hours from now. `delay` must be a finite number ≥ 0. */
  schedule(delay: Hours, fire: () => void, priority: number = Priority.event): Scheduled {
    if (!(delay >= 0) || !Number.isFinite(delay)) {
      throw new SimulationError(
        `Cannot schedule an event with delay ${delay}h at t=${formatTime(this.current)}: a delay must be a finite number of hours ≥ 0.`,
      );
    }
    return this.queue.push(this.current + delay, priority, fire);
  }

  /** Runs `fire` at absolute time `time`, which must not be earlier than `now`. */
  scheduleAt(time: Hours, fire: () => void, priority: number = Priority.event): Scheduled {
    if (!(time >= this.current) || !Number.isFinite(time)) {
      throw new SimulationError(
        `Cannot schedule an event at t=${formatTime(time)}: the clock is already at t=${formatTime(this.current)} and time only moves forward. Schedule at t ≥ ${this.current}.`,
      );
    }
    return this.queue.push(time, priority, fire);
  }

  /** Cancels a scheduled callback; returns false if it already fired or was cancelled. */
  cancel(handle: Scheduled): boolean {
    return this.queue.remove(handle);
  }

  /**
   * Records an error raised outside the kernel's own call stack (for instance an XState actor
   * that entered its `error` status); the step in progress ends by throwing it.
   */
  fail(error: unknown): void {
    if (this.failed) return;
    this.failed = true;
    this.failure = error;
  }

  /** Fires the next callback. Returns false when nothing is scheduled. */
  step(): boolean {
    this.throwIfFailed();
    const fire = this.queue.pop();
    if (fire === undefined) return false;
    this.current = this.queue.poppedTime;
    this.fired++;
    fire();
    this.throwIfFailed();
    return true;
  }

  /**
   * Fires every callback due at or before `horizon`, then sets the clock to `horizon`. Events
   * scheduled exactly at the horizon do fire.
   */
  runUntil(horizon: Hours): void {
    if (!(horizon >= this.current)) {
      throw new SimulationError(
        `Cannot run until t=${formatTime(horizon)}: the clock is already at t=${formatTime(this.current)}.`,
      );
    }
    for (
      let next = this.queue.peekTime();
      next !== undefined && next <= horizon;
      next = this.queue.peekTime()
    ) {
      this.step();
    }
    this.current = horizon;
  }

  /** Runs until nothing is scheduled (quiescence). */
  run(): void {
    while (this.step()) {
      // each step fires one callback
    }
  }

  private throwIfFailed(): void {
    if (!this.failed) return;
    const error = this.failure;
    this.failed = false;
    this.failure = undefined;
    throw error instanceof Error
      ? error
      : new SimulationError(
          `The simulation failed at t=${formatTime(this.current)}: ${String(error)}`,
        );
  }
}
