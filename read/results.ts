// A cycle's results, one row per appraisal, as a CSV or XLSX file (the same file from the API and the
// web's export link).
import type { Kysely } from 'kysely';
import type { AppraisalState } from '../domain/appraisal/state.ts';
import { type Predikat, predikatLabels } from '../domain/rating/predikat.ts';
import type { Database } from '../schema/database.ts';
import { type Cell, toCsv, toXlsx } from './export/tables.ts';

const header = [
  'nip',
  'name',
  'unit_code',
  'position_code',
  'step',
  'predikat',
  'rating_results',
  'rating_behaviour',
  'objection',
  'referral_programme',
  'referral_completed',
  'recognised',
];

export interface ResultsFile {
  body: string | Uint8Array<ArrayBuffer>;
  contentType: string;
  fileName: string;
}

/** The results of an organisation's cycle; undefined when it has no such cycle. */
export async function resultsFile(
  db: Kysely<Database>,
  org: string,
  cycleId: string,
  format: 'csv' | 'xlsx',
): Promise<ResultsFile | undefined> {
  const cycle = await db
    .selectFrom('cycles')
    .select('cycle_id')
    .where('cycle_id', '=', cycleId)
    .where('org_id', '=', org)
    .executeTakeFirst();
  if (!cycle) return undefined;
  const appraisals = await db
    .selectFrom('appraisals as a')
    .leftJoin('employees as e', (j) => j.onRef('e.org_id', '=', 'a.org_id').onRef('e.nip', '=', 'a.nip'))
    .select(['a.nip', 'e.name', 'a.unit_code', 'e.position_code', 'a.state'])
    .where('a.cycle_id', '=', cycleId)
    .orderBy('a.unit_code')
    .orderBy('a.nip')
    .execute();
  const rows: Cell[][] = appraisals.map((a) => {
    const s = a.state as AppraisalState;
    return [
      a.nip,
      a.name ?? s.participants.employee.name,
      a.unit_code,
      a.position_code ?? s.participants.employee.positionCode,
      s.step,
      s.rating ? predikatLabels[s.rating.predikat as Predikat] : null,
      s.rating?.results ?? null,
      s.rating?.behaviour ?? null,
      s.objection?.decision ?? (s.objection ? 'pending' : null),
      s.referral?.programme ?? null,
      s.referral ? (s.referral.completedAt ? 'yes' : 'no') : null,
      s.recognised ? 'yes' : 'no',
    ];
  });
  const name = `siklus-${cycleId}-results`;
  return format === 'xlsx'
    ? {
        body: new Uint8Array(toXlsx(cycleId, header, rows)),
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        fileName: `${name}.xlsx`,
      }
    : { body: toCsv(header, rows), contentType: 'text/csv; charset=utf-8', fileName: `${name}.csv` };
}
