// The seal of a closed cycle: one digest over the heads of all the cycle's streams at the moment it
// closed, kept on the cycle row (seal_digest, sealed_at, sealed_position).
//   digest = sha256_hex of the lines `<streamId>:<version>:<hash>\n`, sorted by stream id, of each
//            stream's last event at a global position <= sealed_position;
//   sealed_position = the global position of the cycle's `cycle.closed` event;
//   sealed_at = that event's recorded_at.
// Appraisal streams go on appending after the close (follow-up until the cycle's end): the seal covers
// the log up to the close only, and the verifier checks that those events still hash to the digest.
// Anyone who rewrites history with recomputed hash chains must also forge the seal, and the digest
// (printed by `siklus audit verify`) can be kept outside the database.
//
// Closing a cycle seals it: the seal is made in the transaction that appends `cycle.closed` (the
// cycle projection calls sealCycle); the audit only checks it (audit/seal.ts). Positions
// are taken at insert and become visible at commit, so an appraisal append holding a smaller position
// may still be running: `lock table events in share mode` waits for every running append and holds
// new ones back until commit (a few milliseconds once per cycle), so all events up to the close are
// there to be hashed (two cycles closing at the same instant may deadlock there: Postgres aborts one,
// and the recordEvents activity retries it). Replayed elsewhere (the projections' rebuild) the close
// is long committed and nothing is locked. Cycles closed before migration 0004 have no seal until
// sealCycle is run for them.
import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { cycleStreamId } from '../../domain/ids.ts';
import type { Database } from '../../schema/database.ts';
import { compareCodeUnits, cycleStreamCondition } from './cycle-streams.ts';

export interface Seal {
  cycleId: string;
  digest: string;
  position: number;
  sealedAt: Date;
  /** Streams covered. */
  streams: number;
}

interface ClosedEvent {
  global_position: number;
  transaction_id: string;
  recorded_at: Date;
}

/** The cycle's first `cycle.closed` event, if it has closed. */
export async function closedEventOf(db: Kysely<Database>, cycleId: string): Promise<ClosedEvent | undefined> {
  const { rows } = await sql<ClosedEvent>`
    select global_position, transaction_id::text, recorded_at from events
    where stream_id = ${cycleStreamId(cycleId)} and type = 'cycle.closed'
    order by stream_version limit 1`.execute(db);
  return rows[0];
}

/** The digest over the heads of the cycle's streams as of a global position. */
export async function sealDigest(
  db: Kysely<Database>,
  cycleId: string,
  throughPosition: number,
): Promise<{ digest: string; streams: number }> {
  const { rows } = await sql<{ stream_id: string; stream_version: number; hash: string }>`
    select distinct on (stream_id) stream_id, stream_version, hash from events
    where ${cycleStreamCondition(cycleId)} and global_position <= ${throughPosition}
    order by stream_id, stream_version desc`.execute(db);
  rows.sort((a, b) => compareCodeUnits(a.stream_id, b.stream_id));
  const hash = createHash('sha256');
  for (const row of rows) hash.update(`${row.stream_id}:${row.stream_version}:${row.hash}\n`);
  return { digest: hash.digest('hex'), streams: rows.length };
}

/**
 * Seals a closed cycle (null when it has not closed) and stores the seal on its `cycles` row. A seal
 * once stored is never replaced: sealing again returns the stored one, so a later rewrite of the log
 * cannot be blessed by re-sealing. Runs in the caller's transaction, or in its own.
 */
export async function sealCycle(db: Kysely<Database>, cycleId: string): Promise<Seal | null> {
  if (!db.isTransaction) return db.transaction().execute((trx) => sealIn(trx, cycleId, true));
  return sealIn(db, cycleId, false);
}

async function sealIn(trx: Kysely<Database>, cycleId: string, ownTransaction: boolean): Promise<Seal | null> {
  const closed = await closedEventOf(trx, cycleId);
  if (!closed) return null;
  const stored = await storedSeal(trx, cycleId);
  if (stored) return stored;
  const { rows } = await sql<{ xid: string | null }>`
    select pg_current_xact_id_if_assigned()::text as xid`.execute(trx);
  if (ownTransaction || rows[0]?.xid === closed.transaction_id)
    await sql`lock table events in share mode`.execute(trx);
  const { digest, streams } = await sealDigest(trx, cycleId, closed.global_position);
  await trx
    .updateTable('cycles')
    .set({ seal_digest: digest, sealed_at: closed.recorded_at, sealed_position: closed.global_position })
    .where('cycle_id', '=', cycleId)
    .where('seal_digest', 'is', null)
    .execute();
  return { cycleId, digest, position: closed.global_position, sealedAt: closed.recorded_at, streams };
}

/** The seal stored on the cycle row, if any. */
export async function storedSeal(db: Kysely<Database>, cycleId: string): Promise<Seal | null> {
  const row = await db
    .selectFrom('cycles')
    .select(['seal_digest', 'sealed_at', 'sealed_position'])
    .where('cycle_id', '=', cycleId)
    .executeTakeFirst();
  if (!row?.seal_digest || row.sealed_position === null || !row.sealed_at) return null;
  return {
    cycleId,
    digest: row.seal_digest,
    position: row.sealed_position,
    sealedAt: row.sealed_at,
    streams: 0,
  };
}
