import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendMany } from '../../../record/store/append-many.ts';
import { appendToStream } from '../../../record/store/append-to-stream.ts';
import {
  ConcurrencyError,
  EventIdConflictError,
  EventMetadataInvalidError,
  EventSchemaInvalidError,
  InvalidAppendError,
  UnknownEventTypeError,
} from '../../../record/store/errors.ts';
import { readStream } from '../../../record/store/read-stream.ts';
import type { Database } from '../../../schema/database.ts';
import { createDb } from '../../../schema/db.ts';
import { migrateToLatest } from '../../../schema/migrate.ts';
import { createTestDatabase } from '../../support/database.ts';
import {
  incremented,
  noteAdded,
  type TestEvent,
  testEventRegistry,
  testMetadata,
} from '../../support/event-registry.ts';

const registry = testEventRegistry;
let database: { url: string; drop(): Promise<void> };
let db: Kysely<Database>;

beforeAll(async () => {
  database = await createTestDatabase('es_append');
  db = createDb(database.url, { max: 10 });
  await migrateToLatest(db);
});
afterAll(async () => {
  await db?.destroy();
  await database?.drop();
});

async function countEvents(streamId?: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*) as n from events where ${streamId ?? null}::text is null or stream_id = ${streamId ?? null}`.execute(
    db,
  );
  return rows[0]!.n;
}

describe('appendToStream', () => {
  it('appends a batch and reads it back in version order with validated data', async () => {
    const streamId = `s-${randomUUID()}`;
    const events = [incremented(2), noteAdded('hello'), incremented(5)];
    const result = await appendToStream(db, registry, streamId, events, { expectedVersion: 'no_stream' });
    expect(result.alreadyAppended).toBe(false);
    expect(result.nextExpectedVersion).toBe(3);
    expect(result.events.map((event) => event.streamVersion)).toEqual([1, 2, 3]);
    expect(result.events.map((event) => event.eventId)).toEqual(events.map((event) => event.eventId));
    const positions = result.events.map((event) => event.globalPosition);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));

    const read = await readStream(db, registry, streamId);
    expect(read.version).toBe(3);
    expect(read.events.map((event) => [event.type, event.data])).toEqual([
      ['counter.incremented', { by: 2 }],
      ['note.added', { text: 'hello' }],
      ['counter.incremented', { by: 5 }],
    ]);
    expect(read.events.map((event) => event.globalPosition)).toEqual(positions);
    expect(read.events[0]?.metadata).toEqual(testMetadata);
    expect(read.events[0]?.recordedAt).toBeInstanceOf(Date);
    expect(read.events[1]?.prevHash).toBe(read.events[0]?.hash);

    const tail = await readStream(db, registry, streamId, { fromVersion: 3 });
    expect(tail.events.map((event) => event.streamVersion)).toEqual([3]);
    expect(tail.version).toBe(3);
    expect(await readStream(db, registry, `missing-${randomUUID()}`)).toEqual({ events: [], version: 0 });
  });

  it('stores the schema output (e.g. trimmed strings)', async () => {
    const streamId = `s-${randomUUID()}`;
    const reset: TestEvent = {
      eventId: randomUUID(),
      type: 'counter.reset',
      data: { reason: '  audit  ' },
      metadata: testMetadata,
    };
    await appendToStream(db, registry, streamId, [reset], { expectedVersion: 0 });
    const { events } = await readStream(db, registry, streamId);
    expect(events[0]?.data).toEqual({ reason: 'audit' });
  });

  it('rejects a stale expected version with a typed ConcurrencyError', async () => {
    const streamId = `s-${randomUUID()}`;
    await appendToStream(db, registry, streamId, [incremented()], { expectedVersion: 'no_stream' });
    const stale = appendToStream(db, registry, streamId, [incremented()], { expectedVersion: 'no_stream' });
    await expect(stale).rejects.toBeInstanceOf(ConcurrencyError);
    await expect(stale).rejects.toMatchObject({
      code: 'stream_version_conflict',
      streamId,
      expected: 0,
      actual: 1,
    });
    await expect(
      appendToStream(db, registry, `s-${randomUUID()}`, [incremented()], { expectedVersion: 4 }),
    ).rejects.toMatchObject({ code: 'stream_version_conflict', expected: 4, actual: 0 });
    const appended = await appendToStream(db, registry, streamId, [incremented()], {
      expectedVersion: 'any',
    });
    expect(appended.nextExpectedVersion).toBe(2);
    expect(await countEvents(streamId)).toBe(2);
  });

  it('validates every event before writing anything', async () => {
    const streamId = `s-${randomUUID()}`;
    const bad = { ...incremented(), data: { by: 0 } };
    const attempt = appendToStream(db, registry, streamId, [incremented(), bad, incremented()], {
      expectedVersion: 'no_stream',
    });
    await expect(attempt).rejects.toBeInstanceOf(EventSchemaInvalidError);
    await expect(attempt).rejects.toMatchObject({
      code: 'event_schema_invalid',
      eventType: 'counter.incremented',
      where: { streamId, index: 1 },
    });
    expect(await countEvents(streamId)).toBe(0);
    const { rows } = await sql`select 1 from streams where stream_id = ${streamId}`.execute(db);
    expect(rows).toHaveLength(0);
  });

  it('rejects unknown types, bad metadata and malformed appends with typed codes', async () => {
    const streamId = `s-${randomUUID()}`;
    const unknown = { ...incremented(), type: 'toString' } as unknown as TestEvent;
    await expect(
      appendToStream(db, registry, streamId, [incremented(), unknown], { expectedVersion: 'any' }),
    ).rejects.toBeInstanceOf(UnknownEventTypeError);
    const noActor = { ...incremented(), metadata: { tenant: 'x' } } as unknown as TestEvent;
    await expect(
      appendToStream(db, registry, streamId, [noActor], { expectedVersion: 'any' }),
    ).rejects.toBeInstanceOf(EventMetadataInvalidError);
    const extraKey = { ...incremented(), metadata: { ...testMetadata, secret: 1 } } as unknown as TestEvent;
    await expect(
      appendToStream(db, registry, streamId, [extraKey], { expectedVersion: 'any' }),
    ).rejects.toMatchObject({
      code: 'event_metadata_invalid',
    });
    await expect(
      appendToStream(db, registry, streamId, [incremented(1, 'not-a-uuid')], { expectedVersion: 'any' }),
    ).rejects.toMatchObject({ code: 'invalid_append' });
    const twice = randomUUID();
    await expect(
      appendToStream(db, registry, streamId, [incremented(1, twice), incremented(1, twice)], {
        expectedVersion: 'any',
      }),
    ).rejects.toBeInstanceOf(InvalidAppendError);
    await expect(
      appendToStream(db, registry, streamId, [], { expectedVersion: 'any' }),
    ).rejects.toMatchObject({
      code: 'invalid_append',
    });
    await expect(
      appendToStream(db, registry, streamId, [incremented()], { expectedVersion: -1 }),
    ).rejects.toMatchObject({
      code: 'invalid_append',
    });
    expect(await countEvents(streamId)).toBe(0);
  });

  it('treats upper-case event ids as the same ids (Postgres stores uuids lower-case)', async () => {
    const streamId = `s-${randomUUID()}`;
    const id = randomUUID();
    const first = await appendToStream(db, registry, streamId, [incremented(1, id.toUpperCase())], {
      expectedVersion: 0,
    });
    const retry = await appendToStream(db, registry, streamId, [incremented(1, id)], { expectedVersion: 0 });
    expect(retry).toEqual({ ...first, alreadyAppended: true });
  });

  it('refuses event ids stored by a different append', async () => {
    const first = incremented();
    await appendToStream(db, registry, `s-${randomUUID()}`, [first], { expectedVersion: 0 });
    const elsewhere = appendToStream(db, registry, `s-${randomUUID()}`, [first], { expectedVersion: 0 });
    await expect(elsewhere).rejects.toBeInstanceOf(EventIdConflictError);
    await expect(elsewhere).rejects.toMatchObject({ code: 'event_id_conflict', eventIds: [first.eventId] });
  });
});

describe('idempotent retries', () => {
  it('1,000 appends retried with the same ids leave 1,000 rows and return the original positions', async () => {
    const streams = Array.from({ length: 50 }, () => `retry-${randomUUID()}`);
    const plan = streams.map((streamId) => ({
      streamId,
      events: Array.from({ length: 20 }, (_, i) => incremented(i + 1)),
    }));
    const appendAll = () =>
      Promise.all(
        plan.map(async ({ streamId, events }) => {
          const results = [];
          for (const [version, event] of events.entries()) {
            results.push(await appendToStream(db, registry, streamId, [event], { expectedVersion: version }));
          }
          return results;
        }),
      );
    const originals = (await appendAll()).flat();
    expect(originals.every((result) => !result.alreadyAppended)).toBe(true);
    const retries = (await appendAll()).flat();
    expect(retries).toEqual(originals.map((result) => ({ ...result, alreadyAppended: true })));
    const { rows } = await sql<{ n: number }>`
      select count(*) as n from events where stream_id = any(${streams}::text[])`.execute(db);
    expect(rows[0]!.n).toBe(1_000);
  });

  it('an append racing its own retry is written once; both get the same positions', async () => {
    for (const expectedVersion of [0, 'any'] as const) {
      const streamId = `race-${randomUUID()}`;
      const events = [incremented(), noteAdded('x'), incremented()];
      const results = await Promise.all(
        Array.from({ length: 6 }, () => appendToStream(db, registry, streamId, events, { expectedVersion })),
      );
      expect(results.filter((result) => !result.alreadyAppended)).toHaveLength(1);
      for (const result of results) expect(result.events).toEqual(results[0]!.events);
      expect(await countEvents(streamId)).toBe(3);
    }
  });
});

describe('appendMany', () => {
  it('appends to many streams at once with one outcome per append', async () => {
    const [fresh, existing, stale, retried] = Array.from({ length: 4 }, () => `many-${randomUUID()}`) as [
      string,
      string,
      string,
      string,
    ];
    await appendToStream(db, registry, existing, [incremented()], { expectedVersion: 0 });
    await appendToStream(db, registry, stale, [incremented(), incremented()], { expectedVersion: 0 });
    const retriedEvent = incremented();
    const original = await appendToStream(db, registry, retried, [retriedEvent], { expectedVersion: 0 });

    const outcomes = await appendMany(db, registry, [
      { streamId: fresh, events: [incremented(), incremented()], expectedVersion: 'no_stream' },
      { streamId: existing, events: [noteAdded('more')], expectedVersion: 1 },
      { streamId: stale, events: [incremented()], expectedVersion: 1 },
      {
        streamId: `many-${randomUUID()}`,
        events: [{ ...incremented(), data: { by: -1 } }],
        expectedVersion: 0,
      },
      { streamId: retried, events: [retriedEvent], expectedVersion: 0 },
    ]);
    expect(outcomes.map((outcome) => (outcome.ok ? 'ok' : outcome.error.code))).toEqual([
      'ok',
      'ok',
      'stream_version_conflict',
      'event_schema_invalid',
      'ok',
    ]);
    expect(outcomes[0]).toMatchObject({
      ok: true,
      result: { nextExpectedVersion: 2, alreadyAppended: false },
    });
    expect(outcomes[1]).toMatchObject({
      ok: true,
      result: { nextExpectedVersion: 2, alreadyAppended: false },
    });
    expect(outcomes[4]).toEqual({ ok: true, result: { ...original, alreadyAppended: true } });
    expect(await countEvents(fresh)).toBe(2);
    expect(await countEvents(existing)).toBe(2);
    expect(await countEvents(stale)).toBe(2);
    expect(await countEvents(retried)).toBe(1);
    // Everything written by one appendMany shares one transaction.
    const { rows } = await sql<{ n: number }>`
      select count(distinct transaction_id) as n from events
      where stream_id in (${fresh}, ${existing}) and stream_version = 2`.execute(db);
    expect(rows[0]!.n).toBe(1);
  });

  it('settles each append on its own when one of them races another writer', async () => {
    const contested = `many-${randomUUID()}`;
    const calm = `many-${randomUUID()}`;
    const reused = incremented();
    await appendToStream(db, registry, `many-${randomUUID()}`, [reused], { expectedVersion: 0 });
    // The reused id only shows up as a unique violation on insert: the batch falls back to one by one.
    const outcomes = await appendMany(db, registry, [
      { streamId: contested, events: [reused], expectedVersion: 'no_stream' },
      { streamId: calm, events: [incremented()], expectedVersion: 'no_stream' },
    ]);
    expect(outcomes.map((outcome) => (outcome.ok ? 'ok' : outcome.error.code))).toEqual([
      'event_id_conflict',
      'ok',
    ]);
    expect(await countEvents(contested)).toBe(0);
    expect(await countEvents(calm)).toBe(1);
  });

  it('rejects two appends to one stream in the same batch', async () => {
    const streamId = `many-${randomUUID()}`;
    const outcomes = await appendMany(db, registry, [
      { streamId, events: [incremented()], expectedVersion: 0 },
      { streamId, events: [incremented()], expectedVersion: 1 },
    ]);
    expect(outcomes.map((outcome) => (outcome.ok ? 'ok' : outcome.error.code))).toEqual([
      'ok',
      'invalid_append',
    ]);
  });
});
