// A mutasi of someone who rates others, through HTTP on a real Temporal dev server, PostgreSQL and worker:
// their direct reports get another rater from the same day (the successor in the post when the org chart
// knows one, else whom HR picks), each a recorded change of rater with the mutasi as its reason, and their
// open tasks move. With reports and no successor known, HR must say who: 422 naming the field, nothing
// recorded.
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApi, webPage } from '../support/api.ts';
import { nipsOf, type Staff, staffTokens, startAgreementCycle } from '../support/http-cycle.ts';
import { startDevEnv } from '../support/temporal.ts';
import { until } from '../support/until.ts';

const staff = {
  head: ['197003031995031001', 'Hendra Kepala', 'DINKES', 'KADIS'],
  /** Kepala PKM1, who rates staff1 and staff2; no one else holds the post. */
  raterA: ['197505052000031002', 'Wati Lama', 'PKM1', 'KAPUS', 'head'],
  staff1: ['199001012015031004', 'Siti Aminah', 'PKM1', 'PERAWAT', 'raterA'],
  staff2: ['199101012016032005', 'Ani Lestari', 'PKM1', 'PERAWAT', 'raterA'],
  /** Kepala PKM2: picked by HR to rate raterA's reports. */
  raterB: ['197808082003032003', 'Benar Baru', 'PKM2', 'KAPUS', 'head'],
  /** Kepala PKM3, who rates staff3; successor holds the same post already. */
  raterC: ['197909092004031006', 'Candra Kapus', 'PKM3', 'KAPUS', 'head'],
  successor: ['198010102005032007', 'Dewi Penerus', 'PKM3', 'KAPUS', 'head'],
  staff3: ['199201012017031008', 'Eka Putri', 'PKM3', 'PERAWAT', 'raterC'],
  hr: ['199202022016042009', 'Rudi Kepegawaian', 'DINKES', 'PERAWAT', 'head'],
} as const satisfies Staff;
const nip = nipsOf(staff);

