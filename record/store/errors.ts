// Every failure the event store reports on purpose carries a stable `code`: the HTTP edge maps codes to
// statuses and activities map them to (non-)retryable Temporal ApplicationFailures. Messages may change;
// codes may not.
import type { ExpectedVersion } from './types.ts';

export type EventStoreErrorCode =
  | 'stream_version_conflict'
  | 'unknown_event_type'
  | 'event_schema_invalid'
  | 'event_metadata_invalid'
  | 'invalid_append'
  | 'event_id_conflict'
  | 'projection_failed';

export abstract class EventStoreError extends Error {
  abstract readonly code: EventStoreErrorCode;
  /** Retrying the same call may succeed (only after re-reading the stream, for conflicts). */
  abstract readonly retryable: boolean;
}

/** The stream moved on since the caller read it: re-read, decide again, append again. */
export class ConcurrencyError extends EventStoreError {
  override readonly name = 'ConcurrencyError';
  readonly code = 'stream_version_conflict';
  readonly retryable = true;
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number,
  ) {
    super(`stream "${streamId}" is at version ${actual}, expected ${expected}`);
  }
}

export class UnknownEventTypeError extends EventStoreError {
  override readonly name = 'UnknownEventTypeError';
  readonly code = 'unknown_event_type';
  readonly retryable = false;
  constructor(
    readonly eventType: string,
    readonly where: { streamId: string; index?: number; streamVersion?: number },
  ) {
    super(`unknown event type "${eventType}" (${describe(where)})`);
  }
}

export interface SchemaIssue {
  path: ReadonlyArray<PropertyKey>;
  message: string;
}

/** Event data (on append or on read) that does not match its type's schema. */
export class EventSchemaInvalidError extends EventStoreError {
  override readonly name = 'EventSchemaInvalidError';
  readonly code = 'event_schema_invalid';
  readonly retryable = false;
  constructor(
    readonly eventType: string,
    readonly where: { streamId: string; index?: number; streamVersion?: number },
    readonly issues: SchemaIssue[],
  ) {
    super(`data of "${eventType}" is invalid (${describe(where)}): ${summarise(issues)}`);
  }
}

export class EventMetadataInvalidError extends EventStoreError {
  override readonly name = 'EventMetadataInvalidError';
  readonly code = 'event_metadata_invalid';
  readonly retryable = false;
  constructor(
    readonly where: { streamId: string; index?: number; streamVersion?: number },
    readonly issues: SchemaIssue[],
  ) {
    super(`event metadata is invalid (${describe(where)}): ${summarise(issues)}`);
  }
}

/** The append itself is malformed (no events, a bad event id or expected version, ...): a caller bug. */
export class InvalidAppendError extends EventStoreError {
  override readonly name = 'InvalidAppendError';
  readonly code = 'invalid_append';
  readonly retryable = false;
  constructor(
    readonly streamId: string,
    reason: string,
  ) {
    super(`append to stream "${streamId}" is invalid: ${reason}`);
  }
}

/** Some of the event ids are already stored, but not as this exact append (a bug, not a retry). */
export class EventIdConflictError extends EventStoreError {
  override readonly name = 'EventIdConflictError';
  readonly code = 'event_id_conflict';
  readonly retryable = false;
  constructor(
    readonly streamId: string,
    readonly eventIds: string[],
  ) {
    super(
      `append to "${streamId}" reuses stored event ids (${eventIds.slice(0, 3).join(', ')}${eventIds.length > 3 ? ', ...' : ''}) but is not a retry of the append that stored them`,
    );
  }
}

/** A projection threw: the whole append was rolled back. `cause` holds the projection's error. */
export class ProjectionFailedError extends EventStoreError {
  override readonly name = 'ProjectionFailedError';
  readonly code = 'projection_failed';
  readonly retryable = true;
  constructor(
    readonly projection: string,
    cause: unknown,
  ) {
    super(
      `projection "${projection}" failed, nothing was appended: ${cause instanceof Error ? cause.message : String(cause)}`,
      {
        cause,
      },
    );
  }
}

function describe(where: { streamId: string; index?: number; streamVersion?: number }): string {
  const at = where.streamVersion !== undefined ? `version ${where.streamVersion}` : `index ${where.index}`;
  return `stream "${where.streamId}", ${at}`;
}

function summarise(issues: SchemaIssue[]): string {
  return issues
    .slice(0, 5)
    .map((issue) =>
      issue.path.length ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message,
    )
    .join('; ');
}
