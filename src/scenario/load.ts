// Reads a scenario: a name (`tier4` → scenarios/tier4.yaml) or a path, parsed as YAML (data only:
// no tags that construct objects, nothing executed), validated against the schema, then resolved.
// Every problem becomes a ScenarioError that names the file, the field, the value and the fix.

import { closeSync, existsSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import {
  type Document,
  isMap,
  isScalar,
  LineCounter,
  type Node,
  parseDocument,
  stringify,
} from 'yaml';
import type { z } from 'zod';
import { createStrategy, isModulePath, StrategyError } from '../domain/assignment/index.ts';
import { PACKAGE_ROOT } from '../package-root.ts';
import { grouped } from '../text/number.ts';
import {
  type FieldPath,
  formatIssue,
  formatPath,
  formatValue,
  ScenarioError,
  type ScenarioIssue,
  valueAt,
} from './errors.ts';
import { estimateOf } from './estimate.ts';
import { type Limits, limitsFor } from './limits.ts';
import { nameFromFile } from './names.ts';
import { type ResolvedScenario, resolveScenario } from './resolve.ts';
import { scenarioSchema } from './schema.ts';

/** The folder of the scenarios that ship with orgsim. */
export const SCENARIOS_DIR = join(PACKAGE_ROOT, 'scenarios');

/** The names of the scenarios orgsim ships (`tier1` … `tier4`, `mmc`, …), sorted. */
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
  doc: Document.Parsed,
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

/** Messages written in the schema itself ("must be a whole number ≥ 1"), not zod's defaults. */
const OWN_MESSAGE = /^(must|is|needs|has) /;

/** What a union accepts, from the types its branches expected. */
function formsOf(branches: readonly (readonly z.core.$ZodIssue[])[]): string {
  const names: Record<string, string> = {
    number: 'a number',
    int: 'a whole number',
    string: 'a string',
    object: 'a mapping',
    array: 'a list',
    null: 'null',
    boolean: 'true or false',
  };
  const forms = branches.flatMap((b) => {
    const first = b[0];
    if (first?.code !== 'invalid_type' || first.path.length > 0) return [];
    return [names[first.expected] ?? first.expected];
  });
  return [...new Set(forms)].join(' or ');
}

/**
 * One zod issue as a clause that says what was expected and what was found. `shown` gives a value
 * as the user wrote it (`1e400`, `.inf`), so a message never says "got null" for a number.
 */
function describe(
  issue: z.core.$ZodIssue,
  data: unknown,
  shown: (path: FieldPath) => string,
  prefix: FieldPath = [],
): { path: FieldPath; message: string; key?: string }[] {
  const path = [
    ...prefix,
    ...issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
  ];
  const got = valueAt(data, path);
  const value = shown(path);
  if (issue.code !== 'unrecognized_keys' && OWN_MESSAGE.test(issue.message))
    return [{ path, message: `${issue.message}, got ${value}` }];
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        path,
        key,
        message: `has an unknown key "${key}": remove it or check its spelling`,
      }));
    case 'invalid_type': {
      if (got === undefined) return [{ path, message: `is required (${issue.expected})` }];
      if (typeof got === 'number' && !Number.isFinite(got))
        return [{ path, message: `must be a finite number, got ${value}` }];
      const expected: Record<string, string> = {
        number: 'a number',
        int: 'a whole number',
        string: 'a string',
        object: 'a mapping of fields',
        array: 'a list',
        boolean: 'true or false',
      };
      return [
        {
          path,
          message: `must be ${expected[issue.expected] ?? `a(n) ${issue.expected}`}, got ${value}`,
        },
      ];
    }
    case 'too_small':
      return [
        {
          path,
          message: `must be ${issue.inclusive === false ? '>' : '≥'} ${String(issue.minimum)}${issue.origin === 'array' ? ' items' : issue.origin === 'string' ? ' characters long' : ''}, got ${value}`,
        },
      ];
    case 'too_big':
      return [
        {
          path,
          message: `must be ${issue.inclusive === false ? '<' : '≤'} ${String(issue.maximum)}${issue.origin === 'array' ? ' items' : issue.origin === 'string' ? ' characters long' : ''}, got ${value}`,
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
          message: `must be one of ${issue.values.map((v) => formatValue(v)).join(', ')}, got ${value}`,
        },
      ];
    case 'invalid_union': {
      if ('note' in issue && issue.note === 'No matching discriminator') {
        const expected = issue.message.replace('Invalid discriminator value. Expected ', '');
        return [{ path, message: `must be one of ${expected}, got ${value}` }];
      }
      // A branch whose type matched says what is wrong inside it: report that branch alone.
      const matched = issue.errors.filter(
        (b) =>
          !b.every(
            (i) => i.code === 'invalid_type' && i.path.length === 0 && !OWN_MESSAGE.test(i.message),
          ),
      );
      if (matched.length === 1)
        return (matched[0] ?? []).flatMap((inner) => describe(inner, data, shown, path));
      const forms = formsOf(issue.errors);
      const finite =
        typeof got === 'number' && !Number.isFinite(got)
          ? forms.replace('a number', 'a finite number')
          : forms;
      return [{ path, message: `must be ${finite}, got ${value}` }];
    }
    case 'invalid_key':
      return [
        {
          path,
          message: `has a key that is not allowed here (${issue.message}), in ${value}`,
        },
      ];
    default:
      return [{ path, message: `${issue.message}, got ${value}` }];
  }
}

