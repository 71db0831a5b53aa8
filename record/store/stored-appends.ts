// Idempotency: an append whose event ids are all stored already, in its stream, is a retry of an
// append that succeeded; it is answered with the original positions instead of being written again.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../schema/database.ts';
import { EventIdConflictError } from './errors.ts';
import type { PreparedAppend } from './prepare-append.ts';
import type { AppendResult } from './types.ts';

export interface StoredEvent {
  eventId: string;
  streamId: string;
  streamVersion: number;
  globalPosition: number;
  type: string;
}

export async function findStoredEvents<DB extends Database>(
  db: Kysely<DB>,
  eventIds: string[],
): Promise<Map<string, StoredEvent>> {
  if (eventIds.length === 0) return new Map();
  const { rows } = await sql<StoredEvent>`
    select event_id::text as "eventId", stream_id as "streamId", stream_version as "streamVersion",
      global_position as "globalPosition", type
    from events where event_id = any(${eventIds}::uuid[])`.execute(db);
  return new Map(rows.map((row) => [row.eventId, row]));
}

/**
 * `undefined` when none of the append's ids is stored; the original result when all are, in its stream,
 * with the same types; otherwise an EventIdConflictError (ids reused by a different append).
 */
export function matchStoredAppend(
  append: PreparedAppend,
  stored: Map<string, StoredEvent>,
): AppendResult | EventIdConflictError | undefined {
  const found = append.events.map((event) => stored.get(event.eventId));
  if (found.every((event) => event === undefined)) return undefined;
  const isReplay = found.every(
    (event, index) => event?.streamId === append.streamId && event.type === append.events[index]?.type,
  );
  if (!isReplay) {
    const reused = append.events
      .filter((_, index) => found[index] !== undefined)
      .map((event) => event.eventId);
    return new EventIdConflictError(append.streamId, reused);
  }
  const events = found.map((event) => ({
    eventId: event!.eventId,
    streamVersion: event!.streamVersion,
    globalPosition: event!.globalPosition,
  }));
  return {
    streamId: append.streamId,
    nextExpectedVersion: Math.max(...events.map((event) => event.streamVersion)),
    events,
    alreadyAppended: true,
  };
}
