// The Temporal worker: runs every siklus workflow (bundled from workflows/index.ts) and the activities
// that write the event log and projections in Postgres.
import { fileURLToPath } from 'node:url';
import { Client } from '@temporalio/client';
import { type NativeConnection, Worker } from '@temporalio/worker';
import type { Kysely } from 'kysely';
import { createActivities } from '../activities/index.ts';
import type { Database } from '../schema/database.ts';

export const workflowsPath = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));

export interface WorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  db: Kysely<Database>;
}

export function createWorker(options: WorkerOptions): Promise<Worker> {
  // Activities that start and signal appraisals share the worker's connection.
  let client: Client | undefined;
  const temporal = () => {
    client ??= new Client({ connection: options.connection, namespace: options.namespace });
    return client;
  };
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    workflowsPath,
    activities: createActivities({
      db: options.db,
      temporal,
      taskQueue: options.taskQueue,
    }),
  });
}
