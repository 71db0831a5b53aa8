// The API with its web UI on a loopback port, in dev mode (the login picker, tokens signed with a local
// key), over a test rig's database and Temporal environment.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { Client } from '@temporalio/client';
import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { identityFromEnv } from '../../auth/config.ts';
import { loadDevKey, signDevToken } from '../../auth/dev-keys.ts';
import { createServerApp } from '../../bin/server.ts';
import type { Database } from '../../schema/database.ts';
import type { RunningRig } from './siklus-worker.ts';

export interface ServedApp {
  base: string;
  close(): Promise<void>;
}

export function serveApp(app: Pick<Hono, 'fetch'>): Promise<ServedApp> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
      resolve({
        base: `http://127.0.0.1:${info.port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      }),
    );
  });
}

export type DevServedApp = ServedApp & { devKey: Awaited<ReturnType<typeof loadDevKey>> };

async function serveDev(
  services: { db: Kysely<Database>; temporal: Client; taskQueue: string },
  loginPicker: boolean,
): Promise<DevServedApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'siklus-web-'));
  const identity = await identityFromEnv(dataDir, { SIKLUS_DEV_AUTH: '1' });
  const devKey = await loadDevKey(dataDir);
  const app = createServerApp({ ...services, identity, ...(loginPicker ? { web: { devKey } } : {}) });
  return { ...(await serveApp(app)), devKey };
}

/** The API and its web with the login picker, over a test rig's database and Temporal. */
/** A rig's database and task queue, and the client of the Temporal it runs on. */
type WebRig = Pick<RunningRig, 'db' | 'taskQueue'> & { env: Pick<RunningRig['env'], 'client'> };

export function startDevWebApp(rig: WebRig): Promise<DevServedApp> {
  return serveDev({ db: rig.db, temporal: rig.env.client, taskQueue: rig.taskQueue }, true);
}

/**
 * The API and its web over a database alone (with the login picker when `loginPicker`). No Temporal
 * stands behind its client, which connects only when used: for tests whose requests read, or are refused
 * before Temporal is asked.
 */
export function serveWithoutTemporal(
  db: Kysely<Database>,
  taskQueue: string,
  options: { loginPicker?: boolean } = {},
): Promise<DevServedApp> {
  return serveDev({ db, temporal: new Client(), taskQueue }, options.loginPicker ?? false);
}

/** The cookie of a signed-in session in the organisation, as the browser sends it. */
export async function sessionCookie(
  app: DevServedApp,
  org: string,
  nip: string,
  roles: string[],
): Promise<string> {
  return `siklus_session=${await signDevToken(app.devKey, { org, nip, roles })}`;
}