/** A scenario validated and resolved: its name, its run configuration, limits and warnings. */
export interface LoadedScenario extends ResolvedScenario {
  readonly file: string;
  /** The limits this scenario loaded under, and its run must keep to. */
  readonly limits: Limits;
  /** Legal but almost certainly not meant: printed as `warning:` lines, listed in the summary. */
  readonly warnings: readonly string[];
}

/** Overrides and checks for loading a scenario: seed, strategy, engine, limits, strictness. */
export interface LoadOptions {
  readonly seed?: number;
  readonly strategy?: string;
  readonly engine?: string;
  /** Limits set knowingly, replacing the defaults (src/scenario/limits.ts). */
  readonly limits?: Partial<Limits>;
  /** Warnings become errors. */
  readonly strict?: boolean;
}

/** The largest scenario file read: a hand-written or generated scenario is far smaller. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

function readScenarioText(file: string, shown: string): string {
  const fail = (message: string): never => {
    throw new ScenarioError(shown, [{ path: [], message }]);
  };
  const limit = grouped(MAX_FILE_BYTES);
  const tooBig = (size?: number) =>
    fail(
      `is ${size === undefined ? 'more than' : `${grouped(size)} bytes, more than`} the ${limit}${size === undefined ? ' bytes' : ''} a scenario may have: describe repeated work with \`arrivals\` or \`teams: N\` instead of listing it`,
    );
  let bytes: Buffer;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) fail('is a folder: give the path of a scenario .yaml file');
    if (stat.size > MAX_FILE_BYTES) tooBig(stat.size);
    // Read at most one byte past the limit: a pipe or a device (`/dev/zero`) has no size to check.
    bytes = readAtMost(file, MAX_FILE_BYTES + 1);
  } catch (error) {
    if (error instanceof ScenarioError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    return fail(
      code === 'ENOENT'
        ? 'does not exist: give the path of a scenario file, or a name from scenarios/'
        : `cannot be read (${code ?? (error as Error).message}): check the path and its permissions`,
    );
  }
  if (bytes.length > MAX_FILE_BYTES) tooBig();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail('is not UTF-8 text: a scenario is a YAML file');
  }
}

/** The first `limit` bytes of a file (all of it when shorter), read in chunks. */
function readAtMost(file: string, limit: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    const chunk = Buffer.alloc(1 << 16);
    while (total < limit) {
      const n = readSync(fd, chunk, 0, Math.min(chunk.length, limit - total), null);
      if (n === 0) break;
      chunks.push(Buffer.from(chunk.subarray(0, n)));
      total += n;
    }
    return Buffer.concat(chunks);
  } finally {
    closeSync(fd);
  }
}

