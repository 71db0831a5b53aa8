// Migration 0009 on a database that already has employees: each gets the status of their number (an NI
// PPPK's digits 13-14 are 21 or 24) and no rank; from then on the database takes only PNS or PPPK, and a
// person written without a status is refused.
import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../schema/db.ts';
import { migrateToLatest } from '../../schema/migrate.ts';
import { migrations } from '../../schema/migrations/index.ts';
import { createTestDatabase } from '../support/database.ts';

describe('migration 0009-employment-status', () => {
  let database: { url: string; drop(): Promise<void> };
  let db: ReturnType<typeof createDb>;
  beforeAll(async () => {
    database = await createTestDatabase('employment_migration');
    db = createDb(database.url);
  });
  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  it('derives each existing person’s status from their number and leaves the rank empty', async () => {
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    expect((await migrator.migrateTo('0008-periodic-predikat')).error).toBeUndefined();
    await db.insertInto('organisations').values({ id: 'bungo', name: 'Kabupaten Bungo' }).execute();
    // Before 0009 the table has no status: written as the import then wrote people.
    await sql`insert into employees (org_id, nip, name, unit_code, position_code) values
      ('bungo', '198503122010011003', 'PNS', 'U', 'P'),
      ('bungo', '199312282021212001', 'PPPK', 'U', 'P'),
      ('bungo', '199009132025242014', 'PPPK paruh waktu', 'U', 'P'),
      ('bungo', '199001011000000000', 'recorded, no structure', 'U', 'P')`.execute(db);
    await migrateToLatest(db);
    expect(
      await db.selectFrom('employees').select(['nip', 'employment_status', 'rank']).orderBy('nip').execute(),
    ).toEqual([
      { nip: '198503122010011003', employment_status: 'PNS', rank: null },
      { nip: '199001011000000000', employment_status: 'PNS', rank: null },
      { nip: '199009132025242014', employment_status: 'PPPK', rank: null },
      { nip: '199312282021212001', employment_status: 'PPPK', rank: null },
    ]);
  });

  it('takes only PNS or PPPK, and no person without a status', async () => {
    const wrong = db
      .updateTable('employees')
      .set({ employment_status: 'CPNS' as 'PNS' })
      .where('nip', '=', '198503122010011003')
      .execute();
    await expect(wrong).rejects.toThrow(/check constraint/);
    const without = sql`insert into employees (org_id, nip, name, unit_code, position_code)
      values ('bungo', '198811202012121001', 'Joko', 'U', 'P')`.execute(db);
    await expect(without).rejects.toThrow(/not-null|null value/);
    expect(
      (
        await db
          .selectFrom('employees')
          .select('employment_status')
          .where('nip', '=', '198503122010011003')
          .executeTakeFirst()
      )?.employment_status,
    ).toBe('PNS');
  });
});
