import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    pool: 'forks',
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/setup/quiet-temporal.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Integration tests share the machine's two cores with Postgres and Temporal.
    maxWorkers: 2,
  },
});