/** The scenario's data as plain values; YAML problems of every kind become ScenarioErrors. */
function parseYaml(text: string, shown: string) {
  const lines = new LineCounter();
  if (text.trim() === '')
    throw new ScenarioError(shown, [
      {
        path: [],
        line: 1,
        column: 1,
        message: 'is empty: a scenario needs at least `instructions` (see docs/scenarios.md)',
      },
    ]);
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  } catch (error) {
    throw new ScenarioError(shown, [
      { path: [], line: 1, column: 1, message: `is not valid YAML: ${(error as Error).message}` },
    ]);
  }
  // Unknown tags (`!!js/function`, `!custom`) come back as warnings: a scenario is plain data.
  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length > 0) {
    throw new ScenarioError(
      shown,
      problems.map((e) => {
        const pos = lines.linePos(e.pos[0]);
        return {
          path: [],
          line: pos.line,
          column: pos.col,
          message: /call stack/i.test(e.message)
            ? 'nests lists or mappings too deep to be a scenario: flatten it'
            : `is not valid YAML: ${e.message.split('\n')[0]}`,
        };
      }),
    );
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // An alias bomb, or nesting too deep for the stack.
    throw new ScenarioError(shown, [
      {
        path: [],
        line: 1,
        column: 1,
        message: `cannot be read as plain data: ${(error as Error).message.split('\n')[0]}; anchors and aliases (&a, *a) may be used at most 100 times`,
      },
    ]);
  }
  return { doc, lines, data };
}

/**
 * A scenario's strategy: a built-in name as it is, a module as its absolute path (relative to the
 * scenario's folder), checked to load and to export a strategy.
 */
function strategyOf(
  value: string,
  file: string,
  shown: string,
  where: (path: FieldPath) => { line?: number; column?: number },
): string {
  if (!isModulePath(value)) return value;
  const module = isAbsolute(value) ? value : resolve(dirname(file), value);
  try {
    createStrategy({ module });
  } catch (error) {
    if (!(error instanceof StrategyError)) throw error;
    throw new ScenarioError(shown, [
      // The field is named already: `strategy <file> cannot be loaded…`.
      {
        path: ['strategy'],
        message: error.message.replace(/^strategy /, ''),
        ...where(['strategy']),
      },
    ]);
  }
  return module;
}

/** A scenario file read and parsed, not yet validated: what variants of it are edited from. */
export interface ScenarioSource {
  /** The absolute path of the file. */
  readonly file: string;
  /** The file as messages name it: relative to the working directory. */
  readonly shown: string;
  readonly text: string;
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
  /** The file's data as plain values: a mapping. */
  readonly data: Readonly<Record<string, unknown>>;
}

/** Reads and parses a scenario file; throws ScenarioError when it is not a YAML mapping. */
export function readScenario(nameOrPath: string): ScenarioSource {
  const file = scenarioPath(nameOrPath);
  const shown = relative(process.cwd(), file) || file;
  return scenarioSource(readScenarioText(file, shown), file, shown);
}

/**
 * A scenario's text parsed as if read from `file` (named `shown` in messages): how a queue
 * worker on another machine reads the scenario a job carries.
 */
export function scenarioSource(text: string, file: string, shown: string): ScenarioSource {
  const { doc, lines, data } = parseYaml(text, shown);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new ScenarioError(shown, [
      {
        path: [],
        line: 1,
        column: 1,
        message: `must be a mapping of scenario fields, got ${formatValue(data)}`,
      },
    ]);
  }
  return { file, shown, text, doc, lines, data: data as Record<string, unknown> };
}

/**
 * A scenario given as an object (the data a scenario file holds), validated and resolved as a
 * file is. Messages name it `label` (default `scenario`), and it is named by its `name` field or
 * by the label.
 */
