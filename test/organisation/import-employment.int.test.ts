// Importing PNS and PPPK together against real PostgreSQL, from CSV and from XLSX: each person is stored
// with the status of their number and their rank; a row whose NI PPPK, status or rank is wrong is
// refused with its line and the wrong part and writes nothing; a file without a rank column keeps the
// ranks people have.
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importEmployees } from '../../organisation/import-employees.ts';
import type { Database } from '../../schema/database.ts';
import { createMigratedDatabase, type MigratedDatabase } from '../support/database.ts';
import { seedOrgTables } from '../support/organisation.ts';

const header = 'nip,name,email,unit_code,position_code,supervisor_nip,language,employment_status,rank';
const nip = {
  head: '196805121990031002', // PNS
  nurse: '199312282021212001', // NI PPPK, first contract 2021
  midwife: '199009132025242014', // part-time PPPK
  clerk: '198811202012121001', // PNS
  early: '199312282015212003', // digits 21, but a contract "before 2019"
};

let database: MigratedDatabase;
let db: Kysely<Database>;
let orgCount = 0;

beforeAll(async () => {
  database = await createMigratedDatabase('import_employment');
  db = database.db;
});

afterAll(async () => {
  await database?.close();
});

async function freshOrg(): Promise<string> {
  orgCount += 1;
  const orgId = `pkm${orgCount}`;
  await seedOrgTables(db, orgId, {
    units: ['PKM'],
    positions: ['KAPKM', 'PERAWAT', 'BIDAN', 'STAF'],
    names: { PKM: 'Puskesmas' },
  });
  return orgId;
}

const peopleOf = (orgId: string) =>
  db
    .selectFrom('employees')
    .select(['nip', 'name', 'employment_status', 'rank'])
    .where('org_id', '=', orgId)
    .orderBy('nip')
    .execute();

