// Hostile input at the API and the web UI, against real PostgreSQL and a real Temporal dev server over
// real HTTP: NUL characters are a 400 before they reach PostgreSQL, the 1 MiB body limit counts the
// bytes of a chunked body as they arrive and stops reading there, and request schemas are strict.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextCycleScheduleId } from '../../api/commands/cycle-schedule.ts';
import { identityFromEnv } from '../../auth/config.ts';
import { loadDevKey, signDevToken } from '../../auth/dev-keys.ts';
import { createServerApp } from '../../bin/server.ts';
import {
  bodyExamples,
  dotted,
  exampleOf,
  type JsonSchema,
  withField,
} from '../../reliability/fuzz/openapi-examples.ts';
import type { Database } from '../../schema/database.ts';
import { createDb } from '../../schema/db.ts';
import { migrateToLatest } from '../../schema/migrate.ts';
import { generateOrganisation } from '../../simulation/organisation.ts';
import { seededRandom } from '../../simulation/random.ts';
import { repeated, sendChunked } from '../support/chunked-request.ts';
import { createTestDatabase } from '../support/database.ts';
import { startDevEnv } from '../support/temporal.ts';
import { type ServedApp, serveApp } from '../support/web-app.ts';

const orgId = 'masukan';
const mib = 1_048_576;
const people = generateOrganisation(seededRandom(4), orgId, 30_000, 10);
const csvHeader = 'nip,name,email,unit_code,position_code,supervisor_nip,language';
const csvOf = (employees: typeof people.employees) =>
  [
    csvHeader,
    ...employees.map(
      (e) => `${e.nip},${e.name},${e.nip}@masukan.go.id,${e.unitCode},STAF,${e.supervisorNip ?? ''},id`,
    ),
  ].join('\n');

