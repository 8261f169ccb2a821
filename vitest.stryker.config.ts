import { defineConfig } from 'vitest/config';

/**
 * The tests StrykerJS runs against each mutant of src/core (stryker.config.mjs). Only the tests
 * that load src/core in-process can kill a mutant: the end-to-end tests spawn the built bundle in
 * dist/, which Stryker does not rebuild, so they would only cost time.
 */
export default defineConfig({
  test: {
    include: ['tests/core/**/*.test.ts'],
    env: { NO_COLOR: '1', TZ: 'UTC' },
    testTimeout: 20_000,
    pool: 'forks',
  },
});
