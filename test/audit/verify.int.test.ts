// verifyCycle against tampering done behind the store's back: a superuser session with
// session_replication_role = replica (which bypasses the append-only trigger) edits the rows of a
// closed, sealed cycle, and the verifier names the stream, the version and what is wrong.
import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSeal } from '../../audit/seal.ts';
import { verifyCycle } from '../../audit/verify-cycle.ts';
import { appendSyntheticCycle, type SyntheticCycle } from '../../bench/replay.ts';
import { eventSchemas } from '../../domain/event-registry.ts';
import { appraisalStreamId } from '../../domain/ids.ts';
import { sealCycle, sealDigest } from '../../record/projections/cycle-seal.ts';
import { projections } from '../../record/projections/index.ts';
import { appendToStream } from '../../record/store/append-to-stream.ts';
import { storedEventHash } from '../../record/store/hash-chain.ts';
import { verifyStreams } from '../../record/store/verify-streams.ts';
import type { Database } from '../../schema/database.ts';
import { createMigratedDatabase, type MigratedDatabase } from '../support/database.ts';
import { swappedVersionsFindings, swapVersions, tamper as tamperAsSuperuser } from '../support/tamper.ts';

let database: MigratedDatabase;
let db: Kysely<Database>;
let orgs = 0;

beforeAll(async () => {
  database = await createMigratedDatabase('audit_verify');
  db = database.db;
});
afterAll(() => database?.close());
const tamper = (...statements: string[]) => tamperAsSuperuser(database.url, ...statements);

/** A closed cycle of three appraisals, recorded in steps with the production projections. */
function closedCycle(options: { close?: boolean } = {}): Promise<SyntheticCycle> {
  orgs += 1;
  return appendSyntheticCycle(db, {
    orgId: `org${orgs}`,
    year: 2027,
    appraisals: 3,
    eventsPerAppraisal: 48,
    withProjections: true,
    appendsPerAppraisal: 3,
    afterClose: 2,
    ...options,
  });
}

const firstStream = (cycle: SyntheticCycle) => appraisalStreamId(cycle.appraisalIds[0]!);
const versionOf = async (streamId: string, type: string) =>
  (
    await sql<{ v: number }>`select min(stream_version) as v from events
      where stream_id = ${streamId} and type = ${type}`.execute(db)
  ).rows[0]!.v;
const problems = async (cycleId: string) =>
  (await verifyCycle(db, cycleId)).findings.map((f) => [f.streamId ?? f.table, f.version, f.problem]);

