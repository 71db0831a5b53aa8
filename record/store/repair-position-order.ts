// Renumbers the global positions of streams whose versions were written out of order (before the fix in
// write-events.ts, a batch of about 200 new streams could number v3 before v1). Within each transaction
// and stream, the positions that stream already holds are handed out again in version order: no event
// moves to another transaction or past another stream's event, and nothing a hash covers changes (the
// chain links stream versions, not positions), so every hash, head and seal digest stays as it was.
// The log's append-only trigger is lifted for this one transaction only.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../schema/database.ts';

export interface PositionRepair {
  /** Streams that had at least one event out of order. */
  streams: number;
  /** Events given another position. */
  events: number;
  /** Sealed cycles whose `cycle.closed` event moved: their stored seal position follows it. */
  sealsMoved: number;
}

export async function repairPositionOrder(
  db: Kysely<Database>,
  options: { dryRun?: boolean } = {},
): Promise<PositionRepair> {
  return db.transaction().execute(async (trx) => {
    await sql`create temporary table position_moves on commit drop as
      select global_position as old_position, new_position, stream_id from (
        select global_position, stream_id, stream_version,
               (array_agg(global_position) over by_position)[row_number() over by_version] as new_position
        from events
        window by_position as (partition by transaction_id, stream_id order by global_position
                               rows between unbounded preceding and unbounded following),
               by_version as (partition by transaction_id, stream_id order by stream_version)
      ) ranked where new_position <> global_position`.execute(trx);
    const { rows } = await sql<{ streams: string; events: string }>`
      select count(distinct stream_id) as streams, count(*) as events from position_moves`.execute(trx);
    const streams = Number(rows[0]?.streams ?? 0);
    const events = Number(rows[0]?.events ?? 0);
    if (options.dryRun || events === 0) return { streams, events, sealsMoved: 0 };

    await sql`alter table events disable trigger events_append_only`.execute(trx);
    // The primary key is checked row by row: move through negative positions, then back.
    await sql`update events e set global_position = -m.new_position
      from position_moves m where e.global_position = m.old_position`.execute(trx);
    await sql`update events set global_position = -global_position where global_position < 0`.execute(trx);
    await sql`alter table events enable trigger events_append_only`.execute(trx);
    const sealed = await sql`update cycles c set sealed_position = m.new_position
      from position_moves m where c.sealed_position = m.old_position`.execute(trx);
    return { streams, events, sealsMoved: Number(sealed.numAffectedRows ?? 0) };
  });
}
