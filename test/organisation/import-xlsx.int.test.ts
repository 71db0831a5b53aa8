// The employee import from an Excel workbook, against real PostgreSQL: through importEmployees, through
// the API over HTTP (the workbook's own content type), and uploaded on the web page as a file.
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signDevToken } from '../../auth/dev-keys.ts';
import { importEmployees } from '../../organisation/import-employees.ts';
import type { Database } from '../../schema/database.ts';
import { createMigratedDatabase, type MigratedDatabase } from '../support/database.ts';
import { seedOrgTables } from '../support/organisation.ts';
import { type DevServedApp, serveWithoutTemporal } from '../support/web-app.ts';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const head = '196805121990031002';
const staff = '198503122010011003';
const nurse = '199202292015032001';
const header = ['nip', 'name', 'email', 'unit_code', 'position_code', 'supervisor_nip', 'language'];

/** A workbook as HR keeps it: a title row would not do, so the header is row 1; a blank row in between. */
async function workbook(rows: ExcelJS.CellValue[][]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Pegawai');
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const file = () =>
  workbook([
    header,
    [
      head,
      'dr. Ani, M.Kes',
      { text: 'ani@dinkes.go.id', hyperlink: 'mailto:ani@dinkes.go.id' },
      'DINKES',
      'KADIS',
    ],
    [],
    [
      staff,
      { richText: [{ text: 'Budi ' }, { text: 'Santoso' }] },
      'budi@dinkes.go.id',
      'PKM-01',
      'KADIS',
      head,
      'en',
    ],
    [Number(nurse), 'Citra', 'citra@dinkes.go.id', 'PKM-01', 'KADIS', head],
  ]);

let database: MigratedDatabase;
let db: Kysely<Database>;
let served: DevServedApp;
let token: string;
let webToken: string;

beforeAll(async () => {
  database = await createMigratedDatabase('import_xlsx');
  db = database.db;
  // The import never calls Temporal; the client connects only when used.
  served = await serveWithoutTemporal(db, 'xlsx', { loginPicker: true });
  const { devKey } = served;
  for (const org of ['dinkes1', 'dinkes2', 'dinkes3']) await seed(org);
  token = await signDevToken(devKey, { org: 'dinkes2', nip: head, roles: ['hr'] });
  webToken = await signDevToken(devKey, { org: 'dinkes3', nip: head, roles: ['hr'] });
}, 60_000);

afterAll(async () => {
  await served?.close();
  await database?.close();
});

function seed(orgId: string) {
  return seedOrgTables(db, orgId, {
    units: ['DINKES', 'PKM-01'],
    positions: ['KADIS'],
    names: { KADIS: 'Kepala' },
  });
}

const namesOf = async (orgId: string) =>
  (
    await db
      .selectFrom('employees')
      .select(['nip', 'name', 'email', 'language'])
      .where('org_id', '=', orgId)
      .orderBy('nip')
      .execute()
  ).map((e) => [e.nip, e.name, e.email, e.language]);

const expectedRows = [
  { line: 2, ok: true, nip: head, action: 'created' },
  { line: 4, ok: true, nip: staff, action: 'created' },
  {
    line: 5,
    ok: false,
    errors: [
      'nip (cell A5): the number 199202292015032000 is too long to be exact; format the column as Text and type it again',
    ],
  },
];

describe('an XLSX employee file', () => {
  it('imports the first sheet row by row, lines as Excel numbers them, a NIP typed as a number refused', async () => {
    expect(await importEmployees(db, 'dinkes1', { xlsx: await file() })).toEqual({
      ok: true,
      imported: 2,
      rejected: 1,
      rows: expectedRows,
    });
    expect(await namesOf('dinkes1')).toEqual([
      [head, 'dr. Ani, M.Kes', 'ani@dinkes.go.id', 'id'],
      [staff, 'Budi Santoso', 'budi@dinkes.go.id', 'en'],
    ]);
  });

  it('is accepted by the API under its own content type; a body that is no workbook is a 400', async () => {
    const post = (body: Uint8Array) =>
      fetch(`${served.base}/v1/orgs/dinkes2/employees/import`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': xlsxType },
        body,
      });
    const refused = await post(new TextEncoder().encode(`${header.join(',')}\n`));
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ code: 'unreadable_file' });
    expect(await namesOf('dinkes2')).toEqual([]);

    const answer = await post(await file());
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ ok: true, imported: 2, rejected: 1, rows: expectedRows });
  });

  it('is recognised on the web import page when uploaded as a file, whatever its name', async () => {
    const form = new FormData();
    form.set('file', new File([await file()], 'pegawai (1).XLSX', { type: 'application/octet-stream' }));
    form.set('csv', '');
    const upload = await fetch(`${served.base}/app/hr/import`, {
      method: 'POST',
      headers: { cookie: `siklus_session=${webToken}` },
      body: form,
    });
    const html = await upload.text();
    expect(upload.status).toBe(200);
    expect(html).toContain('2 baris diimpor, 1 baris ditolak.');
    expect(await namesOf('dinkes3')).toHaveLength(2);
  });
});
