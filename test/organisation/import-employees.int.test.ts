// The employee CSV import against real Postgres: valid rows are written, invalid rows are reported by
// line and write nothing, a re-import updates people in place, and a bad header writes nothing at all.
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importEmployees } from '../../organisation/import-employees.ts';
import type { Database } from '../../schema/database.ts';
import { createMigratedDatabase, type MigratedDatabase } from '../support/database.ts';
import { seedOrgTables } from '../support/organisation.ts';

const header = 'nip,name,email,unit_code,position_code,supervisor_nip,language';
const nip = {
  head: '196805121990031002',
  staff: '198503122010011003',
  nurse: '199202292015032001',
  midwife: '199107152016022001',
  clerk: '198811202012121001',
  driver: '197912302003121002',
  cook: '198201012006042003',
  porter: '199505052019031004',
  stranger: '197001011995031001', // a valid NIP nobody in the organisation has
};

let database: MigratedDatabase;
let db: Kysely<Database>;
let orgCount = 0;

beforeAll(async () => {
  database = await createMigratedDatabase('import');
  db = database.db;
  // A unit and a position that exist only in another organisation must not count.
  await seedOrg('other', ['LAIN'], ['JF-LAIN']);
});

afterAll(async () => {
  await database?.close();
});

/** A fresh organisation per test, so the tests do not depend on each other. */
async function freshOrg(): Promise<string> {
  orgCount += 1;
  const orgId = `dinkes${orgCount}`;
  await seedOrg(orgId, ['DINKES', 'PKM-01'], ['KADIS', 'JF-PERAWAT']);
  return orgId;
}

function seedOrg(orgId: string, units: string[], positions: string[]) {
  return seedOrgTables(db, orgId, { name: `Organisasi ${orgId}`, units, positions });
}

const csv = (...rows: string[]) => [header, ...rows].join('\n');

function employeesOf(orgId: string) {
  return db
    .selectFrom('employees')
    .select(['nip', 'name', 'email', 'unit_code', 'position_code', 'supervisor_nip', 'language', 'active'])
    .where('org_id', '=', orgId)
    .orderBy('nip')
    .execute();
}

describe('importing a file with valid and invalid rows', () => {
  it('writes exactly the valid rows and reports every invalid row with its line and reasons', async () => {
    const orgId = await freshOrg();
    const result = await importEmployees(
      db,
      orgId,
      csv(
        `${nip.head},dr. Ani,ani@dinkes.go.id,DINKES,KADIS,,`, // line 2
        `${nip.staff},Budi,budi@dinkes.go.id,PKM-01,JF-PERAWAT,${nip.head},en`, // 3
        '198513122010011003,Bad Birth,bb@dinkes.go.id,DINKES,JF-PERAWAT,,', // 4: month 13
        '199202292015033001,Bad Gender,bg@dinkes.go.id,DINKES,JF-PERAWAT,,', // 5: gender 3
        `${nip.midwife},Dewi,dewi@dinkes.go.id,PKM-99,JF-PERAWAT,${nip.head},`, // 6
        `${nip.clerk},Eko,eko@dinkes.go.id,DINKES,JF-DOKTER,${nip.head},`, // 7
        `${nip.driver},Fajar,fajar@dinkes.go.id,DINKES,JF-PERAWAT,${nip.stranger},`, // 8
        `${nip.cook},Gita,gita@dinkes.go.id,PKM-01,JF-PERAWAT,${nip.midwife},`, // 9: supervisor on line 6
        `${nip.porter},Hadi,hadi@dinkes.go.id,PKM-01,JF-PERAWAT,${nip.cook},`, // 10: supervisor on line 9
        `${nip.nurse},Citra,citra@dinkes.go.id,LAIN,JF-LAIN,${nip.staff},`, // 11: another org's codes
      ),
    );

    expect(result).toEqual({
      ok: true,
      imported: 2,
      rejected: 8,
      rows: [
        { line: 2, ok: true, nip: nip.head, action: 'created' },
        { line: 3, ok: true, nip: nip.staff, action: 'created' },
        {
          line: 4,
          ok: false,
          errors: ["nip: NIP birth date (digits 1-8) '19851312' is not a real date"],
        },
        {
          line: 5,
          ok: false,
          errors: ["nip: NIP gender (digit 15) must be 1 (male) or 2 (female); got '3'"],
        },
        { line: 6, ok: false, errors: ['unit_code: unknown unit "PKM-99"'] },
        { line: 7, ok: false, errors: ['position_code: unknown position "JF-DOKTER"'] },
        {
          line: 8,
          ok: false,
          errors: [
            `supervisor_nip: no employee with NIP ${nip.stranger} in the organisation or among the valid rows of this file`,
          ],
        },
        { line: 9, ok: false, errors: [`supervisor_nip: the supervisor's row (line 6) has errors`] },
        { line: 10, ok: false, errors: [`supervisor_nip: the supervisor's row (line 9) has errors`] },
        {
          line: 11,
          ok: false,
          errors: ['unit_code: unknown unit "LAIN"', 'position_code: unknown position "JF-LAIN"'],
        },
      ],
    });
    expect(await employeesOf(orgId)).toEqual([
      {
        nip: nip.head,
        name: 'dr. Ani',
        email: 'ani@dinkes.go.id',
        unit_code: 'DINKES',
        position_code: 'KADIS',
        supervisor_nip: null,
        language: 'id',
        active: true,
      },
      {
        nip: nip.staff,
        name: 'Budi',
        email: 'budi@dinkes.go.id',
        unit_code: 'PKM-01',
        position_code: 'JF-PERAWAT',
        supervisor_nip: nip.head,
        language: 'en',
        active: true,
      },
    ]);
  });

  it('accepts a supervisor who appears later in the file or is already in the organisation', async () => {
    const orgId = await freshOrg();
    const first = await importEmployees(
      db,
      orgId,
      csv(`${nip.head},dr. Ani,ani@dinkes.go.id,DINKES,KADIS,,`),
    );
    expect(first).toMatchObject({ ok: true, imported: 1, rejected: 0 });

    const result = await importEmployees(
      db,
      orgId,
      csv(
        `${nip.nurse},Citra,citra@dinkes.go.id,PKM-01,JF-PERAWAT,${nip.staff},`,
        `${nip.staff},Budi,budi@dinkes.go.id,PKM-01,JF-PERAWAT,${nip.head},`,
      ),
    );
    expect(result).toEqual({
      ok: true,
      imported: 2,
      rejected: 0,
      rows: [
        { line: 2, ok: true, nip: nip.nurse, action: 'created' },
        { line: 3, ok: true, nip: nip.staff, action: 'created' },
      ],
    });
    expect((await employeesOf(orgId)).map((e) => [e.nip, e.supervisor_nip])).toEqual([
      [nip.head, null],
      [nip.staff, nip.head],
      [nip.nurse, nip.staff],
    ]);
  });

  it('writes nothing when every row is invalid', async () => {
    const orgId = await freshOrg();
    const result = await importEmployees(
      db,
      orgId,
      csv(
        `${nip.head},dr. Ani,not-an-email,DINKES,KADIS,,`,
        `${nip.staff},Budi,budi@dinkes.go.id,PKM-01,JF-PERAWAT,${nip.head},`,
      ),
    );
    expect(result).toEqual({
      ok: true,
      imported: 0,
      rejected: 2,
      rows: [
        { line: 2, ok: false, errors: ['email: is not an email address'] },
        {
          line: 3,
          ok: false,
          errors: [
            `supervisor_nip: no employee with NIP ${nip.head} in the organisation or among the valid rows of this file`,
          ],
        },
      ],
    });
    expect(await employeesOf(orgId)).toEqual([]);
  });
});

