// The HTTP API against real Postgres, a real Temporal dev server and a real worker: HR sets up the
// organisation from CSV and starts a cycle; people act on their inbox; errors are problem+json.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOrganisation } from '../../simulation/organisation.ts';
import { seededRandom } from '../../simulation/random.ts';
import { expectProblems, type ProblemCase, startTestApi, type TestApi } from '../support/api.ts';
import { type RunningRig, startRunningRig } from '../support/siklus-worker.ts';
import { startDevEnv } from '../support/temporal.ts';
import { until } from '../support/until.ts';

const org = generateOrganisation(seededRandom(11), 'bungo', 20, 2);
const head = org.head;
const staff = org.employees.filter((e) => e.supervisorNip !== null && e.supervisorNip !== head.nip);
const csv = [
  'nip,name,email,unit_code,position_code,supervisor_nip,language',
  ...org.employees.map(
    (e) => `${e.nip},${e.name},${e.nip}@bungo.go.id,${e.unitCode},STAF,${e.supervisorNip ?? ''},id`,
  ),
].join('\n');

describe('HTTP API (dev server, real worker)', () => {
  let rig: RunningRig;
  let t: TestApi;
  let hrToken: string;
  let cycleId: string;

  beforeAll(async () => {
    rig = await startRunningRig(await startDevEnv(), 'api');
    t = await startTestApi(rig);
    hrToken = await t.token('bungo', head.nip, ['hr', 'employee']);
  }, 120_000);

  afterAll(async () => {
    await t?.api.close();
    await rig?.stop();
  });

  const firstTask = async (token: string) =>
    (await t.call('GET', '/v1/orgs/bungo/me/tasks', { token })).body.tasks[0];
  const actOn = (task: { taskId: string }, token: string, body: unknown, headers?: Record<string, string>) =>
    t.call('POST', `/v1/orgs/bungo/tasks/${encodeURIComponent(task.taskId)}/actions`, {
      token,
      body,
      ...(headers ? { headers } : {}),
    });
  /** The appraisal's stored events of this type. */
  const eventsOf = (appraisalId: string, type: string) =>
    rig.db
      .selectFrom('events')
      .select('type')
      .where('stream_id', '=', `appraisal-${appraisalId}`)
      .where('type', '=', type)
      .execute();

  it('serves the OpenAPI 3.1 document and a reference page', async () => {
    const spec = await t.call('GET', '/openapi.json');
    expect(spec.body.openapi).toBe('3.1.0');
    expect(Object.keys(spec.body.paths)).toEqual(
      expect.arrayContaining([
        '/v1/orgs/{org}/me/tasks',
        '/v1/orgs/{org}/tasks/{taskId}/actions',
        '/v1/orgs/{org}/cycles',
      ]),
    );
    expect((await t.call('GET', '/docs')).status).toBe(200);
  });

  it('declares on every operation what the middleware answers: bearer security and 401, 413 with a body, Idempotency-Key on POST', async () => {
    type Op = {
      security?: unknown;
      responses: Record<string, unknown>;
      requestBody?: unknown;
      parameters?: Array<{ name: string; in: string }>;
    };
    const spec = (await t.call('GET', '/openapi.json')).body as {
      components: { securitySchemes: Record<string, { type: string; scheme: string }> };
      paths: Record<string, Record<string, Op>>;
    };
    expect(spec.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    const operations = Object.entries(spec.paths)
      .filter(([path]) => path.startsWith('/v1/orgs/'))
      .flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method, op })));
    expect(operations.length).toBeGreaterThan(20);
    for (const { path, method, op } of operations) {
      const where = `${method.toUpperCase()} ${path}`;
      expect(op.security, where).toEqual([{ bearer: [] }]);
      expect(Object.keys(op.responses), where).toContain('401');
      if (op.requestBody) expect(Object.keys(op.responses), where).toContain('413');
      const key = op.parameters?.find((p) => p.name === 'Idempotency-Key');
      expect(key?.in, where).toBe(method === 'post' ? 'header' : undefined);
    }
    // What is declared is what happens: each POST without a token is a 401 problem.
    for (const { path } of operations.filter((o) => o.method === 'post').slice(0, 8)) {
      const concrete = path.replace('{org}', 'bungo').replace(/\{[^}]+\}/g, 'x');
      const res = await t.call('POST', concrete, { body: {} });
      expect(res.status, concrete).toBe(401);
      expect(res.body.code, concrete).toBe('unauthenticated');
    }
  });

  it('lets HR set up the organisation from CSV, with a result per row', async () => {
    expect(
      (
        await t.call('POST', '/v1/orgs/bungo/units', {
          token: hrToken,
          body: org.units.map((code) => ({ code, name: `Unit ${code}` })),
        })
      ).status,
    ).toBe(200);
    const positions = [
      {
        code: 'STAF',
        name: 'Pelaksana',
        kind: 'JF',
        duties: ['Melayani masyarakat'],
        defaultIndicators: [{ description: 'Kepuasan masyarakat', aspect: 'kualitas', target: '85' }],
      },
    ];
    expect(
      (await t.call('POST', '/v1/orgs/bungo/positions', { token: hrToken, body: positions })).status,
    ).toBe(200);
    const badRow = '199913132020011001,Salah Tanggal,x@bungo.go.id,U01,STAF,,id';
    const result = await t.call('POST', '/v1/orgs/bungo/employees/import', {
      token: hrToken,
      csv: `${csv}\n${badRow}`,
    });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ ok: true, imported: 20, rejected: 1 });
    expect(result.body.rows.at(-1)).toMatchObject({ line: 22, ok: false });
    expect(result.body.rows.at(-1).errors.join(' ')).toMatch(/birth/i);
  });

  it('starts the cycle once, and every employee gets a task in the inbox', async () => {
    const now = new Date();
    const body = { year: now.getUTCFullYear() + 1, start: now.toISOString() };
    const started = await t.call('POST', '/v1/orgs/bungo/cycles', { token: hrToken, body });
    expect(started.status).toBe(201);
    cycleId = started.body.cycleId;
    const again = await t.call('POST', '/v1/orgs/bungo/cycles', { token: hrToken, body });
    expect(again).toMatchObject({
      status: 409,
      type: 'application/problem+json',
      body: { code: 'cycle_exists' },
    });
    const member = staff[0]!;
    const token = await t.token('bungo', member.nip);
    await until(
      async () => (await t.call('GET', '/v1/orgs/bungo/me/tasks', { token })).body.tasks?.length === 1,
    );
    const progress = await until(async () => {
      const p = await t.call('GET', `/v1/orgs/bungo/cycles/${cycleId}/progress`, { token: hrToken });
      const total = Object.values(p.body.units as Record<string, Record<string, number>>).reduce(
        (sum, steps) => sum + (steps.socialisation ?? 0),
        0,
      );
      return total === 20 ? p : undefined;
    });
    expect(Object.keys(progress.body.units).sort()).toEqual(org.units.slice().sort());
  });

  it('acts on a task through an Update; the next GET sees it; a retried POST does nothing twice', async () => {
    const member = staff[1]!;
    const token = await t.token('bungo', member.nip);
    const task = await firstTask(token);
    expect(task).toMatchObject({ kind: 'acknowledgeStandards', assigneeNip: member.nip, status: 'open' });
    const headers = { 'idempotency-key': 'ack-1' };
    const first = await actOn(task, token, { type: 'acknowledgeStandards' }, headers);
    expect(first.status).toBe(200);
    expect(first.body.eventTypes).toEqual(['socialisation.acknowledged', 'task.completed']);
    expect((await t.call('GET', '/v1/orgs/bungo/me/tasks', { token })).body.tasks).toEqual([]);
    const retry = await actOn(task, token, { type: 'acknowledgeStandards' }, headers);
    expect(retry).toMatchObject({ status: 200, body: first.body });
    const reused = await actOn(task, token, { type: 'acknowledgeStandards', extra: 1 }, headers);
    expect(reused).toMatchObject({ status: 422, body: { code: 'idempotency_key_reused' } });
    const events = await eventsOf(task.appraisalId, 'socialisation.acknowledged');
    expect(events).toHaveLength(1);
    const mine = await t.call('GET', '/v1/orgs/bungo/me/appraisal', { token });
    expect(mine.body).toMatchObject({
      step: 'socialisation',
      rating: null,
      socialisation: { escalated: false },
    });
    expect(mine.body.socialisation.acknowledgedAt).not.toBeNull();
  });

  it('refuses a command the task does not take, before it reaches the appraisal', async () => {
    const member = staff[3]!;
    const token = await t.token('bungo', member.nip);
    const task = await firstTask(token);
    expect(task).toMatchObject({ kind: 'acknowledgeStandards' });
    // The appraisal itself would take an activity report; the acknowledgement task does not.
    const report = { type: 'addActivityReport', reportId: 'r-1', date: '2027-01-05', description: 'Rapat' };
    const refused = await actOn(task, token, report);
    expect(refused).toMatchObject({
      status: 422,
      type: 'application/problem+json',
      body: { code: 'command_not_for_task' },
    });
    const events = await eventsOf(task.appraisalId, 'activityReport.added');
    expect(events).toEqual([]);
    // Through "my appraisal", where it belongs, it is recorded.
    const mine = await t.call('POST', '/v1/orgs/bungo/me/appraisal/actions', { token, body: report });
    expect(mine.status).toBe(200);
  });

  it("acts once for a web form sent twice with its key, as for a retried API call's key", async () => {
    const member = staff[4]!;
    const token = await t.token('bungo', member.nip);
    const task = await firstTask(token);
    expect(task).toMatchObject({ kind: 'acknowledgeStandards' });
    const submit = () =>
      fetch(`${t.api.url}/app/tasks/${encodeURIComponent(task.taskId)}`, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          cookie: `siklus_session=${token}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: 'type=acknowledgeStandards&_key=form-1',
      });
    for (const response of [await submit(), await submit()]) {
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe('/app/inbox?done=1');
    }
    const events = await eventsOf(task.appraisalId, 'socialisation.acknowledged');
    expect(events).toHaveLength(1);
  });

  it('answers every error class as problem+json with a stable code', async () => {
    const member = staff[2]!;
    const token = await t.token('bungo', member.nip);
    const otherOrg = await t.token('bukittinggi', member.nip, ['hr']);
    const cases: ProblemCase[] = [
      [t.call('GET', '/v1/orgs/bungo/me/tasks'), 401, 'unauthenticated'],
      [t.call('GET', '/v1/orgs/bungo/me/tasks', { token: 'not-a-jwt' }), 401, 'invalid_token'],
      [t.call('GET', '/v1/orgs/bungo/me/tasks', { token: otherOrg }), 404, 'not_found'],
      [t.call('GET', `/v1/orgs/bungo/cycles/${cycleId}`, { token: otherOrg }), 404, 'not_found'],
      [
        t.call('POST', '/v1/orgs/bungo/units', { token, body: [{ code: 'X', name: 'X' }] }),
        403,
        'forbidden_role',
      ],
      [
        t.call('POST', '/v1/orgs/bungo/me/appraisal/actions', { token, body: { type: 'nope' } }),
        400,
        'invalid_request',
      ],
      [
        t.call('POST', '/v1/orgs/bungo/me/appraisal/actions', { token, body: '{broken' }),
        400,
        'invalid_json',
      ],
      [
        t.call('POST', '/v1/orgs/bungo/me/appraisal/actions', {
          token,
          body: { type: 'setRating', results: 'sesuai', behaviour: 'sesuai', feedback: 'x' },
        }),
        409,
        'wrong_step',
      ],
      [t.call('GET', '/v1/orgs/bungo/tasks/nobody:task', { token }), 404, 'not_found'],
      [
        t.call('POST', '/v1/orgs/bungo/me/appraisal/actions', {
          token,
          body: { type: 'fileObjection', reasons: 'x'.repeat(70_000) },
        }),
        413,
        'payload_too_large',
      ],
    ];
    await expectProblems(cases);
    // Nothing of another organisation leaks into an answer.
    const listing = await t.call('GET', '/v1/orgs/bukittinggi/me/tasks', { token: otherOrg });
    expect(JSON.stringify(listing.body)).not.toContain('bungo');
  });
});
