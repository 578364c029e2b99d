// Errors in a scenario file, each naming the file, the field path, the offending value and what
// is expected, with the line and column when the YAML parser knows them.

import { grouped } from '../text/number.ts';

export type FieldPath = ReadonlyArray<string | number>;

export interface ScenarioIssue {
  readonly path: FieldPath;
  /** What is wrong and what is expected, as one clause: "must be a whole number ≥ 0". */
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

/** `org.teams[0].ics.backend` */
export function formatPath(path: FieldPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out === '' ? '(the file)' : out;
}

/** The value at `path` inside plain data, or undefined where the path leads nowhere. */
export function valueAt(data: unknown, path: FieldPath): unknown {
  let v: unknown = data;
  for (const p of path)
    v =
      v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[p] : undefined;
  return v;
}

/** A value as it appears in a message: short, and JSON so that strings show their quotes. */
export function formatValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** The most problems printed: a generated file can have thousands, and the first say enough. */
export const MAX_SHOWN = 100;

/** A scenario that cannot run: its file and every problem, each with the field path and the fix. */
export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';

  constructor(
    readonly file: string,
    readonly issues: readonly ScenarioIssue[],
  ) {
    const shown = issues.slice(0, MAX_SHOWN).map((i) => formatIssue(file, i));
    if (issues.length > MAX_SHOWN)
      shown.push(
        `${file}: … and ${grouped(issues.length - MAX_SHOWN)} more problems: fix these first`,
      );
    super(shown.join('\n'));
  }
}

export function formatIssue(file: string, issue: ScenarioIssue): string {
  const where = issue.line === undefined ? file : `${file}:${issue.line}:${issue.column ?? 1}`;
  return `${where}: ${formatPath(issue.path)} ${issue.message}`;
}
