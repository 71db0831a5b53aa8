// Regenerates the replay fixtures in test/fixtures/histories/ from real runs of the current workflow
// code: `npx tsx scripts/record-histories.ts [file.json ...]` (only the files named, when any are). Uses
// DATABASE_URL or a throwaway embedded PostgreSQL, and the time-skipping test server from the same ladder
// the tests use. Re-record only on purpose (a
// deliberate, versioned change to the workflows): the old fixtures are what proves compatibility.
import { randomBytes } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import pg from 'pg';
import { withDatabase } from '../runtime/postgres.ts';
import { withStartRetries } from '../runtime/server-start.ts';
import { resolveTestServer } from '../runtime/test-server.ts';
import { createDb } from '../schema/db.ts';
import { migrateToLatest } from '../schema/migrate.ts';
import { setupPostgres } from '../test/setup/postgres.ts';
import { fixturesDir, recordHistories, writeHistoryFixtures } from '../test/support/record-histories.ts';
import { createWorkerOn } from '../worker/create-worker.ts';

const postgres = await setupPostgres();
const database = `record_${randomBytes(6).toString('hex')}`;
const admin = new pg.Client({ connectionString: postgres.url });
await admin.connect();
await admin.query(`create database ${database}`);
const db = createDb(withDatabase(postgres.url, database));
const testServer = await resolveTestServer({ log: (line) => console.log(line) });
const env = await withStartRetries(() =>
  TestWorkflowEnvironment.createTimeSkipping({ server: { executable: testServer } }),
);
try {
  await migrateToLatest(db);
  const taskQueue = `record-${randomBytes(4).toString('hex')}`;
  const worker = await createWorkerOn(env, db, taskQueue);
  // With file names as arguments, only those are written: the others stay as they were recorded.
  const only = process.argv.slice(2);
  // Only the named files' scenarios run: each year run moves the server's clock on towards 2100.
  const recorded = (await recordHistories(env, { db, worker, taskQueue }, only)).filter(
    (r) => only.length === 0 || only.includes(r.file),
  );
  writeHistoryFixtures(recorded);
  for (const r of recorded) console.log(`${r.file}: ${r.history.events?.length ?? 0} history events`);
  console.log(`wrote ${recorded.length} histories to ${fixturesDir}`);
} finally {
  await env.teardown();
  await db.destroy();
  await admin.query(`drop database if exists ${database} with (force)`);
  await admin.end();
  await postgres.stop();
}
