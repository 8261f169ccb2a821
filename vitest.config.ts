import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The end-to-end tests spawn dist/: build it first when it is older than src/.
    globalSetup: ['tests/setup/fresh-build.ts'],
    env: { NO_COLOR: '1', TZ: 'UTC' },
    testTimeout: 20_000,
    pool: 'forks',
  },
});
