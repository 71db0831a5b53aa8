// Evidence files of an appraisal (a photo or a PDF), kept in PostgreSQL itself (bytea) so the database's
// backup holds them, named by their SHA-256: the same file sent twice is kept once.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { KeptContentType } from '../domain/files/content-type.ts';
import type { Database } from '../schema/database.ts';

export interface StoredEvidence {
  sha256: string;
  name: string;
  size: number;
  contentType: KeptContentType;
}

export async function storeEvidence(
  db: Kysely<Database>,
  org: string,
  appraisalId: string,
  by: string,
  file: { name: string; bytes: Uint8Array; contentType: KeptContentType },
): Promise<StoredEvidence> {
  const bytes = Buffer.from(file.bytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await db
    .insertInto('evidence_files')
    .values({
      org_id: org,
      appraisal_id: appraisalId,
      sha256,
      name: file.name,
      content_type: file.contentType,
      size: bytes.length,
      bytes,
      uploaded_by: by,
    })
    .onConflict((oc) => oc.columns(['org_id', 'appraisal_id', 'sha256']).doNothing())
    .execute();
  const kept = await db
    .selectFrom('evidence_files')
    .select(['name', 'size', 'content_type'])
    .where((eb) => eb.and({ org_id: org, appraisal_id: appraisalId, sha256 }))
    .executeTakeFirstOrThrow();
  return { sha256, name: kept.name, size: kept.size, contentType: kept.content_type };
}

/** Forgets files a refused realisation had added (none of them named by any event). */
export async function forgetEvidence(
  db: Kysely<Database>,
  org: string,
  appraisalId: string,
  sha256s: readonly string[],
): Promise<void> {
  if (sha256s.length === 0) return;
  await db
    .deleteFrom('evidence_files')
    .where('org_id', '=', org)
    .where('appraisal_id', '=', appraisalId)
    .where('sha256', 'in', sha256s)
    .execute();
}
