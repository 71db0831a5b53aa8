// The worker process of the production topology (docker-compose): TEMPORAL_ADDRESS and DATABASE_URL.
import { NativeConnection } from '@temporalio/worker';
import { injectedFaultsFromEnv } from '../activities/injected-faults.ts';
import { startMailer } from '../notifications/mailer.ts';
import { namespace, taskQueue, workflowCacheFromEnv } from '../runtime/config.ts';
import { createDb } from '../schema/db.ts';
import { migrateToLatest } from '../schema/migrate.ts';
import { createWorker } from '../worker/create-worker.ts';

const databaseUrl = process.env.DATABASE_URL;
const address = process.env.TEMPORAL_ADDRESS;
if (!databaseUrl || !address) {
  console.error('worker: set DATABASE_URL and TEMPORAL_ADDRESS (npm start runs everything embedded instead)');
  process.exit(2);
}
// Read once: a chaos run's injected faults (off unless SIKLUS_CHAOS_FAULT_AFTER_COMMIT or
// SIKLUS_CHAOS_PARK_RELEASE is set; warns loudly).
const faults = injectedFaultsFromEnv(process.env);
let maxCachedWorkflows: number | undefined;
try {
  maxCachedWorkflows = workflowCacheFromEnv();
} catch (error) {
  console.error(`worker: ${(error as Error).message}`);
  process.exit(2);
}
const db = createDb(databaseUrl);
await migrateToLatest(db);
const connection = await NativeConnection.connect({ address });
const worker = await createWorker({
  connection,
  namespace,
  taskQueue,
  db,
  faults,
  ...(maxCachedWorkflows ? { maxCachedWorkflows } : {}),
});
console.log(`worker: polling task queue "${taskQueue}" on ${address} (namespace ${namespace})`);
// The worker process also delivers notification e-mails when SMTP is configured.
const mailer = process.env.SIKLUS_SMTP_URL
  ? startMailer(db, process.env.SIKLUS_SMTP_URL, { from: process.env.SIKLUS_MAIL_FROM ?? 'siklus@localhost' })
  : undefined;
await worker.run();
mailer?.stop();
await connection.close();
await db.destroy();
