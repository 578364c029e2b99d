// The tests Stryker runs against each mutant: those of the folders it mutates and of the org and
// scenarios they feed (not the slow command-line, package and benchmark-like suites).
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
    testTimeout: 60_000,
  },
});
