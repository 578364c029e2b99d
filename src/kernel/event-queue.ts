// A binary min-heap of scheduled callbacks, keyed by (time, priority, sequence). The sequence is
// the insertion counter, so entries with equal time and priority pop in the order they were
// scheduled: the one defined order SimPy also promises. Each entry knows its heap index, so
// cancellation removes it at once (O(log n)) instead of leaving tombstones to skip later.

import type { Hours } from './time.ts';

export interface ScheduledEntry {
  readonly time: Hours;
  readonly priority: number;
  readonly seq: number;
  readonly fire: () => void;
  /** Position in the heap; -1 once popped or cancelled. */
  index: number;
}

function before(a: ScheduledEntry, b: ScheduledEntry): boolean {
  if (a.time !== b.time) return a.time < b.time;
  if (a.priority !== b.priority) return a.priority < b.priority;
  return a.seq < b.seq;
}

export class EventQueue {
  private readonly heap: ScheduledEntry[] = [];
  private nextSeq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(time: Hours, priority: number, fire: () => void): ScheduledEntry {
    const entry: ScheduledEntry = {
      time,
      priority,
      seq: this.nextSeq++,
      fire,
      index: this.heap.length,
    };
    this.heap.push(entry);
    this.siftUp(entry.index);
    return entry;
  }

  peek(): ScheduledEntry | undefined {
    return this.heap[0];
  }

  pop(): ScheduledEntry | undefined {
    const heap = this.heap;
    const top = heap[0];
    if (top === undefined) return undefined;
    this.removeAt(0);
    return top;
  }

  /** Removes `entry` if it is still queued; returns whether it was. */
  remove(entry: ScheduledEntry): boolean {
    const i = entry.index;
    if (i < 0 || this.heap[i] !== entry) return false;
    this.removeAt(i);
    return true;
  }

  private removeAt(i: number): void {
    const heap = this.heap;
    const removed = heap[i] as ScheduledEntry;
    const last = heap.pop() as ScheduledEntry;
    removed.index = -1;
    if (last === removed) return;
    heap[i] = last;
    last.index = i;
    this.siftDown(i);
    this.siftUp(last.index);
  }

  private siftUp(i: number): void {
    const heap = this.heap;
    const entry = heap[i] as ScheduledEntry;
    while (i > 0) {
      const parentIndex = (i - 1) >> 1;
      const parent = heap[parentIndex] as ScheduledEntry;
      if (!before(entry, parent)) break;
      heap[i] = parent;
      parent.index = i;
      i = parentIndex;
    }
    heap[i] = entry;
    entry.index = i;
  }

  private siftDown(i: number): void {
    const heap = this.heap;
    const n = heap.length;
    const entry = heap[i] as ScheduledEntry;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      let child = left;
      if (right < n && before(heap[right] as ScheduledEntry, heap[left] as ScheduledEntry)) {
        child = right;
      }
      const childEntry = heap[child] as ScheduledEntry;
      if (!before(childEntry, entry)) break;
      heap[i] = childEntry;
      childEntry.index = i;
      i = child;
    }
    heap[i] = entry;
    entry.index = i;
  }
}
