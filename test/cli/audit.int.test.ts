// `siklus audit ...` run as a child process (bin/siklus.mjs, as an auditor would) against a test
// database: exit codes and output for an intact cycle, a tampered one, and bad arguments; times in the
// organisation's zone in text (kab is in WITA, the others have not chosen: WIB), ISO 8601 in --json.
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendSyntheticCycle, type SyntheticCycle } from '../../bench/replay.ts';
import { appraisalStreamId } from '../../domain/ids.ts';
import { localStampText } from '../../domain/time/local-text.ts';
import type { Database } from '../../schema/database.ts';
import { createDb } from '../../schema/db.ts';
import { migrateToLatest } from '../../schema/migrate.ts';
import { createTestDatabase } from '../support/database.ts';
import { runSiklus } from '../support/siklus-cli.ts';

let database: { url: string; drop(): Promise<void> };
let db: Kysely<Database>;
let intact: SyntheticCycle;
let tampered: SyntheticCycle;
let misordered: SyntheticCycle;

const siklus = (args: string[], env: Record<string, string | undefined> = { DATABASE_URL: database.url }) =>
  runSiklus(args, env);

beforeAll(async () => {
  database = await createTestDatabase('audit_cli');
  db = createDb(database.url);
  await migrateToLatest(db);
  const cycle = (orgId: string) =>
    appendSyntheticCycle(db, {
      orgId,
      year: 2027,
      appraisals: 3,
      eventsPerAppraisal: 50,
      withProjections: true,
      appendsPerAppraisal: 2,
      afterClose: 2,
    });
  await db
    .insertInto('organisations')
    .values({ id: 'kab', name: 'Kabupaten', time_zone: 'Asia/Makassar' })
    .execute();
  intact = await cycle('kab');
  tampered = await cycle('kota');
  misordered = await cycle('kec');
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query('set session_replication_role = replica');
    await client.query(
      `update events set data = jsonb_set(data, '{comment}', '"Setuju"') where stream_id = $1 and stream_version = 10`,
      [appraisalStreamId(tampered.appraisalIds[2]!)],
    );
  } finally {
    await client.end();
  }
});
afterAll(async () => {
  await db?.destroy();
  await database?.drop();
});

