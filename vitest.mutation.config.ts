// The tests Stryker runs against each mutant: those of the folders it mutates and of the org and
// scenarios they feed — not the slow command-line, package and benchmark-like suites, nor the
// property and model-based suites that run hundreds of simulations per mutant (each of them
// would cost minutes per mutant; they run in `npm test`).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'tests/kernel/**/*.test.ts',
      'tests/domain/**/*.test.ts',
      'tests/collect/**/*.test.ts',
      'tests/golden/**/*.test.ts',
      'tests/machines/**/*.test.ts',
      'tests/org/**/*.test.ts',
    ],
    exclude: [
      'tests/org/invariants.test.ts',
      'tests/org/events.property.test.ts',
      'tests/machines/task.model.test.ts',
      'tests/machines/task.property.test.ts',
    ],
    testTimeout: 60_000,
  },
});
