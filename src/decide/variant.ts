// A variant of a scenario: a list of changes, plain data so that worker threads can receive it.
// Changes to fields of the file are applied to its data before validation, so the scenario's own
// schema checks them; changes to staffing are applied to the resolved configuration. Both go
// through immer's `produce`: a variant shares structure with its base and cannot mutate it.

import { produce } from 'immer';
import type { Domain } from '../domain/org.ts';

/** A value a `set` change gives a field. */
export type Scalar = string | number | boolean | null;

/** One change a variant makes: to a field of the file, an event, or the staffing. */
export type Change =
  /** A field of the scenario file, by path (`overheads.intakeHours`), set to a value. */
  | { readonly kind: 'set'; readonly path: readonly (string | number)[]; readonly value: Scalar }
  /** The scenario's `events[index]` taken out. */
  | { readonly kind: 'removeEvent'; readonly index: number }
  /** `by` ICs more (or fewer, when negative) in a domain, at the domain's usual level. */
  | { readonly kind: 'addIcs'; readonly domain: Domain; readonly by: number }
  /** The domain staffed with `count` ICs in all, at the domain's usual level. */
  | { readonly kind: 'setIcs'; readonly domain: Domain; readonly count: number }
  /** A lead's working hours a day multiplied by `factor` (at most 24). */
  | { readonly kind: 'leadHours'; readonly lead: string; readonly factor: number };

/** A variant of a scenario: a label and its changes, plain data (it crosses to worker threads). */
export interface Variant {
  /** How reports name it: `strategy=critical-path-first`, `+1 security IC`, a file's name. */
  readonly label: string;
  /** A different scenario (a name or a path) instead of the base's. */
  readonly scenario?: string;
  readonly changes: readonly Change[];
}

export const BASE: Variant = { label: 'base', changes: [] };

/** Whether a change edits the file's data (before validation) rather than the resolved config. */
export function editsData(
  change: Change,
): change is Extract<Change, { kind: 'set' | 'removeEvent' }> {
  return change.kind === 'set' || change.kind === 'removeEvent';
}

type Data = Readonly<Record<string, unknown>>;

/** The scenario data with the variant's field changes; the same object when it has none. */
export function dataOf(data: Data, changes: readonly Change[]): Data {
  const edits = changes.filter(editsData);
  if (edits.length === 0) return data;
  // Events are removed last and from the end, so each index names the event of the file.
  const removals = edits
    .flatMap((c) => (c.kind === 'removeEvent' ? [c.index] : []))
    .sort((a, b) => b - a);
  return produce(data, (draft: Record<string, unknown>) => {
    for (const c of edits) if (c.kind === 'set') setAt(draft, c.path, c.value);
    const events = draft.events;
    if (Array.isArray(events)) for (const i of removals) events.splice(i, 1);
  });
}

/** Sets a value by path, creating mappings on the way (`org.calendar.hoursPerDay` on a file without `calendar`). */
function setAt(draft: Record<string, unknown>, path: readonly (string | number)[], value: Scalar) {
  let node: Record<string | number, unknown> = draft;
  for (const [i, key] of path.entries()) {
    if (i === path.length - 1) {
      node[key] = value;
      return;
    }
    const next = node[key];
    if (next === null || typeof next !== 'object') node[key] = {};
    node = node[key] as Record<string | number, unknown>;
  }
}
