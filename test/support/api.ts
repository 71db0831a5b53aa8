// An API under test: the real app on a real port, with dev-mode identity (a local signing key).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, expect } from 'vitest';
import { identityFromEnv } from '../../auth/config.ts';
import { loadDevKey, signDevToken } from '../../auth/dev-keys.ts';
import { type RunningServer, startServer } from '../../bin/server.ts';
import { type RunningRig, startRunningRig } from './siklus-worker.ts';

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

/** The body of a successful answer; an answer of 300 or more throws, naming its status and body. */
// biome-ignore lint/suspicious/noExplicitAny: JSON of the API, read by the test that asked
export async function ok(answer: Promise<{ status: number; body: any }>): Promise<any> {
  const response = await answer;
  if (response.status >= 300) throw new Error(`HTTP ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body;
}

/**
 * A rig on a fresh Temporal server and its API for one describe block: started before its tests (read
 * `rig` and `t` inside them), stopped after them.
 */
export function useTestApi(
  startEnv: () => Promise<TestWorkflowEnvironment>,
  taskQueue: string,
): { rig: RunningRig; t: TestApi } {
  const live = {} as { rig: RunningRig; t: TestApi };
  beforeAll(async () => {
    live.rig = await startRunningRig(await startEnv(), taskQueue);
    live.t = await startTestApi(live.rig);
  }, 120_000);
  afterAll(async () => {
    await live.t?.api.close();
    await live.rig?.stop();
  });
  return live;
}

/** HR posts a dinas and its puskesmas, each led by its head, and positions of these kinds (no duties). */
export async function postDinasAndPuskesmas(
  t: TestApi,
  org: string,
  hr: string,
  setup: { kadis: string; kapkm: string; puskesmas: string; positions: Array<[code: string, kind: string]> },
): Promise<void> {
  await ok(
    t.call('POST', `/v1/orgs/${org}/units`, {
      token: hr,
      body: [
        { code: 'DINKES', name: 'Dinas Kesehatan', headNip: setup.kadis },
        { code: 'PKM', name: setup.puskesmas, parentCode: 'DINKES', headNip: setup.kapkm },
      ],
    }),
  );
  await ok(
    t.call('POST', `/v1/orgs/${org}/positions`, {
      token: hr,
      body: setup.positions.map(([code, kind]) => ({
        code,
        name: code,
        kind,
        duties: [],
        defaultIndicators: [],
      })),
    }),
  );
}

/**
 * A web page of the API as the holder of `session` sees it in this language: its status, where it
 * redirects (redirects are not followed) and its HTML.
 */
export async function webPage(
  t: TestApi,
  session: string,
  lang: 'id' | 'en',
  url: string,
  init: RequestInit = {},
): Promise<{ status: number; location: string | null; text: string }> {
  const response = await fetch(`${t.api.url}${url}`, {
    redirect: 'manual',
    ...init,
    headers: { cookie: `siklus_session=${session}; lang=${lang}`, ...(init.headers ?? {}) },
  });
  return { status: response.status, location: response.headers.get('location'), text: await response.text() };
}

/** A refused request's expected answer: the request, its status and its problem code. */
export type ProblemCase = [answer: ReturnType<TestApi['call']>, status: number, code: string];

/** Each answer is a problem (application/problem+json) with its status and code. */
export async function expectProblems(cases: ProblemCase[]): Promise<void> {
  for (const [answer, status, code] of cases) {
    const r = await answer;
    expect({ status: r.status, code: r.body.code }).toEqual({ status, code });
    expect(r.type).toBe('application/problem+json');
  }
}
