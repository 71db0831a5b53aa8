// The one HTTP server of siklus: the API (api/) with the web UI (api/web/) mounted under /app. The two are
// separate adapters over the same read/ and api/commands/ and never import each other; they meet only here,
// in the composition the entry points use (bin/start.ts, bin/api.ts).
import { type ServerType, serve } from '@hono/node-server';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { createApp } from '../api/app.ts';
import type { ApiDependencies, ApiEnv } from '../api/context.ts';
import { verifyRoutes } from '../api/web/document-routes.ts';
import { type WebOptions, webRoutes } from '../api/web/routes.ts';
import { identityFromEnv } from '../auth/config.ts';
import { hostFromEnv, idempotencyLeaseMsFromEnv, intFromEnv, taskQueue } from '../runtime/config.ts';
import { dataDir } from '../runtime/paths.ts';

export type ServerDependencies = ApiDependencies & {
  /** The web UI's sign-in: `devKey` (dev mode only) turns on the login picker, `oidc` the provider. */
  web?: WebOptions;
};

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** The API with the web UI under /app. */
export function createServerApp(deps: ServerDependencies): OpenAPIHono<ApiEnv> {
  const app = createApp(deps);
  app.route('/app', webRoutes(deps));
  // Public: anyone holding a printed document checks it by its code, signed in or not.
  app.route('/verify', verifyRoutes(deps));
  return app;
}

/** Serves it on loopback-or-all (host) at port (0: any free port). */
export function startServer(
  deps: ServerDependencies,
  options: { port: number; host?: string },
): Promise<RunningServer> {
  const app = createServerApp(deps);
  const host = options.host ?? '127.0.0.1';
  return new Promise((resolve) => {
    const server: ServerType = serve({ fetch: app.fetch, port: options.port, hostname: host }, (info) => {
      resolve({
        url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${info.port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

/**
 * The server as the entry points run it (bin/start.ts, bin/api.ts): the identity provider, the task queue,
 * the idempotency lease and where it listens (PORT, HOST) from the environment.
 */
export async function startServerFromEnv(
  deps: Omit<ServerDependencies, 'identity' | 'taskQueue' | 'idempotencyLeaseMs'>,
) {
  const identity = await identityFromEnv(dataDir);
  const server = await startServer(
    { ...deps, taskQueue, identity, idempotencyLeaseMs: idempotencyLeaseMsFromEnv() },
    { port: intFromEnv('PORT', 3000), host: hostFromEnv() },
  );
  return { server, identity };
}
