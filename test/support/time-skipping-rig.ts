// The rig of a journey test: a fresh time-skipping server and a siklus worker's database for one describe
// block, its organisation seeded once.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import type { Database } from '../../schema/database.ts';
import { createSiklusRig, type SiklusTestRig } from './siklus-worker.ts';
import { startTimeSkippingEnv } from './temporal.ts';

/** Read `env` and `rig` inside the tests; the worker runs only in their `rig.worker.runUntil(...)`. */
export function useTimeSkippingRig(
  prefix: string,
  seed: (db: Kysely<Database>) => Promise<unknown>,
): { env: TestWorkflowEnvironment; rig: SiklusTestRig } {
  const live = {} as { env: TestWorkflowEnvironment; rig: SiklusTestRig };
  beforeAll(async () => {
    live.env = await startTimeSkippingEnv();
    live.rig = await createSiklusRig(live.env, prefix);
    await seed(live.rig.db);
  }, 120_000);
  afterAll(async () => {
    await live.rig?.close();
    await live.env?.teardown();
  });
  return live;
}
