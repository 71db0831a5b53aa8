// The API process of the production topology (docker-compose): TEMPORAL_ADDRESS and DATABASE_URL.
import { Client, Connection } from '@temporalio/client';
import { oidcFromEnv } from '../api/web/oidc.ts';
import { identityFromEnv } from '../auth/config.ts';
import { listenForNotifications } from '../notifications/listener.ts';
import {
  hostFromEnv,
  idempotencyLeaseMsFromEnv,
  intFromEnv,
  namespace,
  taskQueue,
} from '../runtime/config.ts';
import { dataDir } from '../runtime/paths.ts';
import { createDb } from '../schema/db.ts';
import { migrateToLatest } from '../schema/migrate.ts';
import { startServer } from './server.ts';

const databaseUrl = process.env.DATABASE_URL;
const address = process.env.TEMPORAL_ADDRESS;
if (!databaseUrl || !address) {
  console.error('api: set DATABASE_URL and TEMPORAL_ADDRESS (npm start runs everything embedded instead)');
  process.exit(2);
}
const db = createDb(databaseUrl);
await migrateToLatest(db);
const connection = await Connection.connect({ address });
const temporal = new Client({ connection, namespace });
const identity = await identityFromEnv(dataDir);
const listener = await listenForNotifications(databaseUrl);
// The web UI signs people in through the instansi's OIDC provider when a client id is configured.
const oidc = oidcFromEnv();
const api = await startServer(
  {
    db,
    temporal,
    taskQueue,
    identity,
    listener,
    web: oidc ? { oidc } : {},
    idempotencyLeaseMs: idempotencyLeaseMsFromEnv(),
  },
  { port: intFromEnv('PORT', 3000), host: hostFromEnv() },
);
console.log(`api: listening on ${api.url}`);
const stop = async () => {
  await api.close();
  await listener.close();
  await connection.close();
  await db.destroy();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
