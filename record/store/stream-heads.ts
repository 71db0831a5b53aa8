import { type Kysely, sql } from 'kysely';
import type { Database } from '../../schema/database.ts';

export interface StreamHead {
  version: number;
  headHash: string;
}

/**
 * The streams' current heads (absent: no such stream yet). Read without a lock: the write that follows
 * moves a head only if it is still at the version read (see write-events.ts).
 */
export async function readHeads<DB extends Database>(
  db: Kysely<DB>,
  streamIds: string[],
): Promise<Map<string, StreamHead>> {
  if (streamIds.length === 0) return new Map();
  const { rows } = await sql<{ stream_id: string; version: number; head_hash: string }>`
    select stream_id, version, head_hash from streams where stream_id = any(${streamIds}::text[])`.execute(
    db,
  );
  return new Map(rows.map((row) => [row.stream_id, { version: row.version, headHash: row.head_hash }]));
}
