// The web app over the evaluation log's year (evaluation-log.ts) for one test file: Bungo's people and
// Tebo's HR officer in a fresh migrated database, the appraisal's events appended, served without
// Temporal with the login picker.
import type { Kysely } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import { signDevToken } from '../../auth/dev-keys.ts';
import type { Database } from '../../schema/database.ts';
import { seedOrganisation } from '../../simulation/seed.ts';
import { appendAppraisalEvents } from './appraisal-events.ts';
import { createMigratedDatabase, type MigratedDatabase } from './database.ts';
import { appraisalId, evaluationLog, everyone, hr } from './evaluation-log.ts';
import { type DevServedApp, serveWithoutTemporal } from './web-app.ts';

export interface EvaluationApp {
  db: Kysely<Database>;
  served: DevServedApp;
  /** A signed-in person of `org` (Bungo unless told), an employee unless told. */
  token(nip: string, roles?: string[], org?: string): Promise<string>;
}

/** Started before the file's tests, after `prepare` adds to the database (read its fields inside them). */
export function useEvaluationApp(
  databaseName: string,
  appName: string,
  prepare: (db: Kysely<Database>) => Promise<unknown> = async () => {},
): EvaluationApp {
  let database: MigratedDatabase | undefined;
  const app = {} as EvaluationApp;
  beforeAll(async () => {
    database = await createMigratedDatabase(databaseName);
    app.db = database.db;
    await seedOrganisation(app.db, 'bungo', ['PKM'], everyone);
    await seedOrganisation(app.db, 'tebo', ['PKM'], [{ ...hr, unitCode: 'PKM' }]);
    await appendAppraisalEvents(app.db, appraisalId, 0, evaluationLog().events);
    await prepare(app.db);
    app.served = await serveWithoutTemporal(app.db, appName, { loginPicker: true });
    const { devKey } = app.served;
    app.token = (nip, roles = ['employee'], org = 'bungo') => signDevToken(devKey, { org, nip, roles });
  }, 60_000);
  afterAll(async () => {
    await app.served?.close();
    await database?.close();
  });
  return app;
}
