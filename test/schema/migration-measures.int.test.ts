// Migration 0011 (measures) was numbered before 0013 (standards) but lands after it: on a database whose
// last migration is 0013, starting again applies 0011 alone, and the measures' tables are there.
import { Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../schema/db.ts';
import { migrateToLatest } from '../../schema/migrate.ts';
import { migrations } from '../../schema/migrations/index.ts';
import { createTestDatabase } from '../support/database.ts';

describe('migration 0011-measures after 0013', () => {
  let database: { url: string; drop(): Promise<void> };
  let db: ReturnType<typeof createDb>;
  beforeAll(async () => {
    database = await createTestDatabase('measures_migration');
    db = createDb(database.url);
  });
  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  it('runs on a database that already has 0013, once', async () => {
    const { '0011-measures': _later, ...before } = migrations;
    const earlier = new Migrator({ db, provider: { getMigrations: async () => before } });
    expect((await earlier.migrateToLatest()).error).toBeUndefined();
    expect(await migrateToLatest(db)).toEqual(['0011-measures']);
    expect(await migrateToLatest(db)).toEqual([]);
    await db.insertInto('organisations').values({ id: 'bungo', name: 'Kabupaten Bungo' }).execute();
    await db
      .insertInto('measures')
      .values({
        org_id: 'bungo',
        code: 'skm',
        name: 'SKM',
        satuan: 'indeks',
        lower_is_better: false,
        target: 85,
        targets: '{}',
      })
      .execute();
    expect(await db.selectFrom('measures').select(['code', 'targets']).execute()).toEqual([
      { code: 'skm', targets: {} },
    ]);
  });
});
