// Global positions follow stream versions, for any size of batch. A launch appends 200 new streams at
// once; PostgreSQL may then plan a hash join that emits rows in hash order, and an INSERT ... SELECT
// without ORDER BY numbered a stream's versions backwards (v3 before v1). The audit's rebuild and as-of
// replays read in position order, so they broke above one batch of employees.
import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendMany } from '../../../record/store/append-many.ts';
import { repairPositionOrder } from '../../../record/store/repair-position-order.ts';
import { verifyStreams } from '../../../record/store/verify-streams.ts';
import type { Database } from '../../../schema/database.ts';
import { createDb } from '../../../schema/db.ts';
import { migrateToLatest } from '../../../schema/migrate.ts';
import { createTestDatabase } from '../../support/database.ts';
import { incremented, noteAdded, testEventRegistry } from '../../support/event-registry.ts';

let database: { url: string; drop(): Promise<void> };
let db: Kysely<Database>;

beforeAll(async () => {
  database = await createTestDatabase('es_order');
  db = createDb(database.url, { max: 4 });
  await migrateToLatest(db);
});
afterAll(async () => {
  await db?.destroy();
  await database?.drop();
});

/** Streams whose positions do not rise with their versions. */
async function misordered(prefix: string): Promise<string[]> {
  const { rows } = await sql<{ stream_id: string }>`
    select distinct stream_id from (
      select stream_id, global_position,
             lag(global_position) over (partition by stream_id order by stream_version) as previous
      from events where stream_id like ${`${prefix}%`}
    ) e where previous > global_position`.execute(db);
  return rows.map((row) => row.stream_id);
}

async function appendBatch(prefix: string, streams: number) {
  const appends = Array.from({ length: streams }, (_, i) => ({
    streamId: `${prefix}${i}`,
    events: [incremented(1), noteAdded('opened'), incremented(2)],
    expectedVersion: 'no_stream' as const,
  }));
  const outcomes = await appendMany(db, testEventRegistry, appends);
  expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
}

describe('global positions follow stream versions', () => {
  it('for batches of new streams of every size a launch uses (25, 200, 600)', async () => {
    for (const size of [25, 200, 600]) {
      const prefix = `new-${size}-${randomUUID().slice(0, 8)}-`;
      await appendBatch(prefix, size);
      expect(await misordered(prefix)).toEqual([]);
    }
  });

  it('for a batch that moves 200 existing streams', async () => {
    const prefix = `moved-${randomUUID().slice(0, 8)}-`;
    await appendBatch(prefix, 200);
    const outcomes = await appendMany(
      db,
      testEventRegistry,
      Array.from({ length: 200 }, (_, i) => ({
        streamId: `${prefix}${i}`,
        events: [noteAdded('a'), incremented(3), noteAdded('b')],
        expectedVersion: 3,
      })),
    );
    expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
    expect(await misordered(prefix)).toEqual([]);
  });
});

describe('a log written before the fix', () => {
  it('is named by the verification and repaired without touching the hash chains', async () => {
    const prefix = `old-${randomUUID().slice(0, 8)}-`;
    await appendBatch(prefix, 5);
    // Number two streams' versions backwards within their transaction, as the old write did.
    await db.connection().execute(async (conn) => {
      await sql`set session_replication_role = replica`.execute(conn);
      for (const streamId of [`${prefix}1`, `${prefix}3`]) {
        const { rows } = await sql<{ global_position: number }>`
          select global_position from events where stream_id = ${streamId} order by stream_version`.execute(
          conn,
        );
        const [first, , last] = rows.map((row) => Number(row.global_position));
        // Swap v1 and v3 through negative positions (the primary key is checked row by row).
        await sql`update events set global_position = case stream_version when 1 then ${-last!}::int8 else ${-first!}::int8 end
          where stream_id = ${streamId} and stream_version in (1, 3)`.execute(conn);
        await sql`update events set global_position = -global_position
          where stream_id = ${streamId} and global_position < 0`.execute(conn);
      }
      await sql`set session_replication_role = origin`.execute(conn);
    });
    expect(await misordered(prefix)).toEqual([`${prefix}1`, `${prefix}3`]);

    const before = await verifyStreams(db, { streamIds: [0, 1, 2, 3, 4].map((i) => `${prefix}${i}`) });
    expect(before.ok).toBe(false);
    expect(before.findings.map((f) => [f.streamId, f.problem])).toEqual([
      [`${prefix}1`, 'position_order'],
      [`${prefix}3`, 'position_order'],
    ]);

    const dryRun = await repairPositionOrder(db, { dryRun: true });
    expect(dryRun.streams).toBe(2);
    expect(await misordered(prefix)).toHaveLength(2);

    const repair = await repairPositionOrder(db);
    expect(repair).toMatchObject({ streams: 2, events: 4 });
    expect(await misordered(prefix)).toEqual([]);
    const after = await verifyStreams(db, { streamIds: [0, 1, 2, 3, 4].map((i) => `${prefix}${i}`) });
    expect(after).toMatchObject({ ok: true, findings: [] });
    // The log is append-only again after the repair.
    await expect(
      sql`update events set type = type where stream_id = ${`${prefix}1`}`.execute(db),
    ).rejects.toThrow(/append-only/);
    expect(await repairPositionOrder(db)).toMatchObject({ streams: 0, events: 0 });
  });
});
