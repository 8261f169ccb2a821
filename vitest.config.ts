import { defineConfig } from 'vitest/config';

// No test uses the network (the product never does), so the extra CA bundle that
// NODE_EXTRA_CA_CERTS makes every Node process parse at start-up is dropped: for the test
// workers forked after this (they inherit this process's environment) and, through `env` below,
// for the hundreds of `bin/` processes the tests spawn. On the CI machines it costs ~70–95 ms per
// start.
process.env.NODE_EXTRA_CA_CERTS = '';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The end-to-end tests spawn dist/: build it first when it is older than src/.
    globalSetup: ['tests/setup/fresh-build.ts'],
    // With CI=true a skipped test fails the run (tests/setup/no-skips-in-ci.ts).
    reporters: ['default', './tests/setup/no-skips-in-ci.ts'],
    env: { NO_COLOR: '1', TZ: 'UTC', NODE_EXTRA_CA_CERTS: '' },
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
