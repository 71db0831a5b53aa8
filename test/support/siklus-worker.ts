// A real siklus worker for integration tests: a fresh database (migrated) and the production workflows
// and activities, on whichever Temporal test environment the test made.
import { randomBytes } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import type { Kysely } from 'kysely';
import type { Database } from '../../schema/database.ts';
import { createDb } from '../../schema/db.ts';
import { migrateToLatest } from '../../schema/migrate.ts';
import { createWorkerOn } from '../../worker/create-worker.ts';
import { createTestDatabase } from './database.ts';

export interface SiklusTestRig {
  db: Kysely<Database>;
  worker: Worker;
  taskQueue: string;
  close(): Promise<void>;
}

export async function createSiklusRig(env: TestWorkflowEnvironment, prefix: string): Promise<SiklusTestRig> {
  const database = await createTestDatabase(prefix);
  const db = createDb(database.url);
  await migrateToLatest(db);
  const taskQueue = `siklus-test-${randomBytes(4).toString('hex')}`;
  const worker = await createWorkerOn(env, db, taskQueue);
  return {
    db,
    worker,
    taskQueue,
    close: async () => {
      await db.destroy();
      await database.drop();
    },
  };
}

/** A rig whose worker runs, on an environment it owns: `stop()` ends the worker, the database and `env`. */
export interface RunningRig extends SiklusTestRig {
  env: TestWorkflowEnvironment;
  stop(): Promise<void>;
}

export async function startRunningRig(env: TestWorkflowEnvironment, prefix: string): Promise<RunningRig> {
  let rig: SiklusTestRig;
  try {
    rig = await createSiklusRig(env, prefix);
  } catch (error) {
    await env.teardown();
    throw error;
  }
  const running = rig.worker.run();
  return {
    ...rig,
    env,
    stop: async () => {
      rig.worker.shutdown();
      await running;
      await rig.close();
      await env.teardown();
    },
  };
}
