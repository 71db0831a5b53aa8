// The auditor's API: over HTTP, the same answers as the audit module (and so as `siklus audit`) for a
// simulated, closed year: the cycle's history page by page, a stream's events, the state as of a
// position, the timeline and the verification; and a tampered event is named over HTTP too.
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stateAsOf } from '../../audit/state-as-of.ts';
import { appraisalTimeline } from '../../audit/timeline.ts';
import { identityFromEnv } from '../../auth/config.ts';
import { loadDevKey, signDevToken } from '../../auth/dev-keys.ts';
import { type RunningServer, startServer } from '../../bin/server.ts';
import { eventSchemas } from '../../domain/event-registry.ts';
import { cycleIdFor, cycleStreamId } from '../../domain/ids.ts';
import { appendToStream } from '../../record/store/index.ts';
import type { Database } from '../../schema/database.ts';
import { createDb } from '../../schema/db.ts';
import { migrateToLatest } from '../../schema/migrate.ts';
import { runSimulation } from '../../simulation/run-simulation.ts';
import { createTestDatabase } from '../support/database.ts';
import { startTimeSkippingEnv } from '../support/temporal.ts';

describe('the auditor API on a simulated year', () => {
  let env: TestWorkflowEnvironment;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: Kysely<Database>;
  let api: RunningServer;
  let cycleId: string;
  let org: string;
  let appraisalId: string;
  const tokens: Record<'auditor' | 'hr' | 'otherAuditor', string> = { auditor: '', hr: '', otherAuditor: '' };
  const get = async (path: string, token = tokens.auditor) => {
    const response = await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      // biome-ignore lint/suspicious/noExplicitAny: JSON answers, checked field by field
      body: (await response.json()) as any,
    };
  };

  beforeAll(async () => {
    env = await startTimeSkippingEnv();
    database = await createTestDatabase('audit_api');
    db = createDb(database.url);
    await migrateToLatest(db);
    await runSimulation(env, db, { employees: 8, units: 2, seed: 21 });
    const cycle = await db.selectFrom('cycles').select(['cycle_id', 'org_id']).executeTakeFirstOrThrow();
    cycleId = cycle.cycle_id;
    org = cycle.org_id;
    const appraisal = await db
      .selectFrom('appraisals')
      .select('appraisal_id')
      .orderBy('appraisal_id')
      .executeTakeFirstOrThrow();
    appraisalId = appraisal.appraisal_id;
    const dataDir = mkdtempSync(join(tmpdir(), 'siklus-audit-api-'));
    const identity = await identityFromEnv(dataDir, { SIKLUS_DEV_AUTH: '1' });
    const key = await loadDevKey(dataDir);
    api = await startServer({ db, temporal: env.client, taskQueue: 'unused', identity }, { port: 0 });
    tokens.auditor = await signDevToken(key, { org, nip: '197001011995031009', roles: ['auditor'] });
    tokens.hr = await signDevToken(key, { org, nip: '197001011995031009', roles: ['hr'] });
    tokens.otherAuditor = await signDevToken(key, {
      org: 'tebo',
      nip: '197001011995031009',
      roles: ['auditor'],
    });
  }, 600_000);

  afterAll(async () => {
    await api?.close();
    await db?.destroy();
    await database?.drop();
    await env?.teardown();
  });

  it("pages through the cycle's whole history in log order", async () => {
    const { rows } = await sql<{ n: number }>`select count(*)::int8 as n from events
      where stream_id = ${`cycle-${cycleId}`} or stream_id like ${`appraisal-${cycleId}.%`}`.execute(db);
    const positions: number[] = [];
    let after = 0;
    for (let pages = 0; pages < 100; pages++) {
      const page = await get(`/v1/orgs/${org}/audit/cycles/${cycleId}/events?after=${after}&limit=100`);
      expect(page.status).toBe(200);
      positions.push(...page.body.events.map((e: { globalPosition: number }) => e.globalPosition));
      if (page.body.next === null) break;
      after = page.body.next;
    }
    expect(positions).toHaveLength(rows[0]!.n);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(new Set(positions).size).toBe(positions.length);
  });

  it("gives a stream's events with their hash chain, version after version", async () => {
    const page = await get(`/v1/orgs/${org}/audit/streams/appraisal-${appraisalId}/events?limit=1000`);
    expect(page.status).toBe(200);
    const events = page.body.events as Array<{ streamVersion: number; prevHash: string; hash: string }>;
    expect(events.map((e) => e.streamVersion)).toEqual(events.map((_, i) => i + 1));
    for (let i = 1; i < events.length; i++) expect(events[i]!.prevHash).toBe(events[i - 1]!.hash);
  });

  it('answers the state as of a position exactly as the replay does, and the timeline', async () => {
    const { rows } = await sql<{ p: number }>`select global_position as p from events
      where stream_id = ${`appraisal-${appraisalId}`} order by stream_version`.execute(db);
    const middle = rows[Math.floor(rows.length / 2)]!.p;
    const answer = await get(`/v1/orgs/${org}/audit/appraisals/${appraisalId}/state?asOf=${middle}`);
    expect(answer.status).toBe(200);
    const replayed = await stateAsOf(db, { appraisalId }, { position: middle });
    expect(answer.body).toEqual(JSON.parse(JSON.stringify(replayed)));
    expect(answer.body.version).toBe(Math.floor(rows.length / 2) + 1);

    const timeline = await get(`/v1/orgs/${org}/audit/appraisals/${appraisalId}/timeline?lang=en`);
    expect(timeline.body.entries).toEqual(
      JSON.parse(JSON.stringify(await appraisalTimeline(db, appraisalId, 'en'))),
    );
    const cycle = await get(`/v1/orgs/${org}/audit/cycles/${cycleId}/state`);
    expect(cycle.body.cycle.status).toBe('closed');
    expect(Object.keys(cycle.body.appraisals)).toHaveLength(8);
  });

  it('verifies the cycle, then names an event changed with plain SQL', async () => {
    const intact = await get(`/v1/orgs/${org}/audit/cycles/${cycleId}/verification`);
    expect(intact.body).toMatchObject({ ok: true, findings: [], streamsChecked: 9 });
    expect(intact.body.seal.status).toBe('intact');
    const victim = `appraisal-${appraisalId}`;
    // A tamperer with superuser rights: the append-only trigger is bypassed for this one transaction.
    await db.transaction().execute(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx);
      await sql`update events set data = jsonb_set(data, '{at}', '"2020-01-01T00:00:00.000Z"')
        where stream_id = ${victim} and stream_version = 2`.execute(trx);
    });
    const tampered = await get(`/v1/orgs/${org}/audit/cycles/${cycleId}/verification`);
    expect(tampered.body.ok).toBe(false);
    expect(tampered.body.findings).toContainEqual(expect.objectContaining({ streamId: victim, version: 2 }));
  });

  it('refuses what is not an auditor’s, with problem details', async () => {
    const bad = await get(`/v1/orgs/${org}/audit/appraisals/${appraisalId}/state?asOf=yesterday`);
    expect(bad).toMatchObject({
      status: 400,
      type: 'application/problem+json',
      body: { code: 'invalid_as_of' },
    });
    expect((await get(`/v1/orgs/${org}/audit/cycles/${cycleId}/verification`, tokens.hr)).status).toBe(403);
    expect((await get(`/v1/orgs/${org}/audit/cycles/${cycleId}/events`, tokens.otherAuditor)).status).toBe(
      404,
    );
    expect((await get(`/v1/orgs/${org}/audit/cycles/tebo.2027/events`)).body.code).toBe('not_found');
    expect((await get(`/v1/orgs/${org}/audit/streams/organisation-${org}/events`)).status).toBe(404);
  });
  it('answers a log it cannot read as a problem naming the stream, never a 500', async () => {
    const other = await db
      .selectFrom('appraisals')
      .select('appraisal_id')
      .orderBy('appraisal_id', 'desc')
      .executeTakeFirstOrThrow();
    const stream = `appraisal-${other.appraisal_id}`;
    // Versions 1 and 2 swapped in position, as launches above 225 employees stored them before 2026-11.
    const { rows } = await sql<{ p: string }>`select global_position::text as p from events
      where stream_id = ${stream} and stream_version in (1, 2) order by stream_version`.execute(db);
    const [first, second] = rows.map((row) => Number(row.p));
    await db.transaction().execute(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx);
      await sql`update events set global_position = case stream_version when 1 then ${-second!}::int8 else ${-first!}::int8 end
        where stream_id = ${stream} and stream_version in (1, 2)`.execute(trx);
      await sql`update events set global_position = -global_position where global_position < 0`.execute(trx);
    });
    const answer = await get(`/v1/orgs/${org}/audit/appraisals/${other.appraisal_id}/state?asOf=${first}`);
    expect(answer).toMatchObject({
      status: 409,
      type: 'application/problem+json',
      body: { code: 'log_version_gap', where: { streamId: stream, version: 2 } },
    });
    const verification = await get(`/v1/orgs/${org}/audit/cycles/${cycleId}/verification`);
    expect(verification.body.findings).toContainEqual(
      expect.objectContaining({ streamId: stream, problem: 'position_order' }),
    );
  });

  it("keeps an organisation's auditors out of another whose id starts with theirs and a dot", async () => {
    // `<org>.x` is another organisation: its cycle `<org>.x.2027` starts with `<org>.` too.
    const neighbour = cycleIdFor(`${org}.x`, 2027);
    const stream = cycleStreamId(neighbour);
    const by = '197001011995031009';
    const closed = { by, at: '2027-12-31T00:00:00.000Z' };
    await appendToStream(
      db,
      eventSchemas,
      stream,
      [{ eventId: randomUUID(), type: 'cycle.closed', data: closed, metadata: { actor: by } }],
      { expectedVersion: 0 },
    );
    expect((await get(`/v1/orgs/${org}/audit/streams/${stream}/events`)).status).toBe(404);
    expect((await get(`/v1/orgs/${org}/audit/cycles/${neighbour}/events`)).status).toBe(404);
    expect((await get(`/v1/orgs/${org}/audit/cycles/${neighbour}/state`)).status).toBe(404);
  });
});
