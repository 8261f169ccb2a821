import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    env: { NO_COLOR: '1', TZ: 'UTC' },
    testTimeout: 20_000,
    pool: 'forks',
    // The HTML report's style sheet is imported as text (`report.css?raw`), as the build inlines it.
    css: { include: [/report\.css/] },
  },
});