describe('siklus audit verify', () => {
  it('exits 0 for an intact cycle and prints the seal', async () => {
    const run = await siklus(['audit', 'verify', '--org', 'kab', '--cycle', '2027']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const { rows } = await sql<{
      seal_digest: string;
    }>`select seal_digest from cycles where cycle_id = ${intact.cycleId}`.execute(db);
    expect(run.stdout).toContain(`cycle kab.2027: 4 streams, ${intact.events} events checked`);
    expect(run.stdout).toContain(`seal: intact: ${rows[0]?.seal_digest}`);
    // When it was sealed, on the organisation's wall clock.
    const sealedAt = (
      await db
        .selectFrom('cycles')
        .select('sealed_at')
        .where('cycle_id', '=', intact.cycleId)
        .executeTakeFirstOrThrow()
    ).sealed_at;
    expect(sealedAt).not.toBeNull();
    const local = localStampText(sealedAt!, 'Asia/Makassar');
    expect(local).toMatch(/ WITA$/);
    expect(run.stdout).toContain(`, sealed ${local})`);
    expect(run.stdout).toContain('INTACT');
  });

  it('exits 1 for a tampered cycle and names the stream, version and problem; --json for machines', async () => {
    const stream = appraisalStreamId(tampered.appraisalIds[2]!);
    const run = await siklus(['audit', 'verify', '--org', 'kota', '--cycle', 'kota.2027']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('NOT INTACT');
    expect(run.stdout).toContain(`${stream} v10  hash_mismatch`);
    expect(run.stdout).toContain('table appraisals  projection_mismatch');
    const json = await siklus(['audit', 'verify', '--org', 'kota', '--cycle', 'kota.2027', '--json']);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout);
    expect(report.ok).toBe(false);
    expect(report.findings[0]).toMatchObject({ problem: 'hash_mismatch', streamId: stream, version: 10 });
  });
});

describe('siklus audit replay and timeline', () => {
  it('prints the state as of a position or a time as JSON', async () => {
    const appraisalId = intact.appraisalIds[0]!;
    const { rows } = await sql<{ p: number }>`select global_position as p from events
      where stream_id = ${appraisalStreamId(appraisalId)} and stream_version = 12`.execute(db);
    const byPosition = await siklus([
      'audit',
      'replay',
      '--appraisal',
      appraisalId,
      '--as-of',
      String(rows[0]?.p),
    ]);
    expect(byPosition.code).toBe(0);
    const replayed = JSON.parse(byPosition.stdout);
    expect(replayed).toMatchObject({ appraisalId, version: 12, state: { step: 'agreement' } });
    const byTime = await siklus([
      'audit',
      'replay',
      '--appraisal',
      appraisalId,
      '--as-of',
      '2000-01-01T00:00:00Z',
    ]);
    expect(JSON.parse(byTime.stdout)).toMatchObject({ version: 0, state: null });
  });

  it('prints a timeline in Bahasa Indonesia by default, or in English', async () => {
    const appraisalId = intact.appraisalIds[1]!;
    const id = await siklus(['audit', 'timeline', '--appraisal', appraisalId]);
    expect(id.code).toBe(0);
    expect(id.stdout.trim().split('\n')).toHaveLength(50);
    expect(id.stdout).toContain('Atasan mengusulkan RHK versi 2');
    const en = await siklus(['audit', 'timeline', '--appraisal', appraisalId, '--lang', 'en']);
    expect(en.stdout).toMatch(
      /\n2027-\d\d-\d\d \d\d:\d\d WITA {2}198001012005011001 {2}The supervisor proposed indicators, version 2\n/,
    );
    for (const line of id.stdout.trim().split('\n'))
      expect(line).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d WITA {2}/);
    // For machines, the instants as the log holds them.
    const json = await siklus(['audit', 'timeline', '--appraisal', appraisalId, '--json']);
    const entries = JSON.parse(json.stdout) as Array<{ at: string }>;
    expect(entries).toHaveLength(50);
    for (const e of entries) expect(e.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    // An organisation that never chose a zone: WIB.
    const other = await siklus(['audit', 'timeline', '--appraisal', tampered.appraisalIds[0]!]);
    expect(other.stdout.split('\n')[0]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d WIB {2}/);
  });
});

describe('siklus audit on a log written out of order (before 2026-11)', () => {
  it('says the ordering is the only finding, and repair-order mends it', async () => {
    // As the old write did within one transaction: version 2 stored before version 1.
    const streamId = appraisalStreamId(misordered.appraisalIds[1]!);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query('set session_replication_role = replica');
      await client.query(
        `update events set global_position = -(select sum(global_position) from events
           where stream_id = $1 and stream_version in (1, 2)) + global_position
         where stream_id = $1 and stream_version in (1, 2)`,
        [streamId],
      );
      await client.query('update events set global_position = -global_position where global_position < 0');
    } finally {
      await client.end();
    }
    const before = await siklus(['audit', 'verify', '--org', 'kec', '--cycle', '2027']);
    expect(before.code).toBe(1);
    expect(before.stdout).toContain(`${streamId} v2  position_order`);
    expect(before.stdout).toContain('ORDER ONLY: 1 stream was numbered out of order');
    expect(before.stdout).toContain('siklus audit repair-order');
    const tamperedStill = await siklus(['audit', 'verify', '--org', 'kota', '--cycle', '2027']);
    expect(tamperedStill.stdout).not.toContain('ORDER ONLY');

    const dryRun = await siklus(['audit', 'repair-order', '--dry-run', '--json']);
    expect(dryRun.code).toBe(0);
    expect(JSON.parse(dryRun.stdout)).toEqual({ dryRun: true, streams: 1, events: 2, sealsMoved: 0 });
    const repaired = await siklus(['audit', 'repair-order']);
    expect(repaired.stdout).toContain('renumbered 2 events in 1 streams');
    const after = await siklus(['audit', 'verify', '--org', 'kec', '--cycle', '2027']);
    expect(after.stdout).toContain('INTACT');
    expect(after.code).toBe(0);
    expect((await siklus(['audit', 'repair-order'])).stdout).toContain('nothing to repair');
    // The tampered cycle is not the ordering's to mend: still caught.
    expect((await siklus(['audit', 'verify', '--org', 'kota', '--cycle', '2027'])).code).toBe(1);
  });
});

describe('siklus audit with bad arguments', () => {
  it('exits 2 with a message', async () => {
    const cases: Array<[string[], RegExp, Record<string, string | undefined>?]> = [
      [['audit'], /which audit/],
      [['audit', 'inspect'], /unknown subcommand "inspect"/],
      [['audit', 'verify', '--cycle', '2027'], /--org is required/],
      [['audit', 'verify', '--org', 'kab', '--cycle', 'kota.2027'], /not of organisation kab/],
      [
        ['audit', 'verify', '--org', 'kab', '--cycle', '2027', '--frobnicate'],
        /Unknown option '--frobnicate'/,
      ],
      [
        ['audit', 'replay', '--appraisal', 'kab.2027.1', '--as-of', 'yesterday'],
        /neither an ISO 8601 time nor a global position/,
      ],
      [['audit', 'timeline', '--appraisal', 'kab.2027.1', '--lang', 'fr'], /--lang is id or en/],
      [['audit', 'verify', '--org', 'kab', '--cycle', '2027'], /DATABASE_URL is not set/, {}],
      [['audit', 'verify', '--org', 'nowhere', '--cycle', '2031'], /no cycle nowhere\.2031/],
      [['audit', 'timeline', '--appraisal', 'kab.2027.000000000000000000'], /no events of appraisal/],
    ];
    const runs = await Promise.all(cases.map(([args, , env]) => siklus(args, env)));
    runs.forEach((run, i) => {
      const [args, message] = cases[i]!;
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toMatch(message);
      expect(run.stdout).toBe('');
    });
  });
});
