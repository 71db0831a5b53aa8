import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/database.ts';

describe('PostgreSQL runtime', () => {
  const databases: Array<{ drop(): Promise<void> }> = [];
  afterAll(async () => {
    for (const db of databases) await db.drop();
  });

  it('serves a real PostgreSQL with a fresh database per test file', async () => {
    const db = await createTestDatabase('pgruntime');
    databases.push(db);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ version: string; db: string }>(
        'select version() as version, current_database() as db',
      );
      expect(rows[0]?.version).toMatch(/^PostgreSQL \d+/);
      expect(rows[0]?.db).toMatch(/^pgruntime_[0-9a-f]{12}$/);
    } finally {
      await client.end();
    }
  });
});
