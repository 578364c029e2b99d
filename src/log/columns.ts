// Growable columns of numbers held in fixed-size typed-array chunks: appending never copies what
// is already stored, and a column of millions of values is a few dozen flat arrays instead of
// millions of heap objects the garbage collector has to walk.

const CHUNK = 1 << 16;

type Chunk = Float64Array | Int32Array | Uint16Array | Uint8Array;

/** A column of one typed-array kind, read back in the order it was written. */
export class Column<C extends Chunk> {
  private readonly chunks: C[] = [];
  private last: C;
  private fill = 0;
  private count = 0;

  constructor(private readonly make: (length: number) => C) {
    this.last = make(CHUNK);
    this.chunks.push(this.last);
  }

  get length(): number {
    return this.count;
  }

  push(value: number): void {
    if (this.fill === CHUNK) {
      this.last = this.make(CHUNK);
      this.chunks.push(this.last);
      this.fill = 0;
    }
    this.last[this.fill++] = value;
    this.count++;
  }

  /** A reader from the first value: `next()` returns each value in turn. */
  reader(): ColumnReader {
    return new ColumnReader(this.chunks);
  }
}

/** Reads a column's values in order; the caller knows how many there are. */
export class ColumnReader {
  private chunk = 0;
  private at = 0;

  constructor(private readonly chunks: readonly Chunk[]) {}

  next(): number {
    if (this.at === CHUNK) {
      this.chunk++;
      this.at = 0;
    }
    return (this.chunks[this.chunk] as Chunk)[this.at++] as number;
  }
}

export const float64Column = (): Column<Float64Array> => new Column((n) => new Float64Array(n));
export const int32Column = (): Column<Int32Array> => new Column((n) => new Int32Array(n));
export const uint16Column = (): Column<Uint16Array> => new Column((n) => new Uint16Array(n));
