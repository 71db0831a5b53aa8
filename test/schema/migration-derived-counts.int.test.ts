// Migration 0019: the counter tables (progress per step, predikat per unit, per period) are dropped, the
// counts are read from the rows; undone, the tables come back holding exactly the counts of those rows.
import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stepCounts } from '../../record/projections/unit-counts.ts';
import { createDb } from '../../schema/db.ts';
import { migrateToLatest } from '../../schema/migrate.ts';
import { migrations } from '../../schema/migrations/index.ts';
import { createTestDatabase } from '../support/database.ts';

describe('migration 0019-derived-counts', () => {
  let database: { url: string; drop(): Promise<void> };
  let db: ReturnType<typeof createDb>;
  beforeAll(async () => {
    database = await createTestDatabase('derived_counts_migration');
    db = createDb(database.url);
    await migrateToLatest(db);
  });
  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  const appraisal = (nip: string, unit: string, step: string, predikat: string | null) =>
    db
      .insertInto('appraisals')
      .values({
        appraisal_id: `tebo.2027.${nip}`,
        cycle_id: 'tebo.2027',
        org_id: 'tebo',
        nip,
        unit_code: unit,
        supervisor_nip: null,
        superior_nip: null,
        step,
        deadline: null,
        predikat,
        released_at: null,
        version: 1,
        state: '{}',
        updated_at: '2027-12-01T00:00:00Z',
      })
      .execute();

  it('drops the counter tables; undone, they hold the counts of the rows; done again, they are gone', async () => {
    await appraisal('1', 'PKM', 'completed', 'baik');
    await appraisal('2', 'PKM', 'completed', 'baik');
    await appraisal('3', 'PKM', 'rating', null);
    await appraisal('4', 'LAB', 'cancelled', 'kurang');
    await db
      .insertInto('period_evaluations')
      .values(
        ['1', '4'].map((nip) => ({
          appraisal_id: `tebo.2027.${nip}`,
          period: 'TW1',
          cycle_id: 'tebo.2027',
          org_id: 'tebo',
          nip,
          unit_code: 'PKM',
          deadline: '2027-04-20T16:59:59Z',
          predikat: 'sangatBaik',
        })),
      )
      .execute();
    expect(await stepCounts(db, 'tebo.2027')).toEqual(
      expect.arrayContaining([
        { unitCode: 'PKM', bucket: 'completed', count: 2 },
        { unitCode: 'PKM', bucket: 'rating', count: 1 },
      ]),
    );

    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    // Back to the migration before it: any later one is undone first, 0019 last.
    const down = await migrator.migrateTo('0017-master-data');
    expect(down.error).toBeUndefined();
    const undone = (down.results ?? []).map((r) => r.migrationName);
    expect(undone.at(-1)).toBe('0019-derived-counts');
    const rows = async (query: string) => (await sql.raw(query).execute(db)).rows;
    expect(await rows('select unit_code, step, count from cycle_progress order by 1, 2')).toEqual([
      { unit_code: 'PKM', step: 'completed', count: 2 },
      { unit_code: 'PKM', step: 'rating', count: 1 },
    ]);
    expect(await rows('select unit_code, predikat, count from unit_distribution')).toEqual([
      { unit_code: 'PKM', predikat: 'baik', count: 2 },
    ]);
    expect(await rows('select period, unit_code, predikat, count from period_distribution')).toEqual([
      { period: 'TW1', unit_code: 'PKM', predikat: 'sangatBaik', count: 2 },
    ]);

    expect(await migrateToLatest(db)).toEqual([...undone].reverse());
    expect(
      await rows(
        `select table_name from information_schema.tables
         where table_name in ('cycle_progress', 'unit_distribution', 'period_distribution')`,
      ),
    ).toEqual([]);
  });
});
