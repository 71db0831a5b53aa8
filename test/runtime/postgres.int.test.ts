import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startPostgres } from '../../runtime/postgres.ts';
import { createTestDatabase } from '../support/database.ts';
import { serversOn } from '../support/npm-start.ts';

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

  // npm start's tests found a "server" gone after the start was killed: a backend the postmaster had just
  // forked, which shows the postmaster's command line until it names itself, and ends with its connection.
  it('names only the postmaster as the server on a folder while it forks a backend per connection', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'siklus-postmaster-'));
    chmodSync(folder, 0o755);
    const server = await startPostgres({ dataDir: join(folder, 'postgres'), persistent: false });
    try {
      const seen = new Set<number>();
      let connections = 0;
      const churn = (async () => {
        for (; connections < 200; connections++) {
          const client = new pg.Client({ connectionString: server.url });
          await client.connect();
          await client.end();
        }
      })();
      while (connections < 200) {
        for (const pid of serversOn(folder).postgres) seen.add(pid);
        await new Promise((resolve) => setImmediate(resolve));
      }
      await churn;
      expect([...seen]).toEqual([server.pid]);
    } finally {
      await server.stop();
      rmSync(folder, { recursive: true, force: true });
    }
  }, 120_000);
});
