// Replay from the event log alone: an appraisal's or a whole cycle's state as of a global position or a
// recorded time, and the readable timeline, against a cycle recorded with the production projections.
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditError } from '../../audit/errors.ts';
import { stateAsOf } from '../../audit/state-as-of.ts';
import { appraisalTimeline, formatTimeline } from '../../audit/timeline.ts';
import { appendSyntheticCycle, type SyntheticCycle } from '../../bench/replay.ts';
import type { AppraisalEvent } from '../../domain/appraisal/events.ts';
import { type AppraisalState, evolve, initialState } from '../../domain/appraisal/state.ts';
import { eventSchemas } from '../../domain/event-registry.ts';
import { appraisalStreamId } from '../../domain/ids.ts';
import { readStream } from '../../record/store/read-stream.ts';
import type { Database } from '../../schema/database.ts';
import { createDb } from '../../schema/db.ts';
import { migrateToLatest } from '../../schema/migrate.ts';
import { seedOrganisation } from '../../simulation/seed.ts';
import { createTestDatabase } from '../support/database.ts';

let database: { url: string; drop(): Promise<void> };
let db: Kysely<Database>;
let cycle: SyntheticCycle;

beforeAll(async () => {
  database = await createTestDatabase('audit_replay');
  db = createDb(database.url);
  await migrateToLatest(db);
  cycle = await appendSyntheticCycle(db, {
    orgId: 'bungo',
    year: 2027,
    appraisals: 3,
    eventsPerAppraisal: 60,
    withProjections: true,
    appendsPerAppraisal: 4,
    afterClose: 2,
  });
});
afterAll(async () => {
  await db?.destroy();
  await database?.drop();
});

const fold = (events: ReadonlyArray<{ type: string; data: unknown }>) =>
  events.reduce<AppraisalState | null>((state, event) => {
    const typed = event as AppraisalEvent;
    return typed.type === 'appraisal.started' ? initialState(typed.data) : evolve(state!, typed);
  }, null);

