// `npm start`: the whole system on embedded defaults. PostgreSQL (embedded, or DATABASE_URL), the
// Temporal dev server (file-backed, or TEMPORAL_ADDRESS), migrations, the worker and the HTTP API.
// Ctrl-C (or SIGTERM) stops everything in reverse order. A server that dies is started again (see
// runtime/supervisor.ts); servers an earlier, killed start left running are stopped first.

import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import pg from 'pg';
import { oidcFromEnv } from '../api/web/oidc.ts';
import { loadDevKey } from '../auth/dev-keys.ts';
import { seedDemoOrganisations } from '../demo/seed.ts';
import { listenForNotifications } from '../notifications/listener.ts';
import { startMailer } from '../notifications/mailer.ts';
import { intFromEnv, namespace, taskQueue, workflowCacheFromEnv } from '../runtime/config.ts';
import { dataDir } from '../runtime/paths.ts';
import { startPostgres, withDatabase } from '../runtime/postgres.ts';
import { processArgs } from '../runtime/processes.ts';
import { errorMessage, ServerStartError } from '../runtime/server-start.ts';
import { startTemporalDevServer } from '../runtime/temporal-server.ts';
import { createDb } from '../schema/db.ts';
import { migrateToLatest } from '../schema/migrate.ts';
import { createWorker } from '../worker/create-worker.ts';
import { seedDemoMeasures } from './demo-measures.ts';
import { seedDemoStandards } from './demo-standards.ts';
import { startDemoYears } from './demo-years.ts';
import { startServerFromEnv } from './server.ts';

const say = (line: string) => console.log(`siklus: ${line}`);
const stops: Array<[string, () => Promise<unknown>]> = [];

