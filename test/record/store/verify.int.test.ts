// The hash chain catches tampering done behind the store's back: a superuser session with
// session_replication_role = replica (which bypasses the append-only trigger) edits the rows.
import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendToStream } from '../../../record/store/append-to-stream.ts';
import { EventSchemaInvalidError } from '../../../record/store/errors.ts';
import { readStream } from '../../../record/store/read-stream.ts';
import { verifyStreams } from '../../../record/store/verify-streams.ts';
import type { Database } from '../../../schema/database.ts';
import { createMigratedDatabase, type MigratedDatabase } from '../../support/database.ts';
import { incremented, noteAdded, testEventRegistry } from '../../support/event-registry.ts';
import { swappedVersionsFindings, swapVersions, tamper as tamperAsSuperuser } from '../../support/tamper.ts';

const registry = testEventRegistry;
let database: MigratedDatabase;
let db: Kysely<Database>;

beforeAll(async () => {
  database = await createMigratedDatabase('es_verify');
  db = database.db;
});
afterAll(() => database?.close());
const tamper = (...statements: string[]) => tamperAsSuperuser(database.url, ...statements);

/** A stream of five events, and an untouched neighbour that must stay clean. */
async function fiveEventStream(): Promise<string> {
  const streamId = `chain-${randomUUID()}`;
  await appendToStream(db, registry, streamId, [incremented(1), noteAdded('two'), incremented(3)], {
    expectedVersion: 0,
  });
  await appendToStream(db, registry, streamId, [noteAdded('four'), incremented(5)], { expectedVersion: 3 });
  await appendToStream(db, registry, `${streamId}-neighbour`, [incremented(1)], { expectedVersion: 0 });
  return streamId;
}

const problems = async (streamId: string) =>
  (await verifyStreams(db, { streamIds: [streamId, `${streamId}-neighbour`] })).findings.map((finding) => [
    finding.streamId,
    finding.version,
    finding.problem,
  ]);

describe('verifyStreams', () => {
  it('verifies an untouched log', async () => {
    const streamId = await fiveEventStream();
    const report = await verifyStreams(db, { streamIds: [streamId, `${streamId}-neighbour`] });
    expect(report).toEqual({ ok: true, streamsChecked: 2, eventsChecked: 6, findings: [] });
    const all = await verifyStreams(db);
    expect(all.ok).toBe(true);
  });

  it('names the stream and version of a row whose data was changed', async () => {
    const streamId = await fiveEventStream();
    await tamper(
      `update events set data = '{"text": "forged"}' where stream_id = '${streamId}' and stream_version = 4`,
    );
    expect(await problems(streamId)).toEqual([[streamId, 4, 'hash_mismatch']]);
    // Readers still validate against the schema, but only the chain tells that the content changed.
    const { events } = await readStream(db, registry, streamId);
    expect(events[3]?.data).toEqual({ text: 'forged' });
  });

  it('detects a changed type, metadata or timestamp as well', async () => {
    const streamId = await fiveEventStream();
    await tamper(
      `update events set metadata = metadata || '{"actor": "someone-else"}' where stream_id = '${streamId}' and stream_version = 1`,
      `update events set recorded_at = recorded_at - interval '1 day' where stream_id = '${streamId}' and stream_version = 5`,
    );
    expect(await problems(streamId)).toEqual([
      [streamId, 1, 'hash_mismatch'],
      [streamId, 5, 'hash_mismatch'],
    ]);
  });

  it('names a deleted row as a version gap', async () => {
    const streamId = await fiveEventStream();
    await tamper(`delete from events where stream_id = '${streamId}' and stream_version = 3`);
    expect(await problems(streamId)).toEqual([[streamId, 3, 'version_gap']]);
  });

  it('notices a deleted last event through the stream head', async () => {
    const streamId = await fiveEventStream();
    await tamper(`delete from events where stream_id = '${streamId}' and stream_version = 5`);
    expect(await problems(streamId)).toEqual([[streamId, 5, 'version_gap']]);
  });

  it('detects a swapped pair (reordered events)', async () => {
    const streamId = await fiveEventStream();
    await tamper(...swapVersions(streamId, 2));
    expect(await problems(streamId)).toEqual(swappedVersionsFindings(streamId, 2));
  });

  it('detects a forged row inserted with a self-consistent hash but a wrong link', async () => {
    const streamId = await fiveEventStream();
    // Shift versions 3..5 up and slip a row in at 3 whose prev_hash points at nothing real.
    await tamper(
      ...[5, 4, 3].map(
        (version) =>
          `update events set stream_version = ${version + 1} where stream_id = '${streamId}' and stream_version = ${version}`,
      ),
      `insert into events (stream_id, stream_version, event_id, type, data, metadata, recorded_at, prev_hash, hash)
       select stream_id, 3, gen_random_uuid(), type, data, metadata, recorded_at, repeat('f', 64), hash
       from events where stream_id = '${streamId}' and stream_version = 2`,
    );
    const found = await problems(streamId);
    expect(found).toContainEqual([streamId, 3, 'prev_hash_mismatch']);
    expect(found).toContainEqual([streamId, 4, 'hash_mismatch']);
    expect(found).toContainEqual([streamId, 6, 'head_mismatch']);
    expect(found.every(([id]) => id === streamId)).toBe(true);
  });

  it('fails reads of data that no longer fits its schema', async () => {
    const streamId = await fiveEventStream();
    await tamper(
      `update events set data = '{"by": "lots"}' where stream_id = '${streamId}' and stream_version = 1`,
    );
    const read = readStream(db, registry, streamId);
    await expect(read).rejects.toBeInstanceOf(EventSchemaInvalidError);
    await expect(read).rejects.toMatchObject({ where: { streamId, streamVersion: 1 } });
  });

  it('the append-only trigger stops the same edits from an ordinary session', async () => {
    const streamId = await fiveEventStream();
    await expect(
      sql`update events set data = '{}' where stream_id = ${streamId}`.execute(db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`delete from events where stream_id = ${streamId}`.execute(db)).rejects.toThrow(
      /append-only/,
    );
    expect((await verifyStreams(db, { streamIds: [streamId] })).ok).toBe(true);
  });
});
