// Temporal test environments on the binaries the global setup provisioned (test/setup/temporal.ts), and
// workers for the infrastructure test workflows in test/support/workflows/.
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { type EphemeralServerExecutable, TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker, type WorkflowBundle } from '@temporalio/worker';
import { inject } from 'vitest';
import { withStartRetries } from '../../runtime/server-start.ts';
import { infrastructureActivities } from './workflows/activities.ts';

export const testWorkflowsPath = fileURLToPath(new URL('./workflows/index.ts', import.meta.url));

/** A provisioned path, or '' when the ladder chose the SDK's own download (see test/setup/temporal.ts). */
export function executableFor(path: string): EphemeralServerExecutable {
  return path === '' ? { type: 'cached-download' } : { type: 'existing-path', path };
}

/** A fresh, in-memory Temporal CLI dev server (full server; real time). */
export function startDevEnv(): Promise<TestWorkflowEnvironment> {
  return withStartRetries(() =>
    TestWorkflowEnvironment.createLocal({
      server: { executable: executableFor(inject('temporalCliPath')), ip: '127.0.0.1' },
    }),
  );
}

/** A fresh time-skipping test server: awaiting a workflow result fast-forwards its timers. */
export function startTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  return withStartRetries(() =>
    TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: executableFor(inject('testServerPath')) },
    }),
  );
}

// Bundling takes seconds, so one bundle per test file serves every worker it creates.
let bundle: Promise<WorkflowBundle> | undefined;

export function testWorkflowBundle(): Promise<WorkflowBundle> {
  bundle ??= bundleWorkflowCode({ workflowsPath: testWorkflowsPath });
  return bundle;
}

/** A worker on a fresh task queue running test/support/workflows/ and its activities; run it with `runUntil`. */
export async function createTestWorker(
  env: TestWorkflowEnvironment,
  taskQueue = `infra-${randomBytes(4).toString('hex')}`,
): Promise<{ worker: Worker; taskQueue: string }> {
  const worker = await Worker.create({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue,
    workflowBundle: await testWorkflowBundle(),
    activities: infrastructureActivities,
  });
  return { worker, taskQueue };
}

/** Skips the time-skipping server's clock to `iso` plus `extraMs` (a minute by default), if not there yet. */
export function clockSkipper(env: TestWorkflowEnvironment) {
  return async (iso: string, extraMs = 60_000) => {
    const wait = Date.parse(iso) - (await env.currentTimeMs()) + extraMs;
    if (wait > 0) await env.sleep(wait);
  };
}
