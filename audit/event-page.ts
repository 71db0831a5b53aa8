// Pages of the event log as they are stored (hashes included), in global order: a cycle's history (the
// cycle's stream and its appraisals' streams) or one stream's events. The auditor API pages with these.
import { type Kysely, sql } from 'kysely';
import { cycleStreamCondition } from '../record/projections/cycle-streams.ts';
import {
  type EventRecord,
  type StoredEventFields,
  storedEventFields,
} from '../record/store/recorded-event.ts';
import type { Database } from '../schema/database.ts';

/** `next` is the `after` of the next page; null at the end. */
export interface EventPage {
  events: StoredEventFields[];
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
  const { rows } = await sql<Omit<EventRecord, 'transaction_id'>>`
    select global_position, stream_id, stream_version, event_id::text, type, data, metadata, recorded_at,
           prev_hash, hash
    from events where ${where} and global_position > ${after}
    order by global_position limit ${limit + 1}`.execute(db);
  const events = rows.slice(0, limit).map(storedEventFields);
  return { events, next: rows.length > limit ? (events.at(-1)?.globalPosition ?? null) : null };
}
