// The API process for `bench api`, apart from the load generator so the two do not share an event loop.
// Reads SIKLUS_BENCH_DATABASE_URL and SIKLUS_BENCH_DATA_DIR (and, for commands, SIKLUS_BENCH_TEMPORAL_ADDRESS,
// SIKLUS_BENCH_NAMESPACE, SIKLUS_BENCH_TASK_QUEUE); prints its URL on stdout.
import { Client, Connection } from '@temporalio/client';
import { identityFromEnv } from '../auth/config.ts';
import { startServer } from '../bin/server.ts';
import { createDb } from '../schema/db.ts';

const db = createDb(process.env.SIKLUS_BENCH_DATABASE_URL ?? '', { max: 10 });
const identity = await identityFromEnv(process.env.SIKLUS_BENCH_DATA_DIR ?? '', { SIKLUS_DEV_AUTH: '1' });
// The inbox reads Postgres only; without an address the Temporal client is never used (it connects lazily).
const address = process.env.SIKLUS_BENCH_TEMPORAL_ADDRESS;
const temporal = address
  ? new Client({
      connection: await Connection.connect({ address }),
      namespace: process.env.SIKLUS_BENCH_NAMESPACE ?? 'default',
    })
  : new Client();
const taskQueue = process.env.SIKLUS_BENCH_TASK_QUEUE ?? 'bench';
const api = await startServer({ db, temporal, taskQueue, identity }, { port: 0 });
console.log(api.url);
process.on('SIGTERM', async () => {
  await api.close();
  await db.destroy();
  process.exit(0);
});
