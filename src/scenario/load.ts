// Reads a scenario: a name (`tier4` → scenarios/tier4.yaml) or a path, parsed as YAML (data only:
// no tags that construct objects, nothing executed), validated against the schema, then resolved.
// Every problem becomes a ScenarioError that names the file, the field, the value and the fix.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join, relative, resolve } from 'node:path';
import { isMap, isScalar, LineCounter, type Node, parseDocument } from 'yaml';
import type { z } from 'zod';
import { type FieldPath, formatValue, ScenarioError, type ScenarioIssue } from './errors.ts';
import { type ResolvedScenario, resolveScenario } from './resolve.ts';
import { scenarioSchema } from './schema.ts';

/** The folder of the scenarios that ship with orgsim. */
export const SCENARIOS_DIR = resolve(import.meta.dirname, '..', '..', 'scenarios');

export function scenarioNames(): string[] {
  return readdirSync(SCENARIOS_DIR)
    .filter((f) => extname(f) === '.yaml')
    .map((f) => basename(f, '.yaml'))
    .sort();
}

/** The file a name or path refers to. */
export function scenarioPath(nameOrPath: string): string {
  const looksLikePath =
    nameOrPath.includes('/') || nameOrPath.includes('\\') || /\.ya?ml$/.test(nameOrPath);
  if (looksLikePath) return resolve(nameOrPath);
  const file = join(SCENARIOS_DIR, `${nameOrPath}.yaml`);
  if (!existsSync(file)) {
    throw new ScenarioError(nameOrPath, [
      {
        path: [],
        message: `is not a scenario name: there is no scenarios/${nameOrPath}.yaml. Known: ${scenarioNames().join(', ')}`,
      },
    ]);
  }
  return file;
}

/** Where a field sits in the YAML source, if the parser kept it. */
function locate(
  doc: ReturnType<typeof parseDocument>,
  lines: LineCounter,
  path: FieldPath,
  key?: string,
): { line?: number; column?: number } {
  let node: unknown = doc.getIn(path, true);
  if (key !== undefined && isMap(node)) {
    node = node.items.find((pair) => isScalar(pair.key) && pair.key.value === key)?.key;
  }
  // A missing field: point at the nearest parent that exists.
  for (let cut = path.length; (node === undefined || node === null) && cut > 0; cut--)
    node = doc.getIn(path.slice(0, cut - 1), true);
  const range = (node as Node | undefined)?.range;
  if (!range) return {};
  const pos = lines.linePos(range[0]);
  return { line: pos.line, column: pos.col };
}

function valueAt(data: unknown, path: FieldPath): unknown {
  let v: unknown = data;
  for (const p of path)
    v =
      v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[p] : undefined;
  return v;
}

/** One zod issue as a clause that says what was expected and what was found. */
function describe(
  issue: z.core.$ZodIssue,
  data: unknown,
): { path: FieldPath; message: string; key?: string }[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const got = valueAt(data, path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        path,
        key,
        message: `has an unknown key "${key}": remove it or check its spelling`,
      }));
    case 'invalid_type':
      return [
        {
          path,
          message:
            got === undefined
              ? `is required (${issue.expected})`
              : `must be ${issue.expected === 'number' ? 'a number' : `a(n) ${issue.expected}`}, got ${formatValue(got)}`,
        },
      ];
    case 'too_small':
      return [
        {
          path,
          message: `must be ${issue.inclusive === false ? '>' : '≥'} ${String(issue.minimum)}${issue.origin === 'array' ? ' items' : ''}, got ${formatValue(got)}`,
        },
      ];
    case 'too_big':
      return [
        {
          path,
          message: `must be ${issue.inclusive === false ? '<' : '≤'} ${String(issue.maximum)}, got ${formatValue(got)}`,
        },
      ];
    case 'invalid_value':
      if (got === undefined)
        return [
          {
            path,
            message: `is required: one of ${issue.values.map((v) => formatValue(v)).join(', ')}`,
          },
        ];
      return [
        {
          path,
          message: `must be one of ${issue.values.map((v) => formatValue(v)).join(', ')}, got ${formatValue(got)}`,
        },
      ];
    case 'invalid_union': {
      if ('note' in issue && issue.note === 'No matching discriminator') {
        const expected = issue.message.replace('Invalid discriminator value. Expected ', '');
        return [{ path, message: `must be one of ${expected}, got ${formatValue(got)}` }];
      }
      return [{ path, message: `does not match any allowed form, got ${formatValue(got)}` }];
    }
    case 'invalid_key':
      return [
        {
          path,
          message: `has a key that is not allowed here (${issue.message}), in ${formatValue(got)}`,
        },
      ];
    default:
      return [{ path, message: `${issue.message}, got ${formatValue(got)}` }];
  }
}

export interface LoadedScenario extends ResolvedScenario {
  readonly file: string;
}

/** Loads, validates and resolves a scenario; throws ScenarioError on any problem. */
export function loadScenario(
  nameOrPath: string,
  overrides: { seed?: number; strategy?: string; engine?: string } = {},
): LoadedScenario {
  const file = scenarioPath(nameOrPath);
  const shown = relative(process.cwd(), file) || file;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'does not exist'
        : `cannot be read (${(error as Error).message})`;
    throw new ScenarioError(shown, [
      {
        path: [],
        message: `${reason}: give the path of a scenario file, or a name from scenarios/`,
      },
    ]);
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ScenarioError(
      shown,
      doc.errors.map((e) => {
        const pos = lines.linePos(e.pos[0]);
        return {
          path: [],
          line: pos.line,
          column: pos.col,
          message: `is not valid YAML: ${e.message.split('\n')[0]}`,
        };
      }),
    );
  }
  const data = doc.toJS({ maxAliasCount: 100 }) ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new ScenarioError(shown, [
      {
        path: [],
        line: 1,
        column: 1,
        message: `must be a mapping of scenario fields, got ${formatValue(data)}`,
      },
    ]);
  }
  const withOverrides = {
    ...data,
    ...(overrides.seed === undefined ? {} : { seed: overrides.seed }),
    ...(overrides.strategy === undefined ? {} : { strategy: overrides.strategy }),
    ...(overrides.engine === undefined ? {} : { engine: overrides.engine }),
  };
  const parsed = scenarioSchema.safeParse(withOverrides);
  if (!parsed.success) {
    const issues: ScenarioIssue[] = parsed.error.issues.flatMap((issue) =>
      describe(issue, withOverrides).map(({ path, message, key }) => ({
        path,
        message,
        ...locate(doc, lines, path, key),
      })),
    );
    throw new ScenarioError(shown, issues);
  }
  const { resolved, issues } = resolveScenario(parsed.data, basename(file, extname(file)));
  if (resolved === undefined) {
    throw new ScenarioError(
      shown,
      issues.map((i) => ({ ...i, ...locate(doc, lines, i.path) })),
    );
  }
  return { ...resolved, file };
}
