// The HTTP API. For now: health of the real dependencies. Routes per concept join here.
import type { Client } from '@temporalio/client';
import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../schema/database.ts';
import { checkHealth } from './health.ts';

export interface ApiDependencies {
  db: Kysely<Database>;
  temporal: Client;
}

export function createApp(deps: ApiDependencies): Hono {
  const app = new Hono();
  app.get('/health', async (c) => {
    const report = await checkHealth(deps.db, deps.temporal);
    return c.json(report, report.status === 'ok' ? 200 : 503);
  });
  return app;
}
