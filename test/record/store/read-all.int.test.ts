// readAll under concurrent writers: positions are taken at insert but become visible at commit, so the
// reader must neither skip an event of a transaction still in flight nor return anything twice.
import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { appendToStream } from '../../../record/store/append-to-stream.ts';
import type { Projection } from '../../../record/store/projection.ts';
import { type Checkpoint, compareCheckpoints, readAll, startOfLog } from '../../../record/store/read-all.ts';
import type { Database } from '../../../schema/database.ts';
import { createDb } from '../../../schema/db.ts';
import { migrateToLatest } from '../../../schema/migrate.ts';
import { createTestDatabase } from '../../support/database.ts';
import { incremented, noteAdded, testEventRegistry } from '../../support/event-registry.ts';

const registry = testEventRegistry;
let database: { url: string; drop(): Promise<void> };
let db: Kysely<Database>;
const writerDbs: Array<Kysely<Database>> = [];

beforeAll(async () => {
  database = await createTestDatabase('es_read_all');
  db = createDb(database.url, { max: 2 });
  await migrateToLatest(db);
});
afterAll(async () => {
  await Promise.all([db, ...writerDbs].map((each) => each?.destroy()));
  await database?.drop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Keeps the append's transaction open (after its insert) until `release` resolves. */
function holdOpen(release: Promise<unknown>): Projection<typeof registry> {
  return {
    name: 'hold-open',
    handles: ['counter.incremented', 'note.added'],
    apply: async () => void (await release),
  };
}

/** The checkpoint after everything readable now. */
async function readEverything(after: Checkpoint = startOfLog) {
  return readAll(db, registry, { after, limit: 1_000_000 });
}

/** Polls until `count` events after `after` are readable (transactions anywhere on the cluster delay them). */
async function readUntil(after: Checkpoint, count: number) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const page = await readAll(db, registry, { after, limit: count + 1 });
    if (page.events.length >= count || Date.now() > deadline) return page.events;
    await sleep(10);
  }
}

it('does not return a later commit while an earlier transaction is still in flight', async () => {
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const start = await readEverything();
  const slow = appendToStream(db, registry, `slow-${randomUUID()}`, [incremented()], {
    expectedVersion: 0,
    projections: [holdOpen(released)],
  });
  // Wait until the slow append has inserted (its row is there, uncommitted; it holds a transaction id:
  // idle right after BEGIN it would not yet) ...
  for (;;) {
    const { rows } = await sql<{ n: number }>`
      select count(*) as n from pg_stat_activity
      where state = 'idle in transaction' and backend_xid is not null and datname = current_database()`.execute(
      db,
    );
    if (rows[0]!.n > 0) break;
    await sleep(5);
  }
  // ... then a second writer commits behind it.
  const fast = await appendToStream(db, registry, `fast-${randomUUID()}`, [noteAdded('fast')], {
    expectedVersion: 0,
  });
  const during = await readAll(db, registry, { after: start.checkpoint, limit: 100 });
  expect(during.events).toEqual([]);
  expect(during.checkpoint).toEqual(start.checkpoint);

  release();
  const slowResult = await slow;
  // Other test files' transactions on the same cluster also hold the snapshot's xmin back: poll.
  const after = await readUntil(start.checkpoint, 2);
  expect(after.map((event) => event.eventId)).toEqual([
    slowResult.events[0]!.eventId,
    fast.events[0]!.eventId,
  ]);
  // The slow transaction's position was taken first, and that order is the log's order here.
  expect(slowResult.events[0]!.globalPosition).toBeLessThan(fast.events[0]!.globalPosition);
});

it('a reader polling during concurrent writers sees every position exactly once, in order', async () => {
  const writers = 6;
  const transactionsPerWriter = 60;
  for (let i = 0; i < writers; i++) writerDbs.push(createDb(database.url, { max: 1 }));
  const startedAt = await readEverything();
  let writing = true;

  const write = async (writerDb: Kysely<Database>, writer: number) => {
    const streamId = `writer-${writer}-${randomUUID()}`;
    for (let version = 0; version < transactionsPerWriter; version++) {
      const size = 1 + (version % 3);
      const events = Array.from({ length: size }, () => incremented(writer + 1));
      // Every third transaction is held open briefly after its insert, so later positions commit first.
      const projections = version % 3 === 0 ? [holdOpen(sleep(Math.random() * 15))] : [];
      const result = await appendToStream(writerDb, registry, streamId, events, {
        expectedVersion: await currentVersion(writerDb, streamId),
        projections,
      });
      expect(result.alreadyAppended).toBe(false);
    }
  };
  const currentVersion = async (writerDb: Kysely<Database>, streamId: string) => {
    const { rows } = await sql<{ version: number }>`
      select version from streams where stream_id = ${streamId}`.execute(writerDb);
    return rows[0]?.version ?? 0;
  };

  const expected = writers * transactionsPerWriter * 2;
  const seen: number[] = [];
  const checkpoints: Checkpoint[] = [];
  const poll = async () => {
    let checkpoint = startedAt.checkpoint;
    let deadline = Number.POSITIVE_INFINITY;
    // Until every event is seen; once the writers are done, for at most a few more seconds (the
    // snapshot's xmin may lag behind other test files' transactions on the same cluster).
    while (seen.length < expected && Date.now() < deadline) {
      if (!writing && deadline === Number.POSITIVE_INFINITY) deadline = Date.now() + 20_000;
      const page = await readAll(db, registry, { after: checkpoint, limit: 7 });
      for (const event of page.events) {
        seen.push(event.globalPosition);
        checkpoints.push({ transactionId: event.transactionId, globalPosition: event.globalPosition });
      }
      checkpoint = page.checkpoint;
      if (page.events.length === 0) await sleep(1);
    }
    // And nothing more after that.
    expect((await readAll(db, registry, { after: checkpoint, limit: 10 })).events).toEqual([]);
  };

  const reader = poll();
  await Promise.all(writerDbs.map((writerDb, writer) => write(writerDb, writer)));
  writing = false;
  await reader;

  const { rows } = await sql<{ global_position: number }>`
    select global_position from events where global_position > ${startedAt.checkpoint.globalPosition}
    order by global_position`.execute(db);
  const written = rows.map((row) => row.global_position);
  expect(written).toHaveLength(expected);
  expect(new Set(seen).size).toBe(seen.length);
  expect([...seen].sort((a, b) => a - b)).toEqual(written);
  for (let i = 1; i < checkpoints.length; i++) {
    expect(compareCheckpoints(checkpoints[i - 1]!, checkpoints[i]!)).toBeLessThan(0);
  }
});
