// Every kind of record the event log holds, as TypeScript types inferred from the log's schema
// (schema.ts): what the run writes and what `orgsim report` accepts cannot drift apart. Plain
// JSON-serialisable objects, each stamped with the simulated time `t`; reports use these alone.

import type { z } from 'zod';
import type { Calendar } from '../domain/calendar.ts';
import type { EscalationLevel, EscalationRole } from '../domain/escalation.ts';
import type { EscalationAction, EscalationOutcome } from '../domain/escalation-policy.ts';
import type { Tier } from '../domain/gates.ts';
import type { Role } from '../domain/org.ts';
import type { SlaState } from '../domain/sla.ts';
import type { TaskReport } from '../domain/task-events.ts';
import type * as field from './fields.ts';
import type { RECORD_SCHEMAS, RecordType } from './schema.ts';

/** A record of the log, of any type. */
export type LogRecord = {
  [Type in RecordType]: z.infer<(typeof RECORD_SCHEMAS)[Type]>;
}[RecordType];

type WithoutTime<R> = R extends unknown ? Omit<R, 't'> : never;

/** What the org's actors record (`world.record`); the task machine's reports are the rest. */
export type OrgRecord = WithoutTime<Exclude<LogRecord, { type: TaskReport['type'] }>>;

export type Protocol = z.infer<typeof field.protocol>;
export type BudgetScope = z.infer<typeof field.budgetScope>;
export type WorkOutcome = z.infer<typeof field.workOutcome>;

// Compile-time checks that the schema says what the domain's own types say: the task machine's
// reports and the enums the domain declares as types. Changing one side alone fails typecheck.

/**
 * True when A and B are each assignable to the other and have the same keys, record type by record
 * type: an optional key that only one side has is a difference too.
 */
type Same<A, B> = [A] extends [B]
  ? [B] extends [A]
    ? [KeyNames<A>] extends [KeyNames<B>]
      ? [KeyNames<B>] extends [KeyNames<A>]
        ? true
        : false
      : false
    : false
  : false;
/** `task.gate.reviewer` for each key of each record type; an object's keys; nothing for a value. */
type KeyNames<T> = T extends { type: string }
  ? `${T['type']}.${keyof T & string}`
  : T extends object
    ? keyof T
    : never;
type Holds<Check extends true> = Check;

export type SchemaMatchesDomain = [
  Holds<Same<WithoutTime<Extract<LogRecord, { type: TaskReport['type'] }>>, TaskReport>>,
  Holds<Same<z.infer<typeof field.calendar>, Calendar>>,
  Holds<Same<z.infer<typeof field.role>, Role>>,
  Holds<Same<z.infer<typeof field.tier>, Tier>>,
  Holds<Same<z.infer<typeof field.slaState>, SlaState>>,
  Holds<Same<z.infer<typeof field.escalationLevel>, EscalationLevel>>,
  Holds<Same<z.infer<typeof field.escalationRole>, EscalationRole>>,
  Holds<Same<z.infer<typeof field.escalationAction>, EscalationAction>>,
  Holds<Same<z.infer<typeof field.escalationOutcome>, EscalationOutcome>>,
];
