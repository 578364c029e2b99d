// One replication as a job a worker can run: which scenario, which variant of it, which seed.
// A worker reads and parses each scenario file once and keeps each variant's data, so a batch of
// a thousand replications validates and resolves a thousand times but parses once.

import { createHash } from 'node:crypto';
import { loadOptionsOf, variantScenario } from '../decide/checks.ts';
import { BASE, dataOf, type Variant } from '../decide/variant.ts';
import { runSimulation } from '../org/run.ts';
import type { Limits } from '../scenario/limits.ts';
import { readScenario, type ScenarioSource, scenarioSource } from '../scenario/load.ts';
import { type BatchRow, rowOf } from './row.ts';

export interface Job {
  /** A scenario name from scenarios/ or a path; with `source`, the name messages give it. */
  readonly scenario: string;
  /**
   * The scenario as the submitter read it, for a worker on another machine: its text is parsed
   * in place of reading `scenario`, and `file` is where relative paths in it (a strategy module)
   * are resolved from.
   */
  readonly source?: { readonly text: string; readonly file: string };
  readonly seed: number;
  readonly variant?: Variant;
  /** Hours at the start left out of the row's rate statistics. */
  readonly warmupHours?: number;
  readonly limits?: Partial<Limits>;
  readonly strict?: boolean;
}

const sources = new Map<string, ScenarioSource>();
const variants = new Map<string, { data: Readonly<Record<string, unknown>>; declared: string[] }>();

/** The variant's scenario data and its own instructions' ids, parsed and edited once per thread. */
function prepared(job: Job) {
  const origin = job.source
    ? `${job.source.file}\u0000${createHash('sha256').update(job.source.text).digest('hex')}`
    : job.scenario;
  const key = `${origin}\u0000${JSON.stringify(job.variant?.changes ?? [])}`;
  const known = variants.get(key);
  if (known) return { source: sources.get(origin) as ScenarioSource, ...known };
  const source =
    sources.get(origin) ??
    (job.source
      ? scenarioSource(job.source.text, job.source.file, job.scenario)
      : readScenario(job.scenario));
  sources.set(origin, source);
  const data = dataOf(source.data, job.variant?.changes ?? []);
  const list = Array.isArray(data.instructions) ? (data.instructions as unknown[]) : [];
  const declared = list.map((x, i) => {
    const id = (x as { id?: unknown } | null)?.id;
    return typeof id === 'string' ? id : `I${i + 1}`;
  });
  const entry = { data, declared };
  variants.set(key, entry);
  return { source, ...entry };
}

export function runJob(job: Job): BatchRow {
  const { source, data, declared } = prepared(job);
  const { scenario, config } = variantScenario(
    source,
    data,
    job.variant ?? BASE,
    job.seed,
    loadOptionsOf(job),
  );
  const { log } = runSimulation(config, scenario.name, {
    limits: scenario.limits,
    warnings: scenario.warnings,
  });
  return rowOf(log.records, {
    ...(job.warmupHours === undefined ? {} : { warmupHours: job.warmupHours }),
    instructions: declared,
    variant: job.variant?.label ?? 'base',
  });
}
