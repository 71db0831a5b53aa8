// Optimistic concurrency under real contention: 20 separate connections race for each version.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { appendToStream } from '../../../record/store/append-to-stream.ts';
import { ConcurrencyError } from '../../../record/store/errors.ts';
import { readStream } from '../../../record/store/read-stream.ts';
import { verifyStreams } from '../../../record/store/verify-streams.ts';
import type { Database } from '../../../schema/database.ts';
import { createDb } from '../../../schema/db.ts';
import { migrateToLatest } from '../../../schema/migrate.ts';
import { createTestDatabase } from '../../support/database.ts';
import { incremented, testEventRegistry } from '../../support/event-registry.ts';

const writers = 20;
const rounds = 5;
let database: { url: string; drop(): Promise<void> };
let connections: Array<Kysely<Database>> = [];

beforeAll(async () => {
  database = await createTestDatabase('es_concurrency');
  // One pool of a single connection per writer: 20 independent sessions.
  connections = Array.from({ length: writers }, () => createDb(database.url, { max: 1 }));
  await migrateToLatest(connections[0]!);
  // Open every connection up front so that the race is between appends, not connection set-ups.
  await Promise.all(connections.map((db) => readStream(db, testEventRegistry, 'warm-up')));
});
afterAll(async () => {
  await Promise.all(connections.map((db) => db.destroy()));
  await database?.drop();
});

it('exactly one of 20 concurrent writers wins each version; the others get ConcurrencyError', async () => {
  const streamId = `contested-${randomUUID()}`;
  for (let version = 0; version < rounds; version++) {
    const attempts = await Promise.allSettled(
      connections.map((db, writer) =>
        appendToStream(db, testEventRegistry, streamId, [incremented(writer + 1), incremented(writer + 1)], {
          expectedVersion: version === 0 ? 'no_stream' : version * 2,
        }),
      ),
    );
    const winners = attempts.filter((attempt) => attempt.status === 'fulfilled');
    const losers = attempts.flatMap((attempt) => (attempt.status === 'rejected' ? [attempt.reason] : []));
    expect(winners).toHaveLength(1);
    expect(winners[0]!.value.nextExpectedVersion).toBe(version * 2 + 2);
    expect(losers).toHaveLength(writers - 1);
    for (const error of losers) {
      expect(error).toBeInstanceOf(ConcurrencyError);
      expect(error).toMatchObject({
        code: 'stream_version_conflict',
        expected: version * 2,
        actual: version * 2 + 2,
      });
    }
  }
  const { events, version } = await readStream(connections[0]!, testEventRegistry, streamId);
  expect(version).toBe(rounds * 2);
  expect(events.map((event) => event.streamVersion)).toEqual(
    Array.from({ length: rounds * 2 }, (_, i) => i + 1),
  );
  // Each winner's pair is contiguous: no interleaving of two writers' batches.
  for (let i = 0; i < events.length; i += 2) expect(events[i]!.data).toEqual(events[i + 1]!.data);
  expect((await verifyStreams(connections[0]!, { streamIds: [streamId] })).findings).toEqual([]);
});
