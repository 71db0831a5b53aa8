// Migration 0006 on a database that already has keys: an unanswered claim left by an earlier version
// (which never expired) gets the lease it would have had, so it lapses; answered keys keep their answer.
import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../schema/db.ts';
import { migrateToLatest } from '../../schema/migrate.ts';
import { migrations } from '../../schema/migrations/index.ts';
import { createTestDatabase } from '../support/database.ts';

describe('migration 0006-idempotency-claims', () => {
  let database: { url: string; drop(): Promise<void> };
  let db: ReturnType<typeof createDb>;
  beforeAll(async () => {
    database = await createTestDatabase('idem_migration');
    db = createDb(database.url);
  });
  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  it('gives claims from before it a lease from their creation; answered keys are left alone', async () => {
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    expect((await migrator.migrateTo('0005-idempotency')).error).toBeUndefined();
    await sql`insert into idempotency_keys (org_id, principal_nip, key, request_hash, status, body, created_at)
      values ('o', 'n', 'stuck', 'h', null, null, now() - interval '10 minutes'),
             ('o', 'n', 'running', 'h', null, null, now()),
             ('o', 'n', 'answered', 'h', 200, '{}', now() - interval '10 minutes')`.execute(db);
    await migrateToLatest(db);
    const rows = await db
      .selectFrom('idempotency_keys')
      .select(['key', 'status', 'claim_id'])
      .select(sql<boolean>`claimed_until < now()`.as('lapsed'))
      .select(sql<number>`extract(epoch from claimed_until - created_at)::int`.as('lease_seconds'))
      .orderBy('key')
      .execute();
    expect(rows).toEqual([
      { key: 'answered', status: 200, claim_id: null, lapsed: null, lease_seconds: null },
      { key: 'running', status: null, claim_id: null, lapsed: false, lease_seconds: 60 },
      { key: 'stuck', status: null, claim_id: null, lapsed: true, lease_seconds: 60 },
    ]);
  });
});