describe('hostile input (API and web, dev server)', () => {
  let env: TestWorkflowEnvironment;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: Kysely<Database>;
  let served: ServedApp;
  let devKey: Awaited<ReturnType<typeof loadDevKey>>;
  let deps: Parameters<typeof createServerApp>[0];
  let token: string;

  beforeAll(async () => {
    env = await startDevEnv();
    database = await createTestDatabase('input');
    db = createDb(database.url);
    await migrateToLatest(db);
    const dataDir = mkdtempSync(join(tmpdir(), 'siklus-input-'));
    const identity = await identityFromEnv(dataDir, { SIKLUS_DEV_AUTH: '1' });
    devKey = await loadDevKey(dataDir);
    deps = { db, temporal: env.client, taskQueue: 'siklus-input-test', identity, web: { devKey } };
    served = await serveApp(createServerApp(deps));
    token = await signDevToken(devKey, {
      org: orgId,
      nip: people.head.nip,
      roles: ['hr', 'employee', 'auditor'],
    });
  }, 180_000);

  afterAll(async () => {
    await served?.close();
    await db?.destroy();
    await database?.drop();
    await env?.teardown();
  });

  const api = async (method: string, path: string, body?: unknown, type = 'application/json') => {
    const response = await fetch(`${served.base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': type }) },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    // biome-ignore lint/suspicious/noExplicitAny: JSON of the API, read by the test that asked
    let parsed: any = text;
    try {
      parsed = JSON.parse(text);
    } catch {}
    return { status: response.status, type: response.headers.get('content-type'), body: parsed };
  };
  const v1 = `/v1/orgs/${orgId}`;

  it('answers NUL characters in a body, a path or a query with 400 invalid_text naming the field', async () => {
    const cases: Array<[Promise<Awaited<ReturnType<typeof api>>>, string]> = [
      [api('POST', `${v1}/units`, [{ code: 'NUL', name: 'a\u0000b' }]), '0.name'],
      [api('GET', `${v1}/tasks/a%00b`), 'taskId'],
      [api('GET', `${v1}/cycles/%00/progress`), 'cycleId'],
      [api('GET', `${v1}/me/appraisal?cycleId=%00`), 'cycleId'],
      [api('POST', `${v1}/employees/import`, `${csvHeader}\n1\u0000,x,,U01,STAF,,id`, 'text/csv'), 'body'],
    ];
    for (const [answer, field] of cases) {
      const r = await answer;
      expect({ status: r.status, type: r.type, code: r.body.code, field: r.body.field }).toEqual({
        status: 400,
        type: 'application/problem+json',
        code: 'invalid_text',
        field,
      });
      expect(r.body.detail).toContain(field);
    }
    expect(await db.selectFrom('units').select('code').where('org_id', '=', orgId).execute()).toEqual([]);
  });

  it('answers a PostgreSQL invalid-text error that still gets through with 400, not 500', async () => {
    // A route no schema guards, on the real app and the real database: only the error handler is left.
    const app = createServerApp(deps);
    app.get('/v1/orgs/:org/raw-text', async (c) => {
      await sql`select ${c.req.header('x-text')?.replace('0', '\u0000')}::text`.execute(db);
      return c.json({ ok: true });
    });
    const r = await app.request(`${v1}/raw-text`, {
      headers: { authorization: `Bearer ${token}`, 'x-text': 'a0b' },
    });
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toBe('application/problem+json');
    expect(await r.json()).toMatchObject({ code: 'invalid_text' });
  });

  it('counts a chunked body as it arrives: a 1.9 MB CSV is 413 and imports nothing; a small one works', async () => {
    expect(
      (
        await api(
          'POST',
          `${v1}/units`,
          people.units.map((code) => ({ code, name: code })),
        )
      ).status,
    ).toBe(200);
    const staff = { code: 'STAF', name: 'Pelaksana', kind: 'JF', duties: [], defaultIndicators: [] };
    expect((await api('POST', `${v1}/positions`, [staff])).status).toBe(200);
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'text/csv' };
    const big = csvOf(people.employees);
    expect(big.length).toBeGreaterThan(1.8 * mib);
    const lines = big.split('\n').map((line) => `${line}\n`);
    const refused = await sendChunked(`${served.base}${v1}/employees/import`, { headers, chunks: lines });
    expect({ status: refused.status, type: refused.type }).toEqual({
      status: 413,
      type: 'application/problem+json',
    });
    expect(JSON.parse(refused.body)).toMatchObject({ code: 'payload_too_large' });
    const count = async () =>
      (
        await db
          .selectFrom('employees')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    expect(Number(await count())).toBe(0);

    const small = csvOf(people.employees.slice(0, 3))
      .split('\n')
      .map((line) => `${line}\n`);
    const imported = await sendChunked(`${served.base}${v1}/employees/import`, { headers, chunks: small });
    expect(imported.status).toBe(200);
    expect(JSON.parse(imported.body)).toMatchObject({ ok: true, imported: 3, rejected: 0 });
    expect(Number(await count())).toBe(3);
  });

  it('stops reading a 20 MB chunked body at the limit instead of taking it in whole', async () => {
    const row = `${csvOf(people.employees.slice(1, 2)).split('\n')[1]}\n`;
    const total = 20 * 1_000_000;
    const chunks = [`${csvHeader}\n`, ...repeated(row, Math.ceil(total / row.length))];
    const answer = await sendChunked(`${served.base}${v1}/employees/import`, {
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      chunks,
    });
    expect(answer.status).toBe(413);
    // The answer came while most of the body had not left the client: the server read no further.
    expect(answer.sentBeforeAnswer).toBeLessThan(total / 2);
  });

  it('web: NUL characters give a 400 page; a chunked form over the limit a 413 page, read no further', async () => {
    const cookie = `siklus_session=${token}`;
    const page = async (path: string, init: RequestInit = {}) => {
      const r = await fetch(`${served.base}${path}`, { redirect: 'manual', ...init });
      return { status: r.status, type: r.headers.get('content-type') ?? '' };
    };
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    expect(await page('/app/tasks/a%00b', { headers: { cookie } })).toMatchObject({ status: 400 });
    expect(await page('/app/hr?cycle=%00', { headers: { cookie } })).toMatchObject({ status: 400 });
    const login = await page('/app/login/dev', { method: 'POST', headers: form, body: 'org=a%00b&nip=1' });
    expect(login).toEqual({ status: 400, type: expect.stringContaining('text/html') });

    const total = 20 * 1_000_000;
    const answer = await sendChunked(`${served.base}/app/login/dev`, {
      headers: form,
      chunks: [`org=${orgId}&nip=${people.head.nip}&pad=`, ...repeated('a'.repeat(10_000), total / 10_000)],
    });
    expect({ status: answer.status, type: answer.type }).toEqual({
      status: 413,
      type: expect.stringContaining('text/html'),
    });
    expect(answer.sentBeforeAnswer).toBeLessThan(total / 2);
  });

  it('refuses an unknown field in every request body and query of the OpenAPI document, naming it', async () => {
    const spec = (await api('GET', '/openapi.json')).body as {
      paths: Record<string, Record<string, OpenApiOperation>>;
    };
    const fuzzed: string[] = [];
    for (const [template, operations] of Object.entries(spec.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
          const param = operation.parameters?.find((p) => p.in === 'path' && p.name === name);
          return name === 'org' ? orgId : encodeURIComponent(String(exampleOf(param?.schema ?? {})));
        });
        const bodySchema = operation.requestBody?.content['application/json']?.schema;
        const queries = (operation.parameters ?? []).filter((p) => p.in === 'query');
        if (queries.length > 0) {
          const r = await api(method.toUpperCase(), `${path}?__unknown=1`, bodySchema ? {} : undefined);
          expect({
            route: `${method} ${template} ?`,
            status: r.status,
            unknown: r.body.unknownFields,
          }).toEqual({
            route: `${method} ${template} ?`,
            status: 400,
            unknown: ['__unknown'],
          });
          fuzzed.push(`${method} ${template} ?`);
        }
        for (const { value, objects } of bodySchema ? bodyExamples(bodySchema) : []) {
          for (const at of objects) {
            const r = await api(method.toUpperCase(), path, withField(value, at, '__unknown'));
            const field = dotted([...at, '__unknown']);
            expect({
              route: `${method} ${template}`,
              status: r.status,
              code: r.body.code,
              unknown: r.body.unknownFields,
            }).toEqual({
              route: `${method} ${template}`,
              status: 400,
              code: 'invalid_request',
              unknown: [field],
            });
            expect(r.body.detail).toContain(field);
            fuzzed.push(`${method} ${template} ${field}`);
          }
        }
      }
    }
    // Every body route and every route with a query was reached, nested objects included.
    expect(fuzzed.length).toBeGreaterThan(40);
    expect(fuzzed).toEqual(
      expect.arrayContaining([
        'put /v1/orgs/{org}/cycle-schedule population.__unknown',
        'post /v1/orgs/{org}/tasks/{taskId}/actions rhk.0.indicators.0.__unknown',
        'post /v1/orgs/{org}/units 0.__unknown',
        'get /v1/orgs/{org}/me/appraisal ?',
      ]),
    );
  });

  it('refuses PUT /cycle-schedule with {} naming the missing field, and schedules nothing', async () => {
    const r = await api('PUT', `${v1}/cycle-schedule`, {});
    expect({ status: r.status, code: r.body.code, missing: r.body.missingFields }).toEqual({
      status: 400,
      code: 'invalid_request',
      missing: ['population'],
    });
    expect(r.body.detail).toContain('population');
    await expect(env.client.schedule.getHandle(nextCycleScheduleId(orgId)).describe()).rejects.toThrow(
      /not found/i,
    );
    // Nothing the fuzzing above sent started a cycle either.
    expect(await db.selectFrom('cycles').select('cycle_id').execute()).toEqual([]);
  });

  it('refuses PUT /cycle-schedule with a cron the workflow service cannot read as 422 invalid_cron, and schedules nothing', async () => {
    const r = await api('PUT', `${v1}/cycle-schedule`, { population: {}, cron: 'xxxxxxxxx' });
    expect({ status: r.status, type: r.type, code: r.body.code, field: r.body.field }).toEqual({
      status: 422,
      type: 'application/problem+json',
      code: 'invalid_cron',
      field: 'cron',
    });
    expect(r.body.detail).toContain('xxxxxxxxx');
    await expect(env.client.schedule.getHandle(nextCycleScheduleId(orgId)).describe()).rejects.toThrow(
      /not found/i,
    );
  });

  it('refuses a late joiner whose NIP has 18 digits but no real structure, naming the wrong part', async () => {
    const r = await api('POST', `${v1}/cycles/${orgId}.2027/employees`, { nips: ['199001011000000000'] });
    expect({ status: r.status, code: r.body.code }).toEqual({ status: 400, code: 'invalid_request' });
    expect(r.body.errors).toEqual([
      { path: 'nips.0', message: expect.stringContaining('appointment (digits 9-14)') },
    ]);
  });
});

interface OpenApiOperation {
  parameters?: Array<{ in: string; name: string; schema?: JsonSchema }>;
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}
