// The Temporal worker: runs every siklus workflow (bundled from workflows/index.ts) and the activities
// that write the event log and projections in Postgres.
import { fileURLToPath } from 'node:url';
import { Client } from '@temporalio/client';
import type { Duration } from '@temporalio/common';
import { type NativeConnection, Worker } from '@temporalio/worker';
import type { Kysely } from 'kysely';
import { createActivities } from '../activities/index.ts';
import type { InjectedFaults } from '../activities/injected-faults.ts';
import type { Database } from '../schema/database.ts';
import { workflowBundle } from './workflow-bundle.ts';

export const workflowsPath = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));

/**
 * Evaluated once per worker, before any workflow, and shared by all (the SDK freezes what they export):
 * the cache of the command schemas, so the appraisals share one copy of zod and the schemas instead of
 * one each (a simulated year of 200 employees peaked at 580 MB RSS, against 860 MB).
 */
export const preloadModules = [fileURLToPath(new URL('../workflows/command-schemas.ts', import.meta.url))];

export interface WorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  db: Kysely<Database>;
  /** The client activities start and signal appraisals with; one on `connection` by default. */
  temporal?: () => Client;
  /** How long a cached workflow's task waits for this worker before any worker may take it (SDK: 10 s). */
  stickyQueueScheduleToStartTimeout?: Duration;
  /**
   * How many workflows the worker keeps in memory between their tasks (SDK: from the heap size, 2,310
   * with Node's default 4 GB). A workflow evicted from it replays its whole history at its next task:
   * an acknowledgement then costs the worker and the server a replay.
   */
  maxCachedWorkflows?: number;
  /** Threads that run workflow code (SDK: 1 with the shared V8 context). */
  workflowThreadPoolSize?: number;
  /** Faults injected on purpose: only bin/worker.ts passes them, from its environment (chaos runs). */
  faults?: InjectedFaults;
}

export async function createWorker(options: WorkerOptions): Promise<Worker> {
  // Activities that start and signal appraisals share the worker's connection.
  let client: Client | undefined;
  const temporal =
    options.temporal ??
    (() => {
      client ??= new Client({ connection: options.connection, namespace: options.namespace });
      return client;
    });
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    workflowBundle: await workflowBundle({ workflowsPath, preloadModules }),
    ...(options.stickyQueueScheduleToStartTimeout
      ? { stickyQueueScheduleToStartTimeout: options.stickyQueueScheduleToStartTimeout }
      : {}),
    ...(options.maxCachedWorkflows ? { maxCachedWorkflows: options.maxCachedWorkflows } : {}),
    ...(options.workflowThreadPoolSize ? { workflowThreadPoolSize: options.workflowThreadPoolSize } : {}),
    activities: createActivities({
      db: options.db,
      temporal,
      taskQueue: options.taskQueue,
      ...(options.faults ? { faults: options.faults } : {}),
    }),
  });
}

/** The same worker on a Temporal test environment (tests, the simulation), its activities on its client. */
export function createWorkerOn(
  env: { nativeConnection: NativeConnection; namespace?: string | undefined; client: Client },
  db: Kysely<Database>,
  taskQueue: string,
  options: Pick<WorkerOptions, 'stickyQueueScheduleToStartTimeout' | 'workflowThreadPoolSize'> = {},
): Promise<Worker> {
  return createWorker({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue,
    db,
    temporal: () => env.client,
    ...options,
  });
}