describe('re-importing', () => {
  const original = () =>
    csv(
      `${nip.head},dr. Ani,ani@dinkes.go.id,DINKES,KADIS,,`,
      `${nip.staff},Budi,budi@dinkes.go.id,DINKES,JF-PERAWAT,${nip.head},`,
      `${nip.nurse},Citra,citra@dinkes.go.id,DINKES,JF-PERAWAT,${nip.staff},`,
    );

  it('updates people in place: changes applied, no duplicates, action updated', async () => {
    const orgId = await freshOrg();
    expect(await importEmployees(db, orgId, original())).toMatchObject({ ok: true, imported: 3 });
    const before = await db
      .selectFrom('employees')
      .select(['nip', 'updated_at'])
      .where('org_id', '=', orgId)
      .execute();

    const result = await importEmployees(
      db,
      orgId,
      csv(
        `${nip.head},dr. Ani,ani@dinkes.go.id,DINKES,KADIS,,`,
        `${nip.staff},Budi Santoso,budi@dinkes.go.id,DINKES,JF-PERAWAT,${nip.head},`,
        `${nip.nurse},Citra,citra@pkm.go.id,PKM-01,JF-PERAWAT,${nip.head},en`,
        `${nip.midwife},Dewi,dewi@pkm.go.id,PKM-01,JF-PERAWAT,${nip.nurse},`,
      ),
    );
    expect(result).toEqual({
      ok: true,
      imported: 4,
      rejected: 0,
      rows: [
        { line: 2, ok: true, nip: nip.head, action: 'updated' },
        { line: 3, ok: true, nip: nip.staff, action: 'updated' },
        { line: 4, ok: true, nip: nip.nurse, action: 'updated' },
        { line: 5, ok: true, nip: nip.midwife, action: 'created' },
      ],
    });
    const after = await employeesOf(orgId);
    expect(after).toHaveLength(4);
    expect(after.find((e) => e.nip === nip.staff)?.name).toBe('Budi Santoso');
    expect(after.find((e) => e.nip === nip.nurse)).toMatchObject({
      email: 'citra@pkm.go.id',
      unit_code: 'PKM-01',
      supervisor_nip: nip.head,
      language: 'en',
    });
    const stamps = await db
      .selectFrom('employees')
      .select(['nip', 'updated_at'])
      .where('org_id', '=', orgId)
      .execute();
    for (const { nip: n, updated_at } of before) {
      const now = stamps.find((s) => s.nip === n)?.updated_at;
      expect(new Date(now ?? 0).getTime()).toBeGreaterThanOrEqual(new Date(updated_at).getTime());
    }
  });

  it('imports the same file twice to the same rows', async () => {
    const orgId = await freshOrg();
    await importEmployees(db, orgId, original());
    const once = await employeesOf(orgId);
    const again = await importEmployees(db, orgId, original());
    expect(again).toMatchObject({ ok: true, imported: 3, rejected: 0 });
    if (again.ok) expect(again.rows.map((r) => r.ok && r.action)).toEqual(['updated', 'updated', 'updated']);
    expect(await employeesOf(orgId)).toEqual(once);
  });

  it('leaves a person untouched when their new row is invalid', async () => {
    const orgId = await freshOrg();
    await importEmployees(db, orgId, original());
    const once = await employeesOf(orgId);
    const result = await importEmployees(
      db,
      orgId,
      csv(`${nip.staff},Budi Baru,budi@dinkes.go.id,PKM-99,JF-PERAWAT,${nip.head},`),
    );
    expect(result).toEqual({
      ok: true,
      imported: 0,
      rejected: 1,
      rows: [{ line: 2, ok: false, errors: ['unit_code: unknown unit "PKM-99"'] }],
    });
    expect(await employeesOf(orgId)).toEqual(once);
  });
});