async function main(): Promise<void> {
  // Read before any server starts, so a bad value stops nothing half-started.
  const maxCachedWorkflows = workflowCacheFromEnv();
  say(`data folder ${dataDir}`);
  claimDataDir();
  const postgres = await startPostgres({
    dataDir: join(dataDir, 'postgres'),
    persistent: true,
    port: intFromEnv('SIKLUS_PG_PORT', 54329),
    portSetting: 'SIKLUS_PG_PORT',
    notice: say,
  });
  stops.unshift(['postgres', () => postgres.stop()]);
  const databaseUrl = postgres.embedded ? await ensureDatabase(postgres.url, 'siklus') : postgres.url;

  const db = createDb(databaseUrl);
  stops.unshift(['database pool', () => db.destroy()]);
  await migrateToLatest(db);
  say('database migrated');
  const seeded = await seedDemoOrganisations(db);
  if (seeded.length > 0) say(`demo organisations seeded: ${seeded.join(', ')}`);
  // Their standards, version 1 of every position's, published in a first round.
  await seedDemoStandards(db, seeded);
  // Their service measures and this year's values so far, some bound to an indicator of a standard.
  await seedDemoMeasures(db, seeded);

  say('starting Temporal (the first run may build the Temporal CLI, which takes a few minutes) ...');
  const temporal = await startTemporalDevServer({
    dbFilename: join(dataDir, 'temporal.sqlite'),
    port: intFromEnv('SIKLUS_TEMPORAL_PORT', 7233),
    uiPort: intFromEnv('SIKLUS_TEMPORAL_UI_PORT', 8233),
    portSettings: { port: 'SIKLUS_TEMPORAL_PORT', uiPort: 'SIKLUS_TEMPORAL_UI_PORT' },
    namespace,
    log: say,
    // Its shutdown warnings (peers gone) are noise once we are stopping it.
    onOutput: (line) => stopping || console.log(line),
  });
  stops.unshift(['temporal', () => temporal.stop()]);

  const workerConnection = await NativeConnection.connect({ address: temporal.address });
  stops.unshift(['worker connection', () => workerConnection.close()]);
  const worker = await createWorker({
    connection: workerConnection,
    namespace,
    taskQueue,
    db,
    ...(maxCachedWorkflows ? { maxCachedWorkflows } : {}),
  });
  const workerRun = worker.run();
  workerRun.catch((error: unknown) => {
    if (stopping) return;
    console.error(`siklus: the Temporal worker stopped: ${errorMessage(error)}`);
    void stopAll(1);
  });
  stops.unshift([
    'worker',
    async () => {
      // The SDK's worker also stops by itself on SIGINT and SIGTERM: whichever began, wait for its end.
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await workerRun;
    },
  ]);

  const clientConnection = await Connection.connect({ address: temporal.address });
  stops.unshift(['client connection', () => clientConnection.close()]);
  const client = new Client({ connection: clientConnection, namespace });
  const listener = await listenForNotifications(databaseUrl);
  stops.unshift(['notification listener', () => listener.close()]);
  const { server: api, identity } = await startServerFromEnv({
    db,
    temporal: client,
    listener,
    // The web UI's login picker exists only in dev mode, with the dev signing key; in production the
    // web UI signs in through the OIDC provider.
    web: process.env.SIKLUS_DEV_AUTH === '1' ? { devKey: await loadDevKey(dataDir) } : webOidc(),
  });
  const smtpUrl = process.env.SIKLUS_SMTP_URL;
  if (smtpUrl) {
    const mailer = startMailer(db, smtpUrl, { from: process.env.SIKLUS_MAIL_FROM ?? 'siklus@localhost' });
    stops.unshift(['mailer', async () => mailer.stop()]);
  }
  stops.unshift(['api', () => api.close()]);

  console.log(
    [
      '',
      'siklus is running:',
      `  Web UI       ${api.url}/app   (open this)`,
      `  API          ${api.url}   (health: ${api.url}/health, reference: ${api.url}/docs)`,
      `  Identity     ${identity ? (process.env.SIKLUS_DEV_AUTH === '1' ? 'dev mode: tokens from `npm run -s siklus -- token --org <org> --nip <nip>`' : 'OIDC (SIKLUS_JWKS_URL)') : 'not configured: /v1 answers 401 (set SIKLUS_DEV_AUTH=1 or SIKLUS_JWKS_URL)'}`,
      `  Temporal     ${temporal.address}   namespace ${temporal.namespace}, task queue ${taskQueue}`,
      `  Temporal UI  ${temporal.uiUrl ?? '(external server: see its own UI)'}`,
      `  PostgreSQL   ${redact(databaseUrl)}${postgres.embedded ? '   (embedded)' : ''}`,
      `  E-mail       ${smtpUrl ? `via ${redact(smtpUrl)}` : 'off (set SIKLUS_SMTP_URL, e.g. smtp://127.0.0.1:1025)'}`,
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );

  // The demo organisations' year in progress, then their finished previous year (about a minute each
  // on a first start), while the API already answers; a later start finds them there and skips them.
  const demo = startDemoYears(
    { db, temporal: client, taskQueue, identity: null },
    { publicUrl: api.url, log: (line) => say(`demo: ${line}`) },
  );
  stops.unshift(['demo years', () => demo.stop()]);
}

/**
 * One `npm start` per data folder: a second would stop the first one's servers as leftovers. The pid
 * file of a start that was killed names a dead process (or another program) and is taken over.
 */
function claimDataDir(): void {
  mkdirSync(dataDir, { recursive: true });
  const pidFile = join(dataDir, 'siklus.pid');
  const holder = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').trim()) : 0;
  if (holder > 0 && holder !== process.pid && /\bstart\.ts\b/.test(processArgs(holder) ?? '')) {
    throw new Error(
      `another siklus (pid ${holder}) is already running on ${dataDir}. Stop it first, or set ` +
        'SIKLUS_DATA_DIR to run a second one on another folder.',
    );
  }
  writeFileSync(pidFile, `${process.pid}\n`);
  stops.push(['pid file', async () => rmSync(pidFile, { force: true })]);
}

async function ensureDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  return withDatabase(adminUrl, name);
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

let stopping: Promise<never> | undefined;
/** Stops everything once, in order. A second signal (Ctrl-C comes from the terminal and from npm) waits. */
function stopAll(exitCode: number): Promise<never> {
  stopping ??= (async () => {
    say('stopping ...');
    for (const [name, stop] of stops) {
      try {
        await stop();
      } catch (error) {
        console.error(`siklus: stopping ${name} failed: ${errorMessage(error)}`);
      }
    }
    say('stopped');
    process.exit(exitCode);
  })();
  return stopping;
}

process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));
main().catch(async (error: unknown) => {
  // One sentence of what went wrong and what to do; a ServerStartError names the server itself.
  const message = errorMessage(error);
  console.error(`siklus: ${error instanceof ServerStartError ? message : `start failed: ${message}`}`);
  await stopAll(1);
});

function webOidc() {
  const oidc = oidcFromEnv();
  return oidc ? { oidc } : {};
}
