// The API with its web UI on a loopback port, in dev mode (the login picker, tokens signed with a local
// key), over a test rig's database and Temporal environment.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { identityFromEnv } from '../../auth/config.ts';
import { loadDevKey } from '../../auth/dev-keys.ts';
import { createServerApp } from '../../bin/server.ts';
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

export async function startDevWebApp(
  rig: RunningRig,
): Promise<ServedApp & { devKey: Awaited<ReturnType<typeof loadDevKey>> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'siklus-web-'));
  const identity = await identityFromEnv(dataDir, { SIKLUS_DEV_AUTH: '1' });
  const devKey = await loadDevKey(dataDir);
  const app = createServerApp({
    db: rig.db,
    temporal: rig.env.client,
    taskQueue: rig.taskQueue,
    identity,
    web: { devKey },
  });
  return { ...(await serveApp(app)), devKey };
}
