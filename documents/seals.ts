// Checkpoint seals as documents use them: the seal that covers a code, whether the log still gives a
// seal's root, and what seals.json publishes. The seals themselves are made in
// record/projections/checkpoint-seals.ts (when documents are issued, on demand, and by the cycle's workflow).
import { type Kysely, sql } from 'kysely';
import type { SealEventData, SealedDocument } from '../domain/documents/seal-events.ts';
import { headsAsOf, treeOf } from '../record/projections/checkpoint-seals.ts';
import type { Database } from '../schema/database.ts';

export {
  appendSeal,
  type Head,
  headsAsOf,
  type MadeSeal,
  sealsOf,
  settledPosition,
} from '../record/projections/checkpoint-seals.ts';

type Db = Kysely<Database>;

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
