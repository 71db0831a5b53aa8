// Provisions the real servers once per `vitest run`: a throwaway embedded PostgreSQL (or DATABASE_URL)
// and the Temporal binaries (dev server CLI and time-skipping test server). Test files get what they
// need through `inject(...)`; see test/support/.
import type { TestProject } from 'vitest/node';
import { setupPostgres } from './setup/postgres.ts';
import { setupTemporal } from './setup/temporal.ts';

export default async function globalSetup(project: TestProject): Promise<() => Promise<void>> {
  const [postgres, temporal] = await Promise.all([setupPostgres(), setupTemporal()]);
  project.provide('databaseUrl', postgres.url);
  project.provide('temporalCliPath', temporal.cliPath);
  project.provide('testServerPath', temporal.testServerPath);
  return async () => {
    await postgres.stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of the test run's PostgreSQL; each test file makes its own database on it. */
    databaseUrl: string;
    /** Path of the Temporal CLI (dev server), for `{ type: 'existing-path' }`. */
    temporalCliPath: string;
    /** Path of the time-skipping test server wrapper, for `{ type: 'existing-path' }`. */
    testServerPath: string;
  }
}
