// The API process of the production topology (docker-compose): TEMPORAL_ADDRESS and DATABASE_URL.
import { Client, Connection } from '@temporalio/client';
import { oidcFromEnv } from '../api/web/oidc.ts';
import { listenForNotifications } from '../notifications/listener.ts';
import { namespace } from '../runtime/config.ts';
import { createDb } from '../schema/db.ts';
import { migrateToLatest } from '../schema/migrate.ts';
import { startServerFromEnv } from './server.ts';

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
const listener = await listenForNotifications(databaseUrl);
// The web UI signs people in through the instansi's OIDC provider when a client id is configured.
const oidc = oidcFromEnv();
const { server: api } = await startServerFromEnv({ db, temporal, listener, web: oidc ? { oidc } : {} });
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
