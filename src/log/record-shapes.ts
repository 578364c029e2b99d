// The shapes of a log's records: for each distinct sequence of keys and kinds of value, its keys
// and the JSON text that comes before each value. A columnar log stores a record as its shape's
// number and its values; the shape gives back the keys in the order they were written.

import type { ColumnReader } from './columns.ts';

/** How a value is stored: a number column, a string id, a constant, or an object kept as is. */
export const Kind = {
  number: 0,
  string: 1,
  true: 2,
  false: 3,
  null: 4,
  undefined: 5,
  object: 6,
} as const;

export type Kind = (typeof Kind)[keyof typeof Kind];

/** Where a record's values come from when it is built back into an object. */
export interface Sources {
  /** The log's float column, read in order. */
  readonly numbers: ColumnReader;
  /** Its integer column (string ids, object indexes), read in order. */
  readonly refs: ColumnReader;
  readonly strings: readonly string[];
  readonly objects: readonly unknown[];
}

/** Builds one record of a shape as an object, reading its values from the columns in order. */
export type Builder = (from: Sources) => Record<string, unknown>;

export interface Shape {
  readonly keys: readonly string[];
  readonly kinds: readonly Kind[];
  /** The shape's record as one object literal: every record of the shape gets one hidden class. */
  readonly build: Builder;
  /** `"key":` (`,"key":` after the first) before each value as JSON.stringify writes it; '' for an undefined one. */
  readonly prefixes: readonly string[];
}

/** The kind a value is stored as. */
export function kindOf(value: unknown): Kind {
  switch (typeof value) {
    case 'number':
      return Kind.number;
    case 'string':
      return Kind.string;
    case 'boolean':
      return value ? Kind.true : Kind.false;
    case 'undefined':
      return Kind.undefined;
    default:
      return value === null ? Kind.null : Kind.object;
  }
}

/** Every shape seen, numbered in the order first seen; found again by its keys and kinds. */
export class Shapes {
  private readonly all: Shape[] = [];
  /** Shape numbers by the record's type: the few candidates a new record is compared with. */
  private readonly byType = new Map<unknown, number[]>();

  get(id: number): Shape {
    return this.all[id] as Shape;
  }

  /**
   * The number of the shape with the first `count` of `keys` and `kinds`, added if new. `type`
   * (the record's type) narrows the search to the few shapes of that type.
   */
  idOf(type: unknown, keys: readonly string[], kinds: readonly Kind[], count: number): number {
    let candidates = this.byType.get(type);
    if (candidates === undefined) {
      candidates = [];
      this.byType.set(type, candidates);
    }
    for (const id of candidates) if (matches(this.all[id] as Shape, keys, kinds, count)) return id;
    const id = this.all.length;
    if (id > 0xffff) throw new Error('an event log may hold at most 65,536 shapes of record');
    this.all.push(shapeOf(keys.slice(0, count), kinds.slice(0, count)));
    candidates.push(id);
    return id;
  }
}

function matches(shape: Shape, keys: readonly string[], kinds: readonly Kind[], count: number) {
  if (shape.keys.length !== count) return false;
  for (let i = 0; i < count; i++)
    if (shape.keys[i] !== keys[i] || shape.kinds[i] !== kinds[i]) return false;
  return true;
}

function shapeOf(keys: readonly string[], kinds: readonly Kind[]): Shape {
  let first = true;
  const prefixes = keys.map((key, i) => {
    // JSON.stringify leaves out a key whose value is undefined, comma and all.
    if (kinds[i] === Kind.undefined) return '';
    const prefix = `${first ? '' : ','}${JSON.stringify(key)}:`;
    first = false;
    return prefix;
  });
  return { keys, kinds, prefixes, build: builderOf(keys, kinds) };
}

/**
 * A function that returns the shape's record as an object literal, its keys in order. Assigning
 * keys one by one to an empty object made every record a dictionary lookup per key, and was a
 * sixth of the time of a replication's row. The keys are JSON-quoted into the code; `__proto__`,
 * which a literal would take for the prototype, is written as a computed key.
 */
function builderOf(keys: readonly string[], kinds: readonly Kind[]): Builder {
  const value = (kind: Kind) =>
    kind === Kind.number
      ? 'f.numbers.next()'
      : kind === Kind.string
        ? 'f.strings[f.refs.next()]'
        : kind === Kind.object
          ? 'f.objects[f.refs.next()]'
          : String(CONSTANTS[kind]);
  const fields = keys.map((key, i) => {
    const name = JSON.stringify(key);
    return `${key === '__proto__' ? `[${name}]` : name}: ${value(kinds[i] as Kind)}`;
  });
  // The code is made of JSON-quoted keys and the fixed snippets above, nothing else.
  return new Function('f', `return { ${fields.join(', ')} };`) as Builder;
}

/** The value each constant kind stands for. */
const CONSTANTS: Record<Kind, unknown> = {
  [Kind.number]: undefined,
  [Kind.string]: undefined,
  [Kind.true]: true,
  [Kind.false]: false,
  [Kind.null]: null,
  [Kind.undefined]: undefined,
  [Kind.object]: undefined,
};
