// Three tiers, told apart by the file name: `*.test.ts` are pure unit tests (no server; `npm run
// test:unit`), `*.int.test.ts` run against real PostgreSQL and Temporal, `*.e2e.test.ts` go through HTTP,
// a real browser or whole processes. Only the last two get the servers of test/global-setup.ts. Test
// folders mirror the source folders.
import { defineConfig } from 'vitest/config';

const withServers = ['test/**/*.int.test.ts', 'test/**/*.e2e.test.ts'];

export default defineConfig({
  test: {
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Integration tests share the machine's two cores with Postgres and Temporal.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        // Pure tests share their worker's modules instead of importing everything again per file: the
        // imports were 17 of the tier's 24 s. They keep no state between files (no module mocks; the
        // one fake-timer test restores real timers after each case).
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: withServers, isolate: false },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: withServers,
          globalSetup: ['test/global-setup.ts'],
          setupFiles: ['test/setup/quiet-temporal.ts'],
        },
      },
    ],
  },
});
