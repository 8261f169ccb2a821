// Mutation testing of the pure core (README "Mutation testing"). `npm run mutate` runs this, then
// scripts/check-mutation-score.mjs, which reads the report, subtracts the mutants listed in
// mutation/equivalent-mutants.json and fails below the targets.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.stryker.config.ts' },
  mutate: ['src/core/**/*.ts'],
  coverageAnalysis: 'perTest',
  // Two cores: one test runner each. The machine is shared, so timeouts get headroom.
  concurrency: 2,
  timeoutMS: 10_000,
  // Checked in: a re-run tests only the mutants whose code or covering tests changed.
  incremental: true,
  incrementalFile: 'mutation/stryker-incremental.json',
  reporters: ['clear-text', 'progress-append-only', 'json'],
  jsonReporter: { fileName: 'mutation/report.json' },
  clearTextReporter: { reportScoreTable: true, allowColor: false, logTests: false },
  ignorePatterns: ['dist', 'bench-out', 'coverage', 'mutation', '.stryker-tmp*'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  thresholds: { high: 95, low: 90, break: null },
};
