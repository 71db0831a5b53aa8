// Acting on an appraisal through its Workflow Update. The workflow's validator and rules decide; their
// codes become HTTP statuses (403 wrong actor, 409 wrong step or stale version, 422 rule violation).
// With an Idempotency-Key the Update id is derived from it, so a retry gets the first outcome.
import { z } from '@hono/zod-openapi';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { Principal } from '../../auth/identity.ts';
import type { AppraisalCommand } from '../../domain/appraisal/commands.ts';
import { appraisalWorkflowId } from '../../workflows/appraisal-input.ts';
import { actUpdate } from '../../workflows/messages.ts';
import type { ApiDependencies } from '../context.ts';
import { ApiProblem, statusForCode } from '../problem.ts';
import { executeUpdate } from '../temporal-calls.ts';

export const actResultSchema = z.object({ version: z.number().int(), eventTypes: z.array(z.string()) });

export async function actOnAppraisal(
  deps: ApiDependencies,
  me: Principal,
  appraisalId: string,
  command: AppraisalCommand,
  updateId: string | undefined,
) {
  const handle = deps.temporal.workflow.getHandle(appraisalWorkflowId(appraisalId));
  try {
    return await executeUpdate(
      deps,
      handle,
      actUpdate,
      [{ actor: { nip: me.nip, roles: me.roles }, command }],
      updateId,
    );
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
      const code = error.cause.type ?? 'rule_violation';
      throw new ApiProblem(statusForCode(code), code, error.cause.message);
    }
    if (error instanceof WorkflowNotFoundError)
      throw new ApiProblem(409, 'appraisal_closed', 'This appraisal has ended');
    throw error;
  }
}
