// The time-skipping test server (provisioned by the ladder in runtime/test-server.ts) fast-forwards a
// workflow's durable timers: a 30-day sleep finishes in seconds of wall time.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
