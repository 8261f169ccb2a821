import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The end-to-end tests spawn dist/: build it first when it is older than src/.
    globalSetup: ['tests/setup/fresh-build.ts'],
    // With CI=true a skipped test fails the run (tests/setup/no-skips-in-ci.ts).
    reporters: ['default', './tests/setup/no-skips-in-ci.ts'],
    env: { NO_COLOR: '1', TZ: 'UTC' },
    testTimeout: 20_000,
    pool: 'forks',
    // The HTML report's style sheet is imported as text (`report.css?raw`), as the build inlines it.
    css: { include: [/report\.css/] },
    // Both cores, one test file each. Vitest's default in `run` leaves one core idle on a
    // two-core machine; the tests that spawn many processes (batch, fuzzing) cap their own
    // concurrency, so two files at once stay within their timeouts (README "Tests").
    maxWorkers: 2,
    fileParallelism: true,
  },
});
