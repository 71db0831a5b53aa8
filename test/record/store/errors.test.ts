// The event store's errors: each says its own name, its stable code and whether a retry may succeed, with
// a message that names what went wrong (the HTTP edge and the activities read the code; people the rest).
import { describe, expect, it } from 'vitest';
import {
  ConcurrencyError,
  EventIdConflictError,
  EventMetadataInvalidError,
  EventSchemaInvalidError,
  EventStoreError,
  InvalidAppendError,
  ProjectionFailedError,
  UnknownEventTypeError,
} from '../../../record/store/errors.ts';

const issues = [{ path: ['by'], message: 'Invalid input' }];
const cause = new Error('duplicate key');

describe('the event store errors', () => {
  it.each([
    [
      new ConcurrencyError('s-1', 4, 0),
      'ConcurrencyError',
      'stream_version_conflict',
      true,
      'stream "s-1" is at version 0, expected 4',
    ],
    [
      new UnknownEventTypeError('x.y', { streamId: 's-1', index: 2 }),
      'UnknownEventTypeError',
      'unknown_event_type',
      false,
      'unknown event type "x.y" (stream "s-1", index 2)',
    ],
    [
      new EventSchemaInvalidError('x.y', { streamId: 's-1', streamVersion: 3 }, issues),
      'EventSchemaInvalidError',
      'event_schema_invalid',
      false,
      'data of "x.y" is invalid (stream "s-1", version 3): by: Invalid input',
    ],
    [
      new EventMetadataInvalidError({ streamId: 's-1', index: 0 }, issues),
      'EventMetadataInvalidError',
      'event_metadata_invalid',
      false,
      'event metadata is invalid (stream "s-1", index 0): by: Invalid input',
    ],
    [
      new InvalidAppendError('s-1', 'no events'),
      'InvalidAppendError',
      'invalid_append',
      false,
      'append to stream "s-1" is invalid: no events',
    ],
    [
      new EventIdConflictError('s-1', ['a', 'b', 'c', 'd']),
      'EventIdConflictError',
      'event_id_conflict',
      false,
      'append to "s-1" reuses stored event ids (a, b, c, ...) but is not a retry of the append that stored them',
    ],
    [
      new ProjectionFailedError('cycles', cause),
      'ProjectionFailedError',
      'projection_failed',
      true,
      'projection "cycles" failed, nothing was appended: duplicate key',
    ],
  ])('%s has its name, its code and whether a retry may succeed', (error, name, code, retryable, message) => {
    expect(error).toBeInstanceOf(EventStoreError);
    expect(error).toBeInstanceOf(Error);
    expect([error.name, error.code, error.retryable, error.message]).toEqual([
      name,
      code,
      retryable,
      message,
    ]);
  });

  it('keeps the projection error as the cause', () => {
    expect(new ProjectionFailedError('cycles', cause).cause).toBe(cause);
  });
});
