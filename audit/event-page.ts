// Pages of the event log as they are stored (hashes included), in global order: a cycle's history (the
// cycle's stream and its appraisals' streams) or one stream's events. The auditor API pages with these.
import { type Kysely, sql } from 'kysely';
import { cycleStreamCondition } from '../record/projections/cycle-streams.ts';
import type { Database } from '../schema/database.ts';

export interface StoredEvent {
  globalPosition: number;
  streamId: unknown;
  streamVersion: unknown;
  eventId: unknown;
  type: unknown;
  data: unknown;
  metadata: unknown;
  recordedAt: unknown;
  prevHash: unknown;
  hash: unknown;
}

/** `next` is the `after` of the next page; null at the end. */
export interface EventPage {
  events: StoredEvent[];
  next: number | null;
}

export const cycleEventPage = (db: Kysely<Database>, cycleId: string, after: number, limit: number) =>
  eventPage(db, cycleStreamCondition(cycleId), after, limit);

export const streamEventPage = (db: Kysely<Database>, streamId: string, after: number, limit: number) =>
  eventPage(db, sql`stream_id = ${streamId}`, after, limit);

async function eventPage(
  db: Kysely<Database>,
  where: ReturnType<typeof sql>,
  after: number,
  limit: number,
): Promise<EventPage> {
  const { rows } = await sql<Record<string, unknown> & { global_position: number }>`
    select global_position, stream_id, stream_version, event_id::text, type, data, metadata, recorded_at,
           prev_hash, hash
    from events where ${where} and global_position > ${after}
    order by global_position limit ${limit + 1}`.execute(db);
  const events = rows.slice(0, limit).map((row) => ({
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
  }));
  return { events, next: rows.length > limit ? (events.at(-1)?.globalPosition ?? null) : null };
}
