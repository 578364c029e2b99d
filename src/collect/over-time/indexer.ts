// A string table: each distinct string numbered in the order first seen, for compact columns.

/** Numbers strings in the order first seen. */
export class Indexer {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();

  of(value: string): number {
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.values.push(value) - 1;
      this.index.set(value, i);
    }
    return i;
  }
}