describe('stateAsOf an appraisal', () => {
  it('at the end of the log equals the projected state', async () => {
    const appraisalId = cycle.appraisalIds[0]!;
    const replayed = await stateAsOf(db, { appraisalId }, { position: Number.MAX_SAFE_INTEGER });
    const row = await db
      .selectFrom('appraisals')
      .select(['state', 'version'])
      .where('appraisal_id', '=', appraisalId)
      .executeTakeFirstOrThrow();
    expect(replayed.version).toBe(60);
    expect(replayed.version).toBe(row.version);
    expect(replayed.state).toEqual(row.state);
    expect(replayed.state?.step).toBe('completed');
  });

  it('as of a global position folds exactly the events up to it', async () => {
    const appraisalId = cycle.appraisalIds[1]!;
    const { events } = await readStream(db, eventSchemas, appraisalStreamId(appraisalId));
    for (const k of [1, 17, 42]) {
      const at = events[k - 1]!;
      const replayed = await stateAsOf(db, { appraisalId }, { position: at.globalPosition });
      expect(replayed.version).toBe(k);
      expect(replayed.lastPosition).toBe(at.globalPosition);
      expect(replayed.state).toEqual(fold(events.slice(0, k)));
    }
    const before = await stateAsOf(db, { appraisalId }, { position: events[0]!.globalPosition - 1 });
    expect(before).toEqual({ appraisalId, state: null, version: 0, lastPosition: null });
  });

  it('as of a recorded time folds the events recorded up to then', async () => {
    const appraisalId = cycle.appraisalIds[2]!;
    const { events } = await readStream(db, eventSchemas, appraisalStreamId(appraisalId));
    // The appraisal was recorded in several appends, each with its own time.
    const times = [...new Set(events.map((e) => e.recordedAt.getTime()))];
    expect(times.length).toBeGreaterThanOrEqual(4);
    const time = new Date(times[1]!);
    const upTo = events.filter((e) => e.recordedAt.getTime() <= time.getTime());
    const replayed = await stateAsOf(db, { appraisalId }, { time });
    expect(replayed.version).toBe(upTo.length);
    expect(replayed.state).toEqual(fold(upTo));
    expect(replayed.state?.step).not.toBe('completed');
  });

  it('says when there is no such appraisal', async () => {
    const replay = stateAsOf(db, { appraisalId: 'bungo.2027.000000000000000000' }, { position: 1 });
    await expect(replay).rejects.toBeInstanceOf(AuditError);
    await expect(replay).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('stateAsOf a cycle', () => {
  it('folds the cycle stream and every appraisal, before and after the close', async () => {
    const { rows } = await sql<{ p: number }>`select global_position as p from events
      where stream_id = ${`cycle-${cycle.cycleId}`} and type = 'cycle.closed'`.execute(db);
    const closedAt = rows[0]!.p;
    const before = await stateAsOf(db, { cycleId: cycle.cycleId }, { position: closedAt - 1 });
    expect(before.cycle).toMatchObject({ status: 'running', members: 3, closed: null });
    expect(Object.keys(before.cycle?.units ?? {}).sort()).toEqual(['U1', 'U2', 'U3', 'U4']);
    expect(before.cycle?.units.U1).toMatchObject({
      unitPredikat: 'baik',
      calibrations: [expect.objectContaining({ ok: true })],
      released: { employees: 1 },
    });
    expect(Object.keys(before.appraisals)).toEqual(cycle.appraisalIds);
    expect(Object.values(before.appraisals).map((a) => a.step)).toEqual(['feedback', 'feedback', 'feedback']);

    const after = await stateAsOf(db, { cycleId: cycle.cycleId }, { time: new Date() });
    expect(after.cycle).toMatchObject({ status: 'closed', closed: { by: expect.any(String) } });
    expect(Object.values(after.appraisals).map((a) => a.step)).toEqual([
      'completed',
      'completed',
      'completed',
    ]);
    expect(after).toMatchObject({ streams: 4, events: cycle.events });
  });
});

describe('appraisalTimeline', () => {
  it('tells the appraisal in Bahasa Indonesia and in English, one line per event', async () => {
    const appraisalId = cycle.appraisalIds[0]!;
    // The supervisor as the organisation lists them: the timeline names them by name and NIP.
    await seedOrganisation(
      db,
      'bungo',
      ['U1'],
      [{ nip: '198001012005011001', name: 'Rina Lestari', unitCode: 'U1', supervisorNip: null }],
    );
    const indonesian = await appraisalTimeline(db, appraisalId, 'id');
    const english = await appraisalTimeline(db, appraisalId, 'en');
    expect(indonesian).toHaveLength(60);
    const id = indonesian.map((e) => e.sentence);
    const en = english.map((e) => e.sentence);
    expect(id).toContain('Atasan mengusulkan RHK versi 2');
    expect(en).toContain('The supervisor proposed indicators, version 2');
    expect(id).toContain('Pegawai menandatangani SKP versi 2');
    expect(en).toContain('The employee acknowledged the performance standards');
    expect(id).toContain(
      'Atasan menetapkan rating hasil kerja Sesuai Ekspektasi dan perilaku Sesuai Ekspektasi: predikat Baik',
    );
    expect(id.at(-1)).toBe('Penilaian kinerja selesai');
    expect(en.at(-1)).toBe('The appraisal was completed');
    const lines = formatTimeline(indonesian).split('\n');
    expect(lines).toHaveLength(60);
    expect(lines[7]).toMatch(
      /^2027-01-\d\d \d\d:\d\d WIB {2}Rina Lestari \(198001012005011001\) {2}Atasan mengusulkan RHK versi 1$/,
    );
    expect(indonesian.find((e) => e.actor.startsWith('system:'))?.who).toBe('Sistem');
  });

  it('marks an event that no longer fits its schema instead of hiding it', async () => {
    const appraisalId = cycle.appraisalIds[1]!;
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query('set session_replication_role = replica');
      await client.query(
        `update events set data = data - 'version' where stream_id = $1 and type = 'agreement.signed'`,
        [appraisalStreamId(appraisalId)],
      );
    } finally {
      await client.end();
    }
    const sentences = (await appraisalTimeline(db, appraisalId, 'en')).map((e) => e.sentence);
    expect(sentences.filter((s) => s.startsWith('Invalid event agreement.signed'))).toHaveLength(2);
    await expect(stateAsOf(db, { appraisalId }, { position: Number.MAX_SAFE_INTEGER })).rejects.toMatchObject(
      {
        code: 'invalid_event',
        where: { streamId: appraisalStreamId(appraisalId) },
      },
    );
  });
});
