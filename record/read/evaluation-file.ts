// The evaluation file of one appraisal, for whoever may read it (access.ts mayReadEvaluationFile): folded
// from the appraisal's events in the log (domain/appraisal/evaluation-file.ts), with people's names.
import type { Kysely } from 'kysely';
import type { Principal } from '../../auth/identity.ts';
import { type EvaluationFile, evaluationFile, peopleIn } from '../../domain/appraisal/evaluation-file.ts';
import type { AppraisalEvent } from '../../domain/appraisal/events.ts';
import { appraisalStreamId } from '../../domain/ids.ts';
import type { Database } from '../../schema/database.ts';
import { appraisalIsOf, mayReadEvaluationFile } from './access.ts';
import { employeeNames } from './people.ts';

export type { EvaluationFile };

/** The file, or why not: no such appraisal in this organisation, or not one the principal may read. */
export type EvaluationFileAnswer = { file: EvaluationFile } | { refused: 'not_found' | 'forbidden' };

export async function evaluationFileOf(
  db: Kysely<Database>,
  principal: Principal,
  org: string,
  appraisalId: string,
): Promise<EvaluationFileAnswer> {
  if (!appraisalIsOf(org, appraisalId)) return { refused: 'not_found' };
  const row = await db
    .selectFrom('appraisals')
    .select(['nip', 'supervisor_nip', 'superior_nip'])
    .where('org_id', '=', org)
    .where('appraisal_id', '=', appraisalId)
    .executeTakeFirst();
  if (!row) return { refused: 'not_found' };
  const parties = { employeeNip: row.nip, raterNip: row.supervisor_nip, superiorNip: row.superior_nip };
  if (!mayReadEvaluationFile(principal, parties)) return { refused: 'forbidden' };
  const rows = await db
    .selectFrom('events')
    .select(['type', 'data'])
    .where('stream_id', '=', appraisalStreamId(appraisalId))
    .orderBy('stream_version')
    .execute();
  // Every event was checked against its schema when it was appended (record/store).
  const events = rows.map((r) => ({ type: r.type, data: r.data }) as AppraisalEvent);
  const names = await employeeNames(db, org, peopleIn(events));
  return { file: evaluationFile(events, (nip) => names.get(nip) ?? null) };
}
