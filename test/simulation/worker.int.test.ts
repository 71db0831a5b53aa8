// The simulation's one worker lets a cached workflow's task wait for it (5 minutes) rather than hand it
// after 10 s to the normal queue, where the same worker must replay the whole history to take it.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../schema/database.ts';
import { createDb } from '../../schema/db.ts';
import { simulationWorkerOptions } from '../../simulation/run-simulation.ts';
import { createWorkerOn } from '../../worker/create-worker.ts';
import { createTestDatabase } from '../support/database.ts';
import { startTimeSkippingEnv } from '../support/temporal.ts';

describe('the simulation worker', () => {
  let env: TestWorkflowEnvironment;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: Kysely<Database>;

  beforeAll(async () => {
    env = await startTimeSkippingEnv();
    database = await createTestDatabase('simworker');
    db = createDb(database.url);
  }, 120_000);

  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
    await env?.teardown();
  });

  it('keeps cached workflows’ tasks on its sticky queue for 5 minutes; other workers keep the SDK’s 10 s', async () => {
    const simulation = await createWorkerOn(env, db, 'sim-sticky', simulationWorkerOptions);
    const plain = await createWorkerOn(env, db, 'plain-sticky');
    expect(simulation.options.stickyQueueScheduleToStartTimeoutMs).toBe(300_000);
    expect(plain.options.stickyQueueScheduleToStartTimeoutMs).toBe(10_000);
    // Run and stop both, so they let go of the environment's connection.
    await Promise.all([simulation.runUntil(async () => {}), plain.runUntil(async () => {})]);
  }, 120_000);
});
