// An Update answered NOT_FOUND is not proof that the appraisal ended: the SDK reports any NOT_FOUND of
// an Update so (just after a Temporal restart, an Update lost in flight got it while its workflow ran,
// found by `npm run chaos`). executeUpdate asks whether the workflow still runs: then the outcome is
// unknown (503, retry), and only a workflow that is gone or closed stays "not found" for the caller.
import { randomUUID } from 'node:crypto';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Refusal } from '../../api/commands/refusal.ts';
import { executeUpdate } from '../../api/commands/temporal-calls.ts';
import type { ActRequest } from '../../domain/appraisal/commands.ts';
import { type ActResult, actUpdate } from '../../workflows/messages.ts';
import { startDevEnv } from '../support/temporal.ts';

describe('executeUpdate when Temporal answers NOT_FOUND', () => {
  let env: TestWorkflowEnvironment;
  // No worker polls this queue: the workflows stay running, and the NOT_FOUND comes from the server.
  const taskQueue = `not-found-${randomUUID()}`;
  const act = (): Parameters<typeof executeUpdate<ActResult, [ActRequest]>>[3] => [
    { actor: { nip: '198001012005011001', roles: ['employee'] }, command: { type: 'acknowledgeStandards' } },
  ];

  beforeAll(async () => {
    env = await startDevEnv();
  }, 120_000);
  afterAll(async () => {
    await env?.teardown();
  });

  const start = () =>
    env.client.workflow.start('AppraisalWorkflow', {
      workflowId: `appraisal:${randomUUID()}`,
      taskQueue,
      args: [],
    });

  it('answers 503 outcome_unknown when the workflow is running', async () => {
    const running = await start();
    // A run the server does not know, of a running workflow: NOT_FOUND from the server.
    const stale = env.client.workflow.getHandle(running.workflowId, randomUUID());
    const error = await executeUpdate({ temporal: env.client }, stale, actUpdate, act(), 'u-1').catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Refusal);
    expect(error).toMatchObject({ status: 503, code: 'outcome_unknown' });
  });

  it('leaves "not found" for a workflow that has ended, or never was', async () => {
    const ended = await start();
    await ended.terminate('ended for the test');
    for (const handle of [ended, env.client.workflow.getHandle(`appraisal:${randomUUID()}`)]) {
      const error = await executeUpdate({ temporal: env.client }, handle, actUpdate, act(), 'u-2').catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(WorkflowNotFoundError);
    }
  });
});
