// orgsim as a library: what the decision commands do, callable from a script. Everything not
// exported here is internal and may change.

export type { BatchRow } from './batch/row.ts';
export type { BatchOptions, PoolOptions } from './batch/run-batch.ts';
export { replicationSeeds, runBatch, strategyVariant } from './batch/run-batch.ts';
export type {
  CompareOptions,
  Comparison,
  PairedDifference,
  VariantResult,
} from './decide/compare.ts';
export { compare } from './decide/compare.ts';
export type { Forecast, ForecastOptions, Frequency } from './decide/forecast.ts';
export { forecast } from './decide/forecast.ts';
export type { Metric } from './decide/metrics.ts';
export { METRICS } from './decide/metrics.ts';
export type { RunOptions } from './decide/replicate.ts';
export { VariantError } from './decide/staffing.ts';
export type { SampleSummary } from './decide/summarize.ts';
export type { Change, Scalar, Variant } from './decide/variant.ts';
export type { Change as WhatifChange, Whatif, WhatifOptions } from './decide/whatif.ts';
export { whatif } from './decide/whatif.ts';
export { ScenarioError } from './scenario/errors.ts';
export type { LoadedScenario, LoadOptions } from './scenario/load.ts';
export { loadScenario } from './scenario/load.ts';
