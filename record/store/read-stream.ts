import { type Kysely, sql } from 'kysely';
import type { Database } from '../../schema/database.ts';
import type { EventRegistry } from './event-registry.ts';
import { type EventRecord, toRecordedEvent } from './recorded-event.ts';
import type { RecordedEvent } from './types.ts';

export interface StreamRead<R extends EventRegistry> {
  /** In version order, each validated against the registry. */
  events: Array<RecordedEvent<R>>;
  /** The stream's version (0 when it has no events): the `expectedVersion` of the next append. */
  version: number;
}

/**
 * The stream's events from `fromVersion` (default 1) on. The version comes from the same statement, so
 * it is never ahead of the events returned.
 */
export async function readStream<R extends EventRegistry>(
  db: Kysely<Database>,
  registry: R,
  streamId: string,
  options: { fromVersion?: number } = {},
): Promise<StreamRead<R>> {
  const fromVersion = options.fromVersion ?? 1;
  const { rows } = await sql<{ head_version: number } & Partial<EventRecord>>`
    select s.version as head_version, e.global_position, e.transaction_id::text, e.stream_id, e.stream_version,
           e.event_id::text, e.type, e.data, e.metadata, e.recorded_at, e.prev_hash, e.hash
    from streams s
    left join events e on e.stream_id = s.stream_id and e.stream_version >= ${fromVersion}
    where s.stream_id = ${streamId}
    order by e.stream_version`.execute(db);
  const events = rows
    .filter((row) => row.global_position !== null && row.global_position !== undefined)
    .map((row) => toRecordedEvent(registry, row as EventRecord));
  return { events, version: rows[0]?.head_version ?? 0 };
}