describe('a mutasi of a rater: their direct reports get a rater from the same day (HTTP, dev server)', () => {
  const live = useTestApi(startDevEnv, 'mutasireports');
  const token: Record<keyof typeof nip, string> = {} as never;
  let cycleId: string;

  const zoned = (days: number) =>
    new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
  const move = (who: keyof typeof nip, body: Record<string, unknown>, key: string) =>
    live.t.call('POST', `/v1/orgs/tanjabbar/cycles/${cycleId}/employees/${nip[who]}/mutasi`, {
      token: token.hr,
      body: { kind: 'mutasi', reason: 'SK Bupati 821/2027', effectiveDate: zoned(0), ...body },
      headers: { 'idempotency-key': key },
    });
  const eventsOf = (who: keyof typeof nip, type: string) =>
    live.rig.db
      .selectFrom('events')
      .select('data')
      .where('stream_id', '=', `appraisal-${cycleId}.${nip[who]}`)
      .where('type', '=', type)
      .orderBy('stream_version')
      .execute()
      .then((rows) => rows.map((r) => r.data as Record<string, unknown>));
  const tasksOf = async (who: keyof typeof nip) =>
    (
      (await live.t.call('GET', '/v1/orgs/tanjabbar/me/tasks', { token: token[who] })).body.tasks as Array<{
        kind: string;
        appraisalId: string;
      }>
    ).map((x) => `${x.kind} ${x.appraisalId.split('.').at(-1)}`);

  /** A web page as HR sees it, in English. */
  const page = (url: string, init?: RequestInit) => webPage(live.t, token.hr, 'en', url, init);

  beforeAll(async () => {
    Object.assign(token, await staffTokens(live.t, 'tanjabbar', staff));
    cycleId = await startAgreementCycle(live.t, 'tanjabbar', {
      hr: token.hr,
      units: ['DINKES', 'PKM1', 'PKM2', 'PKM3'],
      positions: ['KADIS', 'KAPUS', 'PERAWAT', 'SEKRETARIS'],
      staff,
    });
    await until(
      async () => (await tasksOf('raterA')).filter((x) => x.startsWith('proposeIndicators')).length === 2,
    );
    await until(async () => (await tasksOf('raterC')).includes(`proposeIndicators ${nip.staff3}`));
  }, 180_000);

  it('with reports and no successor known: 422 naming reportsRaterNip, nothing recorded; HR picks, the reports follow', async () => {
    // The page: the people Wati rates, and a picker by name for who rates them (no successor known).
    const shown = await page(`/app/hr/changes/${nip.raterA}?cycle=${cycleId}&mutasiQ=benar`);
    expect(shown.status).toBe(200);
    expect(shown.text).toContain('The people Wati Lama rates (2)');
    expect(shown.text).toContain('<li>Ani Lestari</li><li>Siti Aminah</li>');
    expect(shown.text).toContain('No one else holds the post Wati Lama leaves');
    expect(shown.text).toMatch(
      new RegExp(`<input type="radio" name="reportsRaterNip" value="${nip.raterB}"> Benar Baru`),
    );
    const form = new URLSearchParams({
      cycle: cycleId,
      mutasiQ: 'benar',
      kind: 'mutasi',
      unitCode: 'DINKES',
      positionCode: 'SEKRETARIS',
      raterNip: nip.head,
      reason: 'SK Bupati 821/2027',
      effectiveDate: zoned(0),
      _key: 'web-a',
    });
    const unpicked = await page(`/app/hr/changes/${nip.raterA}/mutasi`, { method: 'POST', body: form });
    expect(unpicked.status).toBe(422);
    expect(unpicked.text).toContain('Choose who rates the people this employee rates.');
    const post = { unitCode: 'DINKES', positionCode: 'SEKRETARIS', raterNip: nip.head };
    const missing = await move('raterA', post, 'a-1');
    expect(missing.type).toBe('application/problem+json');
    expect(missing.status).toBe(422);
    expect(missing.body).toMatchObject({
      code: 'successor_required',
      field: 'reportsRaterNip',
      reports: [nip.staff2, nip.staff1],
    });
    const self = await move('raterA', { ...post, reportsRaterNip: nip.staff1 }, 'a-2');
    expect([self.status, self.body.code, self.body.field]).toEqual([422, 'invalid_rater', 'reportsRaterNip']);
    expect(await eventsOf('raterA', 'mutasi.recorded')).toEqual([]);
    expect(await eventsOf('staff1', 'participants.changed')).toEqual([]);

    const stranger = await move(
      'raterA',
      { ...post, reportRaters: [{ nip: nip.staff3, raterNip: nip.raterB }] },
      'a-4',
    );
    expect([stranger.status, stranger.body.code, stranger.body.field]).toEqual([
      422,
      'not_a_report',
      'reportRaters.0.nip',
    ]);
    expect(await eventsOf('raterA', 'mutasi.recorded')).toEqual([]);

    // Siti to Benar, picked for her; Ani to the head, picked for the rest.
    const picks = { reportsRaterNip: nip.head, reportRaters: [{ nip: nip.staff1, raterNip: nip.raterB }] };
    const done = await move('raterA', { ...post, ...picks }, 'a-3');
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.reports).toEqual([
      expect.objectContaining({
        nip: nip.staff2,
        raterNip: nip.head,
        appraisalId: `${cycleId}.${nip.staff2}`,
      }),
      expect.objectContaining({
        nip: nip.staff1,
        raterNip: nip.raterB,
        appraisalId: `${cycleId}.${nip.staff1}`,
      }),
    ]);
    for (const [staff, rater] of [
      ['staff1', nip.raterB],
      ['staff2', nip.head],
    ] as const)
      expect(await eventsOf(staff, 'participants.changed')).toEqual([
        expect.objectContaining({
          supervisorNip: rater,
          previousSupervisorNip: nip.raterA,
          effectiveDate: zoned(0),
          reason: `mutasi of ${nip.raterA}: SK Bupati 821/2027`,
        }),
      ]);
    expect((await tasksOf('raterA')).filter((x) => x.startsWith('proposeIndicators'))).toEqual([]);
    expect(await tasksOf('raterB')).toContain(`proposeIndicators ${nip.staff1}`);
    expect(await tasksOf('head')).toContain(`proposeIndicators ${nip.staff2}`);
  });

  it('with the successor in the post known: they rate the reports, unasked', async () => {
    const shown = await page(`/app/hr/changes/${nip.raterC}?cycle=${cycleId}&mutasiQ=benar`);
    expect(shown.text).toContain(
      'From the first day in the new post, Dewi Penerus (in the post Candra Kapus leaves) rates them',
    );
    const done = await move(
      'raterC',
      { unitCode: 'PKM2', positionCode: 'PERAWAT', raterNip: nip.raterB },
      'c-1',
    );
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.reports).toEqual([
      expect.objectContaining({ nip: nip.staff3, raterNip: nip.successor }),
    ]);
    expect(await eventsOf('staff3', 'participants.changed')).toEqual([
      expect.objectContaining({ supervisorNip: nip.successor, previousSupervisorNip: nip.raterC }),
    ]);
    expect(await tasksOf('successor')).toContain(`proposeIndicators ${nip.staff3}`);
    const chart = await live.rig.db
      .selectFrom('employees')
      .select('supervisor_nip')
      .where('nip', '=', nip.staff3)
      .executeTakeFirstOrThrow();
    expect(chart.supervisor_nip).toBe(nip.successor);
  });
});
