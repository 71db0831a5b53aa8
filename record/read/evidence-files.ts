// Evidence files of an appraisal, for whoever may read the appraisal: the appraised employee (their own
// appraisal) and whoever reads its evaluation file (rater, acting rater, superior, HR, auditors).
import type { Kysely } from 'kysely';
import type { Principal } from '../../auth/identity.ts';
import type { Database } from '../../schema/database.ts';
import { mayReadEvaluationFile } from './access.ts';
import { appraisalParties } from './appraisal-parties.ts';

type Db = Kysely<Database>;

/** Who the appraisal is of, or why it cannot be acted on: absent here, or not the principal's to read. */
export async function evidenceAccess(
  db: Db,
  principal: Principal,
  org: string,
  appraisalId: string,
): Promise<{ employeeNip: string; mayRead: boolean } | undefined> {
  const parties = await appraisalParties(db, org, appraisalId);
  if (!parties) return undefined;
  return {
    employeeNip: parties.employeeNip,
    mayRead: principal.nip === parties.employeeNip || mayReadEvaluationFile(principal, parties),
  };
}

export async function evidenceFile(db: Db, org: string, appraisalId: string, sha256: string) {
  return db
    .selectFrom('evidence_files')
    .select(['sha256', 'name', 'size', 'content_type', 'bytes'])
    .where('org_id', '=', org)
    .where('appraisal_id', '=', appraisalId)
    .where('sha256', '=', sha256)
    .executeTakeFirst();
}

/** The appraisals of the organisation that keep a file of this hash (the same bytes may serve several). */
export async function appraisalsWithEvidence(db: Db, org: string, sha256: string): Promise<string[]> {
  const rows = await db
    .selectFrom('evidence_files')
    .select('appraisal_id')
    .where('org_id', '=', org)
    .where('sha256', '=', sha256)
    .execute();
  return rows.map((r) => r.appraisal_id);
}
