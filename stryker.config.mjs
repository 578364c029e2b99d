// Mutation testing (npm run test:mutation): Stryker changes the code of the folders that hold the
// numbers users read — the kernel, the domain logic, the collectors — one mutant at a time, and the
// unit tests of those folders must notice. Slow (see README): not part of .ci/run.
// Some folders or files: MUTATE=src/kernel npm run test:mutation (comma-separated; globs work).
// The reports are named after MUTATE, or MUTATE_NAME when given (a long list of files would make
// a file name the file system refuses).
import { createHash } from 'node:crypto';

const folder = process.env.MUTATE;
const derived = folder
  ? folder.replaceAll('/', '-').replaceAll(',', '+').replaceAll('*', '')
  : 'all';
const name =
  process.env.MUTATE_NAME ??
  (derived.length <= 120
    ? derived
    : `${derived.slice(0, 100)}-${createHash('sha256').update(derived).digest('hex').slice(0, 8)}`);

export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  coverageAnalysis: 'perTest',
  mutate: folder
    ? folder.split(',').map((f) => (f.endsWith('.ts') ? f : `${f}/**/*.ts`))
    : ['src/kernel/**/*.ts', 'src/domain/**/*.ts', 'src/collect/**/*.ts'],
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  htmlReporter: { fileName: `reports/mutation/${name}.html` },
  // A second run re-tests only the mutants whose code or covering tests changed.
  incremental: true,
  incrementalFile: `reports/mutation/${name}.incremental.json`,
  concurrency: 2,
  timeoutMS: 5_000,
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
  // Stryker would rewrite tsconfig.json through TypeScript's JavaScript API, which TypeScript 7 (the
  // native compiler) no longer has; vitest needs no tsconfig rewriting, so none is named.
  tsconfigFile: 'no-tsconfig-for-stryker.json',
};
