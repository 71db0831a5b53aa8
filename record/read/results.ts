// A cycle's results, one row per appraisal, as a CSV or XLSX file (the same file from the API and the
// web's export link), streamed as the rows are read, a page at a time.
import { type Kysely, sql } from 'kysely';
import type { AppraisalState } from '../../domain/appraisal/state.ts';
import { type Step, steps } from '../../domain/appraisal/types.ts';
import { type Predikat, predikatLabels, ratingLabels } from '../../domain/rating/predikat.ts';
import { localStampText } from '../../domain/time/local-text.ts';
import { zoneAbbreviation } from '../../domain/time/zones.ts';
import { vocabularies } from '../../domain/vocabulary/vocabulary.ts';
import type { Database } from '../../schema/database.ts';
import { sameOrg } from '../../schema/same-org.ts';
import { cycleSummaryOf } from './cycles.ts';
import { type Cell, type Column, csvStream, xlsxContentType, xlsxStream } from './export/tables.ts';
import { timeZoneOf } from './organisation.ts';

/**
 * The columns: CSV keeps its stable names (one was added: released_at); the workbook speaks Indonesian
 * and shows the release on the wall clock of the organisation's zone, named in its header.
 */
const columnsFor = (timeZone: string): Column[] => [
  { csv: 'nip', label: 'NIP', width: 21 },
  { csv: 'name', label: 'Nama', width: 32 },
  { csv: 'unit_code', label: 'Kode unit kerja', width: 16 },
  { csv: 'position_code', label: 'Kode jabatan', width: 16 },
  { csv: 'step', label: 'Tahap', width: 14 },
  { csv: 'predikat', label: 'Predikat kinerja', width: 18 },
  { csv: 'rating_results', label: 'Hasil kerja', width: 14 },
  { csv: 'rating_behaviour', label: 'Perilaku kerja', width: 14 },
  { csv: 'objection', label: 'Keberatan', width: 12 },
  { csv: 'referral_programme', label: 'Program pengembangan', width: 30 },
  { csv: 'referral_completed', label: 'Pengembangan selesai', width: 12 },
  { csv: 'recognised', label: 'Penghargaan', width: 12 },
  { csv: 'released_at', label: `Hasil dirilis (${zoneAbbreviation(timeZone)})`, width: 18 },
];

const stateParts = ['participants', 'step', 'rating', 'objection', 'referral', 'recognised'] as const;
/** Rows read per query: memory stays bounded by a page, whatever the size of the cycle. */
const pageSize = 500;

export interface ResultsFile {
  body: ReadableStream<Uint8Array>;
  contentType: string;
  fileName: string;
}

/**
 * The results of an organisation's cycle; undefined when it has no such cycle. The workbook, and with
 * `inWords` (a page in Bahasa Indonesia) the CSV too, says its values in Indonesian words (the step, the
 * ratings, the objection, Ya/Tidak); the CSV the API serves keeps its column names and codes.
 */
export async function resultsFile(
  db: Kysely<Database>,
  org: string,
  cycleId: string,
  format: 'csv' | 'xlsx',
  { inWords = false }: { inWords?: boolean } = {},
): Promise<ResultsFile | undefined> {
  if (!(await cycleSummaryOf(db, org, cycleId))) return undefined;
  const timeZone = await timeZoneOf(db, org);
  const columns = columnsFor(timeZone);
  // The workbook shows the release as a date cell on the zone's wall clock; a CSV in words as text with
  // the zone ("2028-02-12 00:30 WIB"), never a bare UTC instant under a header naming the zone.
  const shape =
    format === 'xlsx'
      ? inIndonesian
      : inWords
        ? (row: Cell[]) => withLocalRelease(inIndonesian(row), timeZone)
        : (row: Cell[]) => row;
  const rows = resultRows(db, cycleId, shape);
  const name = `siklus-${cycleId}-results`;
  return format === 'xlsx'
    ? {
        body: xlsxStream(cycleId, columns, rows, timeZone),
        contentType: xlsxContentType,
        fileName: `${name}.xlsx`,
      }
    : {
        body: csvStream(inWords ? columns.map((c) => ({ ...c, csv: c.label })) : columns, rows),
        contentType: 'text/csv; charset=utf-8',
        fileName: `${name}.csv`,
      };
}

