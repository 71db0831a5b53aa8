// The predikat recap over real HTTP against real PostgreSQL: a period's as CSV (parsed back), the year's
// as XLSX (read back), and the refusals as problem+json (a bad period or format, a period the cycle does
// not have, an unknown cycle, a role that may not read it), none of which changes anything.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signDevToken } from '../../auth/dev-keys.ts';
import type { Database } from '../../schema/database.ts';
import { createMigratedDatabase, type MigratedDatabase } from '../support/database.ts';
import { hrNip, type PeriodicCycle, people, ranks, seedPeriodicCycle } from '../support/periodic-events.ts';
import { type DevServedApp, serveWithoutTemporal } from '../support/web-app.ts';

let database: MigratedDatabase;
let db: Kysely<Database>;
let served: DevServedApp;
let cycle: PeriodicCycle;
const tokens: Record<'hr' | 'auditor' | 'employee', string> = { hr: '', auditor: '', employee: '' };

beforeAll(async () => {
  database = await createMigratedDatabase('predikat_export');
  db = database.db;
  cycle = await seedPeriodicCycle(db, 'bungo');
  // No Temporal behind this client: every request here is a read, or refused before Temporal is asked.
  served = await serveWithoutTemporal(db, 'export');
  const { devKey } = served;
  tokens.hr = await signDevToken(devKey, { org: 'bungo', nip: hrNip, roles: ['hr'] });
  tokens.auditor = await signDevToken(devKey, { org: 'bungo', nip: hrNip, roles: ['auditor'] });
  tokens.employee = await signDevToken(devKey, { org: 'bungo', nip: people.ahmad.nip, roles: ['employee'] });
}, 60_000);

afterAll(async () => {
  await served?.close();
  await database?.close();
});

const get = (query: string, as: keyof typeof tokens = 'hr', cycleId = cycle.cycleId) =>
  fetch(`${served.base}/v1/orgs/bungo/cycles/${cycleId}/predikat${query}`, {
    headers: { authorization: `Bearer ${tokens[as]}` },
  });

describe('GET /cycles/{cycleId}/predikat', () => {
  it("gives a period's recap as CSV: stable columns, rating codes, the predikat's name, unrated rows empty", async () => {
    const response = await get('?period=TW1&format=csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="siklus-bungo.2025-predikat-TW1.csv"',
    );
    const records = parse(await response.text(), { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(records[0] ?? {})).toEqual([
      'nip',
      'name',
      'unit_code',
      'unit_name',
      'position_code',
      'position_name',
      'period',
      'rating_results',
      'rating_behaviour',
      'predikat',
      'employment_status',
      'rank',
    ]);
    expect(records.map((r) => [r.nip, r.predikat])).toEqual([
      [people.dedi.nip, ''],
      [people.kapus.nip, 'Baik'],
      [people.ahmad.nip, 'Sangat Baik'],
      [people.budi.nip, 'Baik'],
      [people.citra.nip, 'Butuh Perbaikan'],
    ]);
    expect(records[4]).toEqual({
      nip: people.citra.nip,
      name: 'Citra Dewi',
      unit_code: 'PKM',
      unit_name: 'Puskesmas Muara Bungo',
      position_code: 'STAF',
      position_name: 'Perawat Terampil',
      period: 'TW1',
      rating_results: 'diBawah',
      rating_behaviour: 'sesuai',
      predikat: 'Butuh Perbaikan',
      employment_status: 'PNS',
      rank: ranks.citra,
    });
  });

  it("gives the year's (akhir) recap as XLSX for people: Indonesian headers and ratings, an objection's decision", async () => {
    const response = await get('?period=akhir&format=xlsx', 'auditor');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await response.arrayBuffer()) as ExcelJS.Buffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('bungo.2025 akhir');
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'NIP',
      'Nama',
      'Kode unit kerja',
      'Unit kerja',
      'Kode jabatan',
      'Jabatan',
      'Periode',
      'Rating hasil kerja',
      'Rating perilaku kerja',
      'Predikat kinerja',
      'Status',
      'Pangkat/Golongan',
    ]);
    expect(sheet.rowCount).toBe(6);
    const budi = sheet.getRow(5).values as unknown[];
    expect(budi.slice(1)).toEqual([
      people.budi.nip,
      'Budi Santoso',
      'PKM',
      'Puskesmas Muara Bungo',
      'STAF',
      'Perawat Terampil',
      'akhir',
      'Di Atas Ekspektasi',
      'Di Atas Ekspektasi',
      'Sangat Baik',
      'PNS',
      'Penata Muda Tingkat I, III/b',
    ]);
  });

  it('answers problem+json for a bad period or format, a period the cycle lacks, an unknown cycle, a wrong role', async () => {
    const problem = async (response: Response) => ({
      status: response.status,
      type: response.headers.get('content-type'),
      code: ((await response.json()) as { code: string }).code,
    });
    const json = 'application/problem+json';
    expect(await problem(await get('?period=TW9&format=csv'))).toEqual({
      status: 400,
      type: json,
      code: 'invalid_request',
    });
    expect(await problem(await get('?period=TW1&format=pdf'))).toEqual({
      status: 400,
      type: json,
      code: 'invalid_request',
    });
    expect(await problem(await get('?format=csv'))).toEqual({
      status: 400,
      type: json,
      code: 'invalid_request',
    });
    expect(await problem(await get('?period=M01&format=csv'))).toEqual({
      status: 422,
      type: json,
      code: 'period_not_in_cycle',
    });
    expect(await problem(await get('?period=TW1', 'hr', 'bungo.2031'))).toEqual({
      status: 404,
      type: json,
      code: 'not_found',
    });
    expect(await problem(await get('?period=TW1', 'employee'))).toMatchObject({ status: 403, type: json });
  });

  it("refuses a unit's capaian for a period the cycle lacks or no period at all, before Temporal is asked", async () => {
    const post = (body: unknown) =>
      fetch(`${served.base}/v1/orgs/bungo/cycles/${cycle.cycleId}/units/PKM/predikat`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens.hr}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const bad = await post({ predikat: 'baik', period: 'TW5' });
    expect(bad.status).toBe(400);
    const lacking = await post({ predikat: 'baik', period: 'S2' });
    expect(lacking.status).toBe(422);
    expect(await lacking.json()).toMatchObject({
      code: 'period_not_in_cycle',
      periods: ['TW1', 'TW2', 'TW3', 'TW4'],
    });
    const capaian = await db.selectFrom('unit_period_predikat').select('period').execute();
    expect(capaian.map((r) => r.period).sort()).toEqual(['TW1', 'TW1', 'TW2']);
  });
});
