// Reading stored events for the audit tools: whole streams in version order, a batch of streams per
// query (no per-event queries), only the columns a replay needs (hashes and ids stay in the database;
// the chain is record/store/verify-streams.ts's job), each row validated against the registry on the way.
import { type Kysely, sql } from 'kysely';
import { eventSchemas } from '../domain/event-registry.ts';
import { EventStoreError } from '../record/store/errors.ts';
import { eventMetadataSchema } from '../record/store/event-metadata.ts';
import { parseEventData } from '../record/store/event-registry.ts';
import type { RecordedEvent } from '../record/store/types.ts';
import type { Database } from '../schema/database.ts';

/** An events row as the audit reads it; recorded_at as epoch milliseconds (cheaper than a Date). */
export interface AuditRow {
  global_position: number;
  stream_id: string;
  stream_version: number;
  type: string;
  data: unknown;
  metadata: unknown;
  recorded_ms: number;
}

type Light<E> = E extends unknown ? Omit<E, 'transactionId' | 'eventId' | 'prevHash' | 'hash'> : never;
/** A validated event of any siklus type, without the chain's columns. */
export type AuditEvent = Light<RecordedEvent<typeof eventSchemas>>;

/** Streams per query: a few thousand rows, few round trips. */
const defaultStreamsPerQuery = 64;

/**
 * The rows of the given streams, each stream's rows together and in version order, as one batch per
 * few streams; with `throughPosition`, only events at global positions up to it.
 */
export async function* readStreamRows(
  db: Kysely<Database>,
  streamIds: readonly string[],
  options: { throughPosition?: number; streamsPerQuery?: number } = {},
): AsyncGenerator<AuditRow[]> {
  const per = options.streamsPerQuery ?? defaultStreamsPerQuery;
  const through =
    options.throughPosition === undefined ? sql`` : sql`and global_position <= ${options.throughPosition}`;
  const query = (ids: readonly string[]) =>
    sql<AuditRow>`
      select global_position, stream_id, stream_version, type, data, metadata,
             (extract(epoch from recorded_at) * 1000)::int8 as recorded_ms
      from events
      where stream_id = any(${ids}::text[]) ${through}
      order by stream_id, stream_version`.execute(db);
  // The next batch is already on its way while the caller works through this one.
  let next = streamIds.length > 0 ? query(streamIds.slice(0, per)) : undefined;
  for (let i = per; next; i += per) {
    const current = next;
    next = i < streamIds.length ? query(streamIds.slice(i, i + per)) : undefined;
    // A failed prefetch must not go unhandled while this batch is consumed; it rethrows when awaited.
    next?.catch(() => {});
    yield (await current).rows;
  }
}

export type Validated = { ok: true; event: AuditEvent } | { ok: false; detail: string };

/** The row as a typed event, or why it does not fit the registry (unknown type, data, metadata). */
export function validateRow(row: AuditRow): Validated {
  const where = { streamId: row.stream_id, streamVersion: row.stream_version };
  try {
    const data = parseEventData(eventSchemas, row.type, row.data, where);
    const metadata = eventMetadataSchema.safeParse(row.metadata);
    if (!metadata.success) {
      const issues = metadata.error.issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`);
      return {
        ok: false,
        detail: `event metadata is invalid (stream "${row.stream_id}", version ${row.stream_version}): ${issues.join('; ')}`,
      };
    }
    const event = {
      globalPosition: row.global_position,
      streamId: row.stream_id,
      streamVersion: row.stream_version,
      type: row.type,
      data,
      metadata: metadata.data,
      recordedAt: new Date(row.recorded_ms),
    };
    return { ok: true, event: event as AuditEvent };
  } catch (error) {
    if (error instanceof EventStoreError) return { ok: false, detail: error.message };
    throw error;
  }
}
