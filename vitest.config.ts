import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    env: { NO_COLOR: '1', TZ: 'UTC' },
    testTimeout: 20_000,
    pool: 'forks',
  },
});
