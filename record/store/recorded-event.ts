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

export function toRecordedEvent<R extends EventRegistry>(registry: R, row: EventRecord): RecordedEvent<R> {
  const where = { streamId: row.stream_id, streamVersion: row.stream_version };
  const data = parseEventData(registry, row.type, row.data, where);
  const metadata = eventMetadataSchema.safeParse(row.metadata);
  if (!metadata.success) {
    const issues = metadata.error.issues.map((issue) => ({ path: issue.path, message: issue.message }));
    throw new EventMetadataInvalidError(where, issues);
  }
  return {
    globalPosition: row.global_position,
    transactionId: row.transaction_id,
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    eventId: row.event_id,
    type: row.type,
    data,
    metadata: metadata.data,
    recordedAt: row.recorded_at,
    prevHash: row.prev_hash,
    hash: row.hash,
  } as RecordedEvent<R>;
}