describe('a file as Excel saves it', () => {
  it('reads CSV with semicolons (an Indonesian locale), a byte-order mark and CRLF as the same rows', async () => {
    const orgId = await freshOrg();
    const text = [
      '\uFEFFnip;name;email;unit_code;position_code;supervisor_nip;language',
      `${nip.head};dr. Ani, M.Kes;ani@dinkes.go.id;DINKES;KADIS;;`,
      `${nip.staff};Budi;budi@dinkes.go.id;PKM-99;JF-PERAWAT;${nip.head};en`,
      '',
    ].join('\r\n');
    expect(await importEmployees(db, orgId, Buffer.from(text, 'utf8'))).toEqual({
      ok: true,
      imported: 1,
      rejected: 1,
      rows: [
        { line: 2, ok: true, nip: nip.head, action: 'created' },
        { line: 3, ok: false, errors: ['unit_code: unknown unit "PKM-99"'] },
      ],
    });
    expect((await employeesOf(orgId)).map((e) => [e.nip, e.name])).toEqual([[nip.head, 'dr. Ani, M.Kes']]);
  });
});

describe('a bad header', () => {
  it('returns headerErrors and writes nothing', async () => {
    const orgId = await freshOrg();
    const result = await importEmployees(
      db,
      orgId,
      [
        'nip,name,email,unit,position_code,supervisor_nip',
        `${nip.head},dr. Ani,ani@dinkes.go.id,DINKES,KADIS,`,
      ].join('\n'),
    );
    expect(result).toEqual({
      ok: false,
      headerErrors: [
        "header: unknown column 'unit'; the columns are nip,name,email,unit_code,position_code,supervisor_nip,language,employment_status,rank",
        "header: column 'unit_code' is missing",
      ],
    });
    expect(await employeesOf(orgId)).toEqual([]);
  });
});

describe('a large file', () => {
  /** Distinct valid NIPs: one birth date per person, all appointed in January 2010. */
  const people = Array.from({ length: 8000 }, (_, i) => {
    const birth = new Date(Date.UTC(1970, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    return `${birth.replaceAll('-', '')}201001${i % 2 === 0 ? 1 : 2}001`;
  });
  const [head = '', ...staff] = people;
  const bigFile = csv(
    `${head},Kepala,kepala@dinkes.go.id,DINKES,KADIS,,`,
    ...staff.map((n) => `${n},Pegawai ${n},${n}@dinkes.go.id,PKM-01,JF-PERAWAT,${head},`),
  );
  const countOf = async (orgId: string) => {
    const [row] = await db
      .selectFrom('employees')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('org_id', '=', orgId)
      .execute();
    return Number(row?.n);
  };

  it('imports 8,000 people in one go (more than one statement can bind)', async () => {
    const orgId = await freshOrg();
    expect(await importEmployees(db, orgId, bigFile)).toMatchObject({
      ok: true,
      imported: 8000,
      rejected: 0,
    });
    expect(await countOf(orgId)).toBe(8000);
  }, 120_000);

  it('writes nothing when the database refuses a row late in the file', async () => {
    const orgId = await freshOrg();
    const last = people.at(-1) ?? '';
    // A trigger stands in for any failure after validation (a constraint, a lost connection).
    await sql
      .raw(`create function refuse_last() returns trigger language plpgsql as $$
        begin
          if new.org_id = '${orgId}' and new.nip = '${last}' then raise exception 'refused ${last}'; end if;
          return new;
        end $$;
        create trigger refuse_last before insert on employees for each row execute function refuse_last();`)
      .execute(db);
    try {
      await expect(importEmployees(db, orgId, bigFile)).rejects.toThrow(`refused ${last}`);
    } finally {
      await sql.raw('drop trigger refuse_last on employees; drop function refuse_last();').execute(db);
    }
    expect(await countOf(orgId)).toBe(0);
  }, 120_000);
});
