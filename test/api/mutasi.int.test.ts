// A mutasi through HTTP, on a real Temporal dev server, PostgreSQL and worker: HR moves an employee whose
// SKP is being drafted to another unit and position under another rater. The SKP period closes, the new
// one opens, the open tasks go to the new rater, the org chart and the unit's counts follow; bad requests
// are problem+json naming the field and change nothing; the web page picks unit, position and rater by name.
import { beforeAll, describe, expect, it } from 'vitest';
import { stepCounts } from '../../record/projections/unit-counts.ts';
import { type TestApi, useTestApi, webPage } from '../support/api.ts';
import { nipsOf, type Staff, staffTokens, startAgreementCycle } from '../support/http-cycle.ts';
import { startDevEnv } from '../support/temporal.ts';
import { until } from '../support/until.ts';

const staff = {
  head: ['197003031995031001', 'Hendra Kepala', 'DINKES', 'KADIS'],
  oldRater: ['197505052000031002', 'Wati Lama', 'PKM1', 'KAPUS', 'head'],
  newRater: ['197808082003032003', 'Benar Baru', 'PKM2', 'KAPUS', 'head'],
  employee: ['199001012015031004', 'Siti Aminah', 'PKM1', 'PERAWAT', 'oldRater'],
  hr: ['199202022016042005', 'Rudi Kepegawaian', 'DINKES', 'PERAWAT', 'head'],
} as const satisfies Staff;
const nip = nipsOf(staff);

