// The authorization matrix: every route of the OpenAPI document (and the live feed) x every role x own
// or another organisation, with the status each must answer; and no answer to another organisation's
// caller ever holds this organisation's data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOrganisation } from '../../simulation/organisation.ts';
import { seededRandom } from '../../simulation/random.ts';
import { startTestApi, type TestApi } from '../support/api.ts';
import { type RunningRig, startRunningRig } from '../support/siklus-worker.ts';
import { startDevEnv } from '../support/temporal.ts';

const org = generateOrganisation(seededRandom(5), 'bungo', 8, 2);
const [head, leaderA, , staffA, staffB] = org.employees as [
  (typeof org.employees)[number],
  ...typeof org.employees,
];
const auditorNip = '197001011995031009';
const csv = [
  'nip,name,email,unit_code,position_code,supervisor_nip',
  ...org.employees.map(
    (e) => `${e.nip},${e.name},${e.nip}@bungo.go.id,${e.unitCode},STAF,${e.supervisorNip ?? ''}`,
  ),
].join('\n');

type Access = 'hr' | 'hrOrAuditor' | 'auditor' | 'anyone' | 'assignee' | 'raterOrReader' | 'appraisedOnly';
// A 1x1 PNG: the organisation's logo and staffB's evidence file.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
const access = (method: string, path: string): Access => {
  if (path.includes('/audit/') || path.endsWith('/read-trail')) return 'auditor';
  // A unit's penetapan as a PDF: its leader, the leader above, its holder (none here), HR and auditors.
  if (path.endsWith('/documents/penetapan')) return 'hrOrAuditor';
  if (path.endsWith('/evaluation-file') || path.includes('/documents/')) return 'raterOrReader';
  if (path.includes('/tasks/{taskId}')) return 'assignee';
  // Evidence files: added by the appraised employee only (staffB, no role here); read as the appraisal.
  if (method === 'post' && path.endsWith('/evidence')) return 'appraisedOnly';
  if (path.includes('/evidence/')) return 'raterOrReader';
  // The organisation's name, region and logo head every page: everyone of it reads them.
  if (method === 'get' && (path.endsWith('/profile') || path.endsWith('/logo'))) return 'anyone';
  // Standards: anyone of the organisation reads and acts (the round's rules decide); only HR starts one.
  if (path.includes('/standards/') && !(method === 'post' && path.endsWith('/standards/rounds')))
    return 'anyone';
  if (path.includes('/me/') || path.endsWith('/me/events')) return 'anyone';
  // A unit's penetapan: whoever holds it signs; the cycle's rules decide (a 4xx problem, never a 403 by role).
  if (path.endsWith('/penetapan')) return 'anyone';
  if (method === 'get' && (path.includes('/cycles/') || path.endsWith('/time-zone'))) return 'hrOrAuditor';
  // The measures of the units, against their targets: HR and auditors read them; only HR writes them.
  if (method === 'get' && path.endsWith('/measures')) return 'hrOrAuditor';
  return 'hr';
};

