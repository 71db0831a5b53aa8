// `npm run simulate -- --employees N [--units U] [--seed S] [--documents DIR]`: a full appraisal year for a generated
// organisation on the time-skipping test server and a throwaway PostgreSQL (or a fresh database on
// DATABASE_URL). A progress bar on a terminal; one JSON line of results at the end. --documents writes
// every document of the year into DIR as PDF with the seals as seals.json (`documents: <count>`).
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { startPostgres } from '../runtime/postgres.ts';
import { withStartRetries } from '../runtime/server-start.ts';
import { resolveTestServer } from '../runtime/test-server.ts';
import { createDb } from '../schema/db.ts';
import { migrateToLatest } from '../schema/migrate.ts';
import { createSimulationDatabase } from '../simulation/database.ts';
import { runSimulation } from '../simulation/run-simulation.ts';
import { commandLine, quietTemporalRuntime } from './command-line.ts';

const { usage, wholeNumber, values } = commandLine(
  'simulate',
  'npm run simulate -- --employees N [--units U] [--seed S] [--documents DIR]',
  ['employees', 'units', 'seed', 'documents'],
);
const employees = wholeNumber('employees', 200, 20_000);
const units = wholeNumber('units', Math.max(1, Math.ceil(employees / 25)), 1_000);
const seed = wholeNumber('seed', 1, 2 ** 31);
if (values.documents === '') usage('--documents needs a folder');
if (units >= employees)
  usage('--units must be smaller than --employees (each unit needs a leader and staff)');
quietTemporalRuntime();
const root = mkdtempSync(join(tmpdir(), 'siklus-sim-'));
chmodSync(root, 0o755);
const postgres = await startPostgres({ dataDir: join(root, 'pg'), persistent: false });
const databaseUrl = await createSimulationDatabase(postgres.url, `siklus_sim_${Date.now()}`);
const db = createDb(databaseUrl);
const testServer = await resolveTestServer({ log: (l) => console.error(l) });
const env = await withStartRetries(() =>
  TestWorkflowEnvironment.createTimeSkipping({ server: { executable: testServer } }),
);
const bar = progressBar();
try {
  await migrateToLatest(db);
  const documents = values.documents ? { documents: resolve(values.documents) } : {};
  const summary = await runSimulation(env, db, { employees, units, seed, onProgress: bar, ...documents });
  bar.done();
  console.log(JSON.stringify(summary));
  if (!summary.verify.ok) {
    console.error(
      `simulate: the audit verification of ${summary.cycleId} found ${summary.verify.findings.length} problems`,
    );
    process.exitCode = 1;
  }
} finally {
  await env.teardown();
  await db.destroy();
  await postgres.stop();
  rmSync(root, { recursive: true, force: true });
}

function progressBar() {
  const tty = process.stderr.isTTY;
  const draw = (phase: string, done: number, total: number) => {
    if (!tty) return;
    const width = 30;
    const filled = total === 0 ? width : Math.round((done / total) * width);
    process.stderr.write(
      `\r${phase.padEnd(14)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}   `,
    );
  };
  return Object.assign(draw, { done: () => tty && process.stderr.write('\n') });
}
