// Checkpoint seals (domain/documents/seal-events.ts): made when documents are issued (documents/), on
// demand (`siklus documents seal`), and by the cycle's workflow daily, at each unit's release and at each
// penetapan's signature (activities/seal-checkpoint.ts). A seal takes the heads of the cycle's streams as
// of one global position: `lock table events in share mode` waits for the appends in flight, so every
// event up to that position is committed and a later recomputation finds the same heads (as the cycle's
// closing seal does, cycle-seal.ts); the lock is held only while the position is read.
import { type Kysely, sql } from 'kysely';
import {
  type SealEventData,
  type SealedDocument,
  sealEventSchemas,
  sealStreamId,
} from '../../domain/documents/seal-events.ts';
import type { Database } from '../../schema/database.ts';
import { appendToStream, ConcurrencyError } from '../store/index.ts';
import { compareCodeUnits, cycleStreamCondition } from './cycle-streams.ts';
import { merkleTree, type ProofStep } from './merkle.ts';
import { documentLeaf, streamLeaf, subjectStreamId } from './seal-leaves.ts';

type Db = Kysely<Database>;
export interface Head {
  version: number;
  hash: string;
}

/** The log's last position, with every append up to it committed. */
export async function settledPosition(db: Db): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await sql`lock table events in share mode`.execute(trx);
    const { rows } = await sql<{
      p: number | null;
    }>`select max(global_position)::int as p from events`.execute(trx);
    return rows[0]?.p ?? 0;
  });
}

/** The heads of the cycle's streams as of a position, by stream id. */
export async function headsAsOf(db: Db, cycleId: string, position: number): Promise<Map<string, Head>> {
  const { rows } = await sql<{ stream_id: string; stream_version: number; hash: string }>`
    select distinct on (stream_id) stream_id, stream_version, hash from events
    where ${cycleStreamCondition(cycleId)} and global_position <= ${position}
    order by stream_id, stream_version desc`.execute(db);
  return new Map(rows.map((r) => [r.stream_id, { version: r.stream_version, hash: r.hash }]));
}

/**
 * The heads of the cycle's streams as of a settled position, for a new seal: read from the streams table
 * (a row per stream) instead of the cycle's whole log, which a daily seal of a cycle of 1000 would scan
 * (90,000 events by the year's end). A stream that moved past the position is read back to its last
 * event at or before it; one begun after it is left out. Verification reads the log itself (headsAsOf),
 * so a streams table that is not the log's makes a seal that does not verify.
 */
export async function headsForSeal(db: Db, cycleId: string, position: number): Promise<Map<string, Head>> {
  const condition = cycleStreamCondition(cycleId);
  const { rows } = await sql<{ stream_id: string; version: number; head_hash: string }>`
    select stream_id, version, head_hash from streams where ${condition}`.execute(db);
  const heads = new Map(rows.map((r) => [r.stream_id, { version: r.version, hash: r.head_hash }]));
  // Read after the streams rows: a row that is already past the position has its event here.
  const { rows: moved } = await sql<{ stream_id: string }>`
    select distinct stream_id from events where ${condition} and global_position > ${position}`.execute(db);
  if (moved.length === 0) return heads;
  const ids = moved.map((r) => r.stream_id);
  for (const id of ids) heads.delete(id);
  const { rows: back } = await sql<{ stream_id: string; stream_version: number; hash: string }>`
    select distinct on (stream_id) stream_id, stream_version, hash from events
    where stream_id = any(${ids}::text[]) and global_position <= ${position}
    order by stream_id, stream_version desc`.execute(db);
  for (const r of back) heads.set(r.stream_id, { version: r.stream_version, hash: r.hash });
  return heads;
}

export function treeOf(cycleId: string, heads: Map<string, Head>, documents: readonly SealedDocument[]) {
  const streams = [...heads.entries()].sort(([a], [b]) => compareCodeUnits(a, b));
  const leaves = [
    ...streams.map(([id, h]) => streamLeaf(id, h.version, h.hash)),
    ...documents.map((d) => documentLeaf(d, subjectStreamId(d, cycleId))),
  ];
  return { tree: merkleTree(leaves), streams: streams.length, leaves: leaves.length };
}

export interface MadeSeal {
  seal: SealEventData;
  /** Each document's inclusion proof, by code. */
  proofs: Map<string, ProofStep[]>;
}

