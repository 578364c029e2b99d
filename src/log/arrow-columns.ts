// The columns of the event log's Arrow form, read off the log's schema (schema.ts) so that every
// log has the same columns in the same order, whatever records it holds: `t` and `type` first, then
// every field of every record type in the order the schema names them. A field that is a number in
// every record type that has it is a float64 column; a string or an enumeration, a string column; a
// boolean, a boolean column. Anything else (lists, objects, or a field that is a number in one record
// type and a list in another) is a string column holding the value as JSON.

import type { z } from 'zod';
import { RECORD_SCHEMAS } from './schema.ts';

export type ColumnKind = 'number' | 'string' | 'boolean' | 'json';

export interface LogColumn {
  readonly name: string;
  readonly kind: ColumnKind;
}

/** What kind of column a field of the schema makes. */
function kindOf(schema: z.ZodType): ColumnKind {
  const def = schema._zod.def as {
    type: string;
    innerType?: z.ZodType;
    in?: z.ZodType;
    values?: unknown[];
  };
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'readonly':
    case 'default':
    case 'prefault':
      return kindOf(def.innerType as z.ZodType);
    case 'pipe':
      return kindOf(def.in as z.ZodType);
    case 'number':
      return 'number';
    case 'string':
    case 'enum':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'literal': {
      const values = def.values ?? [];
      if (values.every((v) => typeof v === 'number')) return 'number';
      if (values.every((v) => typeof v === 'string')) return 'string';
      return 'json';
    }
    default:
      return 'json';
  }
}

/** The Arrow columns of every event log, in order. */
export function logColumns(): LogColumn[] {
  const kinds = new Map<string, ColumnKind>();
  for (const schema of Object.values(RECORD_SCHEMAS))
    for (const [name, field] of Object.entries(schema.shape)) {
      const kind = kindOf(field as z.ZodType);
      const known = kinds.get(name);
      kinds.set(name, known === undefined || known === kind ? kind : 'json');
    }
  return [...kinds].map(([name, kind]) => ({ name, kind }));
}
