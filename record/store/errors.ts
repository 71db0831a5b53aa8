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

/** Where in the store an event stands: its stream, and its index in an append or its stored version. */
export interface EventPlace {
  streamId: string;
  index?: number;
  streamVersion?: number;
}

export abstract class EventStoreError extends Error {
  constructor(
    readonly code: EventStoreErrorCode,
    /** Retrying the same call may succeed (only after re-reading the stream, for conflicts). */
    readonly retryable: boolean,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    // Each subclass's own name (ConcurrencyError, ...), as logs and Temporal failures show it.
    this.name = new.target.name;
  }
}

/** The stream moved on since the caller read it: re-read, decide again, append again. */
export class ConcurrencyError extends EventStoreError {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number,
  ) {
    super(
      'stream_version_conflict',
      true,
      `stream "${streamId}" is at version ${actual}, expected ${expected}`,
    );
  }
}

export class UnknownEventTypeError extends EventStoreError {
  constructor(
    readonly eventType: string,
    readonly where: EventPlace,
  ) {
    super('unknown_event_type', false, `unknown event type "${eventType}" (${describe(where)})`);
  }
}

export interface SchemaIssue {
  path: ReadonlyArray<PropertyKey>;
  message: string;
}

/** Event data (on append or on read) that does not match its type's schema. */
export class EventSchemaInvalidError extends EventStoreError {
  constructor(
    readonly eventType: string,
    readonly where: EventPlace,
    readonly issues: SchemaIssue[],
  ) {
    super(
      'event_schema_invalid',
      false,
      `data of "${eventType}" is invalid (${describe(where)}): ${summarise(issues)}`,
    );
  }
}

export class EventMetadataInvalidError extends EventStoreError {
  constructor(
    readonly where: EventPlace,
    readonly issues: SchemaIssue[],
  ) {
    super(
      'event_metadata_invalid',
      false,
      `event metadata is invalid (${describe(where)}): ${summarise(issues)}`,
    );
  }
}

/** The append itself is malformed (no events, a bad event id or expected version, ...): a caller bug. */
export class InvalidAppendError extends EventStoreError {
  constructor(
    readonly streamId: string,
    reason: string,
  ) {
    super('invalid_append', false, `append to stream "${streamId}" is invalid: ${reason}`);
  }
}

/** Some of the event ids are already stored, but not as this exact append (a bug, not a retry). */
export class EventIdConflictError extends EventStoreError {
  constructor(
    readonly streamId: string,
    readonly eventIds: string[],
  ) {
    super(
      'event_id_conflict',
      false,
      `append to "${streamId}" reuses stored event ids (${eventIds.slice(0, 3).join(', ')}${eventIds.length > 3 ? ', ...' : ''}) but is not a retry of the append that stored them`,
    );
  }
}

/** A projection threw: the whole append was rolled back. `cause` holds the projection's error. */
export class ProjectionFailedError extends EventStoreError {
  constructor(
    readonly projection: string,
    cause: unknown,
  ) {
    super(
      'projection_failed',
      true,
      `projection "${projection}" failed, nothing was appended: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
  }
}

function describe(where: EventPlace): string {
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
