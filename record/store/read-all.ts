// Reading the whole log in order without ever skipping an event (after Emmett's PostgreSQL store):
// global positions are taken at insert but become visible at commit, so a reader paging by position
// alone can pass a position whose transaction commits later. Instead rows are ordered by
// (transaction_id, global_position) and only rows of transactions older than every transaction still
// running (the snapshot's xmin) are read: no later commit can land behind a checkpoint.
// The price: a write transaction left open anywhere on the server (any database: xids are cluster
// wide) holds every reader back until it ends. Keep transactions short.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../schema/database.ts';
import type { EventRegistry } from './event-registry.ts';
import { type EventRecord, toRecordedEvent } from './recorded-event.ts';
import type { RecordedEvent } from './types.ts';

/** A place in the log; the next read returns what comes strictly after it. */
export interface Checkpoint {
  /** xid8 as a decimal string. */
  transactionId: string;
  globalPosition: number;
}

/** Before the first event. */
export const startOfLog: Checkpoint = { transactionId: '0', globalPosition: 0 };

export interface LogPage<R extends EventRegistry> {
  events: Array<RecordedEvent<R>>;
  /** Where the next read continues: the last event's checkpoint, or `after` when nothing was new. */
  checkpoint: Checkpoint;
}

export async function readAll<R extends EventRegistry>(
  db: Kysely<Database>,
  registry: R,
  options: { after?: Checkpoint; limit: number },
): Promise<LogPage<R>> {
  const after = options.after ?? startOfLog;
  const { rows } = await sql<EventRecord>`
    select global_position, transaction_id::text, stream_id, stream_version, event_id::text, type, data, metadata,
           recorded_at, prev_hash, hash
    from events
    where (transaction_id, global_position) > (${after.transactionId}::xid8, ${after.globalPosition}::int8)
      and transaction_id < pg_snapshot_xmin(pg_current_snapshot())
    -- Qualified: a bare name would sort by the text output column of the same name.
    order by events.transaction_id, events.global_position
    limit ${options.limit}`.execute(db);
  const events = rows.map((row) => toRecordedEvent(registry, row));
  const last = events.at(-1);
  return {
    events,
    checkpoint: last ? { transactionId: last.transactionId, globalPosition: last.globalPosition } : after,
  };
}

/** Orders checkpoints as the log does: negative when `a` comes first. */
export function compareCheckpoints(a: Checkpoint, b: Checkpoint): number {
  const byTransaction = BigInt(a.transactionId) - BigInt(b.transactionId);
  if (byTransaction !== 0n) return byTransaction < 0n ? -1 : 1;
  return a.globalPosition - b.globalPosition;
}