describe('authorization matrix', () => {
  let rig: RunningRig;
  let t: TestApi;
  let cycleId: string;
  let taskId: string;
  let roundId: string;
  let evidenceSha: string;
  const tokens: Record<string, string | undefined> = {};

  beforeAll(async () => {
    rig = await startRunningRig(await startDevEnv(), 'authz');
    t = await startTestApi(rig);
    tokens.hr = await t.token('bungo', head.nip, ['hr', 'employee']);
    tokens.employee = await t.token('bungo', staffA!.nip);
    tokens.supervisor = await t.token('bungo', leaderA!.nip);
    tokens.auditor = await t.token('bungo', auditorNip, ['auditor']);
    for (const role of ['hr', 'employee', 'supervisor', 'auditor'] as const) {
      tokens[`other-${role}`] = await t.token(
        'tebo',
        role === 'auditor' ? auditorNip : staffA!.nip,
        role === 'hr' ? ['hr'] : role === 'auditor' ? ['auditor'] : ['employee'],
      );
    }
    await t.call('POST', '/v1/orgs/bungo/units', {
      token: tokens.hr,
      body: org.units.map((code) => ({ code, name: code })),
    });
    await t.call('POST', '/v1/orgs/bungo/positions', {
      token: tokens.hr,
      body: [{ code: 'STAF', name: 'Staf', kind: 'JF', duties: [], defaultIndicators: [] }],
    });
    await t.call('POST', '/v1/orgs/bungo/employees/import', { token: tokens.hr, csv });
    const now = new Date();
    cycleId = (
      await t.call('POST', '/v1/orgs/bungo/cycles', {
        token: tokens.hr,
        body: { year: now.getUTCFullYear() + 1, start: now.toISOString() },
      })
    ).body.cycleId;
    roundId = (
      await t.call('POST', '/v1/orgs/bungo/standards/rounds', {
        token: tokens.hr,
        body: { until: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10) },
      })
    ).body.roundId;
    for (let i = 0; i < 300 && !taskId; i++) {
      taskId = (await t.call('GET', '/v1/orgs/bungo/me/tasks', { token: tokens.employee })).body.tasks?.[0]
        ?.taskId;
      if (!taskId) await new Promise((r) => setTimeout(r, 200));
    }
    const raw = (path: string, method: string, token: string | undefined) =>
      fetch(`${t.api.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'image/png' },
        body: png,
      });
    const appraised = await t.token('bungo', staffB!.nip);
    // staffB's appraisal may still be starting: until it is, the upload finds no appraisal.
    let upload = new Response(null, { status: 404 });
    for (let i = 0; i < 300 && upload.status !== 201; i++) {
      upload = await raw(
        `/v1/orgs/bungo/appraisals/${cycleId}.${staffB!.nip}/evidence?name=bukti.png`,
        'POST',
        appraised,
      );
      if (upload.status !== 201) await new Promise((r) => setTimeout(r, 200));
    }
    expect(upload.status).toBe(201);
    evidenceSha = ((await upload.json()) as { sha256: string }).sha256;
    expect((await raw('/v1/orgs/bungo/logo', 'PUT', tokens.hr)).status).toBeLessThan(300);
  }, 180_000);

  afterAll(async () => {
    await t?.api.close();
    await rig?.stop();
  });

  it('answers every route x role x organisation with the status the rules give', async () => {
    const spec = (await t.call('GET', '/openapi.json')).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = Object.entries(spec.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => ({ method, path })),
    );
    routes.push({ method: 'get', path: '/v1/orgs/{org}/me/events' });
    // Destructive routes last: closing the cycle ends it for everything after.
    routes.sort((a, b) => Number(a.path.endsWith('/close')) - Number(b.path.endsWith('/close')));
    expect(routes.length).toBeGreaterThanOrEqual(20);
    const orgData = [/bungo/, ...org.employees.map((e) => new RegExp(e.nip))];
    const failures: string[] = [];
    for (const route of routes) {
      const path = route.path
        .replace('{org}', 'bungo')
        .replace('{cycleId}', cycleId)
        .replace('{taskId}', encodeURIComponent(taskId))
        .replace('{roundId}', roundId)
        .replace('{positionCode}', 'STAF')
        .replace('{unitCode}', org.units[1] ?? 'U01')
        .replace('{kind}', 'skp')
        .replace('{nip}', staffB!.nip)
        .replace('{appraisalId}', `${cycleId}.${staffB!.nip}`)
        .replace('{streamId}', `appraisal-${cycleId}.${staffB!.nip}`)
        .replace('{sha256}', evidenceSha);
      for (const role of [
        'anonymous',
        'employee',
        'supervisor',
        'auditor',
        'other-hr',
        'other-employee',
        'other-supervisor',
        'other-auditor',
        'hr',
      ]) {
        const response = await send(t, route.method, path, tokens[role], role);
        const rule = access(route.method, route.path);
        const expected = expectedStatus(rule, role, route.path);
        const ok =
          expected === 'allowed'
            ? response.status < 500 && ![401, 403, 404].includes(response.status)
            : response.status === expected;
        if (!ok)
          failures.push(
            `${route.method.toUpperCase()} ${route.path} as ${role}: ${response.status} (expected ${expected}) ${JSON.stringify(response.body).slice(0, 160)}`,
          );
        if (role.startsWith('other-') || role === 'anonymous') {
          const text = JSON.stringify(response.body);
          if (orgData.some((re) => re.test(text)))
            failures.push(`${route.method.toUpperCase()} ${route.path} as ${role} leaked organisation data`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);
});

function expectedStatus(rule: Access, role: string, path: string): number | 'allowed' {
  if (role === 'anonymous') return 401;
  if (role.startsWith('other-')) return 404;
  if (rule === 'hr') return role === 'hr' ? 'allowed' : 403;
  if (rule === 'auditor') return role === 'auditor' ? 'allowed' : 403;
  if (rule === 'hrOrAuditor') return role === 'hr' || role === 'auditor' ? 'allowed' : 403;
  if (rule === 'assignee') return role === 'employee' ? 'allowed' : 404;
  if (rule === 'appraisedOnly') return 403;
  // staffB's evaluation file: their rater (the supervisor), HR and auditors; staffA is a colleague.
  if (rule === 'raterOrReader') return role === 'employee' ? 403 : 'allowed';
  // Anyone may ask about themselves; an auditor has no appraisal of their own.
  if (role === 'auditor' && path.includes('/me/appraisal')) return 404;
  return 'allowed';
}

const bodies: Array<[RegExp, unknown]> = [
  [/\/units$/, [{ code: 'U99', name: 'Unit baru' }]],
  [
    /\/positions$/,
    [{ code: 'JF2', name: 'Analis', kind: 'JF', duties: ['Analisis'], defaultIndicators: [] }],
  ],
  [/\/cycles$/, { year: 2099, start: '2098-12-01', population: { unitCodes: ['NONE'] } }],
  [/\/predikat$/, { predikat: 'baik' }],
  [/\/close$/, {}],
  [/\/employees$/, { nips: ['199001012015031001'] }],
  [/\/remove$/, { reason: 'Pindah instansi' }],
  [/\/rejoin$/, { reason: 'Kembali bertugas', effectiveDate: new Date().toISOString().slice(0, 10) }],
  [
    /\/acting-rater$/,
    {
      actingNip: leaderA!.nip,
      from: new Date().toISOString().slice(0, 10),
      to: new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10),
      reason: 'Cuti tahunan',
    },
  ],
  [
    /\/rater$/,
    { raterNip: head.nip, reason: 'Data atasan salah', effectiveDate: new Date().toISOString().slice(0, 10) },
  ],
  [/\/deadline$/, { step: 'socialisation', deadline: new Date(Date.now() + 30 * 86_400_000).toISOString() }],
  [/\/tasks\/.+\/actions$/, { type: 'acknowledgeStandards' }],
  [
    /\/me\/appraisal\/actions$/,
    {
      type: 'addActivityReport',
      reportId: `r-${Math.random()}`,
      date: '2027-01-05',
      description: 'Rapat koordinasi',
    },
  ],
];

async function send(t: TestApi, method: string, path: string, token: string | undefined, role: string) {
  if (path.endsWith('/me/events')) {
    const controller = new AbortController();
    const response = await fetch(`${t.api.url}${path}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
      signal: controller.signal,
    });
    const body = response.headers.get('content-type')?.includes('event-stream') ? {} : await response.json();
    controller.abort();
    return { status: response.status, body };
  }
  if (method === 'post' && path.endsWith('/evidence')) {
    const response = await fetch(`${t.api.url}${path}?name=bukti.png`, {
      method: 'POST',
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'image/png' },
      body: png,
    });
    return { status: response.status, body: await response.json() };
  }
  if (path.endsWith('/employees/import'))
    return t.call('POST', path, { token, csv: 'nip,name,email,unit_code,position_code,supervisor_nip\n' });
  const body = method === 'post' ? (bodies.find(([re]) => re.test(path))?.[1] ?? {}) : undefined;
  return t.call(method.toUpperCase(), path, {
    token,
    ...(body !== undefined ? { body } : {}),
    headers: { 'x-role': role },
  });
}
