// `--vary key=v1,v2` as variants: a field of the scenario file by its dotted path, set to each
// value in turn (values read as YAML scalars: 2, 0.5, true, null, text); `ics.<domain>` staffs a
// domain with that many ICs. Several --vary flags give every combination (a full factorial).

import { resolve } from 'node:path';
import { parse } from 'yaml';
import type { Change, Scalar, Variant } from '../decide/variant.ts';
import { isModulePath } from '../domain/assignment/index.ts';
import { DOMAINS, type Domain } from '../domain/org.ts';
import { UsageError } from './usage-error.ts';

const SEGMENT = /^[A-Za-z_$][\w$-]*$|^\d+$/;

/** One --vary flag: its key's changes, one per value. */
export function parseVary(spec: string): Array<{ label: string; change: Change }> {
  const eq = spec.indexOf('=');
  const key = spec.slice(0, eq).trim();
  const list = spec.slice(eq + 1);
  if (eq <= 0 || list.trim() === '')
    throw new UsageError(
      `--vary takes key=value1,value2 (e.g. strategy=weighted,critical-path-first or ics.security=1,2,3), got "${spec}"`,
    );
  const path = key.split('.');
  if (!path.every((p) => SEGMENT.test(p)))
    throw new UsageError(
      `--vary ${spec}: "${key}" is not a field path; write the scenario's field names joined by dots, e.g. overheads.intakeHours`,
    );
  const values = list.split(',').map((v) => v.trim());
  if (values.some((v) => v === ''))
    throw new UsageError(`--vary ${spec}: a value is empty; separate values with single commas`);
  return values.map((text) => {
    const label = `${key}=${text}`;
    if (path[0] === 'ics' && path.length === 2) {
      const domain = path[1] as string;
      if (!(DOMAINS as readonly string[]).includes(domain))
        throw new UsageError(
          `--vary ${spec}: "${domain}" is not a domain; use one of ${DOMAINS.join(', ')}`,
        );
      const count = Number(text);
      if (!/^\d+$/.test(text))
        throw new UsageError(
          `--vary ${spec}: an IC count must be a whole number ≥ 0, got "${text}"`,
        );
      return { label, change: { kind: 'setIcs', domain: domain as Domain, count } };
    }
    // A strategy module given here is relative to the working directory, not to the scenario.
    const value = key === 'strategy' && isModulePath(text) ? resolve(text) : scalarOf(text);
    return {
      label,
      change: { kind: 'set', path: path.map((p) => (/^\d+$/.test(p) ? Number(p) : p)), value },
    };
  });
}

function scalarOf(text: string): Scalar {
  try {
    const v: unknown = parse(text);
    if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) return v as Scalar;
  } catch {
    // Not YAML: the text itself.
  }
  return text;
}

/** Every combination of the flags' values, the first flag varying slowest. */
export function variantsOf(
  specs: readonly string[],
  base: Variant = { label: '', changes: [] },
): Variant[] {
  let out: Variant[] = [base];
  for (const spec of specs) {
    const options = parseVary(spec);
    out = out.flatMap((v) =>
      options.map((o) => ({
        ...v,
        label: v.label === '' ? o.label : `${v.label}, ${o.label}`,
        changes: [...v.changes, o.change],
      })),
    );
  }
  return out;
}
