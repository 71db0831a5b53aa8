// A pooled connection that PostgreSQL ends while it is checked out between queries (a transaction
// waiting on other work when the server restarts, found by `npm run chaos`): pg emits 'error' on the
// client, which the pool does not listen to while it is lent out. Unhandled, that ended the whole
// process; createDb listens, so the work on it fails and the pool carries on with new connections.
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../schema/database.ts';
import { createDb } from '../../schema/db.ts';
import { createTestDatabase } from '../support/database.ts';

describe('createDb when PostgreSQL ends a connection that is checked out', () => {
  let database: { url: string; drop(): Promise<void> };
  let db: Kysely<Database>;
  let other: Kysely<Database>;

  beforeAll(async () => {
    database = await createTestDatabase('pool');
    db = createDb(database.url, { max: 2 });
    other = createDb(database.url, { max: 1 });
  });
  afterAll(async () => {
    await db?.destroy();
    await other?.destroy();
    await database?.drop();
  });

  it('fails the work on it, not the process, and serves the next query', async () => {
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', onUncaught);
    try {
      const held = db.transaction().execute(async (trx) => {
        const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
        // Between two queries, as a transaction is while it awaits something else, the backend ends.
        await sql`select pg_terminate_backend(${rows[0]?.pid})`.execute(other);
        await new Promise((resolve) => setTimeout(resolve, 300));
        await sql`select 1`.execute(trx);
      });
      await expect(held).rejects.toThrow();
      expect(uncaught).toEqual([]);
      const { rows } = await sql<{ one: number }>`select 1 as one`.execute(db);
      expect(rows).toEqual([{ one: 1 }]);
    } finally {
      process.off('uncaughtException', onUncaught);
    }
  });
});
