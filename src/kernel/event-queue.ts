// A binary min-heap of scheduled callbacks, keyed by (time, priority, sequence). The sequence is
// the insertion counter, so entries with equal time and priority pop in the order they were
// scheduled: the one defined order SimPy also promises.
//
// It is held in typed arrays, not objects: each entry is a slot number, its key in three number
// columns, its place in the heap in a fourth; the heap itself is an array of slot numbers. A slot
// is reused once its entry has fired or been cancelled, and its generation is bumped: a handle
// is the slot and the generation it was given under, so a handle kept past its entry's end
// cancels nothing. Cancelling removes the entry from the heap at once (it knows its place), so
// the heap never holds tombstones and `size` and `peekTime` are exact.

import type { Hours } from './time.ts';

/** A scheduled callback's handle: its slot and that slot's generation, as one number. */
export type Handle = number;

const INITIAL = 1024;
/** Slots, and so callbacks pending at once: 16 M. */
const SLOTS = 2 ** 24;
/** Generations a slot goes through before its numbers come round again. */
const GENERATIONS = 2 ** 29;

export class EventQueue {
  private time = new Float64Array(INITIAL);
  private priority = new Float64Array(INITIAL);
  private seq = new Float64Array(INITIAL);
  private generation = new Uint32Array(INITIAL);
  /** Each slot's index in the heap; -1 for a slot not queued. */
  private place = new Int32Array(INITIAL);
  private fire: Array<(() => void) | undefined> = [];
  private heap = new Int32Array(INITIAL);
  private length = 0;
  /** Slots handed out so far; those freed since wait in `free`. */
  private slots = 0;
  private readonly free: number[] = [];
  private nextSeq = 0;
  /** The time of the entry `pop` returned last. */
  poppedTime: Hours = 0;

  get size(): number {
    return this.length;
  }

  push(time: Hours, priority: number, fire: () => void): Handle {
    const slot = this.slot();
    this.time[slot] = time;
    this.priority[slot] = priority;
    this.seq[slot] = this.nextSeq++;
    this.fire[slot] = fire;
    const i = this.length++;
    this.heap[i] = slot;
    this.place[slot] = i;
    this.siftUp(i);
    return (this.generation[slot] as number) * SLOTS + slot;
  }

  /** The time of the next entry, or undefined when none is queued. */
  peekTime(): Hours | undefined {
    return this.length === 0 ? undefined : this.time[this.heap[0] as number];
  }

  /** Takes the next entry off the queue and returns its callback (its time in `poppedTime`). */
  pop(): (() => void) | undefined {
    if (this.length === 0) return undefined;
    const slot = this.heap[0] as number;
    this.poppedTime = this.time[slot] as number;
    const fire = this.fire[slot];
    this.removeAt(0);
    return fire;
  }

  /** Removes the entry `handle` names if it is still queued; returns whether it was. */
  remove(handle: Handle): boolean {
    const slot = handle % SLOTS;
    if (slot >= this.slots || this.place[slot] === -1) return false;
    if (this.generation[slot] !== Math.floor(handle / SLOTS)) return false;
    this.removeAt(this.place[slot] as number);
    return true;
  }

  private slot(): number {
    const reused = this.free.pop();
    if (reused !== undefined) return reused;
    const slot = this.slots++;
    if (slot >= SLOTS)
      throw new RangeError(`More than ${SLOTS} events pending at once: the event queue is full.`);
    if (slot === this.time.length) this.grow();
    return slot;
  }

  private grow(): void {
    const size = this.time.length * 2;
    const copy = <A extends Float64Array | Uint32Array | Int32Array>(from: A, to: A): A => {
      to.set(from);
      return to;
    };
    this.time = copy(this.time, new Float64Array(size));
    this.priority = copy(this.priority, new Float64Array(size));
    this.seq = copy(this.seq, new Float64Array(size));
    this.generation = copy(this.generation, new Uint32Array(size));
    this.place = copy(this.place, new Int32Array(size));
    this.heap = copy(this.heap, new Int32Array(size));
  }

  /** Takes the entry at heap index `i` out, and frees its slot under a new generation. */
  private removeAt(i: number): void {
    const heap = this.heap;
    const slot = heap[i] as number;
    const last = heap[--this.length] as number;
    this.place[slot] = -1;
    this.fire[slot] = undefined;
    this.generation[slot] = ((this.generation[slot] as number) + 1) % GENERATIONS;
    this.free.push(slot);
    if (last === slot) return;
    heap[i] = last;
    this.place[last] = i;
    this.siftDown(i);
    this.siftUp(this.place[last] as number);
  }

  private before(a: number, b: number): boolean {
    const ta = this.time[a] as number;
    const tb = this.time[b] as number;
    if (ta !== tb) return ta < tb;
    const pa = this.priority[a] as number;
    const pb = this.priority[b] as number;
    if (pa !== pb) return pa < pb;
    return (this.seq[a] as number) < (this.seq[b] as number);
  }

  private siftUp(i: number): void {
    const heap = this.heap;
    const slot = heap[i] as number;
    while (i > 0) {
      const parentIndex = (i - 1) >> 1;
      const parent = heap[parentIndex] as number;
      if (!this.before(slot, parent)) break;
      heap[i] = parent;
      this.place[parent] = i;
      i = parentIndex;
    }
    heap[i] = slot;
    this.place[slot] = i;
  }

  private siftDown(i: number): void {
    const heap = this.heap;
    const n = this.length;
    const slot = heap[i] as number;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      let child = left;
      if (right < n && this.before(heap[right] as number, heap[left] as number)) child = right;
      const childSlot = heap[child] as number;
      if (!this.before(childSlot, slot)) break;
      heap[i] = childSlot;
      this.place[childSlot] = i;
      i = child;
    }
    heap[i] = slot;
    this.place[slot] = i;
  }
}
