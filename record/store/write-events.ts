// The write itself, one statement for any number of streams and events:
//   moved    advances each existing stream's head, but only if it is still at the version the events
//            were hashed from (compare-and-set; a concurrent writer holding the row makes us wait, then
//            the re-checked condition fails);
//   created  inserts the heads of new streams, unless another writer created one meanwhile;
//   appended inserts the events of exactly the streams that moved or were created, from one jsonb
//            parameter (jsonb_to_recordset: a single parse, faster than unnest of jsonb[] or VALUES),
//            in the order given: global positions are drawn as rows arrive, and a join may emit rows
//            in hash order (from about 200 new streams PostgreSQL plans a hash semi join), which once
//            numbered a stream's versions backwards. ORDER BY the input's ordinality prevents that.
// A stream whose head was not moved is "lost": its events are not written and the caller decides.
// Atomic on its own (autocommit), or part of the caller's transaction when projections run.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../schema/database.ts';
import type { HashedContent } from './hash-chain.ts';

/** The content the hash covers (but the time, which the statement writes once for all rows), linked. */
export interface EventRow extends Omit<HashedContent, 'recordedAt'> {
  prevHash: string;
  hash: string;
}

export interface HeadMove {
  streamId: string;
  /** The version the events were hashed from; undefined for a stream that does not exist yet. */
  fromVersion: number | undefined;
  version: number;
  headHash: string;
}

export interface InsertedEvent {
  globalPosition: number;
  transactionId: string;
}

/** The inserted events by event id; streams without any entry were lost to a concurrent writer. */
export async function writeEvents<DB extends Database>(
  db: Kysely<DB>,
  recordedAt: string,
  rows: EventRow[],
  moves: HeadMove[],
): Promise<Map<string, InsertedEvent>> {
  const existing = moves.filter((move) => move.fromVersion !== undefined);
  const created = moves.filter((move) => move.fromVersion === undefined);
  const { rows: inserted } = await sql<{ event_id: string; global_position: number; transaction_id: string }>`
    with moved as (
      update streams s set version = h.version, head_hash = h.head_hash, updated_at = now()
      from unnest(
        ${existing.map((move) => move.streamId)}::text[],
        ${existing.map((move) => move.fromVersion)}::int4[],
        ${existing.map((move) => move.version)}::int4[],
        ${existing.map((move) => move.headHash)}::text[]
      ) as h(stream_id, from_version, version, head_hash)
      where s.stream_id = h.stream_id and s.version = h.from_version
      returning s.stream_id
    ), created as (
      insert into streams (stream_id, version, head_hash)
      select * from unnest(
        ${created.map((move) => move.streamId)}::text[],
        ${created.map((move) => move.version)}::int4[],
        ${created.map((move) => move.headHash)}::text[]
      )
      on conflict (stream_id) do nothing
      returning stream_id
    ), appended as (
      insert into events (stream_id, stream_version, event_id, type, data, metadata, recorded_at, prev_hash, hash)
      select e.stream_id, e.stream_version, e.event_id, e.type, e.data, e.metadata, ${recordedAt}::timestamptz,
             e.prev_hash, e.hash
      from rows from (jsonb_to_recordset(${rowsJson(rows)}::jsonb) as (
        stream_id text, stream_version int4, event_id uuid, type text, data jsonb, metadata jsonb,
        prev_hash text, hash text)) with ordinality as e(
        stream_id, stream_version, event_id, type, data, metadata, prev_hash, hash, ordinal)
      where e.stream_id in (select stream_id from moved union all select stream_id from created)
      order by e.ordinal
      returning event_id, global_position, transaction_id
    )
    select event_id::text, global_position, transaction_id::text from appended`.execute(db);
  return new Map(
    inserted.map((row) => [
      row.event_id,
      { globalPosition: row.global_position, transactionId: row.transaction_id },
    ]),
  );
}

/** The rows as one JSON array, splicing in the already-canonical data and metadata texts. */
function rowsJson(rows: EventRow[]): string {
  let json = '[';
  for (const [i, row] of rows.entries()) {
    json +=
      `${i === 0 ? '' : ','}{"stream_id":${JSON.stringify(row.streamId)},"stream_version":${row.streamVersion},` +
      `"event_id":"${row.eventId}","type":${JSON.stringify(row.type)},"data":${row.dataJson},` +
      `"metadata":${row.metadataJson},"prev_hash":"${row.prevHash}","hash":"${row.hash}"}`;
  }
  return `${json}]`;
}
