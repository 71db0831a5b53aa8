import { describe, expect, it } from 'vitest';
import { employeeCsvColumns, readEmployeeRows } from '../../../domain/organisation/employee-csv.ts';
import { readCsvRecords } from '../../../organisation/csv-records.ts';

const header = 'nip,name,email,unit_code,position_code,supervisor_nip,language';
const head = '196805121990031002'; // no supervisor
const staff = '198503122010011003';
const nurse = '199202292015032001';

const parseEmployeeCsv = async (text: string) => readEmployeeRows(await readCsvRecords(text));

const rowsOf = async (text: string) => {
  const result = await parseEmployeeCsv(text);
  if (!result.ok) throw new Error(`unexpected header errors: ${result.headerErrors.join('; ')}`);
  return result.rows;
};

describe('given the documented columns', () => {
  it('when listed, then they are the nine columns in order', async () => {
    expect(employeeCsvColumns).toEqual(
      'nip,name,email,unit_code,position_code,supervisor_nip,language,employment_status,rank'.split(','),
    );
  });
});

describe('given a valid employee file', () => {
  const text = [
    `\uFEFF${header}`,
    `${head},"dr. Hj. Ani, M.Kes",ani@dinkes.go.id,DINKES,KADIS,,`,
    `${staff}, Budi Santoso ,budi@dinkes.go.id,DINKES-YANKES,JF-PERAWAT,${head},EN`,
    `${nurse},Citra,citra@dinkes.go.id,PKM-01,JF-BIDAN,${staff},id`,
    ',,,,,,',
    '',
  ].join('\r\n');

  it('when parsed, then every row is an employee with trimmed cells, null supervisor and default language', async () => {
    expect(await rowsOf(text)).toEqual([
      {
        line: 2,
        ok: true,
        employee: {
          nip: head,
          name: 'dr. Hj. Ani, M.Kes',
          email: 'ani@dinkes.go.id',
          unitCode: 'DINKES',
          positionCode: 'KADIS',
          supervisorNip: null,
          language: 'id',
          employmentStatus: 'PNS',
        },
      },
      {
        line: 3,
        ok: true,
        employee: {
          nip: staff,
          name: 'Budi Santoso',
          email: 'budi@dinkes.go.id',
          unitCode: 'DINKES-YANKES',
          positionCode: 'JF-PERAWAT',
          supervisorNip: head,
          language: 'en',
          employmentStatus: 'PNS',
        },
      },
      {
        line: 4,
        ok: true,
        employee: {
          nip: nurse,
          name: 'Citra',
          email: 'citra@dinkes.go.id',
          unitCode: 'PKM-01',
          positionCode: 'JF-BIDAN',
          supervisorNip: staff,
          language: 'id',
          employmentStatus: 'PNS',
        },
      },
    ]);
  });

  it('when the language column is left out and the columns are reordered, then rows still parse', async () => {
    const rows = await rowsOf(
      `NAME,nip,email,unit_code,position_code,supervisor_nip\nAni,${head},ani@x.go.id,U,P,\n`,
    );
    expect(rows).toEqual([
      {
        line: 2,
        ok: true,
        employee: {
          nip: head,
          name: 'Ani',
          email: 'ani@x.go.id',
          unitCode: 'U',
          positionCode: 'P',
          supervisorNip: null,
          language: 'id',
          employmentStatus: 'PNS',
        },
      },
    ]);
  });
});

describe('given rows with problems', () => {
  it('when a row has several wrong cells, then all its errors are listed and the other rows still parse', async () => {
    const rows = await rowsOf(
      [header, `${staff.slice(0, 14)}3003,,not-an-email,U,P,12345,fr`, `${head},Ani,ani@x.go.id,U,P,,`].join(
        '\n',
      ),
    );
    expect(rows[0]).toEqual({
      line: 2,
      ok: false,
      errors: [
        'name: is required',
        'email: is not an email address',
        'language: must be id or en',
        "nip: NIP gender (digit 15) must be 1 (male) or 2 (female); got '3'",
        'supervisor_nip: NIP must be exactly 18 digits; got 5 characters',
      ],
    });
    expect(rows[1]).toMatchObject({ line: 3, ok: true });
  });

  it('when a NIP appears twice, then the later line is the error and names the earlier line', async () => {
    const rows = await rowsOf(
      [header, `${staff},A,a@x.go.id,U,P,,`, `${head},B,b@x.go.id,U,P,,`, `${staff},C,c@x.go.id,U,P,,`].join(
        '\n',
      ),
    );
    expect(rows.map((r) => r.ok)).toEqual([true, true, false]);
    expect(rows[2]).toEqual({ line: 4, ok: false, errors: [`nip: ${staff} already appears on line 2`] });
  });

  it('when an employee is their own supervisor, then the row is an error', async () => {
    expect((await rowsOf(`${header}\n${staff},A,a@x.go.id,U,P,${staff},\n`))[0]).toEqual({
      line: 2,
      ok: false,
      errors: ['supervisor_nip: an employee cannot be their own supervisor'],
    });
  });

  it('when a row has the wrong number of fields, then it is an error saying how many', async () => {
    expect((await rowsOf(`${header}\n${staff},A,a@x.go.id,U,P\n`))[0]).toEqual({
      line: 2,
      ok: false,
      errors: ['expected 7 fields as in the header, found 5'],
    });
  });

  it('when a row is malformed CSV, then the row is an error and the next row is read', async () => {
    const rows = await rowsOf(`${header}\n"${staff}"x,A,a@x.go.id,U,P,,\n${head},B,b@x.go.id,U,P,,\n`);
    expect(rows[0]).toMatchObject({ line: 2, ok: false, errors: [expect.stringContaining('closing quote')] });
    expect(rows[1]).toMatchObject({ line: 3, ok: true });
  });
});

describe('given a bad header', () => {
  it('when the file is empty, then the header error names the expected columns', async () => {
    expect(await parseEmployeeCsv('')).toEqual({
      ok: false,
      headerErrors: [
        'the file is empty; expected the header nip,name,email,unit_code,position_code,supervisor_nip,language,employment_status,rank',
      ],
    });
  });

  it('when columns are unknown, repeated or missing, then each problem is reported and no row is read', async () => {
    const result = await parseEmployeeCsv(
      `nip,name,name,mail,unit_code,position_code\n${staff},A,A,a@x,U,P\n`,
    );
    expect(result).toEqual({
      ok: false,
      headerErrors: [
        "header: column 'name' appears twice",
        "header: unknown column 'mail'; the columns are nip,name,email,unit_code,position_code,supervisor_nip,language,employment_status,rank",
        "header: column 'email' is missing",
        "header: column 'supervisor_nip' is missing",
      ],
    });
  });
});