/**
 * Appends the cycle's next checkpoint seal over its streams as of `position` and these documents (made
 * from those heads). Concurrent seals of one cycle: the stream's expected version lets one win; the
 * other fails with a ConcurrencyError and is simply made again.
 */
export async function appendSeal(
  db: Db,
  cycleId: string,
  position: number,
  heads: Map<string, Head>,
  documents: readonly SealedDocument[],
  reason: SealEventData['reason'],
  actor: string,
  eventId: string = crypto.randomUUID(),
): Promise<MadeSeal> {
  const previous = await lastSeal(db, cycleId);
  const { tree, streams, leaves } = treeOf(cycleId, heads, documents);
  const seal: SealEventData = {
    cycleId,
    sequence: (previous?.sequence ?? 0) + 1,
    reason,
    position,
    root: tree.root,
    leaves,
    previousRoot: previous?.root ?? null,
    documents: [...documents],
    at: new Date().toISOString(),
  };
  await appendToStream(
    db,
    sealEventSchemas,
    sealStreamId(cycleId),
    [{ eventId, type: 'seal.checkpoint', data: seal, metadata: { actor } }],
    { expectedVersion: previous ? previous.sequence : 'no_stream' },
  );
  return { seal, proofs: new Map(documents.map((d, i) => [d.code, tree.proof(streams + i)])) };
}

/** A cycle's seals, oldest first. */
export async function sealsOf(db: Db, cycleId: string): Promise<SealEventData[]> {
  const rows = await db
    .selectFrom('events')
    .select('data')
    .where('stream_id', '=', sealStreamId(cycleId))
    .where('type', '=', 'seal.checkpoint')
    .orderBy('stream_version')
    .execute();
  return rows.map((r) => r.data as SealEventData);
}

async function lastSeal(db: Db, cycleId: string): Promise<SealEventData | undefined> {
  const row = await db
    .selectFrom('events')
    .select('data')
    .where('stream_id', '=', sealStreamId(cycleId))
    .where('type', '=', 'seal.checkpoint')
    .orderBy('stream_version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.data as SealEventData | undefined;
}

export interface CheckpointRequest {
  cycleId: string;
  reason: Extract<SealEventData['reason'], 'daily' | 'release' | 'penetapan'>;
  actor: string;
  /** The seal event's id, fixed by the caller: a retry that finds it in the log seals nothing again. */
  eventId: string;
}

export type CheckpointOutcome =
  | { sealed: true; sequence: number }
  /** `retried`: this request's seal is already in the log; `unchanged`: no stream of the cycle moved since the last seal; `empty`: no such cycle. */
  | { sealed: false; why: 'retried' | 'unchanged' | 'empty'; sequence: number | null };

/**
 * A seal with no documents, written by the system, idempotently: only when the cycle's streams moved
 * past the last seal's position, and never twice for one event id. A concurrent seal (documents being
 * issued) wins the stream's next version; this one is then made again over the newer log.
 */
export async function sealCheckpoint(db: Db, request: CheckpointRequest): Promise<CheckpointOutcome> {
  const { cycleId, reason, actor, eventId } = request;
  for (let attempt = 1; ; attempt++) {
    const mine = await db
      .selectFrom('events')
      .select('data')
      .where('event_id', '=', eventId)
      .executeTakeFirst();
    if (mine) return { sealed: false, why: 'retried', sequence: (mine.data as SealEventData).sequence };
    const last = await lastSeal(db, cycleId);
    // Before the lock: a cycle that did not move has nothing to wait for (most days of a quiet year).
    if (last && !(await movedSince(db, cycleId, last.position)))
      return { sealed: false, why: 'unchanged', sequence: last.sequence };
    const position = await settledPosition(db);
    const heads = await headsForSeal(db, cycleId, position);
    if (heads.size === 0) return { sealed: false, why: 'empty', sequence: last?.sequence ?? null };
    try {
      const { seal } = await appendSeal(db, cycleId, position, heads, [], reason, actor, eventId);
      return { sealed: true, sequence: seal.sequence };
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || attempt >= 5) throw error;
    }
  }
}

/** Whether any of the cycle's streams has an event after this position. */
async function movedSince(db: Db, cycleId: string, position: number): Promise<boolean> {
  const { rows } = await sql<{ moved: boolean }>`
    select exists (select 1 from events where ${cycleStreamCondition(cycleId)}
      and global_position > ${position}) as moved`.execute(db);
  return rows[0]?.moved ?? false;
}
