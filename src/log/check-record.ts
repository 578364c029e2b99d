// Checks one parsed line of an event log against the log's schema: the record's `type` picks its
// schema, and the first thing wrong becomes a clause naming the field, what it must be and what it
// is — "tasks[1].priority must be ≤ 3, got 7".

import type { z } from 'zod';
import { formatPath, formatValue, valueAt } from '../scenario/errors.ts';
import type { LogRecord } from './records.ts';
import { RECORD_SCHEMAS, RECORD_TYPES, type RecordType } from './schema.ts';

export type RecordCheck =
  | { readonly ok: true; readonly record: LogRecord }
  | { readonly ok: false; readonly problem: string };

function isRecordType(type: string): type is RecordType {
  return Object.hasOwn(RECORD_SCHEMAS, type);
}

export function checkRecord(value: unknown): RecordCheck {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return { ok: false, problem: `must be a JSON object (one record), got ${shown(value)}` };
  const type: unknown = (value as { type?: unknown }).type;
  if (typeof type !== 'string' || !isRecordType(type)) {
    return {
      ok: false,
      problem: `type must be a record type of an orgsim log (${RECORD_TYPES.join(', ')}), got ${shown(type)}`,
    };
  }
  const parsed = RECORD_SCHEMAS[type].safeParse(value);
  // The value as read, not zod's copy: its keys stay in the order the writer wrote them.
  if (parsed.success) return { ok: true, record: value as LogRecord };
  const issue = parsed.error.issues[0] as z.core.$ZodIssue;
  return { ok: false, problem: describe(issue, value) };
}

/** One zod issue as "<field> must be <what>, got <value>". */
function describe(issue: z.core.$ZodIssue, record: object): string {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const got = valueAt(record, path);
  const field = formatPath(path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const where = path.length === 0 ? `the ${typeName(record)} record` : field;
      return `${where} has an unknown key "${issue.keys[0]}"`;
    }
    case 'invalid_type':
      return `${field} must be ${expectedType(issue.expected)}, got ${shown(got)}`;
    case 'too_small':
      return `${field} must be ${bound(issue.origin, '≥', '>', issue.minimum, issue.inclusive)}, got ${shown(got)}`;
    case 'too_big':
      return `${field} must be ${bound(issue.origin, '≤', '<', issue.maximum, issue.inclusive)}, got ${shown(got)}`;
    case 'invalid_value':
      return `${field} must be one of ${issue.values.map((v) => formatValue(v)).join(', ')}, got ${shown(got)}`;
    default:
      return `${field}: ${issue.message}, got ${shown(got)}`;
  }
}

function typeName(record: object): string {
  return String((record as { type?: unknown }).type);
}

function expectedType(expected: string): string {
  const names: Record<string, string> = {
    number: 'a number',
    int: 'a whole number',
    string: 'a string',
    boolean: 'true or false',
    object: 'a JSON object',
    array: 'a list',
    null: 'null',
  };
  return names[expected] ?? `a(n) ${expected}`;
}

function bound(
  origin: string,
  inclusiveSign: string,
  strictSign: string,
  limit: unknown,
  inclusive: boolean | undefined,
): string {
  const sign = inclusive === false ? strictSign : inclusiveSign;
  if (origin === 'string')
    return Number(limit) === 1 ? 'a non-empty string' : `${sign} ${String(limit)} characters`;
  if (origin === 'array') return `a list of ${sign} ${String(limit)} items`;
  return `${sign} ${String(limit)}`;
}

/** A value as the log holds it; JSON turns a number too large for a double into Infinity. */
function shown(value: unknown): string {
  if (typeof value === 'number' && !Number.isFinite(value))
    return `a number too large to hold (${value})`;
  return formatValue(value);
}