describe('verifyCycle', () => {
  it('verifies an intact closed cycle: chains, schemas, projections and seal', async () => {
    const cycle = await closedCycle();
    const report = await verifyCycle(db, cycle.cycleId);
    expect(report.findings).toEqual([]);
    expect(report).toMatchObject({ ok: true, streamsChecked: 4, eventsChecked: cycle.events });
    expect(report.seal).toMatchObject({ status: 'intact', seal: { streams: 4 } });
  });

  it('seals at the close: the digest covers the streams up to cycle.closed, not what follows', async () => {
    const cycle = await closedCycle();
    const row = await db
      .selectFrom('cycles')
      .selectAll()
      .where('cycle_id', '=', cycle.cycleId)
      .executeTakeFirst();
    const { rows } = await sql<{ global_position: number; recorded_at: Date }>`
      select global_position, recorded_at from events where type = 'cycle.closed'
      and stream_id = ${`cycle-${cycle.cycleId}`}`.execute(db);
    expect(row?.sealed_position).toBe(rows[0]?.global_position);
    expect(row?.sealed_at).toEqual(rows[0]?.recorded_at);
    expect(row?.seal_digest).toBe((await sealDigest(db, cycle.cycleId, rows[0]!.global_position)).digest);
    // The follow-up appended after the close lies beyond the seal and does not change it.
    const { rows: after } = await sql<{ n: number }>`select count(*)::int8 as n from events
      where stream_id like ${`appraisal-${cycle.cycleId}.%`} and global_position > ${row!.sealed_position}`.execute(
      db,
    );
    expect(after[0]?.n).toBe(6);
    expect(row?.seal_digest).not.toBe((await sealDigest(db, cycle.cycleId, Number.MAX_SAFE_INTEGER)).digest);
    // Sealing again keeps the seal made at the close.
    expect((await sealCycle(db, cycle.cycleId))?.digest).toBe(row?.seal_digest);
  });

  it('seals only once every append holding an earlier position has committed', async () => {
    const cycle = await closedCycle({ close: false });
    const stream = firstStream(cycle);
    const headOf = async (id: string) =>
      (await db.selectFrom('streams').select('version').where('stream_id', '=', id).executeTakeFirstOrThrow())
        .version;
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let appended = (_position: number) => {};
    const positionTaken = new Promise<number>((resolve) => {
      appended = resolve;
    });
    // An appraisal append that takes its position, then stays uncommitted while the cycle closes.
    const slowAppend = db.transaction().execute(async (trx) => {
      const result = await appendToStream(
        trx,
        eventSchemas,
        stream,
        [
          event('activityReport.added', {
            reportId: 'late',
            date: '2027-12-30',
            description: 'Laporan terakhir',
            by: '199001011000000000',
            at: '2027-12-30T01:00:00.000Z',
          }),
        ],
        { expectedVersion: await headOf(stream) },
      );
      appended(result.events[0]!.globalPosition);
      await held;
    });
    const slowPosition = await positionTaken;
    const cycleStream = `cycle-${cycle.cycleId}`;
    const closing = appendToStream(
      db,
      eventSchemas,
      cycleStream,
      [event('cycle.closed', { by: '198001012005011001', at: '2027-12-31T00:00:00.000Z' })],
      { expectedVersion: await headOf(cycleStream), projections },
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await slowAppend;
    const closed = await closing;
    expect(closed.events[0]!.globalPosition).toBeGreaterThan(slowPosition);
    // Without waiting, the seal would miss the late event and never verify.
    const check = await checkSeal(db, cycle.cycleId);
    expect(check).toMatchObject({ status: 'intact', seal: { position: closed.events[0]!.globalPosition } });
  });

  it('verifies a running cycle without a seal', async () => {
    const cycle = await closedCycle({ close: false });
    const report = await verifyCycle(db, cycle.cycleId);
    expect(report.findings).toEqual([]);
    expect(report.seal).toEqual({ status: 'open' });
    expect(await sealCycle(db, cycle.cycleId)).toBeNull();
  });

  it('names a changed data row: stream, version, hash mismatch; the rebuilt projections differ', async () => {
    const cycle = await closedCycle();
    const stream = firstStream(cycle);
    const version = await versionOf(stream, 'rating.set');
    await tamper(
      `update events set data = jsonb_set(data, '{predikat}', '"sangatBaik"') where stream_id = '${stream}' and stream_version = ${version}`,
    );
    const report = await verifyCycle(db, cycle.cycleId);
    expect(report.ok).toBe(false);
    expect(report.findings).toContainEqual(
      expect.objectContaining({ problem: 'hash_mismatch', streamId: stream, version }),
    );
    expect(report.findings).toContainEqual(
      expect.objectContaining({ problem: 'projection_mismatch', table: 'appraisals' }),
    );
    // The seal covers head hashes; the chain already names the row.
    expect(report.seal.status).toBe('intact');
  });

  it('names changed metadata', async () => {
    const cycle = await closedCycle();
    const stream = firstStream(cycle);
    await tamper(
      `update events set metadata = metadata || '{"actor": "198001012005011999"}' where stream_id = '${stream}' and stream_version = 4`,
    );
    expect(await problems(cycle.cycleId)).toEqual([[stream, 4, 'hash_mismatch']]);
  });

  it('names data that no longer fits its schema', async () => {
    const cycle = await closedCycle();
    const stream = firstStream(cycle);
    const version = await versionOf(stream, 'agreement.proposed');
    await tamper(
      `update events set data = data - 'rhk' where stream_id = '${stream}' and stream_version = ${version}`,
    );
    const report = await verifyCycle(db, cycle.cycleId);
    expect(report.findings.slice(0, 2).map((f) => [f.streamId, f.version, f.problem])).toEqual([
      [stream, version, 'hash_mismatch'],
      [stream, version, 'schema_invalid'],
    ]);
    expect(report.findings[1]?.detail).toMatch(/agreement\.proposed.*rhk/);
  });

  it('names a deleted event as a version gap', async () => {
    const cycle = await closedCycle();
    const stream = firstStream(cycle);
    await tamper(`delete from events where stream_id = '${stream}' and stream_version = 10`);
    const found = await problems(cycle.cycleId);
    expect(found[0]).toEqual([stream, 10, 'version_gap']);
    expect(found).toContainEqual(['appraisals', undefined, 'projection_mismatch']);
  });

  it('names an inserted event, even one whose own hash and link are right', async () => {
    const cycle = await closedCycle();
    const stream = firstStream(cycle);
    const { rows } = await sql<{
      stream_version: number;
      data: unknown;
      metadata: unknown;
      recorded_at: Date;
      hash: string;
    }>`select stream_version, data, metadata, recorded_at, hash from events
       where stream_id = ${stream} order by stream_version desc limit 1`.execute(db);
    const last = rows[0]!;
    const forged = {
      prev_hash: last.hash,
      stream_id: stream,
      stream_version: last.stream_version + 1,
      event_id: randomUUID(),
      type: 'activityReport.added',
      data: {
        reportId: 'forged',
        date: '2027-12-30',
        description: 'Laporan susulan',
        by: '199001011000000000',
        at: '2027-12-30T01:00:00.000Z',
      },
      metadata: last.metadata,
      recorded_at: last.recorded_at,
    };
    await tamper(
      `insert into events (stream_id, stream_version, event_id, type, data, metadata, recorded_at, prev_hash, hash)
       values ('${stream}', ${forged.stream_version}, '${forged.event_id}', '${forged.type}', '${JSON.stringify(forged.data)}',
               '${JSON.stringify(forged.metadata)}', '${last.recorded_at.toISOString()}', '${last.hash}', '${storedEventHash(forged)}')`,
    );
    const found = await problems(cycle.cycleId);
    expect(found[0]).toEqual([stream, forged.stream_version, 'head_mismatch']);
    expect(found).toContainEqual(['activity_reports', undefined, 'projection_mismatch']);
  });

  it('names swapped versions', async () => {
    const cycle = await closedCycle();
    const stream = firstStream(cycle);
    await tamper(...swapVersions(stream, 7));
    expect(await problems(cycle.cycleId)).toEqual(swappedVersionsFindings(stream, 7));
  });

  it('catches a rewrite with recomputed hash chains through the seal and the projections', async () => {
    const cycle = await closedCycle();
    const stream = firstStream(cycle);
    const version = await versionOf(stream, 'rating.set');
    await rewriteChain(stream, version, (data) => ({ ...data, predikat: 'sangatBaik', results: 'diAtas' }));
    // The chain itself is consistent again ...
    expect((await verifyStreams(db, { streamIds: [stream] })).findings).toEqual([]);
    // ... but the cycle's streams no longer hash to the seal made at the close.
    const report = await verifyCycle(db, cycle.cycleId);
    expect(report.seal.status).toBe('broken');
    expect(report.findings.map((f) => [f.streamId ?? f.table, f.problem])).toEqual([
      ['cycles', 'projection_mismatch'],
      ['appraisals', 'projection_mismatch'],
      [`cycle-${cycle.cycleId}`, 'seal_mismatch'],
    ]);
    expect(report.findings[2]?.detail).toMatch(/not to the seal/);
  });

  it('names a projection row changed with plain SQL, with the differing rows', async () => {
    const cycle = await closedCycle();
    const appraisalId = cycle.appraisalIds[1]!;
    await sql`update appraisals set predikat = 'kurang' where appraisal_id = ${appraisalId}`.execute(db);
    const report = await verifyCycle(db, cycle.cycleId);
    expect(report.findings.map((f) => [f.table, f.problem])).toEqual([['appraisals', 'projection_mismatch']]);
    const [difference] = report.projectionDifferences;
    expect(difference).toMatchObject({ table: 'appraisals', onlyLive: 1, onlyRebuilt: 1 });
    expect(difference?.liveRows[0]).toMatchObject({ appraisal_id: appraisalId, predikat: 'kurang' });
    expect(difference?.rebuiltRows[0]).toMatchObject({ appraisal_id: appraisalId, predikat: 'baik' });
  });
});

function event(type: string, data: Record<string, unknown>) {
  return {
    eventId: randomUUID(),
    type,
    data,
    metadata: { actor: '198001012005011001' },
  } as Parameters<typeof appendToStream<typeof eventSchemas>>[3][number];
}

/** Rewrites one event's data and re-hashes the stream from there on, head included. */
async function rewriteChain(
  streamId: string,
  fromVersion: number,
  change: (data: Record<string, unknown>) => Record<string, unknown>,
): Promise<void> {
  const { rows } = await sql<{
    stream_version: number;
    event_id: string;
    type: string;
    data: Record<string, unknown>;
    metadata: unknown;
    recorded_at: Date;
    prev_hash: string;
  }>`select stream_version, event_id::text, type, data, metadata, recorded_at, prev_hash from events
     where stream_id = ${streamId} and stream_version >= ${fromVersion} order by stream_version`.execute(db);
  const statements: string[] = [];
  let prevHash = rows[0]!.prev_hash;
  for (const row of rows) {
    const data = row.stream_version === fromVersion ? change(row.data) : row.data;
    const hash = storedEventHash({ ...row, stream_id: streamId, prev_hash: prevHash, data });
    statements.push(
      `update events set data = '${JSON.stringify(data)}', prev_hash = '${prevHash}', hash = '${hash}'
       where stream_id = '${streamId}' and stream_version = ${row.stream_version}`,
    );
    prevHash = hash;
  }
  statements.push(`update streams set head_hash = '${prevHash}' where stream_id = '${streamId}'`);
  await tamper(...statements);
}
