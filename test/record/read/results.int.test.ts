// The results export over real HTTP against real PostgreSQL: CSV as programs read it, XLSX as people
// read it (Bahasa Indonesia headers that stay in view, column widths, release times on the wall clock of
// the organisation's zone: WIB, or WITA once HR sets it),
// both streamed a page of rows at a time; and the export benchmark, run tiny.
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signDevToken } from '../../../auth/dev-keys.ts';
import { benchExportXlsx, nipOf, seedResults } from '../../../bench/export-xlsx.ts';
import { resultsFile } from '../../../record/read/results.ts';
import type { Database } from '../../../schema/database.ts';
import { createMigratedDatabase, type MigratedDatabase } from '../../support/database.ts';
import { type DevServedApp, serveWithoutTemporal } from '../../support/web-app.ts';

// More than one page of 500, so that paging is exercised.
const rows = 1203;
let database: MigratedDatabase;
let db: Kysely<Database>;
let served: DevServedApp;
let token: string;

beforeAll(async () => {
  database = await createMigratedDatabase('results_export');
  db = database.db;
  await seedResults(db, 'ekspor', rows);
  served = await serveWithoutTemporal(db, 'export');
  const { devKey } = served;
  token = await signDevToken(devKey, { org: 'ekspor', nip: nipOf(0), roles: ['hr'] });
}, 60_000);

afterAll(async () => {
  await served?.close();
  await database?.close();
});

const download = (format: 'csv' | 'xlsx') =>
  fetch(`${served.base}/v1/orgs/ekspor/cycles/ekspor.2027/results?format=${format}`, {
    headers: { authorization: `Bearer ${token}` },
  });

/** The seeded rows in the export's order: by unit, then NIP. */
const ordered = Array.from({ length: rows }, (_, i) => ({
  i,
  unit: `UNIT-${String(i % 40).padStart(2, '0')}`,
}))
  .sort((a, b) => (a.unit === b.unit ? (nipOf(a.i) < nipOf(b.i) ? -1 : 1) : a.unit < b.unit ? -1 : 1))
  .map((r) => r.i);

describe('the results export', () => {
  it('as CSV: stable column names, RFC 4180 quoting, CRLF, every row once in order, release as a UTC instant', async () => {
    const response = await download('csv');
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await response.text()).split('\r\n');
    expect(lines[0]).toBe(
      'nip,name,unit_code,position_code,step,predikat,rating_results,rating_behaviour,objection,referral_programme,referral_completed,recognised,released_at',
    );
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(rows + 2);
    expect(lines.slice(1, -1).map((l) => l.slice(0, 18))).toEqual(ordered.map(nipOf));
    expect(lines.find((l) => l.startsWith(nipOf(0)))).toBe(
      `${nipOf(0)},"Pegawai ""0"", S.E.",UNIT-00,JF-ANALIS,completed,Sangat Baik,sesuai,sesuai,upheld,Pelatihan pelayanan prima,no,yes,2028-02-11T17:30:00.000Z`,
    );
  });

  it('as XLSX: Indonesian headers in a frozen first row, widths, release shown as a WIB date the next day', async () => {
    const response = await download('xlsx');
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await response.arrayBuffer()) as ExcelJS.Buffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('ekspor.2027');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'NIP',
      'Nama',
      'Kode unit kerja',
      'Kode jabatan',
      'Tahap',
      'Predikat kinerja',
      'Hasil kerja',
      'Perilaku kerja',
      'Keberatan',
      'Program pengembangan',
      'Pengembangan selesai',
      'Penghargaan',
      'Hasil dirilis (WIB)',
    ]);
    expect(sheet.getRow(1).font).toMatchObject({ bold: true });
    expect(sheet.getColumn(1).width).toBe(21);
    expect(sheet.getColumn(2).width).toBe(32);
    expect(sheet.rowCount).toBe(rows + 1);
    const first = sheet.getRow(2);
    expect(first.getCell(1).value).toBe(nipOf(ordered[0]!));
    expect(first.getCell(2).value).toBe('Pegawai "0", S.E.');
    // 17:30 UTC on 11 February is 00:30 on 12 February in WIB: the wall clock is what Excel shows.
    const released = first.getCell(13);
    expect(released.value).toEqual(new Date('2028-02-12T00:30:00.000Z'));
    expect(released.numFmt).toBe('dd/mm/yyyy hh:mm');
    // Its values in words, as its headers: no codes such as `completed`, `sesuai` or `yes`.
    expect([5, 7, 8, 9, 11, 12].map((c) => first.getCell(c).value)).toEqual([
      'Selesai',
      'Sesuai Ekspektasi',
      'Sesuai Ekspektasi',
      'ditolak, predikat tetap',
      'Tidak',
      'Ya',
    ]);
  });

  it('as CSV for a page in Bahasa Indonesia: Indonesian headers and words, no codes', async () => {
    const file = await resultsFile(db, 'ekspor', 'ekspor.2027', 'csv', { inWords: true });
    const lines = (await new Response(file?.body).text()).split('\r\n');
    expect(lines[0]).toBe(
      'NIP,Nama,Kode unit kerja,Kode jabatan,Tahap,Predikat kinerja,Hasil kerja,Perilaku kerja,Keberatan,Program pengembangan,Pengembangan selesai,Penghargaan,Hasil dirilis (WIB)',
    );
    expect(lines.find((l) => l.startsWith(nipOf(0)))).toBe(
      `${nipOf(0)},"Pegawai ""0"", S.E.",UNIT-00,JF-ANALIS,Selesai,Sangat Baik,Sesuai Ekspektasi,Sesuai Ekspektasi,"ditolak, predikat tetap",Pelatihan pelayanan prima,Tidak,Ya,2028-02-12 00:30 WIB`,
    );
  });

  it("as XLSX for an organisation in WITA: the release on WITA's wall clock, the header naming WITA", async () => {
    await db
      .insertInto('organisations')
      .values({ id: 'ekspor', name: 'Ekspor', time_zone: 'Asia/Makassar' })
      .execute();
    try {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await (await download('xlsx')).arrayBuffer()) as ExcelJS.Buffer);
      const sheet = book.worksheets[0]!;
      expect(sheet.getRow(1).getCell(13).value).toBe('Hasil dirilis (WITA)');
      // 17:30 UTC on 11 February is 01:30 on 12 February in WITA.
      expect(sheet.getRow(2).getCell(13).value).toEqual(new Date('2028-02-12T01:30:00.000Z'));
    } finally {
      await db.deleteFrom('organisations').where('id', '=', 'ekspor').execute();
    }
  });
});

describe('bench export-xlsx', () => {
  it('exports from an API process, reports its memory, and reads every row back', async () => {
    const result = await benchExportXlsx({ rows: 40, databaseUrl: inject('databaseUrl') });
    expect(result).toMatchObject({ rows: 40, targetPeakRssMb: 300 });
    expect(result.verify).toEqual({
      ok: true,
      rowsRead: 40,
      missing: 0,
      header: ['NIP', 'Nama', 'Kode unit kerja'],
    });
    expect(result.bytes).toBeGreaterThan(1000);
    expect(result.apiPeakRssMb).toBeGreaterThanOrEqual(result.apiRssBeforeMb);
  }, 120_000);
});
