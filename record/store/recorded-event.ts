// A stored row turned into a RecordedEvent, re-validating data and metadata: the log outlives code
// versions, and a row that no longer fits its schema must fail loudly rather than be misread.
import { EventMetadataInvalidError } from './errors.ts';
import { eventMetadataSchema } from './event-metadata.ts';
import { type EventRegistry, parseEventData } from './event-registry.ts';
import type { RecordedEvent } from './types.ts';

/** An events row as the readers select it (uuid and xid8 as text). */
export interface EventRecord {
  global_position: number;
  transaction_id: string;
  stream_id: string;
  stream_version: number;
  event_id: string;
  type: string;
  data: unknown;
  metadata: unknown;
  recorded_at: Date;
  prev_hash: string;
  hash: string;
}

/** An events row's columns under their API names, with data and metadata as stored (not validated). */
export interface StoredEventFields {
  globalPosition: number;
  streamId: string;
  streamVersion: number;
  eventId: string;
  type: string;
  data: unknown;
  metadata: unknown;
  recordedAt: Date;
  prevHash: string;
  hash: string;
}

/** The row as stored: what the audit pages show, and what toRecordedEvent validates. */
export function storedEventFields(row: Omit<EventRecord, 'transaction_id'>): StoredEventFields {
  return {
    globalPosition: row.global_position,
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    eventId: row.event_id,
    type: row.type,
    data: row.data,
    metadata: row.metadata,
    recordedAt: row.recorded_at,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export function toRecordedEvent<R extends EventRegistry>(registry: R, row: EventRecord): RecordedEvent<R> {
  const where = { streamId: row.stream_id, streamVersion: row.stream_version };
  const data = parseEventData(registry, row.type, row.data, where);
  const metadata = eventMetadataSchema.safeParse(row.metadata);
  if (!metadata.success) {
    const issues = metadata.error.issues.map((issue) => ({ path: issue.path, message: issue.message }));
    throw new EventMetadataInvalidError(where, issues);
  }
  return {
    ...storedEventFields(row),
    transactionId: row.transaction_id,
    data,
    metadata: metadata.data,
  } as RecordedEvent<R>;
}
