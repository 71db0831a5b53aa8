// Projections run in the append's transaction: the read model and the log commit together or not at all.
import { randomUUID } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendMany } from '../../../record/store/append-many.ts';
import { appendToStream } from '../../../record/store/append-to-stream.ts';
import { ProjectionFailedError } from '../../../record/store/errors.ts';
import type { Projection } from '../../../record/store/projection.ts';
import type { RecordedEvent } from '../../../record/store/types.ts';
import type { Database } from '../../../schema/database.ts';
import { createDb } from '../../../schema/db.ts';
import { migrateToLatest } from '../../../schema/migrate.ts';
import { createTestDatabase } from '../../support/database.ts';
import { incremented, noteAdded, testEventRegistry } from '../../support/event-registry.ts';

type Registry = typeof testEventRegistry;
const registry = testEventRegistry;
let database: { url: string; drop(): Promise<void> };
let db: Kysely<Database>;

beforeAll(async () => {
  database = await createTestDatabase('es_projections');
  db = createDb(database.url);
  await migrateToLatest(db);
  // A test-only read model: each counter stream's total.
  await sql`create table counter_totals (stream_id text primary key, total int not null, last_version int not null)`.execute(
    db,
  );
});
afterAll(async () => {
  await db?.destroy();
  await database?.drop();
});

const seenByCounter: Array<Array<RecordedEvent<Registry>>> = [];
const counterTotals: Projection<Registry> = {
  name: 'counter-totals',
  handles: ['counter.incremented'],
  async apply(trx: Transaction<Database>, events) {
    seenByCounter.push([...events]);
    for (const event of events) {
      if (event.type !== 'counter.incremented') continue;
      await sql`
        insert into counter_totals (stream_id, total, last_version) values (${event.streamId}, ${event.data.by}, ${event.streamVersion})
        on conflict (stream_id) do update set total = counter_totals.total + excluded.total, last_version = excluded.last_version`.execute(
        trx,
      );
    }
  },
};

const failing: Projection<Registry> = {
  name: 'always-fails',
  handles: ['note.added'],
  apply: async () => {
    throw new Error('read model unavailable');
  },
};

async function total(streamId: string): Promise<number | undefined> {
  const { rows } = await sql<{
    total: number;
  }>`select total from counter_totals where stream_id = ${streamId}`.execute(db);
  return rows[0]?.total;
}

async function eventCount(streamId: string): Promise<number> {
  const { rows } = await sql<{
    n: number;
  }>`select count(*) as n from events where stream_id = ${streamId}`.execute(db);
  return rows[0]!.n;
}

describe('projections', () => {
  it('updates the read model in the append transaction, with only the events it handles', async () => {
    const streamId = `counter-${randomUUID()}`;
    seenByCounter.length = 0;
    const result = await appendToStream(
      db,
      registry,
      streamId,
      [incremented(2), noteAdded('n'), incremented(3)],
      {
        expectedVersion: 0,
        projections: [counterTotals],
      },
    );
    expect(await total(streamId)).toBe(5);
    expect(seenByCounter).toHaveLength(1);
    const seen = seenByCounter[0]!;
    expect(seen.map((event) => [event.type, event.streamVersion])).toEqual([
      ['counter.incremented', 1],
      ['counter.incremented', 3],
    ]);
    expect(seen[0]!.globalPosition).toBe(result.events[0]!.globalPosition);
    // The projection ran in the transaction that wrote the events.
    const { rows } = await sql<{ xid: string }>`
      select distinct transaction_id::text as xid from events where stream_id = ${streamId}`.execute(db);
    expect(rows).toHaveLength(1);
    expect(seen[0]!.transactionId).toBe(rows[0]!.xid);

    // No handled event: the projection is not called.
    seenByCounter.length = 0;
    await appendToStream(db, registry, streamId, [noteAdded('only a note')], {
      expectedVersion: 3,
      projections: [counterTotals],
    });
    expect(seenByCounter).toHaveLength(0);
  });

  it('writes no events when a projection throws', async () => {
    const streamId = `counter-${randomUUID()}`;
    await appendToStream(db, registry, streamId, [incremented(1)], {
      expectedVersion: 0,
      projections: [counterTotals],
    });
    const attempt = appendToStream(db, registry, streamId, [incremented(10), noteAdded('boom')], {
      expectedVersion: 1,
      projections: [counterTotals, failing],
    });
    await expect(attempt).rejects.toBeInstanceOf(ProjectionFailedError);
    await expect(attempt).rejects.toMatchObject({ code: 'projection_failed', projection: 'always-fails' });
    await expect(attempt).rejects.toHaveProperty('cause.message', 'read model unavailable');
    // Neither the events nor the other projection's update survived; the stream is where it was.
    expect(await eventCount(streamId)).toBe(1);
    expect(await total(streamId)).toBe(1);
    const next = await appendToStream(db, registry, streamId, [incremented(4)], {
      expectedVersion: 1,
      projections: [counterTotals],
    });
    expect(next.nextExpectedVersion).toBe(2);
    expect(await total(streamId)).toBe(5);
  });

  it('a failing projection in appendMany writes nothing for any stream', async () => {
    const [a, b] = [`counter-${randomUUID()}`, `counter-${randomUUID()}`];
    const attempt = appendMany(
      db,
      registry,
      [
        { streamId: a, events: [incremented(1)], expectedVersion: 0 },
        { streamId: b, events: [noteAdded('boom')], expectedVersion: 0 },
      ],
      { projections: [counterTotals, failing] },
    );
    await expect(attempt).rejects.toBeInstanceOf(ProjectionFailedError);
    expect(await eventCount(a)).toBe(0);
    expect(await eventCount(b)).toBe(0);
    expect(await total(a)).toBeUndefined();
  });
});
