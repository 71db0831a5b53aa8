// The commands' calls into Temporal, bounded in time. The SDK retries an unreachable server for ~20 s per
// call; instead a quick probe tells "Temporal is down, nothing was sent" (503 temporal_unavailable) from
// "the request went out and its answer did not come back" (503 outcome_unknown). Both carry
// Retry-After; a retry with the same Idempotency-Key sends the same Update id, and Temporal answers a
// repeated Update id with the outcome of the first.
import {
  type Client,
  isGrpcServiceError,
  ServiceError,
  WorkflowExecutionAlreadyStartedError,
  type WorkflowHandle,
  WorkflowNotFoundError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { Refusal } from './refusal.ts';
import type { Services } from './services.ts';

type TemporalDeps = Pick<Services, 'temporal' | 'updateTimeoutMs'>;

/** How long the reachability probe may take. */
const probeMs = 1_000;
/** How long an Update may take to complete before the answer is "outcome unknown". */
export const defaultUpdateTimeoutMs = 10_000;
/** How soon a caller should come back after a 503 from here, in seconds. */
const retryAfterUnavailable = 5;
const retryAfterUnknown = 2;

class TimedOut extends Error {}

export function temporalUnavailable(): Refusal {
  return new Refusal(
    503,
    'temporal_unavailable',
    'The workflow service is unreachable; nothing was done. Retry later',
    {},
    { 'retry-after': String(retryAfterUnavailable) },
  );
}

export function outcomeUnknown(): Refusal {
  return new Refusal(
    503,
    'outcome_unknown',
    'The request reached the workflow service but its answer did not come back, so it may have been applied. Retry with the same Idempotency-Key to learn the outcome',
    {},
    { 'retry-after': String(retryAfterUnknown) },
  );
}

/** Settles with `work`, or rejects with TimedOut after `ms` (the work itself goes on, unobserved). */
function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimedOut()), ms);
  });
  work.catch(() => {});
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Fails fast with temporal_unavailable when the frontend does not answer: nothing has been sent yet. */
export async function ensureTemporalReachable(temporal: Client): Promise<void> {
  try {
    await within(
      temporal.withDeadline(Date.now() + probeMs, () => temporal.workflowService.getSystemInfo({})),
      probeMs + 100,
    );
  } catch {
    throw temporalUnavailable();
  }
}

/** Errors that say nothing about whether the server acted on the request. */
function isTransportFailure(error: unknown): boolean {
  return (
    error instanceof TimedOut ||
    error instanceof WorkflowUpdateRPCTimeoutOrCancelledError ||
    error instanceof ServiceError ||
    isGrpcServiceError(error)
  );
}

/**
 * Runs a Workflow Update under a deadline. `updateId` (from the Idempotency-Key) makes a retry the same
 * Update: Temporal returns the first execution's result or failure instead of running it again. Rule
 * failures and a workflow that has ended propagate unchanged for the caller to map.
 */
export async function executeUpdate<Ret, Args extends [unknown, ...unknown[]]>(
  deps: TemporalDeps,
  handle: WorkflowHandle,
  update: UpdateDefinition<Ret, Args>,
  args: Args,
  updateId: string | undefined,
): Promise<Ret> {
  await ensureTemporalReachable(deps.temporal);
  const timeoutMs = deps.updateTimeoutMs ?? defaultUpdateTimeoutMs;
  try {
    return await within(
      deps.temporal.withDeadline(Date.now() + timeoutMs, () =>
        handle.executeUpdate(update, { args, ...(updateId ? { updateId } : {}) }),
      ),
      timeoutMs + 250,
    );
  } catch (error) {
    if (isTransportFailure(error)) throw outcomeUnknown();
    if (error instanceof WorkflowNotFoundError && (await stillRunning(deps, handle))) throw outcomeUnknown();
    throw error;
  }
}

/**
 * The SDK reports any NOT_FOUND of an Update as a missing workflow, also the Update itself not found
 * while its workflow runs (as just after the Temporal server restarted, its Update lost in flight):
 * then the outcome is unknown and a retry will do, not "the appraisal has ended". Unsure counts as running.
 */
async function stillRunning(deps: TemporalDeps, handle: WorkflowHandle): Promise<boolean> {
  try {
    const description = await within(
      // By workflow id alone: whether the appraisal's workflow runs, whichever run the handle named.
      deps.temporal.withDeadline(Date.now() + probeMs * 5, () =>
        deps.temporal.workflow.getHandle(handle.workflowId).describe(),
      ),
      probeMs * 5 + 250,
    );
    return description.status.name === 'RUNNING';
  } catch (error) {
    return !(error instanceof WorkflowNotFoundError);
  }
}

/** Runs any other Temporal call (a workflow start, a describe) under the same probe and deadline. */
export async function callTemporal<T>(deps: TemporalDeps, call: () => Promise<T>): Promise<T> {
  await ensureTemporalReachable(deps.temporal);
  const timeoutMs = deps.updateTimeoutMs ?? defaultUpdateTimeoutMs;
  try {
    return await within(deps.temporal.withDeadline(Date.now() + timeoutMs, call), timeoutMs + 250);
  } catch (error) {
    if (isTransportFailure(error)) throw outcomeUnknown();
    throw error;
  }
}

/**
 * Starts a workflow that may run only once under its id, its start marked as the keyed request's
 * (`operationId`, in the memo) so a retry can tell its own start from another's: `started` now,
 * `ours` (a retry whose first attempt started it but lost the answer), or `theirs` (another request's).
 */
export async function startWorkflowOnce(
  deps: TemporalDeps,
  start: { workflowType: string; workflowId: string; taskQueue: string; args: unknown[] },
  operationId: string | undefined,
): Promise<'started' | 'ours' | 'theirs'> {
  try {
    await callTemporal(deps, () =>
      deps.temporal.workflow.start(start.workflowType, {
        workflowId: start.workflowId,
        taskQueue: start.taskQueue,
        args: start.args,
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        ...(operationId ? { memo: { startRequest: operationId } } : {}),
      }),
    );
    return 'started';
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    return (await startedBy(deps, start.workflowId)) === operationId && operationId !== undefined
      ? 'ours'
      : 'theirs';
  }
}

/** Which keyed request started the workflow (its memo), if one did. */
export async function startedBy(deps: TemporalDeps, workflowId: string): Promise<unknown> {
  const described = await callTemporal(deps, () => deps.temporal.workflow.getHandle(workflowId).describe());
  return described.memo?.startRequest;
}
