// Checkpoint seals (domain/documents/seal-events.ts): made when documents are issued, and on demand
// (`siklus documents seal`, daily or at a release). A seal takes the heads of the cycle's streams as of
// one global position: `lock table events in share mode` waits for the appends in flight, so every event
// up to that position is committed and a later recomputation finds the same heads (as the cycle's closing
// seal does, record/projections/cycle-seal.ts); the lock is held only while the position is read.
import { type Kysely, sql } from 'kysely';
import {
  type SealEventData,
  type SealedDocument,
  sealEventSchemas,
  sealStreamId,
} from '../domain/documents/seal-events.ts';
import { compareCodeUnits, cycleStreamCondition } from '../record/projections/cycle-streams.ts';
import { appendToStream } from '../record/store/index.ts';
import type { Database } from '../schema/database.ts';
import { merkleTree, type ProofStep } from './merkle.ts';
import { documentLeaf, streamLeaf, subjectStreamId } from './proof.ts';

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

function treeOf(cycleId: string, heads: Map<string, Head>, documents: readonly SealedDocument[]) {
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
    [{ eventId: crypto.randomUUID(), type: 'seal.checkpoint', data: seal, metadata: { actor } }],
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
  return (await sealsOf(db, cycleId)).at(-1);
}

/** The seal that covers a document code, and its entry there. */
export async function sealOfCode(
  db: Db,
  code: string,
): Promise<{ seal: SealEventData; document: SealedDocument } | undefined> {
  const { rows } = await sql<{ data: SealEventData }>`
    select data from events where type = 'seal.checkpoint'
    and data->'documents' @> ${JSON.stringify([{ code }])}::jsonb limit 1`.execute(db);
  const seal = rows[0]?.data;
  const document = seal?.documents.find((d) => d.code === code);
  return seal && document ? { seal, document } : undefined;
}

/** Whether the log still gives a seal's root: its streams' heads as of its position, and its documents. */
export async function sealStillHolds(db: Db, seal: SealEventData): Promise<boolean> {
  const heads = await headsAsOf(db, seal.cycleId, seal.position);
  return treeOf(seal.cycleId, heads, seal.documents).tree.root === seal.root;
}

/** What `seals.json` publishes of a seal: enough to check a document's proof without the database. */
export type PublishedSeal = Omit<SealEventData, 'documents'> & { documents: number };

export const published = (seal: SealEventData): PublishedSeal => ({
  ...seal,
  documents: seal.documents.length,
});
