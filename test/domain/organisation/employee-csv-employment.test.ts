// The employee file's optional employment_status and rank columns: PNS and PPPK rows mix, the status is
// the number's kind (a file that says otherwise is wrong), the rank is read for that status, and a bad row
// names its line and the part that is wrong.
import { describe, expect, it } from 'vitest';
import { readEmployeeRows } from '../../../domain/organisation/employee-csv.ts';
import { readCsvRecords } from '../../../organisation/csv-records.ts';

const header = 'nip,name,email,unit_code,position_code,supervisor_nip,language,employment_status,rank';
const head = '196805121990031002';
const nurse = '199312282021212001'; // an NI PPPK: first contract 2021
const midwife = '199009132025242014'; // a part-time PPPK

const rowsOf = async (...lines: string[]) => {
  const result = readEmployeeRows(await readCsvRecords([header, ...lines].join('\n')));
  if (!result.ok) throw new Error(result.headerErrors.join('; '));
  return result.rows;
};

describe('given a file that mixes PNS and PPPK', () => {
  it('when read, then each row has its number’s status and its rank in the stored form', async () => {
    const rows = await rowsOf(
      `${head},Ani,ani@x.go.id,U,KADIS,,id,PNS,"Pembina Utama Muda, IV/c"`,
      `${nurse},Rina,rina@x.go.id,U,PERAWAT,${head},id,pppk,vii`,
      `${midwife},Sri,sri@x.go.id,U,BIDAN,${head},id,,Golongan VII`,
      `198503122010011003,Budi,budi@x.go.id,U,STAF,${head},id,,III/b`,
      `198811202012121001,Joko,joko@x.go.id,U,STAF,${head},id,PNS,`,
    );
    expect(
      rows.map((r) => (r.ok ? [r.line, r.employee.employmentStatus, r.employee.rank] : r.errors)),
    ).toEqual([
      [2, 'PNS', 'Pembina Utama Muda, IV/c'],
      [3, 'PPPK', 'VII'],
      [4, 'PPPK', 'VII'],
      [5, 'PNS', 'Penata Muda Tingkat I, III/b'],
      [6, 'PNS', null],
    ]);
  });

  it('when the file has no rank column, then no row carries a rank (a re-import keeps people’s ranks)', async () => {
    const result = readEmployeeRows(
      await readCsvRecords(
        `nip,name,email,unit_code,position_code,supervisor_nip\n${nurse},Rina,rina@x.go.id,U,P,\n`,
      ),
    );
    expect(result).toMatchObject({ ok: true, rows: [{ ok: true, employee: { employmentStatus: 'PPPK' } }] });
    expect(result.ok && result.rows[0]?.ok && 'rank' in result.rows[0].employee).toBe(false);
  });
});

describe('given rows whose status or rank is wrong', () => {
  it('when each row has one wrong part, then each is refused with its line and that part', async () => {
    const rows = await rowsOf(
      `${head},Ani,ani@x.go.id,U,KADIS,,id,PNS,IV/c`,
      `${nurse},Rina,rina@x.go.id,U,P,${head},id,PNS,VII`,
      `199312282015212001,Dewi,dewi@x.go.id,U,P,${head},id,PPPK,VII`,
      `${midwife},Sri,sri@x.go.id,U,P,${head},id,PPPK,III/a`,
      `198503122010011003,Budi,budi@x.go.id,U,P,${head},id,kontrak,`,
      `198811202012121001,Joko,joko@x.go.id,U,P,${head},id,,"Penata, III/a"`,
      `198811202012121002,Tono,tono@x.go.id,U,P,${head},id,PPPK,II/a`,
    );
    expect(rows.map((r) => (r.ok ? r.line : `line ${r.line}: ${r.errors.join('; ')}`))).toEqual([
      2,
      `line 3: employment_status: is PNS, but ${nurse} is an NI PPPK`,
      'line 4: nip: NI PPPK digits 9-12 (the year of the first contract) are 2015; it must be 2019-2100, as PPPK were first appointed in 2019',
      "line 5: rank: 'III/a' is a PNS pangkat/golongan; a PPPK has a golongan I to XVII",
      'line 6: employment_status: must be PNS or PPPK',
      "line 7: rank: 'Penata, III/a' names the pangkat Penata, but golongan III/a is Penata Muda",
      'line 8: employment_status: is PPPK, but 198811202012121002 is a NIP PNS',
    ]);
  });
});
