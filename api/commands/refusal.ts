// A request refused, with a stable `code` and the status class it belongs to (HTTP's numbers: 403 not
// yours, 404 absent, 409 wrong moment, 422 against a rule, 503 try again). Commands throw it; the API
// answers it as problem+json, the web page shows its code's sentence next to the form.
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { isDomainError } from '../../domain/errors.ts';

export class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    detail: string,
    readonly extra: Record<string, unknown> = {},
    /** What a caller should know with it, e.g. Retry-After. */
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }
}

/** Domain and workflow rule codes, as status classes. */
export function statusForCode(code: string): number {
  if (code === 'forbidden_actor') return 403;
  if (
    code === 'wrong_step' ||
    code === 'stale_version' ||
    code === 'already_done' ||
    code === 'stream_version_conflict' ||
    // A mutasi once the rating has begun, or while a period of the closing SKP waits for its rating.
    code === 'too_late' ||
    code === 'period_unrated'
  )
    return 409;
  if (code === 'invalid_request') return 400;
  if (code === 'not_found') return 404;
  return 422;
}

/** A refusal, or a rule of the domain broken (as a refusal); undefined for anything else (a fault). */
export function refusalOf(error: unknown): Refusal | undefined {
  if (error instanceof Refusal) return error;
  if (isDomainError(error))
    return new Refusal(statusForCode(error.code), error.code, error.message, error.details ?? {});
  return undefined;
}

/** problem+json's own members, which a rule's facts never overwrite. */
const problemMembers = new Set(['type', 'title', 'status', 'code', 'detail']);

/**
 * An Update a workflow's rule refused, as a refusal with the rule's facts (e.g. the RHK and the field a
 * rule of the SKP names); undefined for any other error.
 */
export function updateRefusal(error: unknown): Refusal | undefined {
  if (!(error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure))
    return undefined;
  const code = error.cause.type ?? 'rule_violation';
  const facts = error.cause.details?.[0];
  const extra =
    facts && typeof facts === 'object' && !Array.isArray(facts)
      ? Object.fromEntries(Object.entries(facts).filter(([k]) => !problemMembers.has(k)))
      : {};
  return new Refusal(statusForCode(code), code, error.cause.message, extra);
}
