import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../schema/db.ts';
import { migrateToLatest } from '../../schema/migrate.ts';
import { migrations } from '../../schema/migrations/index.ts';
import { createTestDatabase } from '../support/database.ts';

describe('migrations', () => {
  let database: { url: string; drop(): Promise<void> };
  let db: ReturnType<typeof createDb>;
  beforeAll(async () => {
    database = await createTestDatabase('migrations');
    db = createDb(database.url);
  });
  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  it('applies every migration once; a second run is a no-op', async () => {
    expect(await migrateToLatest(db)).toEqual(Object.keys(migrations));
    expect(await migrateToLatest(db)).toEqual([]);
    const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
    expect(rows.map((row) => row.name)).toEqual(Object.keys(migrations));
  });

  it('creates the event store tables', async () => {
    const { rows } = await sql<{ table_name: string }>`
      select table_name from information_schema.tables
      where table_schema = 'public' and table_name in ('events', 'streams') order by table_name`.execute(db);
    expect(rows.map((row) => row.table_name)).toEqual(['events', 'streams']);
    const { rows: columns } = await sql<{ column_name: string; data_type: string }>`
      select column_name, data_type from information_schema.columns
      where table_name = 'events' order by ordinal_position`.execute(db);
    expect(Object.fromEntries(columns.map((column) => [column.column_name, column.data_type]))).toEqual({
      global_position: 'bigint',
      transaction_id: 'xid8',
      stream_id: 'text',
      stream_version: 'integer',
      event_id: 'uuid',
      type: 'text',
      data: 'jsonb',
      metadata: 'jsonb',
      recorded_at: 'timestamp with time zone',
      prev_hash: 'text',
      hash: 'text',
    });
  });

  it('makes events append-only for ordinary sessions', async () => {
    await sql`insert into events (stream_id, stream_version, event_id, type, data, metadata, recorded_at, prev_hash, hash)
      values ('s', 1, gen_random_uuid(), 't', '{}', '{}', now(), 'p', 'h')`.execute(db);
    await expect(sql`update events set type = 'x'`.execute(db)).rejects.toThrow(/append-only: UPDATE/);
    await expect(sql`delete from events`.execute(db)).rejects.toThrow(/append-only: DELETE/);
    await expect(sql`truncate events`.execute(db)).rejects.toThrow(/append-only: TRUNCATE/);
    const { rows } = await sql<{ n: number }>`select count(*)::int8 as n from events`.execute(db);
    expect(rows[0]?.n).toBe(1);
  });
});