/** One row per appraisal, by unit and NIP, read a page at a time after the last row of the page before. */
async function* resultRows(
  db: Kysely<Database>,
  cycleId: string,
  shape: (row: Cell[]) => Cell[],
): AsyncGenerator<Cell[]> {
  let after: { unit: string; nip: string } | null = null;
  for (;;) {
    const from: { unit: string; nip: string } | null = after;
    // The page's keys first, by the index; only then the parts of those rows' states, so that each
    // page builds its 500 rows and not every row after it.
    const keys = db
      .selectFrom('appraisals')
      .select(['appraisal_id', 'unit_code', 'nip'])
      .where('cycle_id', '=', cycleId)
      .$if(from !== null, (q) =>
        q.where((eb) =>
          eb(eb.refTuple('unit_code', 'nip'), '>', eb.tuple(from?.unit ?? '', from?.nip ?? '')),
        ),
      )
      .orderBy('unit_code')
      .orderBy('nip')
      .limit(pageSize);
    const page: ResultRecord[] = await db
      .selectFrom(keys.as('p'))
      .innerJoin('appraisals as a', 'a.appraisal_id', 'p.appraisal_id')
      .leftJoin('employees as e', (j) => sameOrg(j, 'e.nip', 'a.nip'))
      .select(['a.nip', 'e.name', 'a.unit_code', 'e.position_code', 'a.released_at'])
      // Only the parts of the state a row shows: a year's whole state is many times larger.
      .select(
        sql<unknown>`jsonb_build_object(${sql.join(
          stateParts.map((part) => sql`${sql.lit(part)}, a.state->${sql.lit(part)}`),
        )})`.as('state'),
      )
      .orderBy('p.unit_code')
      .orderBy('p.nip')
      .execute();
    for (const a of page) yield shape(resultRow(a));
    const last = page.at(-1);
    if (page.length < pageSize || !last) return;
    after = { unit: last.unit_code, nip: last.nip };
  }
}

interface ResultRecord {
  nip: string;
  name: string | null;
  unit_code: string;
  position_code: string | null;
  released_at: Date | null;
  state: unknown;
}

const yesNo: Readonly<Record<string, string>> = { yes: 'Ya', no: 'Tidak' };
const objectionWords: Readonly<Record<string, string>> = {
  upheld: 'ditolak, predikat tetap',
  changed: 'diterima, rating diubah',
  pending: 'menunggu keputusan',
};

/** A row's codes in Indonesian words, in the columns' order (step, ratings, objection, yes/no). */
function inIndonesian(row: Cell[]): Cell[] {
  const word = (table: Readonly<Record<string, string>>, v: Cell) =>
    typeof v === 'string' ? (table[v] ?? v) : v;
  const rating = (v: Cell) => (typeof v === 'string' && isRating(v) ? ratingLabels[v].id : v);
  const [
    nip,
    name,
    unit,
    position,
    step,
    predikat,
    results,
    behaviour,
    objection,
    programme,
    done,
    recognised,
    released,
  ] = row;
  return [
    nip ?? null,
    name ?? null,
    unit ?? null,
    position ?? null,
    typeof step === 'string' && isStep(step) ? vocabularies.id.steps[step] : (step ?? null),
    predikat ?? null,
    rating(results ?? null),
    rating(behaviour ?? null),
    word(objectionWords, objection ?? null),
    programme ?? null,
    word(yesNo, done ?? null),
    word(yesNo, recognised ?? null),
    released ?? null,
  ];
}

/** The release (the last column) as local text with the zone. */
function withLocalRelease(row: Cell[], timeZone: string): Cell[] {
  const released = row.at(-1);
  return [
    ...row.slice(0, -1),
    released instanceof Date ? localStampText(released, timeZone) : (released ?? null),
  ];
}

const isRating = (v: string): v is keyof typeof ratingLabels => Object.hasOwn(ratingLabels, v);
const isStep = (v: string): v is Step => (steps as readonly string[]).includes(v);

function resultRow(a: ResultRecord): Cell[] {
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
    a.released_at,
  ];
}
