// Deterministic identifiers. Readable ids are sequential per prefix (`T-1`, `T-2`, `msg-1`);
// opaque ids come from nanoid's customRandom fed by a seeded stream, never from crypto.

import { customRandom } from 'nanoid';
import type { RandomStream } from './random.ts';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

export class IdFactory {
  private readonly counters = new Map<string, number>();

  /** The next id for `prefix`: `T-1`, then `T-2`, ... */
  next(prefix: string): string {
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    return `${prefix}-${n}`;
  }
}

/** A generator of opaque ids of `size` characters drawn from `stream`. */
export function opaqueIds(stream: RandomStream, size = 10): () => string {
  return customRandom(ALPHABET, size, (bytes) => stream.bytes(bytes));
}