describe('importing a CSV that mixes PNS and PPPK', () => {
  it('stores each person with their number’s status and their rank', async () => {
    const orgId = await freshOrg();
    const result = await importEmployees(
      db,
      orgId,
      [
        header,
        `${nip.head},dr. Ani,ani@x.go.id,PKM,KAPKM,,id,PNS,"Pembina, IV/a"`,
        `${nip.nurse},Ns. Rina,rina@x.go.id,PKM,PERAWAT,${nip.head},id,PPPK,VII`,
        `${nip.midwife},Sri,sri@x.go.id,PKM,BIDAN,${nip.head},id,,Golongan VII`,
        `${nip.clerk},Joko,joko@x.go.id,PKM,STAF,${nip.head},id,,`,
      ].join('\n'),
    );
    expect(result).toMatchObject({ ok: true, imported: 4, rejected: 0 });
    expect(await peopleOf(orgId)).toEqual([
      { nip: nip.head, name: 'dr. Ani', employment_status: 'PNS', rank: 'Pembina, IV/a' },
      { nip: nip.clerk, name: 'Joko', employment_status: 'PNS', rank: null },
      { nip: nip.midwife, name: 'Sri', employment_status: 'PPPK', rank: 'VII' },
      { nip: nip.nurse, name: 'Ns. Rina', employment_status: 'PPPK', rank: 'VII' },
    ]);
  });

  it('refuses each bad row with its line and the wrong part, and writes nothing of it', async () => {
    const orgId = await freshOrg();
    const result = await importEmployees(
      db,
      orgId,
      [
        header,
        `${nip.head},dr. Ani,ani@x.go.id,PKM,KAPKM,,id,PNS,IV/a`, // 2
        `${nip.nurse},Ns. Rina,rina@x.go.id,PKM,PERAWAT,${nip.head},id,PNS,VII`, // 3: the number is an NI PPPK
        `${nip.early},Dewi,dewi@x.go.id,PKM,PERAWAT,${nip.head},id,PPPK,VII`, // 4: contract year 2015
        `${nip.midwife},Sri,sri@x.go.id,PKM,BIDAN,${nip.head},id,PPPK,III/c`, // 5: a PNS rank
        `${nip.clerk},Joko,joko@x.go.id,PKM,STAF,${nip.head},id,,XX`, // 6: no such rank
      ].join('\n'),
    );
    expect(result).toEqual({
      ok: true,
      imported: 1,
      rejected: 4,
      rows: [
        { line: 2, ok: true, nip: nip.head, action: 'created' },
        { line: 3, ok: false, errors: [`employment_status: is PNS, but ${nip.nurse} is an NI PPPK`] },
        {
          line: 4,
          ok: false,
          errors: [
            'nip: NI PPPK digits 9-12 (the year of the first contract) are 2015; it must be 2019-2100, as PPPK were first appointed in 2019',
          ],
        },
        {
          line: 5,
          ok: false,
          errors: ["rank: 'III/c' is a PNS pangkat/golongan; a PPPK has a golongan I to XVII"],
        },
        {
          line: 6,
          ok: false,
          errors: [
            "rank: 'XX' is not a PNS pangkat/golongan; it must be one of I/a to IV/e, e.g. 'Penata Muda, III/a'",
          ],
        },
      ],
    });
    expect(await peopleOf(orgId)).toEqual([
      { nip: nip.head, name: 'dr. Ani', employment_status: 'PNS', rank: 'Pembina, IV/a' },
    ]);
  });

  it('keeps people’s ranks when a file without the rank column is imported again, and clears a blank one', async () => {
    const orgId = await freshOrg();
    const first = [
      header,
      `${nip.head},dr. Ani,ani@x.go.id,PKM,KAPKM,,id,,IV/a`,
      `${nip.nurse},Ns. Rina,rina@x.go.id,PKM,PERAWAT,${nip.head},id,,VII`,
    ].join('\n');
    expect(await importEmployees(db, orgId, first)).toMatchObject({ imported: 2 });
    const withoutRank = [
      'nip,name,email,unit_code,position_code,supervisor_nip',
      `${nip.head},dr. Ani Lestari,ani@x.go.id,PKM,KAPKM,`,
      `${nip.nurse},Ns. Rina,rina@x.go.id,PKM,PERAWAT,${nip.head}`,
    ].join('\n');
    expect(await importEmployees(db, orgId, withoutRank)).toMatchObject({ imported: 2 });
    expect(await peopleOf(orgId)).toEqual([
      { nip: nip.head, name: 'dr. Ani Lestari', employment_status: 'PNS', rank: 'Pembina, IV/a' },
      { nip: nip.nurse, name: 'Ns. Rina', employment_status: 'PPPK', rank: 'VII' },
    ]);
    const blank = [header, `${nip.nurse},Ns. Rina,rina@x.go.id,PKM,PERAWAT,${nip.head},id,PPPK,`].join('\n');
    expect(await importEmployees(db, orgId, blank)).toMatchObject({ imported: 1 });
    expect((await peopleOf(orgId)).map((p) => p.rank)).toEqual(['Pembina, IV/a', null]);
  });
});

describe('importing an XLSX workbook that mixes PNS and PPPK', () => {
  it('reads the same columns and refuses the bad row by its line', async () => {
    const orgId = await freshOrg();
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Pegawai');
    for (const row of [
      header.split(','),
      [nip.head, 'dr. Ani', 'ani@x.go.id', 'PKM', 'KAPKM', '', 'id', 'PNS', 'Pembina Tk. I, IV/b'],
      [nip.nurse, 'Ns. Rina', 'rina@x.go.id', 'PKM', 'PERAWAT', nip.head, 'id', 'PPPK', 'vii'],
      [nip.early, 'Dewi', 'dewi@x.go.id', 'PKM', 'PERAWAT', nip.head, 'id', 'PPPK', 'VII'],
    ])
      sheet.addRow(row);
    const result = await importEmployees(db, orgId, {
      xlsx: new Uint8Array(await book.xlsx.writeBuffer()),
    });
    expect(result).toMatchObject({
      ok: true,
      imported: 2,
      rejected: 1,
      rows: [
        { line: 2, ok: true },
        { line: 3, ok: true },
        { line: 4, ok: false, errors: [expect.stringMatching(/^nip: NI PPPK digits 9-12 /)] },
      ],
    });
    expect(await peopleOf(orgId)).toEqual([
      { nip: nip.head, name: 'dr. Ani', employment_status: 'PNS', rank: 'Pembina Tingkat I, IV/b' },
      { nip: nip.nurse, name: 'Ns. Rina', employment_status: 'PPPK', rank: 'VII' },
    ]);
  });
});
