// The time-skipping test server (provisioned by the ladder in runtime/test-server.ts) fast-forwards a
// workflow's durable timers: a 30-day sleep finishes in seconds of wall time.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jvmFlagsVariable, resolveTestServer, testServerJvmFlags } from '../../runtime/test-server.ts';
import { createTestWorker, startTimeSkippingEnv } from '../support/temporal.ts';
import { sleepFor } from '../support/workflows/index.ts';

const day = 24 * 60 * 60 * 1000;

describe('time-skipping test server', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await startTimeSkippingEnv();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  it('reports that it skips time', () => {
    expect(env.supportsTimeSkipping).toBe(true);
  });

  it('completes a 30-day sleep in seconds of wall time', async () => {
    const { worker, taskQueue } = await createTestWorker(env);
    const wallStart = performance.now();
    const result = await worker.runUntil(
      env.client.workflow.execute(sleepFor, {
        args: [30 * day],
        taskQueue,
        workflowId: `sleep-30-days-${taskQueue}`,
      }),
    );
    const wallMs = performance.now() - wallStart;

    // The workflow's own clock moved 30 days; ours moved seconds.
    expect(result.wokeAt - result.startedAt).toBeGreaterThanOrEqual(30 * day);
    expect(wallMs).toBeLessThan(30_000);
  });
});

describe('the test server wrapper', () => {
  it('starts the JVM with the flags the environment names, else its own', async () => {
    const server = await resolveTestServer();
    if (server.type !== 'existing-path') throw new Error(`the test server is ${server.type}`);
    const text = readFileSync(server.path, 'utf8');
    expect(text).toContain(`\${${jvmFlagsVariable}:-${testServerJvmFlags.join(' ')}}`);
    // Flags go before the class: `-version` makes the JVM print its version and exit instead of serving.
    const run = spawnSync(server.path, [], {
      env: { ...process.env, [jvmFlagsVariable]: '-version' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/version/);
  });
});
