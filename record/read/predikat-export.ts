// The predikat recap of one period (TW1 ... from period_evaluations) or of the year (`akhir`, the annual
// rating as the appraisals hold it, an objection's decision included): NIP, name, unit, position, rating
// hasil kerja, rating perilaku and predikat, the columns of BKN e-Kinerja's recap, as CSV for programs
// (stable names and codes) or XLSX for people (Indonesian headers and words). The same rows feed the web
// page's table. Streamed a page at a time, as the results export is.
import { type Kysely, sql } from 'kysely';
import { annualPeriod } from '../../domain/cycle/periods.ts';
import type { EmploymentStatus } from '../../domain/organisation/employment.ts';
import { type Predikat, predikatLabels, type Rating, ratingLabels } from '../../domain/rating/predikat.ts';
import type { Database } from '../../schema/database.ts';
import { sameOrg } from '../../schema/same-org.ts';
import { cycleSummaryOf } from './cycles.ts';
import { type Cell, type Column, csvStream, xlsxContentType, xlsxStream } from './export/tables.ts';
import type { ResultsFile } from './results.ts';

export const predikatColumns: Column[] = [
  { csv: 'nip', label: 'NIP', width: 21 },
  { csv: 'name', label: 'Nama', width: 32 },
  { csv: 'unit_code', label: 'Kode unit kerja', width: 16 },
  { csv: 'unit_name', label: 'Unit kerja', width: 32 },
  { csv: 'position_code', label: 'Kode jabatan', width: 16 },
  { csv: 'position_name', label: 'Jabatan', width: 28 },
  { csv: 'period', label: 'Periode', width: 10 },
  { csv: 'rating_results', label: 'Rating hasil kerja', width: 20 },
  { csv: 'rating_behaviour', label: 'Rating perilaku kerja', width: 20 },
  { csv: 'predikat', label: 'Predikat kinerja', width: 18 },
  { csv: 'employment_status', label: 'Status', width: 8 },
  { csv: 'rank', label: 'Pangkat/Golongan', width: 30 },
];

export interface PredikatRow {
  nip: string;
  name: string;
  unitCode: string;
  unitName: string | null;
  positionCode: string | null;
  positionName: string | null;
  period: string;
  results: Rating | null;
  behaviour: Rating | null;
  predikat: Predikat | null;
  /** As the organisation lists the person now; null when it no longer does. */
  employmentStatus: EmploymentStatus | null;
  rank: string | null;
}

const pageSize = 500;
// Organisations have no time zone of their own yet; the recap has no times, only the file's sheet.
const timeZone = 'Asia/Jakarta';

/** The recap file; undefined when the organisation has no such cycle. The period is the caller's to check. */
export async function predikatFile(
  db: Kysely<Database>,
  org: string,
  cycleId: string,
  period: string,
  format: 'csv' | 'xlsx',
): Promise<ResultsFile | undefined> {
  if (!(await cycleSummaryOf(db, org, cycleId))) return undefined;
  const name = `siklus-${cycleId}-predikat-${period}`;
  if (format === 'xlsx') {
    const cells = mapRows(predikatRows(db, cycleId, period), (r) => cellsOf(r, 'id'));
    return {
      body: xlsxStream(`${cycleId} ${period}`, predikatColumns, cells, timeZone),
      contentType: xlsxContentType,
      fileName: `${name}.xlsx`,
    };
  }
  const cells = mapRows(predikatRows(db, cycleId, period), (r) => cellsOf(r, null));
  return {
    body: csvStream(predikatColumns, cells),
    contentType: 'text/csv; charset=utf-8',
    fileName: `${name}.csv`,
  };
}

/** A row's cells: rating codes for programs (`null`), or the ratings' Indonesian words for people. */
function cellsOf(r: PredikatRow, words: 'id' | null): Cell[] {
  const rating = (x: Rating | null) => (x && words ? ratingLabels[x][words] : x);
  return [
    r.nip,
    r.name,
    r.unitCode,
    r.unitName,
    r.positionCode,
    r.positionName,
    r.period,
    rating(r.results),
    rating(r.behaviour),
    r.predikat ? predikatLabels[r.predikat] : null,
    r.employmentStatus,
    r.rank,
  ];
}

async function* mapRows<T, U>(rows: AsyncIterable<T>, f: (row: T) => U): AsyncGenerator<U> {
  for await (const row of rows) yield f(row);
}

/** The first `limit` rows of the recap, for a page. */
export async function predikatPreview(
  db: Kysely<Database>,
  cycleId: string,
  period: string,
  limit: number,
): Promise<{ rows: PredikatRow[]; total: number }> {
  const rows: PredikatRow[] = [];
  for await (const row of predikatRows(db, cycleId, period, Math.min(limit, pageSize))) {
    rows.push(row);
    if (rows.length >= limit) break;
  }
  const total =
    period === annualPeriod
      ? await db
          .selectFrom('appraisals')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('cycle_id', '=', cycleId)
          .where('step', '!=', 'cancelled')
          .executeTakeFirst()
      : await db
          .selectFrom('period_evaluations as pe')
          .innerJoin('appraisals as a', 'a.appraisal_id', 'pe.appraisal_id')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('pe.cycle_id', '=', cycleId)
          .where('pe.period', '=', period)
          .where((eb) => eb.or([eb('pe.predikat', 'is not', null), eb('a.step', '!=', 'cancelled')]))
          .executeTakeFirst();
  return { rows, total: Number(total?.n ?? 0) };
}

