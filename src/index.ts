// orgsim as a library: load a scenario (a file or an object), run it, compute its reports from the
// event log, format them, and decide from many runs (forecast, compare, whatif). Everything not
// exported here is internal and may change without a major version.

// Many runs
export type { Job } from './batch/job.ts';
export type { BatchRow } from './batch/row.ts';
export type { BatchOptions, JobRunner, PoolOptions } from './batch/run-batch.ts';
export { replicationSeeds, runBatch, runJobs, strategyVariant } from './batch/run-batch.ts';
export type { Bottleneck, Capacity, Costs, Reports, StandupDay, Summary } from './collect/index.ts';
export { collect, reportsOf } from './collect/index.ts';
export type {
  CompareOptions,
  Comparison,
  PairedDifference,
  VariantResult,
} from './decide/compare.ts';
export { compare } from './decide/compare.ts';
export type { Forecast, ForecastOptions, Frequency } from './decide/forecast.ts';
export { forecast } from './decide/forecast.ts';
export type { Metric, RunFigures } from './decide/metrics.ts';
export { METRICS } from './decide/metrics.ts';
export type { RunOptions } from './decide/replicate.ts';
export { VariantError } from './decide/staffing.ts';
export type { SampleSummary } from './decide/summarize.ts';
export type { Change, Scalar, Variant } from './decide/variant.ts';
export type { Change as WhatifChange, Whatif, WhatifOptions } from './decide/whatif.ts';
export { whatif } from './decide/whatif.ts';
// Assignment strategies: implement AssignmentStrategy in a module and name it in a scenario
export type {
  AssignmentStrategy,
  IcView,
  StrategyContext,
  StrategySource,
  TaskView,
} from './domain/assignment/index.ts';
export { StrategyError } from './domain/assignment/index.ts';
export { logToArrow } from './log/arrow.ts';
export { EventLog, type LogRecord } from './log/event-log.ts';

// One run and its reports
export { type RunScenarioOptions, runScenario } from './org/run.ts';
export { htmlReport } from './report/html.ts';
export { allMarkdown as markdownReports } from './report/markdown.ts';
export { terminalReport } from './report/terminal.ts';
export { ScenarioError } from './scenario/errors.ts';
export type { Limits } from './scenario/limits.ts';
// Scenarios
export type { LoadedScenario, LoadOptions } from './scenario/load.ts';
export { loadScenario, loadScenarioObject, scenarioNames } from './scenario/load.ts';
