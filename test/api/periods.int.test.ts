// The evaluation periods HR chooses when starting a cycle, in the organisation's time zone, through the
// API and the web form, against real PostgreSQL, a real Temporal dev server and a real worker: bad periods
// are a 422 that starts nothing, and a monthly cycle started in a WITA or WIT organisation stores a
// calendar of 12 windows ending at 23:59:59 local time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signDevToken } from '../../auth/dev-keys.ts';
import { seedOrganisation } from '../../simulation/seed.ts';
import { type RunningRig, startRunningRig } from '../support/siklus-worker.ts';
import { startDevEnv } from '../support/temporal.ts';
import { type ServedApp, startDevWebApp } from '../support/web-app.ts';

const nip = {
  head: '197703032000031003',
  staff: '199001012015031001',
  hr: '198012122005012006',
};
const people = [
  { nip: nip.head, name: 'Kepala Bagian', unitCode: 'UMUM', supervisorNip: null },
  { nip: nip.staff, name: 'Staf Umum', unitCode: 'UMUM', supervisorNip: nip.head },
  { nip: nip.hr, name: 'Analis SDM', unitCode: 'UMUM', supervisorNip: nip.head },
];

describe('time zone and evaluation periods (dev server, real worker)', () => {
  let rig: RunningRig;
  let app: ServedApp & { devKey: Parameters<typeof signDevToken>[0] };
  const now = new Date();
  // A cycle for next year, starting on 1 December of this one: early enough for M01's window.
  const year = now.getUTCFullYear() + 1;
  const start = `${year - 1}-12-01`;

  beforeAll(async () => {
    rig = await startRunningRig(await startDevEnv(), 'periods');
    // Mamuju (West Sulawesi) keeps WITA, Merauke (South Papua) WIT; both start with the default, WIB.
    await seedOrganisation(rig.db, 'mamuju', ['UMUM'], people);
    await seedOrganisation(rig.db, 'merauke', ['UMUM'], people);
    app = await startDevWebApp(rig);
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    await rig?.stop();
  });

  const token = (org: string, who: string, roles: string[]) =>
    signDevToken(app.devKey, { org, nip: who, roles });
  const api = async (method: string, path: string, bearer: string, body?: unknown) => {
    const response = await fetch(`${app.base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${bearer}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    // biome-ignore lint/suspicious/noExplicitAny: JSON of the API, read by the test that asked
    const json: any = await response.json();
    return { status: response.status, type: response.headers.get('content-type'), body: json };
  };
  const form = (path: string, cookie: string, fields: Record<string, string>) =>
    fetch(`${app.base}${path}`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
      redirect: 'manual',
    });

  it('given a WITA organisation, when HR sets its zone, then new cycles count their days there', async () => {
    const hr = await token('mamuju', nip.hr, ['hr', 'employee']);
    const set = await api('PUT', '/v1/orgs/mamuju/time-zone', hr, { timeZone: 'Asia/Makassar' });
    expect(set).toMatchObject({ status: 200, body: { abbreviation: 'WITA' } });
  });

  it('given a WITA organisation, when HR starts a cycle with bad periods, then 422 names the field and nothing starts', async () => {
    const hr = await token('mamuju', nip.hr, ['hr', 'employee']);
    const refused = await api('POST', '/v1/orgs/mamuju/cycles', hr, { year, start, periods: 'weekly' });
    expect(refused).toMatchObject({
      status: 422,
      type: 'application/problem+json',
      body: { code: 'invalid_periods', field: 'periods' },
    });
    // The periods are chosen once, at the top: not among the calendar's lengths.
    const nested = await api('POST', '/v1/orgs/mamuju/cycles', hr, {
      year,
      start,
      calendar: { periods: 'monthly' },
    });
    expect(nested).toMatchObject({ status: 400, body: { unknownFields: ['calendar.periods'] } });
    expect((await api('GET', `/v1/orgs/mamuju/cycles/mamuju.${year}`, hr)).status).toBe(404);
  });

  it('given a WITA organisation, when HR starts a monthly cycle through the API, then its calendar has 12 windows ending 23:59:59 WITA', async () => {
    const hr = await token('mamuju', nip.hr, ['hr', 'employee']);
    const started = await api('POST', '/v1/orgs/mamuju/cycles', hr, { year, start, periods: 'monthly' });
    expect(started.status).toBe(201);
    const cycle = await until(async () => {
      const r = await api('GET', `/v1/orgs/mamuju/cycles/${started.body.cycleId}`, hr);
      return r.status === 200 ? r.body : undefined;
    });
    expect(cycle.timeZone).toBe('Asia/Makassar');
    expect(cycle.zone).toBe('WITA');
    const windows = cycle.calendar.periods.windows as Array<{ id: string; deadline: string }>;
    expect(cycle.calendar.periods.kind).toBe('monthly');
    expect(windows).toHaveLength(12);
    // 23:59:59 WITA is 15:59:59 UTC; January's window runs to 6 February.
    expect(windows[0]).toMatchObject({ id: 'M01', deadline: `${year}-02-06T15:59:59.000Z` });
    for (const w of windows) expect(w.deadline.slice(11)).toBe('15:59:59.000Z');
    // The start date is 00:00 in WITA, and the local calendar shows the zone's offset.
    expect(cycle.calendar.socialisation.start).toBe(`${year - 1}-11-30T16:00:00.000Z`);
    expect(cycle.localCalendar.socialisation.start).toBe(`${start}T00:00:00+08:00`);
    expect(cycle.localCalendar.periods.windows[0].deadline).toBe(`${year}-02-06T23:59:59+08:00`);
    expect(cycle.calendar.ratingEscalation.hrDeadline.slice(11)).toBe('15:59:59.000Z');
  });

  it('given a WIT organisation, when HR sets the zone and starts a monthly cycle from the web form, then the stored calendar has 12 WIT windows', async () => {
    const cookie = `siklus_session=${await token('merauke', nip.hr, ['hr', 'employee'])}`;
    const badZone = await form('/app/hr/time-zone', cookie, { timeZone: 'Asia/Tokyo' });
    expect(badZone.status).toBe(422);
    expect(await badZone.text()).toContain('Pilih WIB, WITA, atau WIT.');
    const saved = await form('/app/hr/time-zone', cookie, { timeZone: 'Asia/Jayapura' });
    expect(saved.status).toBe(303);
    const page = await (
      await fetch(`${app.base}${saved.headers.get('location')}`, { headers: { cookie } })
    ).text();
    expect(page).toContain('Zona waktu disimpan: WIT.');
    expect(page).toContain('Hari dimulai pukul 00.00 WIT.');

    const fields = { _key: 'web-monthly-1', year: String(year), start, periods: 'monthly' };
    const preview = await form('/app/hr/start', cookie, { ...fields, intent: 'preview' });
    const previewHtml = await preview.text();
    expect(preview.status).toBe(200);
    expect(previewHtml.match(/Evaluasi M\d\d/g)).toHaveLength(12);
    expect(previewHtml).toContain(`6 Feb ${year} 23.59 WIT`);

    const startedPage = await form('/app/hr/start', cookie, { ...fields, intent: 'start' });
    expect(startedPage.status).toBe(303);
    expect(startedPage.headers.get('location')).toContain(`cycle=merauke.${year}`);
    const hr = await token('merauke', nip.hr, ['hr']);
    const cycle = (await api('GET', `/v1/orgs/merauke/cycles/merauke.${year}`, hr)).body;
    expect(cycle.timeZone).toBe('Asia/Jayapura');
    expect(cycle.calendar.periods.windows).toHaveLength(12);
    // 23:59:59 WIT is 14:59:59 UTC.
    expect(cycle.calendar.periods.windows[11].deadline).toBe(`${year + 1}-01-06T14:59:59.000Z`);
  });
});

async function until<T>(check: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}
