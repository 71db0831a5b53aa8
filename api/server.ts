import { type ServerType, serve } from '@hono/node-server';
import { createApp } from './app.ts';

export interface RunningApi {
  url: string;
  close(): Promise<void>;
}

/** Serves the API on loopback-or-all (host) at port (0: any free port). */
export function startApi(
  deps: Parameters<typeof createApp>[0],
  options: { port: number; host?: string },
): Promise<RunningApi> {
  const app = createApp(deps);
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
