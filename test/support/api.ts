// An API under test: the real app on a real port, with dev-mode identity (a local signing key).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { identityFromEnv } from '../../auth/config.ts';
import { loadDevKey, signDevToken } from '../../auth/dev-keys.ts';
import { type RunningServer, startServer } from '../../bin/server.ts';
import type { RunningRig } from './siklus-worker.ts';

export interface TestApi {
  api: RunningServer;
  token(org: string, nip: string, roles?: string[]): Promise<string>;
  call(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; csv?: string; headers?: Record<string, string> },
  ): Promise<{ status: number; type: string | null; body: any }>;
}

export async function startTestApi(rig: RunningRig): Promise<TestApi> {
  const dataDir = mkdtempSync(join(tmpdir(), 'siklus-api-'));
  const identity = await identityFromEnv(dataDir, { SIKLUS_DEV_AUTH: '1' });
  const key = await loadDevKey(dataDir);
  const api = await startServer(
    { db: rig.db, temporal: rig.env.client, taskQueue: rig.taskQueue, identity, maxBodyBytes: 64 * 1024 },
    { port: 0 },
  );
  return {
    api,
    token: (org, nip, roles = ['employee']) => signDevToken(key, { org, nip, roles }),
    call: async (method, path, options = {}) => {
      const headers: Record<string, string> = { ...options.headers };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      let body: string | undefined;
      if (options.csv !== undefined) {
        headers['content-type'] = 'text/csv';
        body = options.csv;
      } else if (options.body !== undefined) {
        headers['content-type'] = 'application/json';
        body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      }
      const response = await fetch(`${api.url}${path}`, {
        method,
        headers,
        ...(body !== undefined ? { body } : {}),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {}
      return { status: response.status, type: response.headers.get('content-type'), body: parsed };
    },
  };
}
