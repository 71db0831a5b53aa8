// One document for whoever asks, the API and the web alike: an appraisal's (record/read/access.ts
// mayReadDocument) or a unit's penetapan (mayReadPenetapan), issued under a fresh checkpoint seal.
import type { Kysely } from 'kysely';
import type { Principal } from '../auth/identity.ts';
import { annualPeriod, isPeriodId } from '../domain/cycle/periods.ts';
import { parseAppraisalId } from '../domain/ids.ts';
import type { Lang } from '../domain/vocabulary/languages.ts';
import {
  appraisalIsOf,
  cycleIsOf,
  mayEnterOrganisation,
  mayReadDocument,
  mayReadPenetapan,
} from '../record/read/access.ts';
import type { Database } from '../schema/database.ts';
import { sameOrg } from '../schema/same-org.ts';
import { type IssuedDocument, issueDocuments } from './issue.ts';
import { issuePenetapan } from './penetapan-issue.ts';

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

/** What the read trail notes of a document: its kind and period ("evaluasi TW2", "skp"). */
export const documentDetail = (model: { kind: string; period: string | null }) =>
  model.period ? `${model.kind} ${model.period}` : model.kind;

/** A unit's Format Penetapan Predikat Kinerja of one period (the akhir by default). */
export async function downloadPenetapan(
  db: Kysely<Database>,
  principal: Principal,
  ask: {
    org: string;
    cycleId: string;
    unitCode: string;
    period: string | null;
    lang: Lang;
    publicUrl: string;
  },
): Promise<DocumentAnswer> {
  const period = ask.period ?? annualPeriod;
  if (period !== annualPeriod && !isPeriodId(period)) return { refused: 'bad_period' };
  if (!mayEnterOrganisation(principal, ask.org) || !cycleIsOf(ask.org, ask.cycleId))
    return { refused: 'not_found' };
  const unit = await db
    .selectFrom('units as u')
    .leftJoin('units as p', (j) => sameOrg(j, 'p.code', 'u.parent_code'))
    .select(['u.head_nip as leader', 'p.head_nip as superior'])
    .where('u.org_id', '=', ask.org)
    .where('u.code', '=', ask.unitCode)
    .executeTakeFirst();
  const cycle = await db
    .selectFrom('cycles')
    .select('cycle_id')
    .where('cycle_id', '=', ask.cycleId)
    .executeTakeFirst();
  if (!unit || !cycle) return { refused: 'not_found' };
  // The year's penetapan, or the period's: whoever holds or signed the one asked for.
  const held =
    period === annualPeriod
      ? await db
          .selectFrom('unit_penetapan')
          .select(['assignee_nip', 'signed_by'])
          .where('cycle_id', '=', ask.cycleId)
          .where('unit_code', '=', ask.unitCode)
          .executeTakeFirst()
      : await db
          .selectFrom('unit_period_penetapan')
          .select(['assignee_nip', 'signed_by'])
          .where('cycle_id', '=', ask.cycleId)
          .where('unit_code', '=', ask.unitCode)
          .where('period', '=', period)
          .executeTakeFirst();
  const parties = {
    leaderNip: unit.leader,
    superiorNip: unit.superior,
    holderNips: [held?.assignee_nip ?? null, held?.signed_by ?? null],
  };
  if (!mayReadPenetapan(principal, parties)) return { refused: 'forbidden' };
  const { documents } = await issuePenetapan(db, ask.org, ask.cycleId, [{ unitCode: ask.unitCode, period }], {
    lang: ask.lang,
    actor: principal.nip,
    publicUrl: ask.publicUrl,
  });
  const document = documents[0];
  return document ? { document } : { refused: 'no_document' };
}
