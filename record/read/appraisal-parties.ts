// The people of one appraisal an access decision looks at, as its read model holds them now: the one
// query behind the evaluation file and the evidence files (both decide with access.ts).
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../schema/database.ts';
import { type AppraisalParties, appraisalIsOf } from './access.ts';

/** Undefined for an appraisal that is not this organisation's, or that it does not have. */
export async function appraisalParties(
  db: Kysely<Database>,
  org: string,
  appraisalId: string,
): Promise<AppraisalParties | undefined> {
  if (!appraisalIsOf(org, appraisalId)) return undefined;
  const row = await db
    .selectFrom('appraisals')
    .select(['nip', 'supervisor_nip', 'superior_nip'])
    .select(sql<string | null>`state->'acting'->>'nip'`.as('acting_nip'))
    .where('org_id', '=', org)
    .where('appraisal_id', '=', appraisalId)
    .executeTakeFirst();
  return (
    row && {
      employeeNip: row.nip,
      raterNip: row.supervisor_nip,
      superiorNip: row.superior_nip,
      actingNip: row.acting_nip,
    }
  );
}
