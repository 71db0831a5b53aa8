// Migration 0007 on a database that already has organisations: each gets WIB, and a zone other than
// Indonesia's three is refused by the database itself.
import { Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../schema/db.ts';
import { migrateToLatest } from '../../schema/migrate.ts';
import { migrations } from '../../schema/migrations/index.ts';
import { createTestDatabase } from '../support/database.ts';

describe('migration 0007-organisation-time-zone', () => {
  let database: { url: string; drop(): Promise<void> };
  let db: ReturnType<typeof createDb>;
  beforeAll(async () => {
    database = await createTestDatabase('zone_migration');
    db = createDb(database.url);
  });
  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  it('gives existing organisations WIB and takes only WIB, WITA or WIT', async () => {
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    expect((await migrator.migrateTo('0006-idempotency-claims')).error).toBeUndefined();
    await db.insertInto('organisations').values({ id: 'bungo', name: 'Kabupaten Bungo' }).execute();
    await migrateToLatest(db);
    expect(await db.selectFrom('organisations').select(['id', 'time_zone']).execute()).toEqual([
      { id: 'bungo', time_zone: 'Asia/Jakarta' },
    ]);
    await db.updateTable('organisations').set({ time_zone: 'Asia/Jayapura' }).execute();
    const wrong = db
      .updateTable('organisations')
      .set({ time_zone: 'UTC' as 'Asia/Jakarta' })
      .execute();
    await expect(wrong).rejects.toThrow(/check constraint/);
    expect((await db.selectFrom('organisations').select('time_zone').executeTakeFirst())?.time_zone).toBe(
      'Asia/Jayapura',
    );
  });
});