export function loadScenarioObject(
  data: Readonly<Record<string, unknown>>,
  options: LoadOptions & { readonly label?: string } = {},
): LoadedScenario {
  const label = options.label ?? 'scenario';
  // Through YAML text, so that problems are reported exactly as for a file, positions included.
  const text = stringify(data);
  const { doc, lines } = parseYaml(text, label);
  return scenarioFrom({ file: `${label}.yaml`, shown: label, text, doc, lines, data }, options);
}

/**
 * Loads, validates and resolves a scenario: a name from the shipped scenarios (`tier4`) or the
 * path of a YAML file. Throws ScenarioError, naming the file, the field and the fix, on any problem.
 */
export function loadScenario(nameOrPath: string, options: LoadOptions = {}): LoadedScenario {
  return scenarioFrom(readScenario(nameOrPath), options);
}

/**
 * Validates and resolves a scenario already read, or a variant of it: `data`, when given, is used
 * in place of the file's (positions in messages still point into the file where the field is).
 */
export function scenarioFrom(
  source: ScenarioSource,
  options: LoadOptions = {},
  data: Readonly<Record<string, unknown>> = source.data,
): LoadedScenario {
  const { file, shown, text, doc, lines } = source;
  const withOverrides = {
    ...data,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    // A module named on the command line is relative to the working directory.
    ...(options.strategy === undefined
      ? {}
      : {
          strategy: isModulePath(options.strategy) ? resolve(options.strategy) : options.strategy,
        }),
    ...(options.engine === undefined ? {} : { engine: options.engine }),
  };
  const where = (path: FieldPath, key?: string) => locate(doc, lines, path, key);
  const asWritten = (path: FieldPath): string => {
    const node = doc.getIn(path, true);
    // Numbers as written (`1e400`, `.inf`, `.nan` all parse to values JSON cannot show); strings
    // quoted, so that an empty or spaced string is visible.
    // (Not when a variant or an override replaced the value.)
    const value = valueAt(withOverrides, path);
    if (
      isScalar(node) &&
      node.range &&
      typeof node.value !== 'string' &&
      Object.is(node.value, value)
    ) {
      const source = text.slice(node.range[0], node.range[1]).trim();
      if (source !== '') return source.length > 60 ? `${source.slice(0, 57)}...` : source;
    }
    return formatValue(value);
  };
  const parsed = scenarioSchema.safeParse(withOverrides);
  if (!parsed.success) {
    const seen = new Set<string>();
    const issues: ScenarioIssue[] = parsed.error.issues
      .flatMap((issue) => describe(issue, withOverrides, asWritten))
      .filter(({ path, message, key }) => {
        const id = `${formatPath(path)}|${key ?? ''}|${message}`;
        if (seen.has(id)) return false;
        seen.add(id);
        return true;
      })
      .map(({ path, message, key }) => ({ path, message, ...where(path, key) }));
    throw new ScenarioError(shown, issues);
  }
  const checked = {
    ...parsed.data,
    strategy: strategyOf(parsed.data.strategy, file, shown, where),
  };
  const limits = limitsFor(estimateOf(checked).tasks, options.limits);
  const { resolved, issues, warnings } = resolveScenario(
    checked,
    nameFromFile(basename(file, extname(file))),
    limits,
  );
  const located = (list: readonly ScenarioIssue[]) =>
    list.map((i) => ({ ...i, ...(i.line === undefined ? where(i.path) : {}) }));
  if (resolved === undefined) throw new ScenarioError(shown, located(issues));
  if (options.strict && warnings.length > 0)
    throw new ScenarioError(
      shown,
      located(warnings).map((w) => ({ ...w, message: `${w.message} (an error with --strict)` })),
    );
  return {
    ...resolved,
    file,
    limits,
    // Named by the file's base name, not a path from the working directory: warnings go into
    // the event log, which must be the same wherever the command was run from.
    warnings: located(warnings).map((w) => formatIssue(basename(file), w)),
  };
}
