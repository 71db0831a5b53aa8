// The API's Workflow Updates. With an Idempotency-Key the Update id is derived from it, so a retry is
// the same Update: Temporal answers a repeated Update id with the first execution's result or failure.
import type { WorkflowHandle } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import type { ApiDependencies } from './context.ts';

/** Rule failures and a missing workflow propagate unchanged for the caller to map. */
export async function executeUpdate<Ret, Args extends [unknown, ...unknown[]]>(
  _deps: ApiDependencies,
  handle: WorkflowHandle,
  update: UpdateDefinition<Ret, Args>,
  args: Args,
  updateId: string | undefined,
): Promise<Ret> {
  return handle.executeUpdate(update, { args, ...(updateId ? { updateId } : {}) });
}
