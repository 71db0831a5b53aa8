// `npm run fuzz -- [--requests N] [--seed S]`: hostile requests drawn from the API's own OpenAPI document
// for every route and caller, against a real API, a throwaway PostgreSQL (or a fresh database on
// DATABASE_URL) and a Temporal dev server, with a cycle running. One JSON line at the end:
// {requests, by_status, fiveHundreds, nonProblemErrors, stateChangesFromRejected, examples, wallMs};
// exit 1 when any of the three figures is not 0, 2 on a usage error.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { identityFromEnv } from '../auth/config.ts';
import { loadDevKey } from '../auth/dev-keys.ts';
import { throwawayDatabase } from '../bench/throwaway-database.ts';
import { type OpenApiDocument, operationsOf } from '../reliability/fuzz/operations.ts';
import { sampleRequests } from '../reliability/fuzz/requests.ts';
import { runFuzz } from '../reliability/fuzz/run-fuzz.ts';
import { buildWorld } from '../reliability/fuzz/world.ts';
import { startTemporalDevServer } from '../runtime/temporal-server.ts';
import { createDb } from '../schema/db.ts';
import { migrateToLatest } from '../schema/migrate.ts';
import { createWorker } from '../worker/create-worker.ts';
import { commandLine, quietTemporalRuntime } from './command-line.ts';
import { startServer } from './server.ts';

const { wholeNumber } = commandLine('fuzz', 'npm run fuzz -- [--requests N] [--seed S]', [
  'requests',
  'seed',
]);
const count = wholeNumber('requests', 10_000, 1_000_000);
const seed = wholeNumber('seed', 1, 2 ** 31 - 1);
// stdout keeps the one JSON line.
quietTemporalRuntime();

const started = Date.now();
const database = await throwawayDatabase(process.env.DATABASE_URL);
const db = createDb(database.url, { max: 10 });
const temporal = await startTemporalDevServer();
const connection = await NativeConnection.connect({ address: temporal.address });
const dataDir = mkdtempSync(join(tmpdir(), 'siklus-fuzz-'));
try {
  await migrateToLatest(db);
  const taskQueue = 'siklus-fuzz';
  const worker = await createWorker({ connection, namespace: temporal.namespace, taskQueue, db });
  const figures = await worker.runUntil(async () => {
    const identity = await identityFromEnv(dataDir, { SIKLUS_DEV_AUTH: '1' });
    const devKey = await loadDevKey(dataDir);
    const client = new Client({ connection, namespace: temporal.namespace });
    const server = await startServer(
      { db, temporal: client, taskQueue, identity, web: { devKey } },
      { port: 0 },
    );
    try {
      const world = await buildWorld(db, server.url, devKey);
      const document = (await (await fetch(`${server.url}/openapi.json`)).json()) as OpenApiDocument;
      const requests = sampleRequests(operationsOf(document), world.known, count, seed);
      return await runFuzz(
        { baseUrl: server.url, tokens: world.tokens, fingerprint: world.fingerprint },
        requests,
      );
    } finally {
      await server.close();
    }
  });
  console.log(JSON.stringify({ ...figures, seed, wallMs: Date.now() - started }));
  if (figures.fiveHundreds + figures.nonProblemErrors + figures.stateChangesFromRejected > 0)
    process.exitCode = 1;
} finally {
  await connection.close();
  await temporal.stop();
  await db.destroy();
  await database.close();
}