interface RecordRow {
  nip: string;
  unit_code: string;
  unit_name: string | null;
  name: string | null;
  position_code: string | null;
  position_name: string | null;
  employment_status: EmploymentStatus | null;
  rank: string | null;
  /** The participant as the appraisal started: name and position when the employee row is gone. */
  employee: { name?: string; positionCode?: string } | null;
  results: string | null;
  behaviour: string | null;
  predikat: string | null;
}

/**
 * The recap's rows by unit and NIP. A period lists every evaluation opened, but the unrated ones of an
 * appraisal cancelled since; the year lists every appraisal not cancelled, rated or not.
 */
export async function* predikatRows(
  db: Kysely<Database>,
  cycleId: string,
  period: string,
  size = pageSize,
): AsyncGenerator<PredikatRow> {
  let after: { unit: string; nip: string } | null = null;
  for (;;) {
    const from: { unit: string; nip: string } | null = after;
    const page: RecordRow[] =
      period === annualPeriod
        ? await annualPage(db, cycleId, from, size)
        : await periodPage(db, cycleId, period, from, size);
    for (const r of page) {
      yield {
        nip: r.nip,
        name: r.name ?? r.employee?.name ?? r.nip,
        unitCode: r.unit_code,
        unitName: r.unit_name,
        positionCode: r.position_code ?? r.employee?.positionCode ?? null,
        positionName: r.position_name,
        period,
        results: r.results as Rating | null,
        behaviour: r.behaviour as Rating | null,
        predikat: r.predikat as Predikat | null,
        employmentStatus: r.employment_status,
        rank: r.rank,
      };
    }
    const last = page.at(-1);
    if (page.length < size || !last) return;
    after = { unit: last.unit_code, nip: last.nip };
  }
}

/** The person's unit, name, position and employment as a record shows them (units `u`, employees `e`, positions `p`). */
const personColumns = [
  'u.name as unit_name',
  'e.name',
  'e.position_code',
  'p.name as position_name',
  'e.employment_status',
  'e.rank',
] as const;

function periodPage(
  db: Kysely<Database>,
  cycleId: string,
  period: string,
  from: { unit: string; nip: string } | null,
  size: number,
): Promise<RecordRow[]> {
  return db
    .selectFrom('period_evaluations as pe')
    .innerJoin('appraisals as a', 'a.appraisal_id', 'pe.appraisal_id')
    .leftJoin('employees as e', (j) => sameOrg(j, 'e.nip', 'pe.nip'))
    .leftJoin('units as u', (j) => sameOrg(j, 'u.code', 'pe.unit_code'))
    .leftJoin('positions as p', (j) => sameOrg(j, 'p.code', 'e.position_code'))
    .select(['pe.nip', 'pe.unit_code', ...personColumns])
    .select(sql<RecordRow['employee']>`a.state->'participants'->'employee'`.as('employee'))
    .select(['pe.results', 'pe.behaviour', 'pe.predikat'])
    .where('pe.cycle_id', '=', cycleId)
    .where('pe.period', '=', period)
    .where((eb) => eb.or([eb('pe.predikat', 'is not', null), eb('a.step', '!=', 'cancelled')]))
    .$if(from !== null, (q) =>
      q.where((eb) =>
        eb(eb.refTuple('pe.unit_code', 'pe.nip'), '>', eb.tuple(from?.unit ?? '', from?.nip ?? '')),
      ),
    )
    .orderBy('pe.unit_code')
    .orderBy('pe.nip')
    .limit(size)
    .execute();
}

function annualPage(
  db: Kysely<Database>,
  cycleId: string,
  from: { unit: string; nip: string } | null,
  size: number,
): Promise<RecordRow[]> {
  return (
    db
      .selectFrom('appraisals as a')
      .leftJoin('employees as e', (j) => sameOrg(j, 'e.nip', 'a.nip'))
      .leftJoin('units as u', (j) => sameOrg(j, 'u.code', 'a.unit_code'))
      .leftJoin('positions as p', (j) => sameOrg(j, 'p.code', 'e.position_code'))
      .select(['a.nip', 'a.unit_code', ...personColumns])
      .select(sql<RecordRow['employee']>`a.state->'participants'->'employee'`.as('employee'))
      // The annual rating as the appraisal holds it: set by the rater (or once escalated, the superior or
      // HR), and changed by an objection's final decision.
      .select([
        sql<string | null>`a.state->'rating'->>'results'`.as('results'),
        sql<string | null>`a.state->'rating'->>'behaviour'`.as('behaviour'),
        'a.predikat',
      ])
      .where('a.cycle_id', '=', cycleId)
      .where('a.step', '!=', 'cancelled')
      .$if(from !== null, (q) =>
        q.where((eb) =>
          eb(eb.refTuple('a.unit_code', 'a.nip'), '>', eb.tuple(from?.unit ?? '', from?.nip ?? '')),
        ),
      )
      .orderBy('a.unit_code')
      .orderBy('a.nip')
      .limit(size)
      .execute()
  );
}