describe('a mutasi of a running appraisal (HTTP, dev server, real worker)', () => {
  const live = useTestApi(startDevEnv, 'mutasi');
  const token: Record<keyof typeof nip, string> = {} as never;
  let cycleId: string;
  let appraisalId: string;
  let path: string;

  const zoned = (days: number) =>
    new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
  const move = (body: unknown, as: keyof typeof nip = 'hr', key?: string) =>
    live.t.call('POST', path, {
      token: token[as],
      body,
      ...(key ? { headers: { 'idempotency-key': key } } : {}),
    });
  const recorded = () =>
    live.rig.db
      .selectFrom('events')
      .select('data')
      .where('stream_id', '=', `appraisal-${appraisalId}`)
      .where('type', '=', 'mutasi.recorded')
      .orderBy('stream_version')
      .execute();
  const inbox = async (who: keyof typeof nip) =>
    (
      (await live.t.call('GET', '/v1/orgs/tanjabbar/me/tasks', { token: token[who] })).body.tasks as Array<{
        kind: string;
        appraisalId: string;
      }>
    ).filter((x) => x.appraisalId === appraisalId);
  const good = {
    kind: 'mutasi',
    unitCode: 'PKM2',
    positionCode: 'BIDAN',
    raterNip: nip.newRater,
    reason: 'SK Bupati 821/2027',
    effectiveDate: zoned(0),
  };

  /** A web page as HR sees it, in English. */
  const page = (url: string, init?: RequestInit) => webPage(live.t, token.hr, 'en', url, init);

  beforeAll(async () => {
    Object.assign(token, await staffTokens(live.t, 'tanjabbar', staff));
    // Socialisation is over: the agreement is open, the rater must propose.
    cycleId = await startAgreementCycle(live.t, 'tanjabbar', {
      hr: token.hr,
      units: ['DINKES', 'PKM1', 'PKM2'],
      positions: ['KADIS', 'KAPUS', 'PERAWAT', 'BIDAN'],
      staff,
    });
    appraisalId = `${cycleId}.${nip.employee}`;
    path = `/v1/orgs/tanjabbar/cycles/${cycleId}/employees/${nip.employee}/mutasi`;
    await until(async () => (await inbox('oldRater')).some((x) => x.kind === 'proposeIndicators'));
  }, 180_000);

  it('refuses bad requests as problem+json naming the field, and records nothing', async () => {
    const cases: Array<[Promise<Awaited<ReturnType<TestApi['call']>>>, number, string, string?]> = [
      [move(good, 'employee'), 403, 'forbidden_role'],
      [move({ ...good, kind: 'pindah' }), 400, 'invalid_request'],
      [move({ ...good, unitCode: 'NOPE' }), 422, 'unknown_unit', 'unitCode'],
      [move({ ...good, positionCode: 'NOPE' }), 422, 'unknown_position', 'positionCode'],
      [move({ ...good, raterNip: '198001012005011099' }), 422, 'unknown_rater', 'raterNip'],
      [move({ ...good, raterNip: nip.employee }), 422, 'invalid_rater', 'raterNip'],
      [move({ ...good, effectiveDate: '2099-01-01' }), 422, 'invalid_effective_date', 'effectiveDate'],
      [move({ ...good, effectiveDate: zoned(-3) }), 422, 'invalid_effective_date', 'effectiveDate'],
      [move({ ...good, unitCode: 'PKM1', positionCode: 'PERAWAT' }), 409, 'already_done', 'positionCode'],
    ];
    for (const [response, status, code, field] of cases) {
      const r = await response;
      expect({ status: r.status, code: r.body.code, field: r.body.field }).toEqual({ status, code, field });
      expect(r.type).toBe('application/problem+json');
    }
    expect(await recorded()).toEqual([]);
  });

  it('closes the SKP period and opens one under the new unit, position and rater; tasks, org chart and counts follow', async () => {
    // The appraisals counted per unit (any step).
    const progress = async () => {
      const sums = new Map<string, number>();
      for (const r of await stepCounts(live.rig.db, cycleId))
        sums.set(r.unitCode, (sums.get(r.unitCode) ?? 0) + r.count);
      return [...sums].filter(([, n]) => n !== 0).sort();
    };
    expect(await progress()).toEqual([
      ['DINKES', 2],
      ['PKM1', 2],
      ['PKM2', 1],
    ]);
    const first = await move(good, 'hr', 'mutasi-1');
    expect(first.status).toBe(200);
    expect(first.body.eventTypes[0]).toBe('mutasi.recorded');
    expect(first.body.movedTasks).toBeGreaterThanOrEqual(1);
    expect(await move(good, 'hr', 'mutasi-1')).toMatchObject({ status: 200, body: first.body });
    expect((await recorded()).map((r) => r.data)).toEqual([
      expect.objectContaining({
        kind: 'mutasi',
        skpPeriod: 2,
        unitCode: 'PKM2',
        positionCode: 'BIDAN',
        supervisorNip: nip.newRater,
        superiorNip: nip.head,
        skp: { form: 'jaJf', approach: 'kualitatif', ledUnitCode: null },
        closed: expect.objectContaining({
          unitCode: 'PKM1',
          positionCode: 'PERAWAT',
          supervisorNip: nip.oldRater,
        }),
      }),
    ]);
    expect((await inbox('oldRater')).map((x) => x.kind)).not.toContain('proposeIndicators');
    expect((await inbox('newRater')).map((x) => x.kind)).toContain('proposeIndicators');
    const employee = await live.rig.db
      .selectFrom('employees')
      .select(['unit_code', 'position_code', 'supervisor_nip'])
      .where('nip', '=', nip.employee)
      .executeTakeFirstOrThrow();
    expect(employee).toEqual({ unit_code: 'PKM2', position_code: 'BIDAN', supervisor_nip: nip.newRater });
    // The appraisal counts in the new unit, no longer in the old one.
    expect(await progress()).toEqual([
      ['DINKES', 2],
      ['PKM1', 1],
      ['PKM2', 2],
    ]);
  });

  it('on the web page: the SKP periods, and unit, position and rater picked by name', async () => {
    const member = await page(`/app/hr/changes/${nip.employee}?cycle=${cycleId}&mutasiQ=hendra`);
    expect(member.status).toBe(200);
    expect(member.text).toContain('SKP period 1: Jabatan PERAWAT, Unit PKM1; rater Wati Lama');
    expect(member.text).toContain('<option value="DINKES">Unit DINKES</option>');
    expect(member.text).toMatch(/<input type="radio" name="raterNip" value="197003031995031001"/);
    const form = (extra: Record<string, string>) =>
      new URLSearchParams({
        cycle: cycleId,
        mutasiQ: 'hendra',
        effectiveDate: zoned(0),
        _key: 'web-m1',
        ...extra,
      });
    const missing = await page(`/app/hr/changes/${nip.employee}/mutasi`, {
      method: 'POST',
      body: form({
        kind: 'promotion',
        unitCode: 'DINKES',
        positionCode: '',
        raterNip: nip.head,
        reason: 'Promosi',
      }),
    });
    expect(missing.status).toBe(422);
    expect(missing.text).toContain('id="f-positionCode-error"');
    expect(await recorded()).toHaveLength(1);
    const saved = await page(`/app/hr/changes/${nip.employee}/mutasi`, {
      method: 'POST',
      body: form({
        kind: 'promotion',
        unitCode: 'DINKES',
        positionCode: 'KAPUS',
        raterNip: nip.head,
        reason: 'Promosi',
      }),
    });
    expect(saved.status).toBe(303);
    const after = await page(saved.location ?? '');
    expect(after.text).toContain(
      'Siti Aminah is now Jabatan KAPUS in Unit DINKES; a new SKP period has opened.',
    );
    expect(after.text).toContain('SKP period 3 (now): Jabatan KAPUS, Unit DINKES; rater Hendra Kepala');
    expect((await recorded()).map((r) => (r.data as { kind: string }).kind)).toEqual(['mutasi', 'promotion']);
  });

  it('names a unit head by name on the HR page of unit heads; someone not employed is refused', async () => {
    const list = await page('/app/hr/leaders?unit=PKM2&q=benar');
    expect(list.status).toBe(200);
    expect(list.text).toContain('<table id="unit-heads">');
    expect(list.text).toMatch(/type="radio" name="headNip" value="197808082003032003"> Benar Baru/);
    const post = (headNip: string, key: string) =>
      page('/app/hr/leaders/PKM2', {
        method: 'POST',
        body: new URLSearchParams({ q: 'benar', headNip, _key: key }),
      });
    const head = () =>
      live.rig.db
        .selectFrom('units')
        .select('head_nip')
        .where('org_id', '=', 'tanjabbar')
        .where('code', '=', 'PKM2')
        .executeTakeFirstOrThrow();
    const refused = await post('198001012005011099', 'lead-1');
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('That person is not an active employee of this organisation.');
    expect(await head()).toEqual({ head_nip: null });
    const saved = await post(nip.newRater, 'lead-2');
    expect(saved.status).toBe(303);
    expect((await page(saved.location ?? '')).text).toContain('Benar Baru now leads Unit PKM2.');
    expect(await head()).toEqual({ head_nip: nip.newRater });
    const employee = await fetch(`${live.t.api.url}/app/hr/leaders`, {
      headers: { cookie: `siklus_session=${token.employee}` },
    });
    expect(employee.status).toBe(403);
  });
});
