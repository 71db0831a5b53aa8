// One document of an appraisal for whoever asks, the API and the web alike: the access decision
// (record/read/access.ts mayReadDocument), then a document issued under a fresh checkpoint seal.
import type { Kysely } from 'kysely';
import type { Principal } from '../auth/identity.ts';
import { annualPeriod, isPeriodId } from '../domain/cycle/periods.ts';
import { parseAppraisalId } from '../domain/ids.ts';
import type { Lang } from '../domain/vocabulary/languages.ts';
import { appraisalIsOf, mayEnterOrganisation, mayReadDocument } from '../record/read/access.ts';
import type { Database } from '../schema/database.ts';
import { type IssuedDocument, issueDocuments } from './issue.ts';

export type DocumentAnswer =
  | { document: IssuedDocument }
  | { refused: 'not_found' | 'forbidden' | 'bad_period' | 'no_document' };

export async function downloadDocument(
  db: Kysely<Database>,
  principal: Principal,
  ask: {
    org: string;
    appraisalId: string;
    kind: 'skp' | 'evaluasi' | 'keberatan';
    period: string | null;
    lang: Lang;
    publicUrl: string;
  },
): Promise<DocumentAnswer> {
  const period = ask.kind === 'evaluasi' ? (ask.period ?? annualPeriod) : null;
  if (period !== null && period !== annualPeriod && !isPeriodId(period)) return { refused: 'bad_period' };
  if (!mayEnterOrganisation(principal, ask.org) || !appraisalIsOf(ask.org, ask.appraisalId))
    return { refused: 'not_found' };
  const row = await db
    .selectFrom('appraisals')
    .select(['nip', 'supervisor_nip', 'superior_nip', 'cycle_id'])
    .where('org_id', '=', ask.org)
    .where('appraisal_id', '=', ask.appraisalId)
    .executeTakeFirst();
  if (!row) return { refused: 'not_found' };
  const parties = { employeeNip: row.nip, raterNip: row.supervisor_nip, superiorNip: row.superior_nip };
  if (!mayReadDocument(principal, parties, { kind: ask.kind, period })) return { refused: 'forbidden' };
  const cycleId = parseAppraisalId(ask.appraisalId)?.cycleId ?? row.cycle_id;
  const request =
    ask.kind === 'evaluasi'
      ? { appraisalId: ask.appraisalId, kind: 'evaluasi' as const, period: period ?? annualPeriod }
      : { appraisalId: ask.appraisalId, kind: ask.kind };
  const { documents } = await issueDocuments(db, ask.org, cycleId, [request], {
    lang: ask.lang,
    actor: principal.nip,
    publicUrl: ask.publicUrl,
  });
  const document = documents[0];
  return document ? { document } : { refused: 'no_document' };
}
