// The API process for `bench api`, apart from the load generator so the two do not share an event loop.
// Reads SIKLUS_BENCH_DATABASE_URL and SIKLUS_BENCH_DATA_DIR; prints its URL on stdout.
import { Client } from '@temporalio/client';
import { identityFromEnv } from '../auth/config.ts';
import { startServer } from '../bin/server.ts';
import { createDb } from '../schema/db.ts';

const db = createDb(process.env.SIKLUS_BENCH_DATABASE_URL ?? '', { max: 10 });
const identity = await identityFromEnv(process.env.SIKLUS_BENCH_DATA_DIR ?? '', { SIKLUS_DEV_AUTH: '1' });
// The inbox reads Postgres only; the Temporal client is never used here (it connects lazily).
const api = await startServer({ db, temporal: new Client(), taskQueue: 'bench', identity }, { port: 0 });
console.log(api.url);
process.on('SIGTERM', async () => {
  await api.close();
  await db.destroy();
  process.exit(0);
});
