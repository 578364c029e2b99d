// The one seeded random source of a run, split into independent named streams. Each stream's
// state is derived from (seed, name) alone, so adding draws to one stream (say, a new assignment
// policy) never shifts the numbers another stream produces: common random numbers across policies.
//
// Generator: xoshiro128** 1.0 (Blackman & Vigna), 128-bit state, 32-bit outputs; state seeded by
// SplitMix32 from a 32-bit FNV-1a hash of the stream name mixed with the run seed.

const UINT32 = 0x1_0000_0000;

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** SplitMix32: spreads one 32-bit value into a well-mixed sequence, used only for seeding. */
function splitMix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export function assertSeed(seed: number): void {
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new RangeError(
      `A seed must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER}, got ${seed}.`,
    );
  }
}

/** One independent stream of random numbers. */
export class RandomStream {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(
    readonly seed: number,
    readonly name: string,
  ) {
    assertSeed(seed);
    const low = seed % UINT32;
    const high = Math.floor(seed / UINT32);
    const next = splitMix32(fnv1a(name) ^ low ^ Math.imul(high, 0x27d4eb2d));
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 1; // the all-zero state is a fixed point
  }

  /** A stream whose xoshiro128** state is given outright: for checking published test vectors. */
  static fromState(a: number, b: number, c: number, d: number): RandomStream {
    const stream = new RandomStream(0, 'fromState');
    stream.a = a >>> 0;
    stream.b = b >>> 0;
    stream.c = c >>> 0;
    stream.d = d >>> 0;
    return stream;
  }

  /** A uniform 32-bit unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /** A uniform float in [0, 1) with 53 random bits. */
  float(): number {
    const high = this.nextUint32() >>> 5; // 27 bits
    const low = this.nextUint32() >>> 6; // 26 bits
    return (high * 67108864 + low) / 9007199254740992;
  }

  /** A uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number {
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || max < min) {
      throw new RangeError(
        `int(min, max) needs whole numbers with min ≤ max, got ${min} and ${max}.`,
      );
    }
    return min + Math.floor(this.float() * (max - min + 1));
  }

  /** True with probability `p`. */
  bernoulli(p: number): boolean {
    return this.float() < p;
  }

  /** An exponentially distributed value with the given mean. */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.float());
  }

  /** A standard normal draw (Box–Muller; one of the pair is discarded to keep draws countable). */
  normal(): number {
    const u = 1 - this.float();
    const v = this.float();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** One element of a non-empty array, uniformly. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick() needs at least one item.');
    return items[Math.floor(this.float() * items.length)] as T;
  }

  /** `count` random bytes (for seeded opaque ids). */
  bytes(count: number): Uint8Array {
    const out = new Uint8Array(count);
    for (let i = 0; i < count; i++) out[i] = this.nextUint32() & 0xff;
    return out;
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** The run's random source: `random.stream('arrivals')` always returns the same stream. */
export class RandomSource {
  private readonly streams = new Map<string, RandomStream>();

  constructor(readonly seed: number) {
    assertSeed(seed);
  }

  stream(name: string): RandomStream {
    let stream = this.streams.get(name);
    if (stream === undefined) {
      stream = new RandomStream(this.seed, name);
      this.streams.set(name, stream);
    }
    return stream;
  }
}
