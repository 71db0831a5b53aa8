// Which streams make up a cycle: its own stream `cycle-<cycleId>` and one `appraisal-<cycleId>.<nip>`
// per employee (domain/ids.ts). Found by name, in the streams table and in the log, so a
// stream whose head row was deleted is still found (and reported) by the verifier.
import { type Kysely, sql } from 'kysely';
import { appraisalStreamsOfCycleLike, cycleStreamId } from '../../domain/ids.ts';
import type { Database } from '../../schema/database.ts';

/** The SQL condition on `stream_id` selecting the cycle's streams. */
export function cycleStreamCondition(cycleId: string) {
  return sql`(stream_id = ${cycleStreamId(cycleId)} or stream_id like ${appraisalStreamsOfCycleLike(cycleId)})`;
}

/**
 * The ids of the cycle's streams, the cycle stream first, then the appraisal streams in code-unit order.
 * `withEvents` also looks in the events table (slower: it scans the cycle's events), for streams that
 * lost their head row.
 */
export async function cycleStreamIds(
  db: Kysely<Database>,
  cycleId: string,
  options: { withEvents?: boolean } = {},
): Promise<string[]> {
  const condition = cycleStreamCondition(cycleId);
  const fromEvents = options.withEvents
    ? sql`union select distinct stream_id from events where ${condition}`
    : sql``;
  const { rows } = await sql<{ stream_id: string }>`
    select stream_id from streams where ${condition} ${fromEvents}`.execute(db);
  const cycleStream = cycleStreamId(cycleId);
  const ids = rows.map((row) => row.stream_id).filter((id) => id !== cycleStream);
  ids.sort(compareCodeUnits);
  return rows.some((row) => row.stream_id === cycleStream) ? [cycleStream, ...ids] : ids;
}

/** Plain string order, independent of the database's collation. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
