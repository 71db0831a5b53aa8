// Each test file gets its own fresh database on the run's PostgreSQL, so files run in parallel safely.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { withDatabase } from '../../runtime/postgres.ts';
import type { Database } from '../../schema/database.ts';
import { createDb } from '../../schema/db.ts';
import { migrateToLatest } from '../../schema/migrate.ts';

export async function createTestDatabase(prefix = 'test'): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = inject('databaseUrl');
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(adminUrl, name),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

export interface MigratedDatabase {
  url: string;
  db: Kysely<Database>;
  /** Ends the pool and drops the database. */
  close(): Promise<void>;
}

/** A fresh database (createTestDatabase) migrated to the latest schema, with a pool on it. */
export async function createMigratedDatabase(prefix: string): Promise<MigratedDatabase> {
  const database = await createTestDatabase(prefix);
  const db = createDb(database.url);
  const close = async () => {
    await db.destroy();
    await database.drop();
  };
  await migrateToLatest(db).catch(async (error: unknown) => {
    await close();
    throw error;
  });
  return { url: database.url, db, close };
}

/**
 * A migrated database (createMigratedDatabase) for one test file or describe block, seeded once before its
 * tests and closed after them: read `url` and `db` inside the tests.
 */
export function useMigratedDatabase(
  prefix: string,
  seed: (db: Kysely<Database>) => Promise<unknown> = async () => {},
): MigratedDatabase {
  const live = {} as MigratedDatabase;
  beforeAll(async () => {
    Object.assign(live, await createMigratedDatabase(prefix));
    await seed(live.db);
  }, 60_000);
  afterAll(async () => {
    await live.close?.();
  });
  return live;
}
