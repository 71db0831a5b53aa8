// The fuzzer's short form, as CI runs it: 1,000 hostile requests drawn from the API's own OpenAPI
// document, for every route and caller, against a real API, PostgreSQL and Temporal dev server with a
// cycle running. None may answer 5xx, an error must be problem+json, and a rejected request changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenApiDocument, operationsOf } from '../../reliability/fuzz/operations.ts';
import { sampleRequests } from '../../reliability/fuzz/requests.ts';
import { runFuzz } from '../../reliability/fuzz/run-fuzz.ts';
import { buildWorld, type FuzzWorld } from '../../reliability/fuzz/world.ts';
import { type RunningRig, startRunningRig } from '../support/siklus-worker.ts';
import { startDevEnv } from '../support/temporal.ts';
import { type ServedApp, startDevWebApp } from '../support/web-app.ts';

describe('npm run fuzz, short form', () => {
  let rig: RunningRig;
  let served: ServedApp;
  let world: FuzzWorld;

  beforeAll(async () => {
    rig = await startRunningRig(await startDevEnv(), 'fuzz');
    const app = await startDevWebApp(rig);
    served = app;
    world = await buildWorld(rig.db, app.base, app.devKey);
  }, 240_000);

  afterAll(async () => {
    await served?.close();
    await rig?.stop();
  });

  it('answers 1,000 hostile requests with no 5xx, only problem+json errors, and nothing changed by a rejected one', async () => {
    const document = (await (await fetch(`${served.base}/openapi.json`)).json()) as OpenApiDocument;
    const operations = operationsOf(document);
    expect(operations.length).toBeGreaterThan(30);
    const requests = sampleRequests(operations, world.known, 1_000, 20261127);
    const figures = await runFuzz(
      { baseUrl: served.base, tokens: world.tokens, fingerprint: world.fingerprint },
      requests,
    );
    expect(figures.requests).toBe(1_000);
    expect(
      {
        fiveHundreds: figures.fiveHundreds,
        nonProblemErrors: figures.nonProblemErrors,
        stateChangesFromRejected: figures.stateChangesFromRejected,
      },
      JSON.stringify(figures.examples, null, 1),
    ).toEqual({ fiveHundreds: 0, nonProblemErrors: 0, stateChangesFromRejected: 0 });
    // It reached the routes: refusals of every kind, and some accepted.
    const statuses = Object.keys(figures.by_status).map(Number);
    expect(statuses.some((s) => s < 300)).toBe(true);
    for (const refused of [400, 401, 403, 404, 413]) expect(statuses).toContain(refused);
  }, 600_000);

  // Found by the fuzzer: Updates to a cycle whose workflow has ended were 500.
  it('answers 409 cycle_closed, as problem+json, to closing a closed cycle again or setting its unit predikat', async () => {
    const cycle = world.known.cycleId?.[0] ?? '';
    const post = (path: string, body: unknown) =>
      fetch(`${served.base}/v1/orgs/fuzz/cycles/${cycle}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${world.tokens.hr}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    // The fuzzing above may have closed it already.
    expect([200, 409]).toContain((await post('/close', {})).status);
    for (const [path, body] of [
      ['/close', {}],
      [
        `/units/${world.known.unitCode?.[0]}/predikat`,
        { predikat: 'baik', document: 'SK Bupati 800/1/2027' },
      ],
    ] as const) {
      const again = await post(path, body);
      expect({
        status: again.status,
        type: again.headers.get('content-type'),
        code: ((await again.json()) as { code?: string }).code,
      }).toEqual({
        status: 409,
        type: 'application/problem+json',
        code: 'cycle_closed',
      });
    }
  });
});
