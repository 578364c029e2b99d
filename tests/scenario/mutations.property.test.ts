// Every file a careless edit can make of a shipped scenario either runs to its end or is refused
// with a ScenarioError, within bounded time and memory: a key deleted, a value of the wrong type,
// a number made negative, zero, huge or not a number, a list item duplicated, the file cut short.
// A run-time limit may stop a run (RunLimitError, exit 3); nothing else may escape.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { runSimulation } from '../../src/org/run.ts';
import { ScenarioError } from '../../src/scenario/errors.ts';
import type { Limits } from '../../src/scenario/limits.ts';
import { loadScenario, SCENARIOS_DIR } from '../../src/scenario/load.ts';

const dir = mkdtempSync(join(tmpdir(), 'orgsim-mutate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Small enough that a mutated scenario runs in well under a second, or is refused at load. */
const LIMITS: Limits = {
  people: 200,
  instructions: 200,
  tasks: 2_000,
  events: 400_000,
  hours: 1e6,
};
const SOURCES = ['tier1', 'tier2', 'tier3', 'p0-incident', 'ic-outage', 'multi-instruction-week'];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/** Every path into the document, containers and leaves alike (the root excluded). */
function pathsOf(value: Json, at: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [];
  const entries: [string | number, Json][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value);
  return entries.flatMap(([k, v]) => [[...at, k], ...pathsOf(v, [...at, k])]);
}

function parentOf(doc: Json, path: Path): Json[] | { [key: string]: Json } {
  let node = doc;
  for (const key of path.slice(0, -1)) node = (node as Record<string | number, Json>)[key] as Json;
  return node as Json[] | { [key: string]: Json };
}

const REPLACEMENTS: Json[] = [-1, -1e9, 0, 0.5, 1e9, 1e308, 'abc', '', true, null, [], {}];

type Mutation =
  | { kind: 'delete'; pick: number }
  | { kind: 'replace'; pick: number; value: Json }
  | { kind: 'duplicate'; pick: number }
  | { kind: 'truncate'; fraction: number }
  | { kind: 'special'; pick: number; text: '.inf' | '-.inf' | '.nan' | '1e400' };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('replace' as const),
    pick: fc.nat(),
    value: fc.constantFrom(...REPLACEMENTS),
  }),
  fc.record({ kind: fc.constant('duplicate' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('truncate' as const),
    fraction: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
  fc.record({
    kind: fc.constant('special' as const),
    pick: fc.nat(),
    text: fc.constantFrom('.inf' as const, '-.inf' as const, '.nan' as const, '1e400' as const),
  }),
);

/** The mutated file's text. */
function mutate(text: string, m: Mutation): string {
  if (m.kind === 'truncate') return text.slice(0, Math.floor(text.length * m.fraction));
  const doc = parse(text) as Json;
  const paths = pathsOf(doc);
  const path = paths[m.pick % paths.length] as Path;
  const parent = parentOf(doc, path);
  const key = path.at(-1) as string | number;
  const here = parent as Record<string | number, Json>;
  if (m.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete here[key];
  } else if (m.kind === 'replace') here[key] = m.value;
  else if (m.kind === 'special') here[key] = `__SPECIAL__${m.text}`;
  else {
    // Duplicate the nearest list item on the path.
    const listAt = [...path]
      .reverse()
      .findIndex((_, i) => Array.isArray(parentOf(doc, path.slice(0, path.length - i))));
    if (listAt >= 0) {
      const itemPath = path.slice(0, path.length - listAt);
      const list = parentOf(doc, itemPath) as Json[];
      const index = itemPath.at(-1) as number;
      list.splice(index, 0, structuredClone(list[index] as Json));
    }
  }
  return stringify(doc).replace(/["']?__SPECIAL__([^"'\n]+)["']?/g, '$1');
}

describe('mutated shipped scenarios', () => {
  it('run to their end or are refused with a scenario error, in bounded time and memory', () => {
    const texts = new Map(
      SOURCES.map((s) => [s, readFileSync(join(SCENARIOS_DIR, `${s}.yaml`), 'utf8')]),
    );
    let n = 0;
    const seen = { refused: 0, ran: 0, stopped: 0 };
    fc.assert(
      fc.property(fc.constantFrom(...SOURCES), mutation, (source, m) => {
        const file = join(dir, `m-${n++}.yaml`);
        writeFileSync(file, mutate(texts.get(source) as string, m));
        let scenario: ReturnType<typeof loadScenario>;
        try {
          scenario = loadScenario(file, { limits: LIMITS });
        } catch (error) {
          if (!(error instanceof ScenarioError)) throw error;
          expect(error.message).toContain(`m-${n - 1}.yaml`);
          seen.refused++;
          return;
        }
        try {
          runSimulation(scenario.config, scenario.name, { limits: LIMITS });
          seen.ran++;
        } catch (error) {
          if ((error as Error).name !== 'RunLimitError') throw error;
          seen.stopped++;
        }
        expect(process.memoryUsage().rss).toBeLessThan(2e9);
      }),
      // CI runs 150 cases of one seed; MUT_RUNS and MUT_SEED widen the search by hand.
      { numRuns: Number(process.env.MUT_RUNS ?? 150), seed: Number(process.env.MUT_SEED ?? 10) },
    );
    // The mutations must exercise both sides: some files still run, most are refused.
    expect(seen.ran).toBeGreaterThan(10);
    expect(seen.refused).toBeGreaterThan(40);
  }, 180_000);
});
