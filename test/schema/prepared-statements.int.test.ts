// Each connection prepares a parameterised statement the first time it runs its text and then only
// executes it (schema/prepared-statements.ts): the session's pg_prepared_statements shows it once, under
// one name, however often it runs; results are the same; a long text and one without parameters run
// unprepared.
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../schema/database.ts';
import { createDb } from '../../schema/db.ts';
import { migrateToLatest } from '../../schema/migrate.ts';
import { createTestDatabase } from '../support/database.ts';

describe('prepared statements', () => {
  let database: { url: string; drop(): Promise<void> };
  let db: Kysely<Database>;

  beforeAll(async () => {
    database = await createTestDatabase('prepared');
    // One connection, so every statement below runs in the session whose prepared statements it reads.
    db = createDb(database.url, { max: 1 });
    await migrateToLatest(db);
    await db
      .insertInto('organisations')
      .values([
        { id: 'bungo', name: 'Kabupaten Bungo' },
        { id: 'tebo', name: 'Kabupaten Tebo' },
      ])
      .execute();
  });
  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  const preparedLike = async (pattern: string) =>
    (
      await sql<{ name: string }>`select name from pg_prepared_statements
        where statement like ${pattern}`.execute(db)
    ).rows.map((r) => r.name);

  it('prepares a statement with parameters once per connection and runs it with each new value', async () => {
    const nameOf = (id: string) =>
      db.selectFrom('organisations').select('name').where('id', '=', id).executeTakeFirst();
    expect(await nameOf('bungo')).toEqual({ name: 'Kabupaten Bungo' });
    expect(await nameOf('tebo')).toEqual({ name: 'Kabupaten Tebo' });
    expect(await nameOf('nope')).toBeUndefined();
    const names = await preparedLike('select "name" from "organisations" where "id" = $1');
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/^siklus_\d+$/);
  });

  it('runs a statement without parameters, or a long one, unprepared', async () => {
    await sql`select count(*) from organisations`.execute(db);
    const ids = Array.from({ length: 1000 }, (_, i) => `org-${i}`);
    const found = await db.selectFrom('organisations').select('id').where('id', 'in', ids).execute();
    expect(found).toEqual([]);
    expect(await preparedLike('select count(*) from organisations%')).toEqual([]);
    expect(await preparedLike('select "id" from "organisations" where "id" in%')).toEqual([]);
  });
});
